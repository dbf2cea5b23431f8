#!/usr/bin/env bash
# Sets the machine up (tools/setup.sh) and runs every test twice: in the default configuration and
# under AddressSanitizer/LeakSanitizer/UBSan. Ends with one line `N passed, N failed` (test cases,
# counted by tools/test_summary.py from Bazel's results); exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh || exit 1

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
status=0
passed=0
failed=0
for config in default asan; do
  flags=()
  [ "$config" = default ] || flags=(--config="$config")
  echo "=== bazel test ${flags[*]} //..."
  bazel test --keep_going "${flags[@]}" //... 2>&1 | tee "$logs/$config.log"
  rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || status=1
  read -r p f < <(/usr/bin/python3 tools/test_summary.py \
      --testlogs "$(bazel info "${flags[@]}" bazel-testlogs 2>/dev/null)" "$logs/$config.log")
  echo "$config: $p passed, $f failed (bazel exit status $rc)"
  passed=$((passed + p))
  failed=$((failed + f))
done

# CI builds a fresh clone each run: drop its output base (the disk cache keeps the compiled work).
if [ "${CI:-}" = true ]; then bazel clean --expunge >/dev/null 2>&1; fi

[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit "$status"
