def g():
    try:
        x = yield 1
        print("got", x)
        yield 2
    except ValueError as e:
        print("caught", e)
        yield "recovered"
    finally:
        print("cleanup")
it = g()
print(next(it), it.send("s"), it.throw(ValueError("boom")))
it.close()
def r():
    yield 1
    return "result"
def outer():
    v = yield from r()
    print("inner returned", v)
print(list(outer()))
def closer():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        raise
c = closer(); next(c); c.close()
def bad():
    yield 1
    raise StopIteration("x")
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
gen = (i for i in range(3))
print(gen.__class__.__name__, list(gen), list(gen))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib(); print([next(f) for _ in range(15)])
