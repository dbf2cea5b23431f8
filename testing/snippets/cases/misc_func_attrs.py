def f(a, b=2, *, c=3):
    """f doc"""
    return a + b + c
print(f.__name__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_varnames)
f.custom = "attr"
print(f.custom, f.__dict__, f.__qualname__, f.__module__)
def g(x: int, y: str = "s") -> bool: pass
print(g.__annotations__)
def outer():
    v = 1
    def inner(): return v
    return inner
print(outer().__closure__[0].cell_contents, outer().__code__.co_freevars, outer.__code__.co_cellvars)
print((lambda: 0).__name__, f(1), f(1, c=0))
