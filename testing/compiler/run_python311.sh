#!/usr/bin/env bash
# Bazel test driver: runs a Python script of this package on Debian's CPython 3.11 (the
# reference interpreter; the test's PATH may hold another one). Usage: run_python311.sh SCRIPT ARGS...
set -euo pipefail
if [ ! -x /usr/bin/python3.11 ]; then
  echo "FAIL: /usr/bin/python3.11 is missing (Debian package python3.11-minimal)" >&2
  exit 1
fi
script="$1"
shift
exec /usr/bin/python3.11 "$script" "$@"
