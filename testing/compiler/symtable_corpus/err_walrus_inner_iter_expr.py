def f(a):
    return [x for x in a for z in (w := a)]
