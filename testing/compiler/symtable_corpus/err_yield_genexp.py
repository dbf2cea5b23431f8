def f(y):
    return ((yield from x) for x in y)
