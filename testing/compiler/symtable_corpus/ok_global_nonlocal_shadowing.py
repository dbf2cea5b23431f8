x = 0
def a():
    x = 1
    def b():
        global x
        def c():
            return x
        return c
    def d():
        nonlocal x
        def e():
            return x
        return e
    return b, d
