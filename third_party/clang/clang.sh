#!/bin/sh
# Bazel's compiler and linker for the fuzz configuration: Debian's clang 14. Compile actions go
# through clang-14 (language by file extension); links through clang++-14 so that the C++
# runtime is linked, as g++ would.
for arg in "$@"; do
  if [ "$arg" = "-c" ]; then
    exec /usr/bin/clang-14 "$@"
  fi
done
exec /usr/bin/clang++-14 "$@"
