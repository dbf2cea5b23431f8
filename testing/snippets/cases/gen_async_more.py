# More coroutine / async generator behaviour, driven by hand.
class Sleep:
    def __init__(self, tag): self.tag = tag
    def __await__(self):
        r = yield self.tag
        return r

async def leaf(tag):
    try:
        return await Sleep(tag)
    finally:
        print('leaf finally', tag)

async def middle():
    a = await leaf('a')
    b = await leaf('b')
    return a, b

c = middle()
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_await.cr_await.__class__.__name__)
print(c.send(1))
try:
    c.send(2)
except StopIteration as e:
    print('done', e.value)

c = middle()
c.send(None)
try:
    c.throw(ValueError('into chain'))
except ValueError as e:
    print('propagated', e)
print(c.cr_frame)

c = middle()
c.send(None)
c.close()
print('closed', c.cr_suspended)

class CM:
    async def __aenter__(self):
        print('aenter')
        await Sleep('enter')
        return self
    async def __aexit__(self, *exc):
        print('aexit', exc[0])
        return False

async def use_cm():
    async with CM() as cm:
        await Sleep('body')
    return 'cm done'

c = use_cm()
v = c.send(None)
while True:
    print('yielded', v)
    try:
        v = c.send(None)
    except StopIteration as e:
        print(e.value)
        break

class AIter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3:
            raise StopAsyncIteration
        await Sleep(('tick', self.i))
        return self.i

async def consume():
    total = 0
    async for x in AIter():
        total += x
    return total

c = consume()
try:
    v = c.send(None)
    while True:
        v = c.send(None)
except StopIteration as e:
    print('sum', e.value)

async def agen():
    yield 1
    try:
        yield 2
    except ValueError as e:
        print('agen caught', e)
        yield 3

def run(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return 'StopAsyncIteration'

ag = agen()
print(run(ag.__anext__()), run(ag.__anext__()))
print(run(ag.athrow(ValueError('v'))))
print(run(ag.__anext__()))
print(run(ag.aclose()), run(ag.aclose()))
print(ag.ag_running, ag.ag_frame, ag.__name__, ag.__qualname__)

async def raises_stop():
    raise StopAsyncIteration
    yield
try:
    run(raises_stop().__anext__())
except RuntimeError as e:
    print('RuntimeError', e)

async def ret():
    return 5
c = ret()
w = c.__await__()
try:
    next(w)
except StopIteration as e:
    print('wrapper result', e.value)
async def awaits_twice():
    c = ret()
    await c
    await c
try:
    run(awaits_twice())
except RuntimeError as e:
    print('RuntimeError', e)
a = agen()
x = a.__anext__()
run(x)
try:
    x.send(None)
except RuntimeError as e:
    print('RuntimeError', e)
async def two():
    yield 1
    yield 2
async def collect():
    return [v async for v in two()]
print(run(collect()))
