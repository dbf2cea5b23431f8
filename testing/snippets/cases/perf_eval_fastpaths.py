# Eval-loop fast paths (operand reuse in BINARY_OP, COMPARE_OP fused with jumps, list stores)
# must be invisible: values seen through other references never change.
def reuse_locals():
    i = 1000
    j = i
    i += 1                      # i's object is shared with j: must not be mutated
    print(i, j)
    x = 1.5
    y = x
    x = x * 2.0
    print(x, y)
    k = 300
    k += 1
    k -= 1
    k += 0
    print(k)
    small = 250
    small += 6                  # 256 is the cached small int
    c256 = 256
    print(small is c256, small)
    t = 10**6
    lst = [t]
    t += 1
    print(t, lst)
    f = 2.0
    g = (f * 3.0) + (f * 4.0)   # temporaries reused
    print(f, g)
    a = 7.0
    a = a - a                   # same object twice on the stack
    print(a)

reuse_locals()

def gen_total():
    total = 1000
    while True:
        x = yield total
        total += x

g = gen_total()
seen = [next(g)]
for v in range(5):
    seen.append(g.send(v))
print(seen)

def compares():
    out = []
    for a, b in [(1, 2), (2, 1), (2, 2), (1.5, 2), (2, 1.5), (2.0, 2), (2**53 + 1, 2.0**53),
                 (2.0**53, 2**53 + 1), (-2**60, 1.0), ("a", "b"), ("b", "a"), ("a", "a"),
                 (float("nan"), 1.0), (1, float("nan")), (True, 1), (2**70, 2**70)]:
        r = []
        if a < b:
            r.append("<")
        if a <= b:
            r.append("<=")
        if a == b:
            r.append("==")
        if a != b:
            r.append("!=")
        if not a > b:
            r.append("!>")
        if a >= b:
            r.append(">=")
        out.append((a < b, a == b, a >= b, "".join(r)))
    print(out)
    n = 0
    i = 0
    while i < 10:
        i += 1
        if i % 2 == 0:
            continue
        n += i
    print(n)

compares()

def float_mix():
    x = 3
    y = 2.5
    print(x + y, y + x, x * y, y - x, x / y, y / 2, 2 ** 0.5, 2.0 ** 3, 4 ** -0.5, (-8.0) ** 2)
    print((-8.0) ** (1 / 3))
    try:
        print(0.0 ** -1)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(10.0 ** 400)
    except OverflowError as e:
        print("OverflowError", e)
    try:
        print(1.0 / 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    print(float("inf") ** 0.5, 0.5 ** float("inf"), float("nan") ** 0, 1.0 ** float("nan"))
    print((2**70) * 1.0, 1.0 + 2**63)

float_mix()

def stores():
    v = [1.0, 2.0, 3.0]
    v[0] -= 0.5
    v[-1] += 1
    v[1] *= v[1]
    print(v)
    try:
        v[3] = 0
    except IndexError as e:
        print("IndexError", e)
    try:
        v[-4] = 0
    except IndexError as e:
        print("IndexError", e)
    v[True] = "b"
    print(v)

    class L(list):
        def __setitem__(self, i, x):
            print("setitem", i, x)
            super().__setitem__(i, x)
    w = L([1, 2])
    w[0] = 5
    w[1] += 1
    print(w)

stores()
