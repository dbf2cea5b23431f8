def f(a=lambda b=1, c: 0):
    pass
