del a
del a, b
del (a, b), [c]
del a.b, a[0], a[1:2]
del (a)
global g1, g2
def f():
    nonlocal n
    global g
