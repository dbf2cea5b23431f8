def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
h = lambda x, y=1: x * y
print(h(3), h(3, 4), (lambda: 7)())
def deco(fn):
    def wrapper(*a, **k):
        return ("wrapped", fn(*a, **k))
    return wrapper
@deco
def add(a, b):
    return a + b
print(add(1, 2), add.__name__)
print(f(*[1, 2], **{"c": 5}))
