class OnlyEq:
    def __eq__(self, o): return True
print(OnlyEq.__hash__)
try:
    hash(OnlyEq())
except TypeError as e:
    print(e)
class Plain: pass
p = Plain()
print(p == p, p != Plain(), hash(p) == hash(p))
class NoHash:
    __hash__ = None
try:
    {NoHash(): 1}
except TypeError as e:
    print(e)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __eq__(self, o): return self.v == o.v
    __hash__ = object.__hash__
print(Cmp(1) < Cmp(2), Cmp(2) > Cmp(1), Cmp(1) == Cmp(1), Cmp(1) != Cmp(2))
try:
    Cmp(1) <= Cmp(2)
except TypeError as e:
    print(e)
print(sorted([Cmp(3), Cmp(1)], key=lambda c: c.v)[0].v, max([Cmp(3), Cmp(5)]).v)
