class Expr:
    def __add__(self, o): return Add(self, wrap(o))
    def __radd__(self, o): return Add(wrap(o), self)
    def __mul__(self, o): return Mul(self, wrap(o))
    def __rmul__(self, o): return Mul(wrap(o), self)
class Num(Expr):
    def __init__(self, v): self.v = v
    def eval(self, env): return self.v
    def __repr__(self): return str(self.v)
class Var(Expr):
    def __init__(self, n): self.n = n
    def eval(self, env): return env[self.n]
    def __repr__(self): return self.n
class Add(Expr):
    def __init__(self, a, b): self.a, self.b = a, b
    def eval(self, env): return self.a.eval(env) + self.b.eval(env)
    def __repr__(self): return f"({self.a!r} + {self.b!r})"
class Mul(Add):
    def eval(self, env): return self.a.eval(env) * self.b.eval(env)
    def __repr__(self): return f"{self.a!r} * {self.b!r}"
def wrap(o): return o if isinstance(o, Expr) else Num(o)
x, y = Var("x"), Var("y")
e = 2 * x + y * 3 + 1
print(e, e.eval({"x": 5, "y": 7}), isinstance(e, Add), type(e.a).__name__)
