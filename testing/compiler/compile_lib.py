#!/usr/bin/env python3.11
"""Compiles every .py file of /usr/lib/python3.11 and its test/ (no dist-packages) with Pyrite's
pyrite_compile and compares with CPython 3.11 (compile_ref.py's answers):

  compiled               files CPython accepts that Pyrite compiles
  rejected identically   files CPython rejects that Pyrite rejects with the same ERROR line
  round trip identical   compiled files whose artefact loads and re-serialises byte-identically

Usage: compile_lib.py --pyrite-compile PATH [--root DIR] [--show N] [--jobs N]
Exit status 0 when all three are complete, 1 otherwise.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import tempfile

import compile_ref


def files(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("dist-packages", "site-packages"))
        for name in sorted(filenames):
            if name.endswith(".py"):
                out.append(os.path.join(dirpath, name))
    return out


def pyrite(tool, path, tmp):
    out = os.path.join(tmp, str(abs(hash(path))) + ".pb")
    try:
        proc = subprocess.run([tool, "--roundtrip", path, out], capture_output=True, text=True,
                              errors="replace", timeout=60)
    except subprocess.TimeoutExpired:
        return "TIMEOUT", ""
    try:
        os.unlink(out)
    except OSError:
        pass
    if proc.returncode == 0:
        return "OK", ""
    if proc.returncode == 3:
        return "ROUNDTRIP", proc.stderr.strip()
    if proc.returncode == 1 and proc.stdout.startswith("ERROR"):
        return proc.stdout.strip(), proc.stderr.strip()
    return f"CRASH {proc.returncode}", proc.stderr.strip()[-300:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrite-compile", required=True)
    ap.add_argument("--root", default="/usr/lib/python3.11")
    ap.add_argument("--show", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    tool = os.path.abspath(args.pyrite_compile)
    paths = files(args.root)
    accepted = rejected = compiled = same_error = roundtrip = 0
    problems = []
    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = pool.map(lambda p: (p, compile_ref.result(p), pyrite(tool, p, tmp)), paths)
        for path, ref, (got, detail) in results:
            if ref == "OK":
                accepted += 1
                if got in ("OK", "ROUNDTRIP"):
                    compiled += 1
                    if got == "OK":
                        roundtrip += 1
                    else:
                        problems.append(f"{path}: round trip: {detail}")
                else:
                    problems.append(f"{path}: CPython OK, Pyrite {got} {detail}")
            else:
                rejected += 1
                if got == ref:
                    same_error += 1
                else:
                    problems.append(f"{path}: CPython {ref!r}, Pyrite {got!r} {detail}")
    for line in problems[: args.show]:
        print(line)
    print(f"compiled: {compiled} of {accepted}")
    print(f"rejected identically: {same_error} of {rejected}")
    print(f"round trip identical: {roundtrip} of {compiled}")
    return 0 if (compiled == accepted and same_error == rejected and roundtrip == compiled) else 1


if __name__ == "__main__":
    sys.exit(main())
