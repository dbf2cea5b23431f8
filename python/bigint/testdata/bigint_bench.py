# python/bigint/testdata/bigint_bench.py: times in CPython 3.11 what bigint_bench.cc times, on
# the same pseudo-random operands, printing the same lines. Run with /usr/bin/python3.11.
import sys
import time

sys.set_int_max_str_digits(0)


def random_digits(digits, seed):
    s = []
    x = seed
    while len(s) < digits:
        x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
        c = str((x >> 33) % 10)
        if not s and c == "0":
            continue
        s.append(c)
    return "".join(s)


def make(digits, seed):
    return int(random_digits(digits, seed))


def timeit(name, f):
    n = 0
    start = time.perf_counter()
    while True:
        f()
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= 0.5:
            break
    print("%-28s %12.3f us" % (name, elapsed / n * 1e6))


a4, b4 = make(10000, 1), make(10000, 2)
a5, b5 = make(100000, 3), make(100000, 4)
n20k = make(20000, 5)
n200k, d100k = make(200000, 7), make(100000, 8)
s4300 = make(4300, 6)
text4300 = random_digits(4300, 6)
timeit("mul 1e4 x 1e4 digits", lambda: a4 * b4)
timeit("mul 1e5 x 1e5 digits", lambda: a5 * b5)
timeit("square 1e5 digits", lambda: a5 * a5)
timeit("divmod 2e4 / 1e4 digits", lambda: divmod(n20k, b4))
timeit("divmod 2e5 / 1e5 digits", lambda: divmod(n200k, d100k))
timeit("str 4300 digits", lambda: str(s4300))
timeit("int(str) 4300 digits", lambda: int(text4300))


def small():
    acc = 0
    x, y = 12345, 6789
    for _ in range(1000000):
        acc = acc + x * y
    return acc


timeit("1e6 x small add+mul", small)
