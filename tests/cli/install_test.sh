#!/usr/bin/env bash
# `cmake --install` as an operator runs it: both programs, the page and the sample systemd unit
# land under the prefix, and the installed searchd, configured as the unit configures it,
# serves an index built by the installed indexer. Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -u
build=$1 src=$2
. "$(dirname "$0")/lib.sh"
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
port=$(free_port)
env $(sed -n 's/^Environment=//p' "$unit") PRESSROOM_DB="$tmp/db" PRESSROOM_PORT="$port" \
  "$prefix/bin/pressroom-searchd" 2>"$tmp/log" &
pid=$!
check "installed searchd answers" wait_healthy "$port"
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

finish
