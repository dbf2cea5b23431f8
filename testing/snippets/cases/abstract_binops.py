# Binary operator dispatch: reflected operands, subclass priority, NotImplemented, sequence
# fallbacks and CPython's error messages.


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class A:
    def __add__(self, other):
        return "A.add"

    def __radd__(self, other):
        return "A.radd"


class B(A):
    def __radd__(self, other):
        return "B.radd"


class C:
    def __add__(self, other):
        return NotImplemented

    def __radd__(self, other):
        return "C.radd"


class Num(int):
    def __rsub__(self, other):
        return "Num.rsub"


attempt(lambda: A() + A())
attempt(lambda: A() + B())
attempt(lambda: 1 + A())
attempt(lambda: C() + C())
attempt(lambda: 1 + C())
attempt(lambda: 5 - Num(2))
attempt(lambda: Num(5) - 2)
attempt(lambda: 1 + "a")
attempt(lambda: "a" + 1)
attempt(lambda: [1] + (2,))
attempt(lambda: 3 * [1])
attempt(lambda: [1] * 3)
attempt(lambda: "ab" * 2)
attempt(lambda: 2 * "ab")
attempt(lambda: [1] * 2.0)
attempt(lambda: 2.0 * "x")
attempt(lambda: "x" * "y")
attempt(lambda: 2 ** "x")
attempt(lambda: pow(2, "x"))
attempt(lambda: pow(2, 3, "x"))
attempt(lambda: pow(2, 10, 7))
attempt(lambda: divmod(7, 2))
attempt(lambda: divmod("a", 2))
attempt(lambda: -"a")
attempt(lambda: +"a")
attempt(lambda: ~1.5)
attempt(lambda: abs("x"))
attempt(lambda: {1} | [2])
attempt(lambda: None @ None)
attempt(lambda: 1 << "a")
attempt(lambda: [] < ())
attempt(lambda: 1 < "a")
attempt(lambda: None >= None)
attempt(lambda: 1 == "a")
attempt(lambda: A() == A())
attempt(lambda: A() != A())

x = [1]
x += (2, 3)
print(x)
x *= 2
print(x)
s = "a"
try:
    s += 1
except TypeError as e:
    print(e)
try:
    s -= 1
except TypeError as e:
    print(e)
n = 2
try:
    n **= "a"
except TypeError as e:
    print(e)


class IAdd:
    def __init__(self):
        self.v = []

    def __iadd__(self, other):
        self.v.append(other)
        return self


i = IAdd()
i += 5
i += 6
print(i.v)


class Idx:
    def __index__(self):
        return 3


print("ab" * Idx(), [0] * Idx(), (1,) * Idx())
print([1, 2, 3, 4][Idx()])


class Cmp:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __eq__(self, other):
        return isinstance(other, Cmp) and self.v == other.v


print(Cmp(1) < Cmp(2), Cmp(2) > Cmp(1), Cmp(1) == Cmp(1), Cmp(1) != Cmp(2))
attempt(lambda: Cmp(1) <= Cmp(2))
print(sorted([Cmp(3), Cmp(1), Cmp(2)], key=lambda c: c.v)[0].v)
