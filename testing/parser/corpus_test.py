#!/usr/bin/env python3
"""Runs ast_dump over the invalid/ and valid/ corpora, with and without --attributes, and compares
each run byte for byte (stdout and exit status) with ast_ref.py run now by /usr/bin/python3.11:
expected outputs are CPython's, produced at test time, never checked in.

Prints one line per file and mode, then `identical: N of M`. Fails when any file differs, when
ast_dump crashes (signal or sanitizer report) or when a run takes longer than 5 s.

Usage: corpus_test.py [--ast-dump PATH] [--ref PATH] [--filter SUBSTRING] [CORPUS_DIR...]
Under `bazel test` the paths come from the runfiles; ast_ref.py is found through $AST_REF or,
by default, as ../shared/tools/ast_ref.py beside the real (symlink-resolved) repository root.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare_lib  # noqa: E402  (same directory, also in the test's runfiles)
import ref_compare  # noqa: E402


def main(argv):
    return ref_compare.corpus_main(
        argv, compare_lib.AST_DUMP, __doc__.split("\n")[0],
        corpora=[os.path.join(HERE, "invalid"), os.path.join(HERE, "valid")],
        binary_in_runfiles=os.path.join(HERE, "..", "..", "python", "parser", "ast_dump"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
