#!/bin/sh
# Builds pyrite_compile and runs compile_lib.py over /usr/lib/python3.11 (and test/) with
# Debian's CPython 3.11. Extra arguments go to compile_lib.py (--show N, --jobs N, --root DIR).
set -e
cd "$(dirname "$0")/../.."
bazel build //python/compiler:pyrite_compile
exec /usr/bin/python3.11 testing/compiler/compile_lib.py \
    --pyrite-compile bazel-bin/python/compiler/pyrite_compile "$@"
