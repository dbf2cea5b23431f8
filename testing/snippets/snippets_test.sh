#!/usr/bin/env bash
# Runs run_snippets.py (first argument) with the remaining arguments on Debian's Python 3.11.
set -euo pipefail
script="$1"
shift
exec /usr/bin/python3.11 "$script" "$@"
