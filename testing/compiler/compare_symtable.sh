#!/usr/bin/env bash
# Builds //python/compiler:symtable_dump and compares it with CPython 3.11's symtable_ref.py over
# every .py file of /usr/lib/python3.11 (compare_symtable.py says how). Arguments go to
# compare_symtable.py, e.g.
#   testing/compiler/compare_symtable.sh --filter test_scope --diff test/test_scope.py
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
if [ ! -x /usr/bin/python3.11 ]; then
  echo "error: /usr/bin/python3.11 is missing (Debian package python3.11-minimal)" >&2
  exit 2
fi
bazel build //python/compiler:symtable_dump >&2
# `bazel info` rather than the bazel-bin symlink, which follows the last build's configuration.
bin="$(bazel info bazel-bin 2>/dev/null)"
exec /usr/bin/python3.11 testing/compiler/compare_symtable.py \
  --symtable-dump "$bin/python/compiler/symtable_dump" "$@"
