def gen(n):
    yield n
    x = yield
    yield from range(n)
    return x
v = (yield_value for yield_value in range(3))
