def describe(x):
    match x:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative"
        case [a, b]:
            return f"pair {a} {b}"
        case [a, *rest]:
            return f"list starting {a} with {len(rest)} more"
        case {"type": "point", "x": px, **others}:
            return f"point {px} {others}"
        case str() | bytes():
            return "text"
        case (1 | 2) as small:
            return f"small {small}"
        case _:
            return "other"
for v in [0, -5, [1, 2], [1, 2, 3], {"type": "point", "x": 1, "y": 2}, "s", b"b", 2, 3.5]:
    print(describe(v))
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
match P(1, 2):
    case P(1, y=yy):
        print("P", yy)
