# Coroutines driven by hand: await, async with, async for, async comprehensions and their errors.
class Sleep:
    def __await__(self):
        v = yield "sleeping"
        return v
async def inner(x):
    r = await Sleep()
    return x + (r or 0)
async def outer():
    total = 0
    for i in range(3):
        total += await inner(i)
    return total
def run(coro):
    try:
        v = coro.send(None)
        while True:
            v = coro.send(10)
    except StopIteration as e:
        return e.value
print(run(outer()))
class ACM:
    async def __aenter__(self):
        print("aenter")
        return self
    async def __aexit__(self, *a):
        print("aexit", a[0])
        return True
class AIter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3: raise StopAsyncIteration
        return self.i
async def main():
    async with ACM() as m:
        raise ValueError("x")
    out = []
    async for v in AIter():
        out.append(v)
    print(out)
    async def agen():
        for i in range(3):
            yield i * 10
    print([v async for v in agen()])
    try:
        await 5
    except TypeError as e:
        print(e)
    try:
        async with 5: pass
    except TypeError as e:
        print(e)
    try:
        async for x in 5: pass
    except TypeError as e:
        print(e)
    return "done"
print(run(main()))
