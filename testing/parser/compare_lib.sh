#!/usr/bin/env bash
# Builds //python/parser:ast_dump and compares it with CPython 3.11's ast_ref.py over every .py
# file of /usr/lib/python3.11 (compare_lib.py says how). Arguments go to compare_lib.py, e.g.
#   testing/parser/compare_lib.sh --filter test_grammar --diff test/test_grammar.py
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
if [ ! -x /usr/bin/python3.11 ]; then
  echo "error: /usr/bin/python3.11 is missing (Debian package python3.11-minimal)" >&2
  exit 2
fi
bazel build //python/parser:ast_dump >&2
# `bazel info` rather than the bazel-bin symlink, which follows the last build's configuration.
bin="$(bazel info bazel-bin 2>/dev/null)"
exec /usr/bin/python3.11 testing/parser/compare_lib.py --ast-dump "$bin/python/parser/ast_dump" "$@"
