def g():
    yield
    yield 1
    yield 1, 2
    yield from x
    x = yield
    x = yield 1
    x = yield from y
    f((yield))
    await_ = (yield) + 1
    return (yield)
