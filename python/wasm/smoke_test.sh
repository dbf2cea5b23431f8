#!/bin/bash
# Runs the Emscripten-built smoke program under Node and checks its output and exit status.
set -u
js="$1"
fail() { echo "FAIL: $*" >&2; exit 1; }

out=$(node "$js") || fail "node exited with status $?"
want="hello from wasm (3 words, 'hello' has 5 letters)"
[ "$out" = "$want" ] || fail "got '$out', want '$want'"

node "$js" exit 7 >/dev/null
status=$?
[ "$status" = 7 ] || fail "exit status $status, want 7"
echo "PASS"
