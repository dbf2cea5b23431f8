#!/usr/bin/env python3
"""Differential snippet tests: runs every snippet under CPython 3.11 and under Pyrite's shell and
compares stdout (byte for byte), the exit status and the last line of stderr (the uncaught
exception's type and message). Expected results come from CPython at test time; nothing is
written by hand.

Usage: run_snippets.py --shell PATH [--jobs N] [--filter SUBSTRING] DIR|FILE...

Prints one line per differing snippet (with the first difference) and `snippets: N of M
identical`; writes one <testcase> per snippet to $XML_OUTPUT_FILE when Bazel sets it, so CI
counts snippets rather than targets. Exit status 0 when all are identical.
"""
import argparse
import concurrent.futures
import os
import pathlib
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape, quoteattr

REFERENCE_PYTHON = "/usr/bin/python3.11"
TIMEOUT_SECONDS = 30


def environment():
    # A fixed environment: same locale and hash seed for both, nothing inherited that changes
    # either interpreter's behaviour.
    env = {
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "TMPDIR"):
        if name in os.environ:
            env[name] = os.environ[name]
    return env


def run(argv, cwd):
    try:
        proc = subprocess.run(argv, cwd=cwd, env=environment(), capture_output=True,
                              timeout=TIMEOUT_SECONDS, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None
    stderr_lines = proc.stderr.decode("utf-8", "replace").rstrip("\n").splitlines()
    return proc.stdout, proc.returncode, stderr_lines


def last_line(lines):
    return lines[-1] if lines else ""


def compare(shell, snippet):
    """Returns (snippet, None) when identical, else (snippet, description of the difference)."""
    with tempfile.TemporaryDirectory() as cwd:
        expected = run([REFERENCE_PYTHON, "-I", str(snippet)], cwd)
        if expected is None:
            return snippet, "CPython timed out (fix the snippet)"
        actual = run([shell, str(snippet)], cwd)
    if actual is None:
        return snippet, f"Pyrite timed out after {TIMEOUT_SECONDS} s"
    exp_out, exp_code, exp_err = expected
    out, code, err = actual
    problems = []
    if out != exp_out:
        exp_lines = exp_out.decode("utf-8", "replace").splitlines()
        got_lines = out.decode("utf-8", "replace").splitlines()
        for i in range(max(len(exp_lines), len(got_lines))):
            e = exp_lines[i] if i < len(exp_lines) else "<missing>"
            g = got_lines[i] if i < len(got_lines) else "<missing>"
            if e != g:
                problems.append(f"stdout line {i + 1}: expected {e!r}, got {g!r}")
                break
    if code != exp_code:
        problems.append(f"exit status: expected {exp_code}, got {code}")
    if last_line(err) != last_line(exp_err):
        problems.append(f"last stderr line: expected {last_line(exp_err)!r}, "
                        f"got {last_line(err)!r}")
    # A sanitizer report or crash after a matching last line still fails (ASan prints its
    # report to stderr and changes the exit status, so it is caught above; this catches the rest).
    if any("Sanitizer" in line for line in err):
        problems.append("sanitizer report: " + next(l for l in err if "Sanitizer" in l))
    return snippet, "; ".join(problems) or None


def collect(paths, name_filter):
    snippets = []
    for p in map(pathlib.Path, paths):
        if p.is_dir():
            snippets.extend(sorted(p.resolve().glob("*.py")))
        else:
            snippets.append(p.resolve())
    return [s for s in snippets if not name_filter or name_filter in s.name]


def write_xml(results):
    path = os.environ.get("XML_OUTPUT_FILE")
    if not path:
        return
    failures = sum(1 for _, problem in results if problem)
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        f.write(f'<testsuites><testsuite name="snippets" tests="{len(results)}" '
                f'failures="{failures}">\n')
        for snippet, problem in results:
            f.write(f'<testcase name={quoteattr(snippet.stem)} classname="snippets">')
            if problem:
                f.write(f'<failure message={quoteattr(problem)}>{escape(problem)}</failure>')
            f.write("</testcase>\n")
        f.write("</testsuite></testsuites>\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shell", required=True)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--filter", default="")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    shell = os.path.abspath(args.shell)
    snippets = collect(args.paths, args.filter)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda s: compare(shell, s), snippets))
    for snippet, problem in results:
        if problem:
            print(f"DIFF {snippet.name}: {problem}")
    same = sum(1 for _, problem in results if not problem)
    print(f"snippets: {same} of {len(results)} identical")
    write_xml(results)
    return 0 if same == len(results) and results else 1


if __name__ == "__main__":
    sys.exit(main())
