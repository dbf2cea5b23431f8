def g():
    yield 1
    yield 2
it = g()
print(it.gi_running, it.gi_frame is not None, next(it), next(it))
print(list(it), it.gi_frame)
def counter():
    i = 0
    while True:
        cmd = yield i
        if cmd == "reset":
            i = 0
        else:
            i += 1
c = counter()
print(next(c), next(c), next(c), c.send("reset"), next(c))
print(g.__name__, g().__name__, g().__qualname__, type(g()).__name__)
