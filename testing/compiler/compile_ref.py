#!/usr/bin/env python3.11
"""Reference for Pyrite's pyrite_compile: CPython 3.11's compile(src, path, 'exec').

Usage: compile_ref.py FILE...
Prints, for each FILE, one line: `OK` when CPython compiles it, else
    ERROR <ExceptionType> <lineno> <offset> <message>
(the line pyrite_compile prints for a rejected source). Run with /usr/bin/python3.11.
"""
import sys
import warnings

warnings.simplefilter("ignore")


def result(path):
    with open(path, "rb") as f:
        source = f.read()
    try:
        compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as e:
        return f"ERROR {type(e).__name__} {e.lineno} {e.offset} {e.msg}"
    except (ValueError, RecursionError, MemoryError) as e:
        return f"ERROR {type(e).__name__} 0 0 {e}"
    return "OK"


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    for path in argv:
        print(result(path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
