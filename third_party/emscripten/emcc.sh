#!/bin/sh
# Bazel's compiler and linker for wasm32: Debian's Emscripten with the environment it needs.
# Debian installs emcc's `acorn` module under /usr/share/nodejs, which Node does not search by
# default; Debian's own Python avoids a version-manager shim's start-up cost on every action.
export NODE_PATH=/usr/share/nodejs
export EMSDK_PYTHON=/usr/bin/python3
# Compile actions go through emcc (language by file extension); links through em++ so that the
# C++ runtime is linked.
for arg in "$@"; do
  if [ "$arg" = "-c" ]; then
    exec /usr/bin/emcc "$@"
  fi
done
exec /usr/bin/em++ "$@"
