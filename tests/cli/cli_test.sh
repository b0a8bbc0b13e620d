#!/usr/bin/env bash
# The two programs as a user runs them: exit codes and the messages of common mistakes,
# a clean stop on SIGTERM. Usage: cli_test.sh INDEXER SEARCHD SOURCE_DIR
set -u
indexer=$1 searchd=$2 src=$3
tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
passed=0 failed=0
check() { # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
contains() { grep -qF -- "$2" "$1"; }

"$indexer" --db "$tmp/db" "$tmp/no-such-folder" 2>"$tmp/err"; code=$?
check "indexer: missing source exits 1" test "$code" -eq 1
check "indexer: missing source is named" contains "$tmp/err" "source \`$tmp/no-such-folder\` does not exist"
check "indexer: nothing created for a failed run" test ! -e "$tmp/db"

"$indexer" "$src/corpus/seeds" 2>"$tmp/err"; code=$?
check "indexer: --db is required" contains "$tmp/err" "--db is required"
check "indexer: usage error exits non-zero" test "$code" -ne 0

"$indexer" --db "$tmp/db" "$src/corpus/seeds" 2>"$tmp/err"; code=$?
check "indexer: seeds index" test "$code" -eq 0
check "indexer: summary line" contains "$tmp/err" "indexed: 5 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped; 5 documents and 3 quotations live"

# An update of an index whose live generation folder is gone: told to rebuild, nothing created.
cp -a "$tmp/db" "$tmp/db-gone"
rm -rf "$tmp/db-gone/gen-000001"
"$indexer" --db "$tmp/db-gone" "$src/corpus/seeds" 2>"$tmp/err"; code=$?
check "indexer: a missing live generation exits 1" test "$code" -eq 1
check "indexer: a missing live generation is named" contains "$tmp/err" "the live index \`$tmp/db-gone/gen-000001\` named by \`$tmp/db-gone/XAPIANDB\` is missing"
check "indexer: a missing live generation asks for --rebuild" contains "$tmp/err" "run again with --rebuild"
check "indexer: a missing live generation is not created empty" test ! -e "$tmp/db-gone/gen-000001"
"$indexer" --db "$tmp/db-gone" --rebuild "$src/corpus/seeds" 2>"$tmp/err"; code=$?
check "indexer: --rebuild mends a missing live generation" contains "$tmp/err" "5 documents and 3 quotations live in gen-000002"

"$searchd" --db "$tmp/none" --port 1 2>"$tmp/err"; code=$?
check "searchd: missing index exits 1" test "$code" -eq 1
check "searchd: missing index says how to build one" contains "$tmp/err" "no index at \`$tmp/none\`: build one with \`pressroom-indexer --db $tmp/none SOURCE...\`"

"$searchd" --db "$tmp/db" --port 0 2>"$tmp/err"; code=$?
check "searchd: port 0 rejected" test "$code" -ne 0

"$indexer" --version >"$tmp/out" 2>&1; code=$?
check "indexer: --version exits 0" test "$code" -eq 0
check "indexer: --version names it" grep -qE '^pressroom-indexer [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out"
"$searchd" --version >"$tmp/out" 2>&1; code=$?
check "searchd: --version exits 0" test "$code" -eq 0
check "searchd: --version names it" grep -qE '^pressroom-searchd [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out"

# Configuration from the environment is checked at start like the flags.
PRESSROOM_DB="$tmp/db" PRESSROOM_PORT=http "$searchd" 2>"$tmp/err"; code=$?
check "searchd: a bad PRESSROOM_PORT exits non-zero" test "$code" -ne 0
check "searchd: a bad PRESSROOM_PORT is named" contains "$tmp/err" "--port"
PRESSROOM_DB="$tmp/db" PRESSROOM_ACCESS_LOG=xml "$searchd" 2>"$tmp/err"; code=$?
check "searchd: a bad PRESSROOM_ACCESS_LOG exits non-zero" test "$code" -ne 0
check "searchd: a bad PRESSROOM_ACCESS_LOG names the choices" contains "$tmp/err" "json"

# A free port: ask the kernel for one. Database, port and log format from the environment.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PRESSROOM_DB="$tmp/db" PRESSROOM_PORT="$port" PRESSROOM_ACCESS_LOG=json "$searchd" --web "$src/web" 2>"$tmp/log" &
pid=$!
for _ in $(seq 1 100); do
  python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/healthz', timeout=1)" 2>/dev/null && break
  sleep 0.1
done
check "searchd: serves" contains "$tmp/log" "serving $tmp/db at http://127.0.0.1:$port/"
kill -TERM "$pid"
wait "$pid"; code=$?
pid=""
check "searchd: SIGTERM stops it cleanly" test "$code" -eq 0
check "searchd: says it stopped" contains "$tmp/log" "stopped"
check "searchd: JSON access log" python3 -c "
import json, sys
lines = [json.loads(l) for l in open('$tmp/log') if l.startswith('{')]
sys.exit(0 if any(l['target'] == '/healthz' and l['status'] == 200 and 'ms' in l and 'time' in l for l in lines) else 1)"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
