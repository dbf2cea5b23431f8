# list.sort specialisations (ints, floats, strs, tuples, same-type keys) must give exactly the
# results of the generic `<` protocol.
class Rng:
    def __init__(self, seed):
        self.seed = seed

    def randrange(self, a, b=None):
        if b is None:
            a, b = 0, a
        self.seed = (self.seed * 1103515245 + 12345) % 2147483648
        return a + self.seed % (b - a)

    def uniform(self, a, b):
        return a + (b - a) * self.randrange(10**9) / 10**9


rng = Rng(7)

ints = [rng.randrange(-10**6, 10**6) for _ in range(2000)]
print(sorted(ints)[:5], sorted(ints, reverse=True)[:5])
big = ints + [2**70, -2**70, 2**63, -2**63 - 1, 2**63 - 1]
print(sorted(big)[:3], sorted(big)[-3:])
print(sorted([True, 2, False, -1, 1]))          # bool mixed with int: generic path
print(sorted([3, 1.5, 2, -0.5]))                # int and float mixed

floats = [rng.uniform(-1e3, 1e3) for _ in range(1000)] + [0.0, -0.0, float('inf'), -float('inf')]
print(sorted(floats)[:3], sorted(floats)[-3:])
nan = float('nan')
print(sorted([3.0, nan, 1.0, 2.0]))             # NaN compares false both ways
print(sorted([nan, 2.0, 1.0]))
print([repr(x) for x in sorted([0.0, -0.0, 0.0, -0.0])])  # stable among equal keys

words = ["b", "a", "", "ab", "abc", "abcdefg", "abcdefgh", "abcdefgi", "abcdefgha", "abcdefg\0",
         "a\0", "a", "\xff", "\xfe\xff", "zzzzzzzzzzz", "zzzzzzzzzza", "é", "ü", "e\u0301"]
print(sorted(words))
print(sorted(words, reverse=True))
wide = words + ["\u20ac", "\U0001f600", "a\u20ac", "a\U0001f600b", "\u20ac\u20ac\u20ac\u20ac"]
print(sorted(wide))
strs = [str(rng.randrange(100000)) for _ in range(3000)]
s1 = sorted(strs)
print(s1[:5], s1[-5:], all(s1[i] <= s1[i + 1] for i in range(len(s1) - 1)))
long_strs = ["prefix_same_" + str(rng.randrange(50)) for _ in range(300)]
s2 = sorted(long_strs)
print(s2[:3], s2[-3:], all(s2[i] <= s2[i + 1] for i in range(len(s2) - 1)))

pairs = [(rng.randrange(10), rng.randrange(5), i) for i in range(500)]
p1 = sorted(pairs)
print(p1[:4], p1[-4:])
print(sorted(pairs, key=lambda p: p[0])[:6])     # stability with int keys
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1,), (), (0,)]))
print(sorted([(1.5, 2), (nan, 1), (0.5, 3)]))
print(sorted([("b", 1), ("a", 2), ("b", 0)]))
print(sorted([(2**70, 1), (1, 2), (-(2**70), 3)]))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError", e)

class Box:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"Box({self.v})"
print(sorted([Box(3), Box(1), Box(2)]))

class NoLt:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return f"NoLt({self.v})"
print(sorted([NoLt(3), NoLt(1), NoLt(2)]))      # __lt__ NotImplemented: reflected __gt__

class Weird:
    def __lt__(self, other):
        return NotImplemented
try:
    sorted([Weird(), Weird()])
except TypeError as e:
    print("TypeError", e)

class MyInt(int):
    def __lt__(self, other):
        return int(self) > int(other)            # reversed order
print(sorted([MyInt(1), MyInt(3), MyInt(2)]))
print(sorted([1, MyInt(3), 2]))

class Truthy:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return [1] if self.v < other.v else []   # non-bool results use truth
    def __repr__(self):
        return f"T({self.v})"
print(sorted([Truthy(2), Truthy(0), Truthy(1)]))

try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError", e)

class Bad:
    def __lt__(self, other):
        raise ValueError("boom")
lst = [Bad(), Bad(), Bad()]
try:
    lst.sort()
except ValueError as e:
    print("ValueError", e, len(lst))

data = list(range(20))
def mutating_key(x):
    data.append(x)
    return x
try:
    data.sort(key=mutating_key)
except ValueError as e:
    print("ValueError", e)

print(sorted(["b", "a", "c"], key=str.upper), sorted([3, 1, 2], key=lambda x: -x))
print(sorted(range(10), key=lambda x: x % 3))
print(sorted([], key=len), sorted([5]), sorted([[2], [1, 2], [1]]))
print(sorted({3: 0, 1: 0, 2: 0}), sorted("hello"))
