#!/usr/bin/env python3
"""Runs symtable_dump over symtable_corpus/ and compares each run byte for byte (stdout and exit
status) with symtable_ref.py run now by /usr/bin/python3.11: expected outputs are CPython's,
produced at test time, never checked in.

Prints one line per file, then `identical: N of M`. Fails when any file differs, when
symtable_dump crashes (signal or sanitizer report) or when a run takes longer than 5 s.

Usage: symtable_corpus_test.py [--symtable-dump PATH] [--ref PATH] [--filter SUBSTRING]
                               [CORPUS_DIR...]
Under `bazel test` the paths come from the runfiles; symtable_ref.py is found through
$SYMTABLE_REF or, by default, as ../shared/tools/symtable_ref.py beside the real
(symlink-resolved) repository root.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare_symtable  # noqa: E402  (same directory, also in the test's runfiles)
import ref_compare  # noqa: E402


def main(argv):
    return ref_compare.corpus_main(
        argv, compare_symtable.SYMTABLE_DUMP, __doc__.split("\n")[0],
        corpora=[os.path.join(HERE, "symtable_corpus")],
        binary_in_runfiles=os.path.join(HERE, "..", "..", "python", "compiler", "symtable_dump"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
