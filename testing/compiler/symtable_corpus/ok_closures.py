def outer(a):
    b = 1
    c = 2
    def inner(d):
        nonlocal b
        b += d
        return a + b + g
    def other():
        def deepest():
            return c
        return deepest
    return inner, other
