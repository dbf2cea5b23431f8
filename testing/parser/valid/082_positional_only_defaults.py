def f(a=1, /, b=2, *, c, d=4): pass
lambda a=1, /, b=2, *, c, d=4: 0
