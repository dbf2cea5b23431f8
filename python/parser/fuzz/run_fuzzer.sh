#!/usr/bin/env bash
# Fuzzes the parser with libFuzzer for SECONDS seconds, seeded with testing/parser's corpora:
#   python/parser/fuzz/run_fuzzer.sh SECONDS [BAZEL_TARGET]
# See testing/fuzz/run_fuzzer.sh. BAZEL_TARGET defaults to //python/parser/fuzz:parse_fuzzer.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$repo"
exec testing/fuzz/run_fuzzer.sh "${2:-//python/parser/fuzz:parse_fuzzer}" "${1:-}" \
  testing/parser/valid testing/parser/invalid
