a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, 1 in a, 3 not in a)
print("ab" in "cabd", (1, 2) in [(1, 2)], 2 in {1: "x", 2: "y"}, 2 in range(0, 10, 2), "x" in {"x"})
print(type(None) is type(None), True is True, [] is [], () == ())
class Eq:
    def __eq__(self, o): return True
print(Eq() in [1], 1 in [Eq()])
