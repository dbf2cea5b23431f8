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
import argparse
import concurrent.futures
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_lib  # noqa: E402  (same directory, also in the test's runfiles)

TIMEOUT_SECONDS = 5.0


def default_corpora():
    here = os.path.dirname(os.path.abspath(__file__))
    return [os.path.join(here, "invalid"), os.path.join(here, "valid")]


def default_ast_dump():
    # In the runfiles tree: testing/parser/corpus_test.py beside python/parser/ast_dump.
    here = os.path.dirname(os.path.abspath(__file__))
    candidate = os.path.join(here, "..", "..", "python", "parser", "ast_dump")
    if os.access(candidate, os.X_OK):
        return os.path.normpath(candidate)
    return compare_lib.default_ast_dump_path()


def check_one(task):
    path, flags, ast_dump, ref = task
    want = compare_lib.run_reference(ref, flags, path, TIMEOUT_SECONDS)
    got = compare_lib.run([ast_dump, *flags, path], TIMEOUT_SECONDS)
    return path, flags, compare_lib.verdict(got, want, TIMEOUT_SECONDS), want[1]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ast-dump", default=default_ast_dump())
    parser.add_argument("--ref", default=compare_lib.default_ref_path())
    parser.add_argument("--filter", default="")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("corpora", nargs="*", default=default_corpora())
    args = parser.parse_args(argv)

    if not os.access(compare_lib.REFERENCE_PYTHON, os.X_OK):
        print("FAIL: %s is missing (Debian package python3.11-minimal)"
              % compare_lib.REFERENCE_PYTHON)
        return 1
    if not os.path.isfile(args.ref):
        print("FAIL: ast_ref.py not found at %s; it lives at ../shared/tools/ast_ref.py beside "
              "the repository (or set AST_REF, e.g. bazel test --test_env=AST_REF=/path)"
              % args.ref)
        return 1
    if not os.access(args.ast_dump, os.X_OK):
        print("FAIL: ast_dump not found at %s" % args.ast_dump)
        return 1

    files = []
    for corpus in args.corpora:
        files += sorted(os.path.join(corpus, f) for f in os.listdir(corpus)
                        if f.endswith(".py") and args.filter in f)
    if not files:
        print("FAIL: no corpus files found in %s" % ", ".join(args.corpora))
        return 1
    tasks = [(f, flags, args.ast_dump, args.ref) for f in files for flags in compare_lib.MODES]
    total = identical = 0
    with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for path, flags, why, want in pool.map(check_one, tasks, chunksize=4):
            total += 1
            name = "%s/%s" % (os.path.basename(os.path.dirname(path)), os.path.basename(path))
            mode = compare_lib.mode_name(flags)
            if why is None:
                identical += 1
                print("ok    %s (%s)" % (name, mode))
            else:
                summary = want.decode(errors="replace").split("\n")[0][:100]
                print("FAIL  %s (%s): %s; CPython: %s" % (name, mode, why, summary))
    print("identical: %d of %d" % (identical, total))
    return 0 if identical == total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
