#!/usr/bin/env bash
# Fuzzes the bytecode loader with libFuzzer for SECONDS seconds, seeded with the artefacts that
# //python/bytecode/fuzz:seed_corpus writes at build time (always of the current format version):
#   python/bytecode/fuzz/run_fuzzer.sh SECONDS
# See testing/fuzz/run_fuzzer.sh.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$repo"
bazel build --config=fuzz //python/bytecode/fuzz:seed_corpus >&2
bin="$(bazel info --config=fuzz bazel-bin 2>/dev/null)"
exec testing/fuzz/run_fuzzer.sh //python/bytecode/fuzz:load_fuzzer "${1:-}" \
  "$bin/python/bytecode/fuzz/corpus"
