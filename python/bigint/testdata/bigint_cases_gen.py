# python/bigint/testdata/bigint_cases_gen.py: writes the test cases of bigint_ref_test, computed
# by CPython 3.11 (run as /usr/bin/python3.11 by the //python/bigint:bigint_cases genrule).
#
# One case a line, fields separated by tabs: an operation name, its operands, and the expected
# result. Integers are written as hex() ("-0x1f"), floats as float.hex(), strings as the hex of
# their UTF-8 bytes, and a raised exception as "!Kind: message". The seed is fixed so the file
# is the same on every build.
import random
import sys

sys.set_int_max_str_digits(0)
rng = random.Random(20240611)

EDGES = [0, 1, -1, 2, -2, 3, 7, 10, 2**29, 2**30 - 1, 2**30, 2**30 + 1, 2**31, 2**32 - 1,
         2**32, 2**60 - 1, 2**60, 2**62, 2**63 - 1, 2**63, 2**63 + 1, -2**63, -2**63 - 1,
         -2**63 + 1, 2**64 - 1, 2**64, 2**64 + 1, -2**64, 2**90 - 1, 2**90, -2**90, 10**18,
         10**19, -10**19, 2**120 - 1, 2**121, 3**100, -(3**100), 2**1000, 2**1024 - 1]
EDGES += [-x for x in EDGES if x > 0 and -x not in EDGES]


def rand_bits(bits):
    """A random integer of about `bits` bits, sometimes with long runs of ones or zeros."""
    if bits <= 0:
        return 0
    kind = rng.random()
    if kind < 0.7:
        v = rng.getrandbits(bits) | (1 << (bits - 1))
    elif kind < 0.8:
        v = (1 << bits) - 1
    elif kind < 0.9:
        v = (1 << bits) - 1 - (1 << rng.randrange(bits))
    else:
        v = 1 << (bits - 1) | rng.getrandbits(max(1, bits // 4))
    return v


def rand_int(size_class=None):
    if size_class is None:
        size_class = rng.choices(["edge", "small", "word", "medium", "large", "huge"],
                                 [10, 30, 25, 20, 4, 0])[0]
    if size_class == "edge":
        return rng.choice(EDGES)
    bits = {"small": (1, 40), "word": (40, 140), "medium": (140, 2000),
            "large": (2000, 12000), "huge": (33300, 70000)}[size_class]
    v = rand_bits(rng.randint(*bits))
    return -v if rng.random() < 0.4 else v


def fmt(v):
    if isinstance(v, bool):
        return str(int(v))
    if isinstance(v, int):
        return hex(v)
    if isinstance(v, float):
        return v.hex()
    if isinstance(v, str):
        return v.encode().hex()
    raise TypeError(v)


def call(f):
    try:
        r = f()
    except (ZeroDivisionError, ValueError, OverflowError, MemoryError) as e:
        return "!%s: %s" % (type(e).__name__, e)
    if isinstance(r, tuple):
        return "\t".join(fmt(x) for x in r)
    return fmt(r)


out = []


def case(op, args, f):
    out.append("\t".join([op] + [fmt(a) for a in args] + [call(f)]))


def pairs(n, huge=8):
    for i in range(n):
        yield rand_int(), rand_int()
    for i in range(huge):
        yield rand_int("huge"), rand_int(rng.choice(["huge", "large", "small"]))


def main():
    for a, b in pairs(3000):
        case("add", [a, b], lambda: a + b)
        case("sub", [a, b], lambda: a - b)
        case("and", [a, b], lambda: a & b)
        case("or", [a, b], lambda: a | b)
        case("xor", [a, b], lambda: a ^ b)
        case("cmp", [a, b], lambda: (a > b) - (a < b))
    for a, b in pairs(3000, huge=12):
        case("mul", [a, b], lambda: a * b)
        case("mul", [a, a], lambda: a * a)
    # Karatsuba sizes, balanced and lopsided.
    for _ in range(150):
        x = rand_bits(rng.randint(2000, 40000))
        y = rand_bits(rng.randint(2000, 40000))
        case("mul", [x, -y], lambda: x * -y)
    for a, b in pairs(3000, huge=12):
        if rng.random() < 0.3:
            # Quotients with structure: divisor runs of ones, remainder near the divisor.
            b = rand_bits(rng.randint(31, 3000))
            a = b * rand_bits(rng.randint(1, 3000)) + rng.choice([0, 1, -1, b - 1, b // 2])
            if rng.random() < 0.5:
                a = -a
        if rng.random() < 0.02:
            b = 0
        case("floordiv", [a, b], lambda: a // b)
        case("mod", [a, b], lambda: a % b)
        case("divmod", [a, b], lambda: divmod(a, b))
    for a, b in pairs(2000, huge=6):
        case("truediv", [a, b], lambda: a / b)
    for _ in range(1500):
        # Quotients near the overflow and subnormal boundaries and exact ties.
        diff = rng.choice([rng.randint(-1100, -1000), rng.randint(1000, 1030),
                           rng.randint(-80, 80)])
        b = rand_bits(rng.randint(1, 300))
        a = rand_bits(max(1, b.bit_length() + diff))
        if rng.random() < 0.3:
            a = ((rng.getrandbits(53) | 1 << 53) * 2 + 1) << rng.randint(0, 60)
            b = 1 << rng.randint(0, 200)
        a *= rng.choice([1, -1])
        case("truediv", [a, b], lambda: a / b)
    for _ in range(2000):
        a = rand_int(rng.choice(["edge", "small", "word"]))
        e = rng.randint(0, 40)
        case("pow", [a, e], lambda: a ** e)
    for _ in range(200):
        a = rand_int(rng.choice(["word", "medium"]))
        e = rng.randint(0, 30)
        case("pow", [a, e], lambda: a ** e)
    for _ in range(1500):
        a = rand_int(rng.choice(["edge", "small", "word", "medium"]))
        e = rand_int(rng.choice(["edge", "small", "word", "medium"]))
        m = rand_int(rng.choice(["edge", "small", "word", "medium"]))
        if rng.random() < 0.1:
            m = 0
        case("powmod", [a, e, m], lambda: pow(a, e, m))
    for _ in range(3000):
        a = rand_int()
        n = rng.choice([rng.randint(0, 70), rng.randint(0, 3000), rng.randint(-3, 3)])
        case("shl", [a, n], lambda: a << n)
        case("shr", [a, n], lambda: a >> n)
    for _ in range(3000):
        a = rand_int()
        case("neg", [a], lambda: -a)
        case("invert", [a], lambda: ~a)
        case("abs", [a], lambda: abs(a))
        case("bitlen", [a], lambda: a.bit_length())
        case("bitcount", [a], lambda: a.bit_count())
        case("hash", [a], lambda: hash(a))
        case("tofloat", [a], lambda: float(a))
        case("str", [a], lambda: str(a))
        case("hexstr", [a], lambda: hex(a))
        case("octstr", [a], lambda: oct(a))
        case("binstr", [a], lambda: bin(a))
    for _ in range(2000):
        # Rounding ties and the overflow boundary.
        m = rng.getrandbits(rng.randint(54, 60)) | 1 << 53
        k = rng.randint(0, 1000)
        near_max = (1 << 1024) - (1 << rng.randint(960, 975)) + rng.randint(0, 5)
        for v in [m << k, (m | 1) << k, near_max]:
            case("tofloat", [v], lambda: float(v))
    for _ in range(3000):
        d = rng.choice([
            rng.uniform(-1e6, 1e6),
            float.fromhex("0x1.%013xp%d" % (rng.getrandbits(52), rng.randint(-10, 1023))),
            rng.choice([0.0, -0.0, 0.5, -0.999, 2.0**63, -2.0**63, 2.0**64, 1e308, float("inf"),
                        float("-inf"), float("nan")])])
        if rng.random() < 0.5:
            d = -d
        case("fromfloat", [d], lambda: int(d))
    strings = []
    for _ in range(4000):
        base = rng.choice([0, 0, 10, 10, 2, 8, 16, 36, rng.randint(2, 36), rng.choice([1, 37, -1])])
        v = rand_int(rng.choice(["edge", "small", "word", "medium", "large"]))
        b = base if base in range(2, 37) else 10
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"
        s, x = "", abs(v)
        while x:
            x, r = divmod(x, b)
            s = digits[r] + s
        s = s or "0"
        if rng.random() < 0.2:
            s = s.upper()
        if rng.random() < 0.2:
            s = "_".join(s[i:i + 3] for i in range(0, len(s), 3))
        if base in (0, 16, 8, 2) and rng.random() < 0.4:
            prefix = {16: "0x", 8: "0o", 2: "0b"}
            if base == 0:
                pb = rng.choice([16, 8, 2])
                spec = {16: "x", 8: "o", 2: "b"}[pb]
                s = prefix[pb] + rng.choice(["", "_"]) + format(abs(v), spec)
            else:
                s = rng.choice(["0x", "0X", "0o", "0b", "0B"]) + rng.choice(["", "_"]) + s
        if base == 0 and rng.random() < 0.1:
            s = "0" + s
        if v < 0 or rng.random() < 0.1:
            s = ("-" if v < 0 else "+") + s
        if rng.random() < 0.2:
            s = rng.choice([" ", "\t", "\n ", "\x0b\x0c\r"]) + s + rng.choice(["", " ", "\n"])
        if rng.random() < 0.15:
            # Corrupt it.
            i = rng.randrange(len(s) + 1)
            junk = rng.choice(["_", "__", "z", "'", '"', "\\", "\x01", "-", " ", "9", "."])
            s = s[:i] + junk + s[i:]
        if rng.random() < 0.02:
            s = rng.choice(["", "-", "+", "_", "0x", "0_", "0__0", "00", "0_0", "08", "1_", "-_1"])
        strings.append((s, base))
    strings.append(("x" * 300, 10))
    strings.append(("'" * 250, 10))
    strings.append(("1" * 5000, 10))
    for s, base in strings:
        case("fromstr", [s, base], lambda: int(s, base))
    sys.stdout = open(sys.argv[1], "w")
    print("\n".join(out))


main()
