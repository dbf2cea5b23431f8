#!/usr/bin/env bash
# The interpreter benchmarks: builds Pyrite's shell with --config=opt, then runs every program in
# testing/bench/programs/ under it and under CPython 3.11, interleaved (run_bench.py), printing per
# program the time ratio and peak memory of both, then the geometric mean of the ratios.
# Usage: testing/bench/run.sh [--rounds N] [--filter SUBSTRING]
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/setup.sh  # missing packages (GNU time measures peak memory)
bazel build --config=opt //python/shell >/dev/null 2>&1 || bazel build --config=opt //python/shell
bin="$(bazel info --config=opt bazel-bin 2>/dev/null)/python/shell/shell"
exec /usr/bin/python3.11 testing/bench/run_bench.py --shell "$bin" "$@"
