f = lambda a, b=1, *c, d, e=2, **k: a + b + d + e
g = lambda: (lambda y: y + z)
def h(x=lambda: default):
    return lambda: x
