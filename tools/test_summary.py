#!/usr/bin/env python3
"""Counts passed and failed test cases from one `bazel test` run.

Usage: test_summary.py --testlogs DIR BAZEL_OUTPUT_LOG

Reads the per-target status lines Bazel prints at the end of `bazel test`, then each target's
test.xml under DIR (GoogleTest's own report, or the one Bazel writes for other tests) to count test
cases. A target that failed without a failing case in its report (a crash or a sanitizer report
after the last case, a timeout, a build failure) counts as one failed case. Prints "PASSED FAILED".
"""
import argparse
import pathlib
import re
import xml.etree.ElementTree as ET

STATUS_LINE = re.compile(
    r"^(//\S+)\s+(?:\(cached\)\s+)?"
    r"(PASSED|FLAKY|FAILED TO BUILD|FAILED|TIMEOUT|NO STATUS|INCOMPLETE|REMOTE FAILURE|SKIPPED)")


def count_cases(target_dir):
    passed = failed = 0
    for report in sorted(target_dir.rglob("test.xml")):
        try:
            root = ET.parse(report).getroot()
        except (ET.ParseError, OSError):
            continue
        for case in root.iter("testcase"):
            if case.get("status") == "notrun":
                continue
            if case.find("failure") is not None or case.find("error") is not None:
                failed += 1
            else:
                passed += 1
    return passed, failed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--testlogs", required=True, type=pathlib.Path)
    parser.add_argument("log", type=pathlib.Path)
    args = parser.parse_args()

    passed = failed = 0
    for line in args.log.read_text(errors="replace").splitlines():
        match = STATUS_LINE.match(line.strip())
        if not match:
            continue
        label, status = match.groups()
        if status == "SKIPPED":
            continue
        package, _, name = label[2:].partition(":")
        p, f = count_cases(args.testlogs / package / name)
        ok = status in ("PASSED", "FLAKY")
        if not ok and f == 0:
            f = 1
        if ok and p + f == 0:
            p = 1
        passed += p
        failed += f
    print(passed, failed)


if __name__ == "__main__":
    main()
