class Key:
    def __init__(self, k): self.k = k
    def __hash__(self): return hash(self.k)
    def __eq__(self, o): return isinstance(o, Key) and self.k == o.k
    def __repr__(self): return f"Key({self.k!r})"
d = {Key(1): "a", Key("x"): "b"}
print(d[Key(1)], Key("x") in d, Key(2) in d, len({Key(1), Key(1), Key(2)}))
print({1: "int", 1.0: "float"}, {0: 1, False: 2, 0.0: 3}, hash(1) == hash(1.0) == hash(True))
print(hash(()) == hash(()), hash((1, "a")) == hash((1, "a")), hash(frozenset()) == hash(frozenset()))
