class V:
    def __init__(self, *c): self.c = list(c)
    def __repr__(self): return f"V{tuple(self.c)}"
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __setitem__(self, i, v): self.c[i] = v
    def __delitem__(self, i): del self.c[i]
    def __contains__(self, x): return x in self.c
    def __iter__(self): return iter(self.c)
    def __reversed__(self): return reversed(self.c)
    def __add__(self, o): return V(*[a + b for a, b in zip(self.c, o.c)])
    def __radd__(self, o): return V(*[o + a for a in self.c])
    def __iadd__(self, o): self.c = [a + o for a in self.c]; return self
    def __mul__(self, k): return V(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __neg__(self): return V(*[-a for a in self.c])
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __bool__(self): return any(self.c)
    def __eq__(self, o): return isinstance(o, V) and self.c == o.c
    def __lt__(self, o): return abs(self) < abs(o)
    def __call__(self, k): return self.c[k]
    def __index__(self): return len(self.c)
    def __format__(self, spec): return "V:" + spec
v = V(3, 4)
print(v, len(v), v[0], v[-1], 3 in v, list(v), list(reversed(v)), v + V(1, 1), 10 + v, v * 2, 2 * v)
v += 1; print(v, -v, abs(V(3, 4)), bool(V(0)), bool(v), v == V(4, 5), v != V(4, 5), V(1) < V(2))
v[0] = 9; del v[1]; print(v, v(0), [10, 20, 30][V(1, 2)], f"{v:xyz}", sorted([V(5), V(1)]))
print(hex(V(1, 2, 3)), range(10)[V(1)])
