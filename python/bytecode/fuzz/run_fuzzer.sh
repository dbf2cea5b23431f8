#!/usr/bin/env bash
# Fuzzes the bytecode loader with libFuzzer for SECONDS seconds:
#   python/bytecode/fuzz/run_fuzzer.sh SECONDS
# The same procedure as python/parser/fuzz/run_fuzzer.sh (whose corpus path is fixed): builds
# //python/bytecode/fuzz:load_fuzzer with --config=fuzz (clang 14, ASan + UBSan) and the seed
# corpus (generated at build time), copies the seeds to a scratch directory and runs the fuzzer
# with -max_total_time=SECONDS -timeout=1 -rss_limit_mb=2048. Crash, timeout and out-of-memory
# inputs are written to the scratch directory's artifacts/ folder; the summary names them. Exit
# status: 0 when nothing was found, 1 otherwise.
set -euo pipefail
if [ $# -ne 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 SECONDS" >&2
  exit 2
fi
seconds="$1"
target="//python/bytecode/fuzz:load_fuzzer"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$repo"

bazel build --config=fuzz "$target" //python/bytecode/fuzz:seed_corpus >&2
# `bazel info` rather than the bazel-bin symlink, which follows the last build's configuration.
bin="$(bazel info --config=fuzz bazel-bin 2>/dev/null)"
fuzzer="$bin/python/bytecode/fuzz/load_fuzzer"

work="$(mktemp -d "${TMPDIR:-/tmp}/pyrite-fuzz.XXXXXX")"
mkdir -p "$work/corpus" "$work/artifacts"
cp "$bin"/python/bytecode/fuzz/corpus/* "$work/corpus/"
chmod u+w "$work"/corpus/*
seeds="$(ls "$work/corpus" | wc -l)"

status=0
(cd "$work" && "$fuzzer" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/" corpus) >"$work/fuzz.log" 2>&1 ||
  status=$?

echo "fuzzer:    $target ($seconds s, log $work/fuzz.log)"
echo "seeds:     $seeds; corpus now $(ls "$work/corpus" | wc -l) inputs in $work/corpus"
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$work/fuzz.log" |
  sed 's/^stat::/stats:     /' || true
grep -E '^#[0-9]+.*(DONE|cov:)' "$work/fuzz.log" | tail -1 | sed 's/^/last:      /' || true
artifacts="$(ls "$work/artifacts")"
if [ "$status" -ne 0 ] || [ -n "$artifacts" ]; then
  echo "result:    FOUND A PROBLEM (fuzzer exit status $status)"
  grep -E '^(==[0-9]+==ERROR|SUMMARY)|runtime error:|ERROR: libFuzzer|load_fuzz_target:' \
    "$work/fuzz.log" | head -5 | sed 's/^/           /' || true
  for a in $artifacts; do echo "artifact:  $work/artifacts/$a"; done
  echo "reproduce: $fuzzer ARTIFACT"
  exit 1
fi
echo "result:    no crash, timeout or leak found"
