# Function, code, bound-method and frame objects: attributes and reprs (addresses masked).
import sys
def mask(s):
    out, i = [], 0
    while i < len(s):
        if s.startswith("0x", i):
            j = i + 2
            while j < len(s) and s[j] in "0123456789abcdef":
                j += 1
            out.append("0x?")
            i = j
        else:
            out.append(s[i])
            i += 1
    return "".join(out)

def f(a, b=2, *args, c, d=4, **kw):
    "doc of f"
    x = a + b
    def inner(): return x
    return inner
print(f.__name__, f.__qualname__, f.__module__, f.__doc__, f.__defaults__, f.__kwdefaults__)
co = f.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames, co.co_cellvars, co.co_freevars, co.co_flags & 0xF, co.co_firstlineno)
print(mask(repr(f)), mask(repr(f(1, c=3))), mask(repr(co)).split(",")[0])
print(type(f).__name__, type(co).__name__, f.__globals__ is globals(), f.__closure__)
inner = f(1, c=3)
print(inner.__qualname__, inner.__closure__[0].cell_contents, inner.__doc__)
lam = lambda: 0
print(lam.__name__, lam.__qualname__, lam.__doc__)
def nodoc(): pass
print(nodoc.__doc__, nodoc.__dict__, nodoc.__annotations__)
def ann(a: int, b: "str" = "") -> list: pass
print(ann.__annotations__)
f.custom = 5
print(f.custom, f.__dict__)
f.__name__ = "renamed"
print(f.__name__, mask(repr(f)))
try:
    f.__name__ = 5
except TypeError as e:
    print(e)
try:
    f.__defaults__ = [1]
except TypeError as e:
    print(e)
try:
    f.__globals__ = {}
except (AttributeError, TypeError) as e:
    print(type(e).__name__)

class A:
    def m(self): return self
    def __repr__(self): return "A()"
a = A()
bm = a.m
print(mask(repr(bm)), bm.__self__ is a, bm.__func__ is A.m, bm.__name__, bm.__qualname__)
print(a.m == a.m, a.m is a.m, hash(a.m) == hash(a.m), a.m == A().m, bm())
print(A.m.__get__(a)() is a, A.m.__get__(None, A) is A.m)
MethodType = type(bm)
print(MethodType(lambda self: self, 7)())
print(type(bm).__name__)

def frames():
    fr = sys._getframe()
    return fr.f_code.co_name, fr.f_back.f_code.co_name, fr.f_lineno, type(fr).__name__
print(frames())
def loc(a, b=1):
    c = a + b
    return sorted(locals().items())
print(loc(5))
code = compile("x = 1\ny = x + 1\n", "<snip>", "exec")
ns = {}
exec(code, ns)
print(ns["y"], code.co_filename, code.co_name, "__builtins__" in ns)
print(eval("x * 10", {"x": 4}), eval(compile("1 + 2", "<e>", "eval")))
