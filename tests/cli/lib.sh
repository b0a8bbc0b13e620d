# What the CLI tests share: a scratch folder removed on exit, a process stopped on exit, and
# check NAME CONDITION... counting passes and failures. Sourced, not run.
tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
passed=0 failed=0
check() { # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
# A free loopback port, from the kernel.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Waits up to 10 s for searchd on port $1 to answer /healthz.
wait_healthy() {
  for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$1/healthz', timeout=1)" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; }
