def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(5)), sum(gen(4)))
g = gen(3)
print(next(g), next(g), next(g), next(g, "done"))
def echo():
    received = yield "start"
    while True:
        received = yield f"got {received}"
e = echo()
print(next(e), e.send(1), e.send("x"))
def delegate():
    r = yield from gen(3)
    yield "after"
print(list(delegate()))
print(sum(x for x in range(10) if x % 3), list(zip(gen(3), "ab")))
