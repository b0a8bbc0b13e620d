#!/usr/bin/env bash
# The two programs as a user runs them: exit codes and the messages of common mistakes,
# a clean stop on SIGTERM. Usage: cli_test.sh INDEXER SEARCHD SOURCE_DIR
set -u
indexer=$1 searchd=$2 src=$3
. "$(dirname "$0")/lib.sh"
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

# Hostile corpus input: each bad file is skipped (or indexed) with a message naming it, the run
# goes on to the good records, and a 100 MB record is never held in memory: the run's peak
# memory stays within 64 MB of a run over the good records alone: a record is buffered up to the
# 16 MB limit, and under AddressSanitizer the buffers it outgrew stay in quarantine.
check "indexer: hostile input" python3 - "$indexer" "$tmp/hostile" <<'PY'
import gzip, json, os, subprocess, sys
indexer, root = sys.argv[1], sys.argv[2]
src = os.path.join(root, "src"); os.makedirs(src)
def good(i):
    return json.dumps({"id": f"good-{i}", "title": f"Harbour ferry {i}", "date": "2020-01-02",
                       "body": f"The harbour ferry number {i} runs again.\n\nIt stops at the pier."})
def write(name, data):
    with open(os.path.join(src, name), "wb") as f:
        f.write(data)
write("empty.jsonl", b"")
write("binary.jsonl", bytes(range(256)) * 16)
records = ("\n".join(good(i) for i in range(1, 4)) + "\n").encode()
packed = gzip.compress(records * 50)
write("truncated.jsonl.gz", packed[: len(packed) // 2])
# Written in pieces: the indexer is forked from this process, and counts its memory until exec.
with open(os.path.join(src, "huge.jsonl"), "w") as f:
    f.write('{"id": "huge", "title": "Huge", "body": "')
    for _ in range(100):
        f.write("word " * (1024 * 1024 // 5))
    f.write('"}\n' + good(10) + "\n")
write("bad-utf8.jsonl", b'{"id":"bad","title":"Bad","body":"caf\xe9 au lait"}\n' + good(11).encode() + b"\n")
write("deep.html", ("<html><body>" + "<div>" * 10000 + "<p>The harbour ferry deep in the page runs again today.</p>"
                    + "</div>" * 10000 + "</body></html>").encode())
write("empty.txt", b"")
write("binary.txt", bytes(range(256)) * 16)
def run_measured(args, log):
    """Runs the indexer; returns its exit code, what it said and its own peak memory in MB."""
    with open(log, "w") as err:
        child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
    with open(log) as err:
        return os.waitstatus_to_exitcode(status), err.read(), usage.ru_maxrss / 1024
good_only = os.path.join(root, "good"); os.makedirs(good_only)
with open(os.path.join(good_only, "good.jsonl"), "w") as f:
    f.write(good(10) + "\n" + good(11) + "\n")
_, _, base_mb = run_measured([indexer, "--db", os.path.join(root, "db-good"), good_only], os.path.join(root, "good.log"))
code, said, peak_mb = run_measured([indexer, "--db", os.path.join(root, "db"), src], os.path.join(root, "run.log"))
problems = []
if code != 0:
    problems.append(f"exit {code}")
for name in ["binary.jsonl", "truncated.jsonl.gz", "huge.jsonl:1: the record is 100.0 MB", "bad-utf8.jsonl:1",
             "empty.txt", "binary.txt"]:
    if name not in said:
        problems.append(f"no message naming {name}")
if "3 documents" not in said:  # good-10, good-11 and the deep page
    problems.append("not 3 documents")
if peak_mb > base_mb + 64:
    problems.append(f"peak memory {peak_mb:.0f} MB against {base_mb:.0f} MB for the good records alone")
if problems:
    print("hostile input:", problems, said[-2000:])
sys.exit(1 if problems else 0)
PY

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
port=$(free_port)
PRESSROOM_DB="$tmp/db" PRESSROOM_PORT="$port" PRESSROOM_ACCESS_LOG=json "$searchd" --web "$src/web" 2>"$tmp/log" &
pid=$!
wait_healthy "$port"
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

finish
