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
import argparse
import concurrent.futures
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_symtable  # noqa: E402  (same directory, also in the test's runfiles)

TIMEOUT_SECONDS = 5.0


def default_corpora():
    return [os.path.join(os.path.dirname(os.path.abspath(__file__)), "symtable_corpus")]


def default_symtable_dump():
    # In the runfiles tree: testing/compiler/ beside python/compiler/symtable_dump.
    here = os.path.dirname(os.path.abspath(__file__))
    candidate = os.path.join(here, "..", "..", "python", "compiler", "symtable_dump")
    if os.access(candidate, os.X_OK):
        return os.path.normpath(candidate)
    return compare_symtable.default_symtable_dump_path()


def check_one(task):
    path, symtable_dump, ref = task
    want = compare_symtable.run_reference(ref, path, TIMEOUT_SECONDS)
    got = compare_symtable.run([symtable_dump, path], TIMEOUT_SECONDS)
    return path, compare_symtable.verdict(got, want, TIMEOUT_SECONDS), want[1]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--symtable-dump", default=default_symtable_dump())
    parser.add_argument("--ref", default=compare_symtable.default_ref_path())
    parser.add_argument("--filter", default="")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("corpora", nargs="*", default=default_corpora())
    args = parser.parse_args(argv)

    if not os.access(compare_symtable.REFERENCE_PYTHON, os.X_OK):
        print("FAIL: %s is missing (Debian package python3.11-minimal)"
              % compare_symtable.REFERENCE_PYTHON)
        return 1
    if not os.path.isfile(args.ref):
        print("FAIL: symtable_ref.py not found at %s; it lives at ../shared/tools/symtable_ref.py "
              "beside the repository (or set SYMTABLE_REF, e.g. "
              "bazel test --test_env=SYMTABLE_REF=/path)" % args.ref)
        return 1
    if not os.access(args.symtable_dump, os.X_OK):
        print("FAIL: symtable_dump not found at %s" % args.symtable_dump)
        return 1

    files = []
    for corpus in args.corpora:
        files += sorted(os.path.join(corpus, f) for f in os.listdir(corpus)
                        if f.endswith(".py") and args.filter in f)
    if not files:
        print("FAIL: no corpus files found in %s" % ", ".join(args.corpora))
        return 1
    tasks = [(f, args.symtable_dump, args.ref) for f in files]
    identical = 0
    with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for path, why, want in pool.map(check_one, tasks, chunksize=4):
            name = os.path.basename(path)
            if why is None:
                identical += 1
                print("ok    %s" % name)
            else:
                summary = want.decode(errors="replace").split("\n")[0][:100]
                print("FAIL  %s: %s; CPython: %s" % (name, why, summary))
    print("identical: %d of %d" % (identical, len(files)))
    return 0 if identical == len(files) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
