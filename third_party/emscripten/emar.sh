#!/bin/sh
# Bazel's archiver for wasm32: Debian's emar (llvm-ar) with Debian's Python.
export EMSDK_PYTHON=/usr/bin/python3
exec /usr/bin/emar "$@"
