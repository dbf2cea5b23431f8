def f(a, b=1, /, c=2, *args, d, e=3, **kwargs):
    pass
def g(a, /):
    pass
def h(*, a):
    pass
def i(a, /, *, b):
    pass
def j(*args, **kw):
    pass
def k(a: int = 1, *b: str, c: 'x' = 2, **d: float) -> None:
    pass
def l(a, b, /, c=1, *, d=2):
    pass
