# Argument binding of Python functions: every parameter kind and CPython's messages.
def show(stmt, env):
    try:
        print(stmt, "->", eval(stmt, env))
    except Exception as e:
        print(stmt, "!!", type(e).__name__, e)

def g(a, b, /, c, *, d, e=3): return (a, b, c, d, e)
def h(a, b=1, c=2): return (a, b, c)
def v(*args, **kw): return (args, sorted(kw.items()))
def k(a, *args, b, **kw): return (a, args, b, sorted(kw.items()))
def one(x): return x
def none(): return 0
class C:
    def m(self, x, y=2): return (x, y)
    @staticmethod
    def s(x): return x
    @classmethod
    def c(cls, x): return (cls.__name__, x)
env = dict(g=g, h=h, v=v, k=k, one=one, none=none, C=C, c=C())
for stmt in [
    "g(1, 2, 3, d=4)", "g(1)", "g(1, 2)", "g(a=1, b=2, c=3, d=4)", "g(1, 2, 3, 4)",
    "g(1, 2, 3, 4, d=1)", "g(1, 2, 3)", "g(1, 2, c=3, z=1)", "g(1, 2, 3, c=1, d=2)",
    "g(1, 2, 3, d=4, e=5)", "g(*[1, 2], **{'c': 3, 'd': 4})",
    "h()", "h(1, 2, 3, 4)", "h(1, 2, 3, 4, 5)", "h(1)", "h(1, c=5)", "h(b=2, a=1)",
    "v()", "v(1, 2, x=3)", "v(*range(3), **{'a': 1})", "v(*'ab', *'cd')",
    "k(1, 2, 3, b=4, z=5)", "k(1)", "k(b=1)", "k()",
    "one()", "one(1, 2)", "one(y=1)", "one(1, x=2)", "none(1)", "none(x=1)",
    "c.m()", "c.m(1)", "c.m(1, 2, 3)", "c.m(1, y=5)", "C.m(c, 4)", "C.m()",
    "c.s(1)", "C.c(2)", "c.c(3)", "c.s()",
    "one(*1)", "one(**1)", "v(**{'a': 1}, a=2)", "v(a=1, **{'a': 2})", "one(**{1: 2})",
    "print(*1)", "len(**{'a': 1}, **{'a': 2})", "[*1]", "{**1}",
]:
    show(stmt, env)

def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2), defaults(3, []))
print(defaults.__defaults__)
def kwdef(*, a=1, b): return a, b
print(kwdef.__kwdefaults__, kwdef(b=2))
kwdef.__kwdefaults__ = {"a": 10, "b": 20}
print(kwdef())
h.__defaults__ = (7, 8)
print(h(0))
h.__defaults__ = None
show("h(0)", env)
