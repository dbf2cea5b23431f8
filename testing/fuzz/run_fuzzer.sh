#!/usr/bin/env bash
# Fuzzes a libFuzzer target for SECONDS seconds:
#   testing/fuzz/run_fuzzer.sh BAZEL_TARGET SECONDS [SEED_DIR...]
# Builds the fuzzer with --config=fuzz (clang 14, ASan + UBSan, //third_party/clang), copies the
# seeds (every file of each SEED_DIR) to a scratch directory and runs it with
# -max_total_time=SECONDS -timeout=1 -rss_limit_mb=2048. Crash, timeout and out-of-memory inputs
# are written to the scratch directory's artifacts/ folder; the summary names them. Exit status:
# 0 when nothing was found, 1 otherwise. Per-target wrappers: python/parser/fuzz/run_fuzzer.sh,
# python/bytecode/fuzz/run_fuzzer.sh (//third_party/clang:smoke_fuzzer checks the toolchain).
set -euo pipefail
if [ $# -lt 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 BAZEL_TARGET SECONDS [SEED_DIR...]" >&2
  exit 2
fi
target="$1"
seconds="$2"
shift 2
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

bazel build --config=fuzz "$target" >&2
# `bazel info` rather than the bazel-bin symlink, which follows the last build's configuration.
bin="$(bazel info --config=fuzz bazel-bin 2>/dev/null)"
package="${target#//}"
fuzzer="$bin/${package%%:*}/${target##*:}"

work="$(mktemp -d "${TMPDIR:-/tmp}/pyrite-fuzz.XXXXXX")"
mkdir -p "$work/corpus" "$work/artifacts"
for dir in "$@"; do
  for seed in "$dir"/*; do
    # Prefixed with the directory's name: seed directories may share file names.
    cp "$seed" "$work/corpus/$(basename "$dir")_$(basename "$seed")"
  done
done
chmod -R u+w "$work/corpus"
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
  grep -E '^(==[0-9]+==ERROR|SUMMARY)|runtime error:|ERROR: libFuzzer|_fuzz_target:' \
    "$work/fuzz.log" | head -5 | sed 's/^/           /' || true
  for a in $artifacts; do echo "artifact:  $work/artifacts/$a"; done
  echo "reproduce: $fuzzer ARTIFACT"
  exit 1
fi
echo "result:    no crash, timeout or leak found"
