"""Functions, closures and defaults: compiled by py_bytecode at build time."""


def outer(a, b=2, *args, key=None, **kwargs):
    total = a + b

    def inner(x):
        return x * total

    return [inner(v) for v in args if v is not key]


print(outer(1, 2, 3, 4))
