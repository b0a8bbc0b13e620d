# shellcheck shell=bash
# Shared by the load and fault scripts in bench/faults: sourced, never run.
#
# Each script takes the build folder as its only argument (default: build/ at the top of the
# repository; the two programs are built there when missing), works in a scratch folder under
# /tmp, binds searchd to 127.0.0.1 on a free port and stops every process it started, by PID, on
# exit. FAULTS_KEEP=1 keeps the scratch folder. FAULTS_BASE_INDEX names an index of the bundled
# corpus to copy instead of indexing it again (bench/faults/all builds one for every script).

FAULTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$FAULTS_DIR/../.." && pwd)
BUILD=$(realpath -m "${1:-$REPO/build}")
INDEXER=$BUILD/indexer/pressroom-indexer
SEARCHD=$BUILD/searchd/pressroom-searchd
CORPUS=("$REPO/corpus/seeds" "$REPO/corpus/doj-press-releases.jsonl.gz")
SYNONYMS=$REPO/corpus/synonyms.txt
SCRATCH=$(mktemp -d /tmp/pressroom-faults.XXXXXX)
PIDS=()         # every background process started, stopped on exit
CLEANUPS=()     # extra commands run on exit (unmounts), before the folder is removed
FAILURES=0

say() { printf '==> %s\n' "$*" >&2; }
fail() { printf 'FAIL: %s\n' "$*" >&2; FAILURES=$((FAILURES + 1)); }
# RESULT lines are what bench/faults/all collects into its summary table.
result() { printf 'RESULT %s\n' "$*"; }

stop_pid() { # stop_pid PID: TERM, up to 5 s, then KILL; never a process this script did not start
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local pid cmd
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  for cmd in "${CLEANUPS[@]}"; do eval "$cmd" || true; done
  if [ "${FAULTS_KEEP:-0}" = 1 ]; then say "kept $SCRATCH"; else rm -rf "$SCRATCH"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_built() {
  if [ -x "$INDEXER" ] && [ -x "$SEARCHD" ]; then return 0; fi
  say "building pressroom-indexer and pressroom-searchd in $BUILD"
  if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    cmake -S "$REPO" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  cmake --build "$BUILD" -j2 --target pressroom-indexer pressroom-searchd >/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# base_index DIR: the bundled corpus indexed into DIR (copied from FAULTS_BASE_INDEX when given).
base_index() {
  local dir=$1
  if [ -n "${FAULTS_BASE_INDEX:-}" ] && [ -f "$FAULTS_BASE_INDEX/XAPIANDB" ]; then
    cp -a "$FAULTS_BASE_INDEX" "$dir"
    return 0
  fi
  say "indexing the bundled corpus into $dir (about a minute)"
  "$INDEXER" --db "$dir" --synonyms "$SYNONYMS" "${CORPUS[@]}" 2>"$SCRATCH/base-index.log" ||
    { cat "$SCRATCH/base-index.log" >&2; return 1; }
}

# corpus_copy DIR: a copy of the bundled corpus (seeds folder and the JSON Lines file).
corpus_copy() {
  mkdir -p "$1"
  cp -a "${CORPUS[@]}" "$1/"
}

# start_searchd DB PORT [ARGS...]: starts searchd in the background, sets SEARCHD_PID and waits
# (at most 30 s) for /healthz.
start_searchd() {
  local db=$1 port=$2; shift 2
  "$SEARCHD" --db "$db" --host 127.0.0.1 --port "$port" --access-log off "$@" 2>>"$SCRATCH/searchd-$port.log" &
  SEARCHD_PID=$!
  PIDS+=("$SEARCHD_PID")
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/healthz" 2>/dev/null && return 0
    kill -0 "$SEARCHD_PID" 2>/dev/null || { cat "$SCRATCH/searchd-$port.log" >&2; return 1; }
    sleep 0.1
  done
  echo "searchd did not answer /healthz within 30 s" >&2
  return 1
}

# get URL: prints "STATUS BODY" on one line (status 000 when nothing answered within 5 s).
get() {
  local out
  out=$(curl -sS --max-time 5 -w '\n%{http_code}' "$1" 2>/dev/null) || true
  printf '%s %s\n' "${out##*$'\n'}" "$(printf '%s' "$out" | sed '$d' | tr '\n' ' ')"
}

# json FIELD...: reads JSON on stdin, prints the field (a path such as error.code), or "" when
# the input is not JSON or lacks it.
json() {
  python3 -c '
import json, sys
try:
    v = json.load(sys.stdin)
    for k in sys.argv[1].split("."):
        v = v[int(k)] if isinstance(v, list) else v[k]
    print(v if not isinstance(v, (dict, list)) else json.dumps(v))
except Exception:
    print("")' "$1"
}

# doc_count PORT: the documents /healthz reports, or "" when it does not answer 200.
doc_count() {
  local r; r=$(get "http://127.0.0.1:$1/healthz")
  [ "${r%% *}" = 200 ] || { echo ""; return 0; }
  printf '%s' "${r#* }" | json documents
}

# total PORT QUERY: the total /api/search reports for an encoded query, or "" when not 200.
total() {
  local r; r=$(get "http://127.0.0.1:$1/api/search?q=$2&facets=false")
  [ "${r%% *}" = 200 ] || { echo ""; return 0; }
  printf '%s' "${r#* }" | json total
}

# sample_rss PID FILE: appends "SECONDS RSS_KB" every second while PID lives (at most 2 hours);
# sets SAMPLER_PID.
sample_rss() {
  local pid=$1 file=$2
  (
    start=$(date +%s)
    for _ in $(seq 1 7200); do
      rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null) || break
      [ -n "$rss" ] || break
      echo "$(($(date +%s) - start)) $rss"
      sleep 1
    done
  ) >>"$file" &
  SAMPLER_PID=$!
  PIDS+=("$SAMPLER_PID")
}
rss_now() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

# run_wrk OUT SECONDS CONNECTIONS PORT: wrk with the mixed query set; its report in OUT. Sets
# WRK_PID (it runs in the background; wait_wrk waits for it).
run_wrk() {
  local out=$1 seconds=$2 conns=$3 port=$4 threads=2
  "${WRK:-wrk}" -t"$threads" -c"$conns" -d"${seconds}s" --timeout 5s --latency -s "$FAULTS_DIR/mixed.lua" \
    "http://127.0.0.1:$port" -- "$FAULTS_DIR/queries.txt" >"$out" 2>&1 &
  WRK_PID=$!
  PIDS+=("$WRK_PID")
}
wait_wrk() { wait "$WRK_PID" || { cat "$1" >&2; return 1; }; }

# wrk_field OUT NAME: a figure from the "faults:" line mixed.lua prints (requests, ok, s429,
# s503, other, s404, s5xx, connect, read, write, timeout, status, rps, p50_ms, p99_ms, max_ms).
wrk_field() { grep '^faults:' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# check_wrk OUT LABEL: fails unless every request was answered 2xx (or a deliberate 429/503)
# and no socket error happened. searchd answers 503 on purpose only when every worker is taken
# and --max-waiting connections already wait; FAULTS_ALLOW_503=0 counts any 503 as a failure.
check_wrk() {
  local out=$1 label=$2
  if ! grep -q '^faults:' "$out"; then fail "$label: wrk printed no summary"; cat "$out" >&2; return 0; fi
  local other sock status deliberate
  other=$(wrk_field "$out" other)
  sock=$(($(wrk_field "$out" connect) + $(wrk_field "$out" read) + $(wrk_field "$out" write) + $(wrk_field "$out" timeout)))
  status=$(wrk_field "$out" status)
  deliberate=$(($(wrk_field "$out" s429) + $(wrk_field "$out" s503)))
  [ "$other" -eq 0 ] || fail "$label: $other responses other than 2xx, 429 or 503 ($(wrk_field "$out" s404) 404, $(wrk_field "$out" s5xx) 5xx)"
  [ "$sock" -eq 0 ] || fail "$label: $sock socket errors (connect/read/write/timeout)"
  [ "$status" -eq "$deliberate" ] || fail "$label: wrk counted $status non-2xx, the script $deliberate 429/503"
  [ "${FAULTS_ALLOW_503:-1}" = 1 ] || [ "$(wrk_field "$out" s503)" -eq 0 ] ||
    fail "$label: $(wrk_field "$out" s503) answers were 503 (FAULTS_ALLOW_503=0)"
}

# first_records N: the first N records of the bundled JSON Lines corpus on stdout.
first_records() {
  python3 -c '
import gzip, itertools, sys
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    sys.stdout.writelines(itertools.islice(f, int(sys.argv[2])))' "$REPO/corpus/doj-press-releases.jsonl.gz" "$1"
}
