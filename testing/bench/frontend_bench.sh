#!/usr/bin/env bash
# Front-end benchmarks: a Pyrite stage (C++, --config=opt) against the same stage of CPython 3.11
# over every .py file of /usr/lib/python3.11 that CPython accepts, sources held in memory.
#   testing/bench/frontend_bench.sh {parse|compile} [ROUNDS]
# parse: Parse against ast.parse; compile: CompileSource against compile(..., "exec").
# Runs the two one pass at a time, alternating, ROUNDS times (default 3), so that load from
# other processes hits both alike; each side's best pass is reported, then the ratio
# CPython/Pyrite (how many times faster Pyrite is).
set -euo pipefail
stage="${1:-}"
case "$stage" in
  parse | compile) ;;
  *)
    echo "usage: frontend_bench.sh parse|compile [ROUNDS]" >&2
    exit 2
    ;;
esac
rounds="${2:-3}"
python=/usr/bin/python3.11
if [ ! -x "$python" ]; then
  echo "error: $python is missing (Debian package python3.11-minimal)" >&2
  exit 2
fi
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

bazel build --config=opt "//testing/bench:${stage}_bench" >&2
# `bazel info` rather than the bazel-bin symlink, which follows the last build's configuration.
bench="$(bazel info --config=opt bazel-bin 2>/dev/null)/testing/bench/${stage}_bench"
cpython=(testing/bench/frontend_bench_cpython.py --stage "$stage")

list="$(mktemp "${TMPDIR:-/tmp}/${stage}_bench_files.XXXXXX")"
trap 'rm -f "$list"' EXIT
"$python" "${cpython[@]}" --write-list "$list" >/dev/null

value() {  # value KEY OUTPUT: the number after KEY
  awk -v k="$1" '$1 == k { print $2 }' <<<"$2"
}
pyrite_best="" cpython_best="" rejected=0 bytes=0
for ((round = 1; round <= rounds; round++)); do
  out="$("$bench" --passes 1 "$list")"
  t="$(value pyrite_seconds "$out")"
  rejected="$(value rejected "$out")" bytes="$(value bytes "$out")"
  if [ -z "$pyrite_best" ] || awk -v a="$t" -v b="$pyrite_best" 'BEGIN { exit !(a < b) }'; then
    pyrite_best="$t"
  fi
  out="$("$python" "${cpython[@]}" --passes 1 "$list")"
  t="$(value cpython_seconds "$out")"
  if [ -z "$cpython_best" ] || awk -v a="$t" -v b="$cpython_best" 'BEGIN { exit !(a < b) }'; then
    cpython_best="$t"
  fi
done

files="$(wc -l <"$list")"
echo "files:   $files ($bytes bytes; Pyrite rejected $rejected of them)"
echo "pyrite:  ${pyrite_best} s (best of $rounds)"
what=$([ "$stage" = parse ] && echo ast.parse || echo compile)
echo "cpython: ${cpython_best} s (best of $rounds, $what on $("$python" -V 2>&1))"
awk -v c="$cpython_best" -v p="$pyrite_best" \
  'BEGIN { if (p > 0) printf "ratio:   %.2fx (CPython time / Pyrite time)\n", c / p }'
