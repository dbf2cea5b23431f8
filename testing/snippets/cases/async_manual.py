class Awaitable:
    def __await__(self):
        value = yield "suspend"
        return value * 2
async def inner():
    v = await Awaitable()
    return v + 1
async def outer():
    results = []
    for i in range(2):
        results.append(await inner())
    return results
coro = outer()
print(type(coro).__name__)
print(coro.send(None))
print(coro.send(10))
try:
    coro.send(20)
except StopIteration as e:
    print("done", e.value)
async def agen():
    for i in range(3):
        yield i
async def consume():
    out = [x async for x in agen()]
    async for y in agen():
        out.append(y * 10)
    return out
c = consume()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
class ACM:
    async def __aenter__(self): print("aenter"); return self
    async def __aexit__(self, *a): print("aexit"); return False
async def use():
    async with ACM() as m:
        return "inside"
try:
    use().send(None)
except StopIteration as e:
    print(e.value)
