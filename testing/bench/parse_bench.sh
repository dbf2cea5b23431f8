#!/usr/bin/env bash
# Parser benchmark against CPython 3.11: see frontend_bench.sh.
#   testing/bench/parse_bench.sh [ROUNDS]
exec "$(dirname "${BASH_SOURCE[0]}")/frontend_bench.sh" parse "$@"
