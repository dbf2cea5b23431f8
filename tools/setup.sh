#!/usr/bin/env bash
# Installs the Debian packages that Pyrite's build and tests need, when they are missing, and
# nothing else. Idempotent: a machine that has them all is left alone (no apt-get at all).
# Runs apt-get through sudo when not root.
set -euo pipefail

packages=(
  bazel-bootstrap bazel-skylib bazel-platforms            # Bazel 4.2.3 and its offline rules
  g++ libabsl-dev libgtest-dev libgmock-dev libre2-dev    # native toolchain and libraries
  libprotobuf-dev protobuf-compiler
  emscripten                                              # the WebAssembly build
  clang-14 libclang-rt-14-dev                             # the fuzz build: clang, libFuzzer, sanitizers
  python3 python3.11 libpython3.11-stdlib libpython3.11-testsuite  # CPython 3.11: reference, Lib
  unicode-data                                            # Unicode tables for str
  time                                                    # GNU time: peak memory in benchmarks
)
# Emscripten's JavaScript and the wasm tests run on Node; keep a Node that is already there.
command -v node >/dev/null 2>&1 || packages+=(nodejs)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "setup: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update -q >&2
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
