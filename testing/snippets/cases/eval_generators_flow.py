# Generators through the eval loop: yield, send, throw, close, yield from, return values.
def gen():
    x = yield 1
    print("got", x)
    try:
        y = yield 2
    except ValueError as e:
        print("caught", e)
        y = yield 3
    finally:
        print("gen finally")
    return y

g = gen()
print(next(g), g.send("a"), g.throw(ValueError("boom")))
try:
    g.send("end")
except StopIteration as e:
    print("stop", e.value)

def sub():
    yield 1
    yield 2
    return "sub-result"
def deleg():
    r = yield from sub()
    print("delegated result", r)
    yield from [10, 20]
    return r
print(list(deleg()))

def closing():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing")
        raise
c = closing(); next(c); c.close(); print("closed")

def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(sum(counter(100)), list(counter(5)), max(x * x for x in counter(10)))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
fg = fib()
print([next(fg) for _ in range(12)])

def raiser():
    yield 1
    raise KeyError("inside")
try:
    for v in raiser():
        print("v", v)
except KeyError as e:
    print("propagated", e)

def stopper():
    yield 1
    raise StopIteration
try:
    list(stopper())
except RuntimeError as e:
    print(type(e).__name__, e)
g2 = (i for i in range(3))
print(next(g2), list(g2), list(g2))
def exc_state():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield 1
        import sys
        print("inside", sys.exc_info()[0].__name__)
import sys
eg = exc_state(); next(eg)
print("outside", sys.exc_info()[0])
try:
    next(eg)
except StopIteration:
    pass
