#!/usr/bin/env python3
"""Compares Pyrite's symtable_dump with CPython's (symtable_ref.py) over every .py file of CPython
3.11's Lib.

Both tools run as subprocesses on each file; stdout and exit status must match byte for byte.
The reference always runs on Debian's /usr/bin/python3.11 (a version-manager shim of the same
name is a different CPython). Prints
    identical: N of M
then the differing files relative to the Lib root (50 at most unless --all). Exit status 0 when
every file is identical, 1 otherwise, 2 on a usage or setup error.

Usage: compare_symtable.py [--symtable-dump PATH] [--ref PATH] [--limit N] [--filter SUBSTRING]
                           [--timeout SECONDS] [--all] [--diff FILE] [--jobs N]
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys

LIB_ROOTS = ("/usr/lib/python3.11", "/usr/lib/python3.11/test")
EXCLUDED_DIRS = {"dist-packages", "site-packages"}
REFERENCE_PYTHON = "/usr/bin/python3.11"


def repo_root():
    here = os.path.dirname(os.path.realpath(__file__))
    return os.path.dirname(os.path.dirname(here))


def default_ref_path():
    """symtable_ref.py: $SYMTABLE_REF, else ../shared/tools/symtable_ref.py beside the repo."""
    if os.environ.get("SYMTABLE_REF"):
        return os.environ["SYMTABLE_REF"]
    return os.path.join(os.path.dirname(repo_root()), "shared", "tools", "symtable_ref.py")


def default_symtable_dump_path():
    return os.path.join(repo_root(), "bazel-bin", "python", "compiler", "symtable_dump")


def lib_files():
    """Relative paths (to /usr/lib/python3.11) of every .py file, sorted and deduplicated."""
    base = LIB_ROOTS[0]
    found = set()
    for root in LIB_ROOTS:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in EXCLUDED_DIRS]
            for name in filenames:
                if name.endswith(".py"):
                    found.add(os.path.relpath(os.path.join(dirpath, name), base))
    return sorted(found)


def run(argv, timeout, reference=False):
    """(exit status, 'timeout' or 'oserror'; stdout bytes; stderr bytes)."""
    env = os.environ.copy()
    if reference:
        # A fixed UTF-8 environment: the reference's stdout encoding must not depend on the
        # caller's locale, and the user's PYTHON* variables must not reach it (-I).
        env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "PYTHONUTF8": "1"}
    try:
        proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout, env=env)
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or b"", e.stderr or b""
    except OSError as e:
        return "oserror", b"", str(e).encode()
    return proc.returncode, proc.stdout, proc.stderr


def run_reference(ref, path, timeout):
    return run([REFERENCE_PYTHON, "-I", ref, path], timeout, reference=True)


def verdict(got, want, timeout):
    """None when symtable_dump's run `got` matches the reference run `want`, else why not."""
    if got[0] == "timeout":
        return "timeout (symtable_dump took over %gs)" % timeout
    if want[0] == "timeout":
        return "timeout (symtable_ref.py took over %gs)" % timeout
    if got[0] == "oserror":
        return "cannot run symtable_dump: " + got[2].decode(errors="replace")
    if got[0] < 0:
        return "crash (symtable_dump killed by signal %d)" % -got[0]
    # Sanitizers exit with status 1, the same as a rejected file: look for their report.
    if b"Sanitizer" in got[2] or b"runtime error:" in got[2]:
        lines = [l for l in got[2].decode(errors="replace").splitlines()
                 if "Sanitizer" in l or "runtime error:" in l]
        return "crash (%s)" % lines[0].strip()
    if got[0] != want[0]:
        return "exit status %s, expected %s" % (got[0], want[0])
    if got[1] != want[1]:
        return "output differs"
    return None


def compare_one(task):
    """Runs both tools on one file; returns (relpath, verdict or None)."""
    relpath, symtable_dump, ref, timeout = task
    path = os.path.join(LIB_ROOTS[0], relpath)
    want = run_reference(ref, path, timeout)
    got = run([symtable_dump, path], timeout)
    return relpath, verdict(got, want, timeout)


def first_difference(a, b):
    """Index of the first byte where a and b differ (len of the shorter when one is a prefix)."""
    n = min(len(a), len(b))
    for i in range(n):
        if a[i] != b[i]:
            return i
    return n


def show_diff(relpath, symtable_dump, ref, timeout):
    path = relpath if os.path.isabs(relpath) else os.path.join(LIB_ROOTS[0], relpath)
    want = run_reference(ref, path, timeout)
    got = run([symtable_dump, path], timeout)
    if got[:2] == want[:2]:
        print("identical (%d bytes, exit %s)" % (len(want[1]), want[0]))
        return 0
    print("symtable_dump exit %s, symtable_ref.py exit %s" % (got[0], want[0]))
    got_lines = got[1].decode(errors="replace").splitlines()
    want_lines = want[1].decode(errors="replace").splitlines()
    i = first_difference(got_lines, want_lines)
    print("  first difference at line %d of %d (symtable_dump) / %d (symtable_ref.py)"
          % (i + 1, len(got_lines), len(want_lines)))
    lo = max(0, i - 5)
    print("  symtable_dump:")
    for line in got_lines[lo:i + 5]:
        print("    " + line)
    print("  symtable_ref.py:")
    for line in want_lines[lo:i + 5]:
        print("    " + line)
    if got[2]:
        print("  symtable_dump stderr: " + got[2][:2000].decode(errors="replace"))
    if want[2]:
        print("  symtable_ref.py stderr: " + want[2][-2000:].decode(errors="replace"))
    return 1


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--symtable-dump", default=default_symtable_dump_path())
    parser.add_argument("--ref", default=default_ref_path(), help="path to symtable_ref.py")
    parser.add_argument("--limit", type=int, default=0, help="compare the first N files only")
    parser.add_argument("--filter", default="", help="only files whose path contains this")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per file and tool")
    parser.add_argument("--all", action="store_true", help="list every differing file")
    parser.add_argument("--diff", metavar="FILE", help="show the first difference for one file")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    args = parser.parse_args(argv)

    if not os.access(REFERENCE_PYTHON, os.X_OK):
        print("error: %s is missing (Debian package python3.11-minimal)" % REFERENCE_PYTHON,
              file=sys.stderr)
        return 2
    if not os.path.isfile(args.ref):
        print("error: symtable_ref.py not found at %s (set SYMTABLE_REF or --ref)" % args.ref,
              file=sys.stderr)
        return 2
    if not os.access(args.symtable_dump, os.X_OK):
        print("error: symtable_dump not found at %s (bazel build //python/compiler:symtable_dump)"
              % args.symtable_dump, file=sys.stderr)
        return 2
    symtable_dump = os.path.abspath(args.symtable_dump)
    if args.diff:
        return show_diff(args.diff, symtable_dump, args.ref, args.timeout)

    files = [f for f in lib_files() if args.filter in f]
    if args.limit:
        files = files[:args.limit]
    if not files:
        print("error: no files selected", file=sys.stderr)
        return 2
    tasks = [(f, symtable_dump, args.ref, args.timeout) for f in files]
    differing = []
    with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for relpath, why in pool.map(compare_one, tasks, chunksize=4):
            if why is not None:
                differing.append((relpath, why))

    print("identical: %d of %d" % (len(files) - len(differing), len(files)))
    if differing:
        print("differing:")
        shown = differing if args.all else differing[:50]
        for relpath, why in shown:
            print("  %s: %s" % (relpath, why))
        if len(shown) < len(differing):
            print("  ... and %d more (--all lists them)" % (len(differing) - len(shown)))
    return 0 if not differing else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
