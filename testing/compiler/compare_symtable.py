#!/usr/bin/env python3
"""Compares Pyrite's symtable_dump with CPython's (symtable_ref.py) over every .py file of CPython
3.11's Lib.

Stdout and exit status must match byte for byte (testing/common/ref_compare.py does the work).
Prints
    identical: N of M
then the differing files relative to the Lib root (50 at most unless --all). Exit status 0 when
every file is identical, 1 otherwise, 2 on a usage or setup error.

Usage: compare_symtable.py [--symtable-dump PATH] [--ref PATH] [--limit N] [--filter SUBSTRING]
                           [--timeout SECONDS] [--all] [--diff FILE] [--jobs N]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "common"))
import ref_compare  # noqa: E402

SYMTABLE_DUMP = ref_compare.Tool(
    name="symtable_dump", ref="symtable_ref.py", ref_env="SYMTABLE_REF",
    target="//python/compiler:symtable_dump", modes=((),), mode_names=("",))


def main(argv):
    return ref_compare.lib_main(argv, SYMTABLE_DUMP, __doc__.split("\n")[0], timeout=20.0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
