#!/usr/bin/env python3
"""Runs every program in programs/ under Pyrite's shell and CPython 3.11, interleaved, and prints
per program the median wall time of each, the ratio Pyrite / CPython, and both peak resident set
sizes, then the geometric mean of the time ratios. Outputs must agree (each program prints a
checksum); a program whose outputs differ is reported and excluded from the mean.

Usage: run_bench.py --shell PATH [--rounds N] [--filter SUBSTRING]
"""
import argparse
import math
import os
import pathlib
import statistics
import subprocess
import sys
import time

REFERENCE_PYTHON = "/usr/bin/python3.11"
GNU_TIME = "/usr/bin/time"  # Debian package `time`; tools/setup.sh installs it
PROGRAMS = pathlib.Path(__file__).resolve().parent / "programs"


def run_measured(argv):
    """Runs argv under GNU time, which reports the child's peak resident set size. Forking the
    program from this process directly would not do: Linux carries the forking process's peak RSS
    (this interpreter's, ~10 MB) into the child's ru_maxrss across exec, hiding small peaks."""
    start = time.perf_counter()
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen([GNU_TIME, "-f", "%M", "-o", f"/dev/fd/{write_fd}", *argv],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, pass_fds=(write_fd,))
    out, _ = proc.communicate()
    elapsed = time.perf_counter() - start
    os.close(write_fd)
    with os.fdopen(read_fd) as report:
        rss_kb = int(report.read().split()[-1])
    return elapsed, rss_kb, out, proc.returncode


def print_startup(shell, runs=30):
    """Start-up time: `-c pass`, interleaved, median of `runs` each (not in the geometric mean)."""
    times = {"pyrite": [], "cpython": []}
    for _ in range(runs):
        for who, program in (("pyrite", shell), ("cpython", REFERENCE_PYTHON)):
            argv = [program, "-c", "pass"]
            start = time.perf_counter()
            subprocess.run(argv, check=False)
            times[who].append(time.perf_counter() - start)
    t_py = statistics.median(times["pyrite"]) * 1000
    t_c = statistics.median(times["cpython"]) * 1000
    print(f"start-up (-c pass): pyrite {t_py:.1f} ms, cpython {t_c:.1f} ms, ratio {t_py / t_c:.2f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shell", required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--filter", default="")
    args = parser.parse_args()
    shell = os.path.abspath(args.shell)
    programs = sorted(p for p in PROGRAMS.glob("*.py") if args.filter in p.name)

    header = (f"{'program':<18}{'pyrite s':>10}{'cpython s':>11}{'ratio':>8}"
              f"{'pyrite MB':>11}{'cpython MB':>12}{'mem ratio':>11}")
    print(header)
    print("-" * len(header))
    ratios = []
    worst_mem = 0.0
    failures = 0
    for program in programs:
        times = {"pyrite": [], "cpython": []}
        peak = {"pyrite": 0, "cpython": 0}
        outputs = {}
        codes = {}
        for r in range(args.rounds):
            order = ["pyrite", "cpython"] if r % 2 == 0 else ["cpython", "pyrite"]
            for who in order:
                argv = [shell, str(program)] if who == "pyrite" else [REFERENCE_PYTHON, str(program)]
                elapsed, rss, out, code = run_measured(argv)
                times[who].append(elapsed)
                peak[who] = max(peak[who], rss)
                outputs[who] = out
                codes[who] = code
        t_py = statistics.median(times["pyrite"])
        t_c = statistics.median(times["cpython"])
        ratio = t_py / t_c
        mem_ratio = peak["pyrite"] / peak["cpython"]
        same = outputs["pyrite"] == outputs["cpython"] and codes["pyrite"] == codes["cpython"]
        note = "" if same else "  OUTPUT DIFFERS"
        print(f"{program.stem:<18}{t_py:>10.3f}{t_c:>11.3f}{ratio:>8.2f}"
              f"{peak['pyrite'] / 1024:>11.1f}{peak['cpython'] / 1024:>12.1f}{mem_ratio:>11.2f}{note}")
        if same:
            ratios.append(ratio)
            worst_mem = max(worst_mem, mem_ratio)
        else:
            failures += 1
    if ratios:
        geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print("-" * len(header))
        print(f"geometric mean time ratio (Pyrite / CPython): {geomean:.2f} over {len(ratios)} programs")
        print(f"largest peak-memory ratio: {worst_mem:.2f}")
    print_startup(shell)
    if failures:
        print(f"{failures} program(s) produced different output")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
