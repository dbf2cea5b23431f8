def f():
    return
    return 1
    return 1, 2
    return *a, b
raise
raise E
raise E(1) from e
raise E from None
assert x
assert x, 'm'
