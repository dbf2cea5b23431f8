#!/usr/bin/env python3
"""CPython's side of the front-end benchmarks: times a stage over the same files, in memory.

Usage: frontend_bench_cpython.py --stage {parse,compile} [--passes N] LIST_FILE
       frontend_bench_cpython.py --stage {parse,compile} --write-list LIST_FILE
Stage `parse` is ast.parse, stage `compile` is compile(source, path, "exec").
The first form reads every file named in LIST_FILE (one path a line), then times the stage over
all of them, best of N passes (3 by default), and prints `cpython_seconds S` and `files N`.
The second writes LIST_FILE: every .py file of /usr/lib/python3.11 (the file set of
testing/parser/compare_lib.py) that the stage accepts. Run both under /usr/bin/python3.11.
"""
import argparse
import ast
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "parser"))
import compare_lib  # noqa: E402  (defines the Lib file set once)


STAGES = {
    "parse": lambda source, path: ast.parse(source, path),
    "compile": lambda source, path: compile(source, path, "exec"),
}


def write_list(list_path, stage):
    accepted = 0
    with open(list_path, "w") as out:
        for relpath in compare_lib.lib_files():
            path = os.path.join(compare_lib.LIB_ROOTS[0], relpath)
            with open(path, "rb") as f:
                source = f.read()
            try:
                stage(source, path)
            except (SyntaxError, ValueError):
                continue
            out.write(path + "\n")
            accepted += 1
    return accepted


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stage", choices=sorted(STAGES), default="parse")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--write-list", action="store_true")
    parser.add_argument("list_file")
    args = parser.parse_args(argv)
    if args.write_list:
        print("files %d" % write_list(args.list_file, STAGES[args.stage]))
        return 0
    with open(args.list_file) as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    sources = []
    for path in paths:
        with open(path, "rb") as f:
            sources.append((f.read(), path))
    stage = STAGES[args.stage]
    best = None
    for _ in range(args.passes):
        start = time.perf_counter()
        for source, path in sources:
            stage(source, path)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print("cpython_seconds %.6f\nfiles %d" % (best, len(sources)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
