#!/usr/bin/env python3
"""Compares Pyrite's ast_dump with CPython's (ast_ref.py) over every .py file of CPython 3.11's Lib.

Both tools run as subprocesses on each file, with and without --attributes; stdout and exit
status must match byte for byte. The reference always runs on Debian's /usr/bin/python3.11 (a
version-manager shim of the same name is a different CPython). Prints, per mode,
    identical: N of M (attributes|no attributes)
then the differing files relative to the Lib root (50 at most unless --all). Exit status 0 when
every file is identical in both modes, 1 otherwise, 2 on a usage or setup error.

Usage: compare_lib.py [--ast-dump PATH] [--ref PATH] [--limit N] [--filter SUBSTRING]
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
MODES = (("--attributes",), ())


def mode_name(flags):
    return "attributes" if flags else "no attributes"


def default_ref_path():
    """ast_ref.py: $AST_REF, else ../shared/tools/ast_ref.py next to the repository root."""
    if os.environ.get("AST_REF"):
        return os.environ["AST_REF"]
    here = os.path.dirname(os.path.realpath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    return os.path.join(os.path.dirname(repo), "shared", "tools", "ast_ref.py")


def default_ast_dump_path():
    here = os.path.dirname(os.path.realpath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    return os.path.join(repo, "bazel-bin", "python", "parser", "ast_dump")


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


def run_reference(ref, flags, path, timeout):
    return run([REFERENCE_PYTHON, "-I", ref, *flags, path], timeout, reference=True)


def verdict(got, want, timeout):
    """None when ast_dump's run `got` matches the reference run `want`, else why not."""
    if got[0] == "timeout":
        return "timeout (ast_dump took over %gs)" % timeout
    if want[0] == "timeout":
        return "timeout (ast_ref.py took over %gs)" % timeout
    if got[0] == "oserror":
        return "cannot run ast_dump: " + got[2].decode(errors="replace")
    if got[0] < 0:
        return "crash (ast_dump killed by signal %d)" % -got[0]
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
    """Runs both tools on one file in one mode; returns (relpath, flags, verdict or None)."""
    relpath, flags, ast_dump, ref, timeout = task
    path = os.path.join(LIB_ROOTS[0], relpath)
    want = run_reference(ref, flags, path, timeout)
    got = run([ast_dump, *flags, path], timeout)
    return relpath, flags, verdict(got, want, timeout)


def first_difference(a, b):
    """Index of the first byte where a and b differ (len of the shorter when one is a prefix)."""
    n = min(len(a), len(b))
    for i in range(n):
        if a[i] != b[i]:
            return i
    return n


def show_diff(relpath, ast_dump, ref, timeout):
    path = relpath if os.path.isabs(relpath) else os.path.join(LIB_ROOTS[0], relpath)
    status = 0
    for flags in MODES:
        want = run_reference(ref, flags, path, timeout)
        got = run([ast_dump, *flags, path], timeout)
        name = mode_name(flags)
        if got[:2] == want[:2]:
            print("%s: identical (%d bytes, exit %s)" % (name, len(want[1]), want[0]))
            continue
        status = 1
        print("%s: ast_dump exit %s, ast_ref.py exit %s" % (name, got[0], want[0]))
        i = first_difference(got[1], want[1])
        lo = max(0, i - 150)
        print("  first difference at byte %d of %d (ast_dump) / %d (ast_ref.py)"
              % (i, len(got[1]), len(want[1])))
        print("  ast_dump:   ..." + got[1][lo:i + 150].decode(errors="replace"))
        print("  ast_ref.py: ..." + want[1][lo:i + 150].decode(errors="replace"))
        if got[2]:
            print("  ast_dump stderr: " + got[2][:2000].decode(errors="replace"))
    return status


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ast-dump", default=default_ast_dump_path())
    parser.add_argument("--ref", default=default_ref_path(), help="path to ast_ref.py")
    parser.add_argument("--limit", type=int, default=0, help="compare the first N files only")
    parser.add_argument("--filter", default="", help="only files whose path contains this")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per file and tool")
    parser.add_argument("--all", action="store_true", help="list every differing file")
    parser.add_argument("--diff", metavar="FILE", help="show the first difference for one file")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    args = parser.parse_args(argv)

    if not os.access(REFERENCE_PYTHON, os.X_OK):
        print("error: %s is missing (Debian package python3.11-minimal)" % REFERENCE_PYTHON,
              file=sys.stderr)
        return 2
    if not os.path.isfile(args.ref):
        print("error: ast_ref.py not found at %s (set AST_REF or --ref)" % args.ref,
              file=sys.stderr)
        return 2
    if not os.access(args.ast_dump, os.X_OK):
        print("error: ast_dump not found at %s (bazel build //python/parser:ast_dump)"
              % args.ast_dump, file=sys.stderr)
        return 2
    ast_dump = os.path.abspath(args.ast_dump)
    if args.diff:
        return show_diff(args.diff, ast_dump, args.ref, args.timeout)

    files = [f for f in lib_files() if args.filter in f]
    if args.limit:
        files = files[:args.limit]
    if not files:
        print("error: no files selected", file=sys.stderr)
        return 2
    tasks = [(f, flags, ast_dump, args.ref, args.timeout) for flags in MODES for f in files]
    differing = {flags: [] for flags in MODES}
    with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for relpath, flags, verdict in pool.map(compare_one, tasks, chunksize=4):
            if verdict is not None:
                differing[flags].append((relpath, verdict))

    for flags in MODES:
        print("identical: %d of %d (%s)" % (len(files) - len(differing[flags]), len(files),
                                           mode_name(flags)))
    for flags in MODES:
        rows = differing[flags]
        if not rows:
            continue
        print("differing (%s):" % mode_name(flags))
        shown = rows if args.all else rows[:50]
        for relpath, verdict in shown:
            print("  %s: %s" % (relpath, verdict))
        if len(shown) < len(rows):
            print("  ... and %d more (--all lists them)" % (len(rows) - len(shown)))
    return 0 if not any(differing.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
