#!/usr/bin/env python3.11
"""Compares pyrite_compile's ERROR line with CPython 3.11's (compile_ref.py, computed now) for
every program of compile_errors/. Any difference, crash, or run over 5 s fails.

Usage: compile_errors_test.py --pyrite-compile PATH
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile

import compile_ref


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrite-compile", required=True)
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    paths = sorted(glob.glob(os.path.join(here, "compile_errors", "*.py")))
    if len(paths) < 100:
        print(f"FAIL: only {len(paths)} programs in compile_errors/")
        return 1
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            want = compile_ref.result(path)
            try:
                proc = subprocess.run([args.pyrite_compile, path, os.path.join(tmp, "out.pb")],
                                      capture_output=True, text=True, timeout=5)
                got = proc.stdout.strip() if proc.returncode == 1 else "OK" if proc.returncode == 0 \
                    else f"CRASH {proc.returncode} {proc.stderr.strip()[-200:]}"
            except subprocess.TimeoutExpired:
                got = "TIMEOUT"
            if got != want:
                failures += 1
                print(f"FAIL {os.path.basename(path)}\n  CPython: {want}\n  Pyrite:  {got}")
    print(f"{len(paths) - failures} of {len(paths)} identical")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
