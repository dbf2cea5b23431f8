#!/usr/bin/env python3
"""Running a Pyrite tool and its CPython reference script on the same files, and comparing them.

Shared by the stage checks (testing/parser: ast_dump vs ast_ref.py; testing/compiler:
symtable_dump vs symtable_ref.py). A `Tool` names the Pyrite binary, its reference script in
../shared/tools/ (overridable through an environment variable) and the argument variants
("modes") each file is checked in. Both programs run as subprocesses; stdout and exit status must
match byte for byte. The reference always runs on Debian's /usr/bin/python3.11, isolated (-I)
and in a fixed UTF-8 environment (a version-manager shim of the same name is another CPython).

lib_main: every .py file of /usr/lib/python3.11 and its test/ (no dist-packages); prints
`identical: N of M [(mode)]` per mode and the differing files; --diff FILE shows the first
difference of one file. corpus_main: the .py files of corpus directories, one line per file and
mode, then `identical: N of M`. Exit status 0 when all are identical, 1 otherwise, 2 (lib_main)
on a usage or setup error.
"""
import argparse
import collections
import concurrent.futures
import os
import subprocess
import sys

LIB_ROOTS = ("/usr/lib/python3.11", "/usr/lib/python3.11/test")
EXCLUDED_DIRS = {"dist-packages", "site-packages"}
REFERENCE_PYTHON = "/usr/bin/python3.11"

# name: the binary's name ("ast_dump"); ref: the reference script's file name; ref_env: the
# environment variable that overrides its path; target: the Bazel target of the binary;
# modes: tuples of extra arguments, each file is checked once per mode; mode_names: their labels.
Tool = collections.namedtuple("Tool", "name ref ref_env target modes mode_names")


def repo_root():
    here = os.path.dirname(os.path.realpath(__file__))
    return os.path.dirname(os.path.dirname(here))


def default_ref_path(tool):
    """The reference script: $REF_ENV, else ../shared/tools/<ref> beside the repository root."""
    if os.environ.get(tool.ref_env):
        return os.environ[tool.ref_env]
    return os.path.join(os.path.dirname(repo_root()), "shared", "tools", tool.ref)


def default_binary_path(tool):
    package, _, name = tool.target[2:].partition(":")
    return os.path.join(repo_root(), "bazel-bin", package, name)


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


def run_both(tool, binary, ref, flags, path, timeout):
    """(Pyrite's run, the reference's run) on one file in one mode."""
    want = run([REFERENCE_PYTHON, "-I", ref, *flags, path], timeout, reference=True)
    got = run([binary, *flags, path], timeout)
    return got, want


def verdict(tool, got, want, timeout):
    """None when the tool's run `got` matches the reference run `want`, else why not."""
    if got[0] == "timeout":
        return "timeout (%s took over %gs)" % (tool.name, timeout)
    if want[0] == "timeout":
        return "timeout (%s took over %gs)" % (tool.ref, timeout)
    if got[0] == "oserror":
        return "cannot run %s: %s" % (tool.name, got[2].decode(errors="replace"))
    if got[0] < 0:
        return "crash (%s killed by signal %d)" % (tool.name, -got[0])
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


def _check(task):
    tool, binary, ref, flags, path, timeout = task
    got, want = run_both(tool, binary, ref, flags, path, timeout)
    return path, flags, verdict(tool, got, want, timeout), want[1]


def first_difference(a, b):
    """Index of the first item where a and b differ (len of the shorter when one is a prefix)."""
    n = min(len(a), len(b))
    for i in range(n):
        if a[i] != b[i]:
            return i
    return n


def show_diff(tool, relpath, binary, ref, timeout):
    """Prints, per mode, the first difference of one file: by line for multi-line output."""
    path = relpath if os.path.isabs(relpath) else os.path.join(LIB_ROOTS[0], relpath)
    status = 0
    for flags, mode in zip(tool.modes, tool.mode_names):
        got, want = run_both(tool, binary, ref, flags, path, timeout)
        label = mode + ": " if mode else ""
        if got[:2] == want[:2]:
            print("%sidentical (%d bytes, exit %s)" % (label, len(want[1]), want[0]))
            continue
        status = 1
        print("%s%s exit %s, %s exit %s" % (label, tool.name, got[0], tool.ref, want[0]))
        got_text = got[1].decode(errors="replace")
        want_text = want[1].decode(errors="replace")
        if got_text.count("\n") > 1 or want_text.count("\n") > 1:
            got_lines, want_lines = got_text.splitlines(), want_text.splitlines()
            i = first_difference(got_lines, want_lines)
            print("  first difference at line %d of %d (%s) / %d (%s)"
                  % (i + 1, len(got_lines), tool.name, len(want_lines), tool.ref))
            for name, lines in ((tool.name, got_lines), (tool.ref, want_lines)):
                print("  %s:" % name)
                for line in lines[max(0, i - 5):i + 5]:
                    print("    " + line)
        else:
            i = first_difference(got[1], want[1])
            lo = max(0, i - 150)
            print("  first difference at byte %d of %d (%s) / %d (%s)"
                  % (i, len(got[1]), tool.name, len(want[1]), tool.ref))
            print("  %s: ...%s" % (tool.name, got[1][lo:i + 150].decode(errors="replace")))
            print("  %s: ...%s" % (tool.ref, want[1][lo:i + 150].decode(errors="replace")))
        if got[2]:
            print("  %s stderr: %s" % (tool.name, got[2][:2000].decode(errors="replace")))
    return status


def _setup_error(tool, binary, ref):
    """Why the comparison cannot run, or None."""
    if not os.access(REFERENCE_PYTHON, os.X_OK):
        return "%s is missing (Debian package python3.11-minimal)" % REFERENCE_PYTHON
    if not os.path.isfile(ref):
        return ("%s not found at %s; it lives at ../shared/tools/%s beside the repository (or set "
                "%s, e.g. bazel test --test_env=%s=/path)"
                % (tool.ref, ref, tool.ref, tool.ref_env, tool.ref_env))
    if not os.access(binary, os.X_OK):
        return "%s not found at %s (bazel build %s)" % (tool.name, binary, tool.target)
    return None


def _arguments(tool, description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--" + tool.name.replace("_", "-"), dest="binary",
                        default=default_binary_path(tool))
    parser.add_argument("--ref", default=default_ref_path(tool), help="path to " + tool.ref)
    parser.add_argument("--filter", default="", help="only files whose path contains this")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    return parser


def lib_main(argv, tool, description, timeout=10.0):
    parser = _arguments(tool, description)
    parser.add_argument("--limit", type=int, default=0, help="compare the first N files only")
    parser.add_argument("--timeout", type=float, default=timeout,
                        help="seconds per file and tool")
    parser.add_argument("--all", action="store_true", help="list every differing file")
    parser.add_argument("--diff", metavar="FILE", help="show the first difference for one file")
    args = parser.parse_args(argv)
    binary = os.path.abspath(args.binary)
    error = _setup_error(tool, binary, args.ref)
    if error:
        print("error: " + error, file=sys.stderr)
        return 2
    if args.diff:
        return show_diff(tool, args.diff, binary, args.ref, args.timeout)

    files = [f for f in lib_files() if args.filter in f]
    if args.limit:
        files = files[:args.limit]
    if not files:
        print("error: no files selected", file=sys.stderr)
        return 2
    tasks = [(tool, binary, args.ref, flags, os.path.join(LIB_ROOTS[0], f), args.timeout)
             for flags in tool.modes for f in files]
    differing = {flags: [] for flags in tool.modes}
    with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for path, flags, why, _ in pool.map(_check, tasks, chunksize=4):
            if why is not None:
                differing[flags].append((os.path.relpath(path, LIB_ROOTS[0]), why))

    suffix = {flags: (" (%s)" % mode if len(tool.modes) > 1 else "")
              for flags, mode in zip(tool.modes, tool.mode_names)}
    for flags in tool.modes:
        print("identical: %d of %d%s" % (len(files) - len(differing[flags]), len(files),
                                         suffix[flags]))
    for flags in tool.modes:
        rows = differing[flags]
        if not rows:
            continue
        print("differing%s:" % suffix[flags])
        shown = rows if args.all else rows[:50]
        for relpath, why in shown:
            print("  %s: %s" % (relpath, why))
        if len(shown) < len(rows):
            print("  ... and %d more (--all lists them)" % (len(rows) - len(shown)))
    return 0 if not any(differing.values()) else 1


def corpus_main(argv, tool, description, corpora, binary_in_runfiles, timeout=5.0):
    """The corpus tests: `corpora` are the default directories, `binary_in_runfiles` where
    `bazel test` puts the tool (relative to the calling script's directory)."""
    parser = _arguments(tool, description)
    parser.add_argument("corpora", nargs="*", default=corpora)
    if os.access(binary_in_runfiles, os.X_OK):
        parser.set_defaults(binary=binary_in_runfiles)
    args = parser.parse_args(argv)
    error = _setup_error(tool, args.binary, args.ref)
    if error:
        print("FAIL: " + error)
        return 1
    files = []
    for corpus in args.corpora:
        files += sorted(os.path.join(corpus, f) for f in os.listdir(corpus)
                        if f.endswith(".py") and args.filter in f)
    if not files:
        print("FAIL: no corpus files found in %s" % ", ".join(args.corpora))
        return 1
    tasks = [(tool, args.binary, args.ref, flags, f, timeout)
             for f in files for flags in tool.modes]
    modes = dict(zip(tool.modes, tool.mode_names))
    total = identical = 0
    with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for path, flags, why, want in pool.map(_check, tasks, chunksize=4):
            total += 1
            name = "%s/%s" % (os.path.basename(os.path.dirname(path)), os.path.basename(path))
            mode = " (%s)" % modes[flags] if len(tool.modes) > 1 else ""
            if why is None:
                identical += 1
                print("ok    %s%s" % (name, mode))
            else:
                summary = want.decode(errors="replace").split("\n")[0][:100]
                print("FAIL  %s%s: %s; CPython: %s" % (name, mode, why, summary))
    print("identical: %d of %d" % (identical, total))
    return 0 if identical == total else 1
