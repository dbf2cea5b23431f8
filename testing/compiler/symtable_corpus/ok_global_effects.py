def f():
    global g1, g2
    g1 = 1
    def inner():
        return g1 + g2
    return inner
class C:
    global g3
    g3 = 2
