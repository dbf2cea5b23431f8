#!/usr/bin/env python3
"""Compares Pyrite's ast_dump with CPython's (ast_ref.py) over every .py file of CPython 3.11's Lib.

Each file is checked with and without --attributes; stdout and exit status must match byte for
byte (testing/common/ref_compare.py does the work). Prints, per mode,
    identical: N of M (attributes|no attributes)
then the differing files relative to the Lib root (50 at most unless --all). Exit status 0 when
every file is identical in both modes, 1 otherwise, 2 on a usage or setup error.

Usage: compare_lib.py [--ast-dump PATH] [--ref PATH] [--limit N] [--filter SUBSTRING]
                      [--timeout SECONDS] [--all] [--diff FILE] [--jobs N]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "common"))
import ref_compare  # noqa: E402
from ref_compare import LIB_ROOTS, lib_files  # noqa: E402,F401  (the Lib file set, for benchmarks)

AST_DUMP = ref_compare.Tool(
    name="ast_dump", ref="ast_ref.py", ref_env="AST_REF", target="//python/parser:ast_dump",
    modes=(("--attributes",), ()), mode_names=("attributes", "no attributes"))


def main(argv):
    return ref_compare.lib_main(argv, AST_DUMP, __doc__.split("\n")[0])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
