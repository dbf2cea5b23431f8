# match statements: class patterns with __match_args__, mappings, sequences, guards, errors.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y

def describe(obj):
    match obj:
        case Point(0, 0): return "origin"
        case Point(x, 0): return f"x-axis {x}"
        case Point(x=0, y=y): return f"y-axis {y}"
        case Point(x, y) if x == y: return f"diagonal {x}"
        case Point(): return "point"
        case [1, 2, *rest]: return f"seq12 {rest}"
        case [x, y]: return f"pair {x} {y}"
        case (): return "empty"
        case {"k": v, **others}: return f"map {v} {sorted(others)}"
        case {"a": 1}: return "a1"
        case int(n) | float(n) if n > 100: return f"big {n}"
        case int() | bool(): return f"int {obj}"
        case str() as s: return f"str {s}"
        case None: return "none"
        case _: return "other"

for o in [Point(0, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(1, 5), [1, 2, 3, 4],
          (5, 6), [], {"k": 1, "z": 2}, {"a": 1, "b": 2}, 500, 3.5e3, 7, True, "s", None,
          "abc"[0:0], 2.5, b"xy", {1, 2}]:
    print(describe(o))

class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1): pass
except TypeError as e:
    print(e)
class BadArgs:
    __match_args__ = ["x"]
try:
    match BadArgs():
        case BadArgs(1): pass
except TypeError as e:
    print(e)
try:
    match Point(1, 2):
        case Point(1, x=1): pass
except TypeError as e:
    print(e)
try:
    match 5:
        case Point.nope: pass
except AttributeError as e:
    print(e)
try:
    match 5:
        case int(1, 2): pass
except TypeError as e:
    print(e)

def mapping(m):
    match m:
        case {"a": {"b": [x, *_]}}: return x
        case {1: a, 2: b}: return a + b
    return None
print(mapping({"a": {"b": [9, 8]}}), mapping({1: 10, 2: 20, 3: 30}), mapping({}))
class MyDict(dict):
    pass
print(describe(MyDict(k=3)))
def seq(s):
    match s:
        case [a, [b, c], *d]: return (a, b, c, d)
        case "abc": return "literal"
    return "no"
print(seq([1, (2, 3), 4, 5]), seq("abc"), seq(["abc"]))
