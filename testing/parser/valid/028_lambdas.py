a = lambda: 0
b = lambda x, y=1, /, z=2, *a, k, **kw: x
c = lambda *, k: k
d = lambda *a: a
e = lambda x: (yield)
f = lambda: (lambda: (lambda: 1))
g = lambda x=lambda y=1: y: x
