#!/usr/bin/env bash
# `cmake --install` as an operator runs it: both programs, the page and the sample systemd unit
# land under the prefix, and the installed searchd, configured as the unit configures it,
# serves an index built by the installed indexer. Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -u
build=$1 src=$2
tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
passed=0 failed=0
check() { # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; code=$?
check "install: exits 0" test "$code" -eq 0
for f in bin/pressroom-indexer bin/pressroom-searchd share/pressroom/web/index.html share/pressroom/web/app.js \
         share/pressroom/synonyms.txt share/pressroom/systemd/pressroom-searchd.service; do
  check "install: $f" test -s "$prefix/$f"
done
unit=$prefix/share/pressroom/systemd/pressroom-searchd.service
check "unit: starts the installed searchd" grep -qx "ExecStart=$prefix/bin/pressroom-searchd" "$unit"
check "unit: serves the installed page" grep -qx "Environment=PRESSROOM_WEB=$prefix/share/pressroom/web" "$unit"
check "unit: loopback only" grep -qx "Environment=PRESSROOM_HOST=127.0.0.1" "$unit"

"$prefix/bin/pressroom-indexer" --db "$tmp/db" --synonyms "$prefix/share/pressroom/synonyms.txt" \
  "$src/corpus/seeds" 2>"$tmp/err"; code=$?
check "installed indexer indexes the seeds" test "$code" -eq 0

# The unit's settings, with this test's index and a free port.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
env $(sed -n 's/^Environment=//p' "$unit") PRESSROOM_DB="$tmp/db" PRESSROOM_PORT="$port" \
  "$prefix/bin/pressroom-searchd" 2>"$tmp/log" &
pid=$!
ok=1
for _ in $(seq 1 100); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/healthz', timeout=1)" 2>/dev/null && { ok=0; break; }
  sleep 0.1
done
check "installed searchd answers" test "$ok" -eq 0
check "installed searchd serves the page" python3 -c "
import urllib.request, sys
body = urllib.request.urlopen('http://127.0.0.1:$port/', timeout=2).read().decode()
sys.exit(0 if '<html' in body else 1)"
check "installed searchd finds the mayor" python3 -c "
import json, urllib.request, sys
r = json.load(urllib.request.urlopen('http://127.0.0.1:$port/api/search?q=park+won-soon', timeout=2))
sys.exit(0 if r['total'] >= 4 else 1)"
kill -TERM "$pid"; wait "$pid"; code=$?; pid=""
check "installed searchd stops cleanly" test "$code" -eq 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
