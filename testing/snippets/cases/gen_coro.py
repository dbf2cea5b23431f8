# Coroutines and async generators driven by hand (no event loop).
class Future:
    def __init__(self, v): self.v = v
    def __await__(self):
        got = yield ('waiting', self.v)
        return got

async def add(a, b):
    x = await Future(a)
    y = await Future(b)
    return x + y

async def main():
    r = await add(1, 2)
    return r * 10

c = main()
print(repr(c).split(' at ')[0], c.__name__, c.cr_running, c.cr_suspended)
print(c.send(None))
print(c.send(5))
try:
    c.send(7)
except StopIteration as e:
    print('result', e.value)
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError', e)
c2 = main()
try:
    c2.send(1)
except TypeError as e:
    print('TypeError', e)
c2.close()
w = main().__await__()
print(type(w).__name__, next(w))
w.close()

async def raiser():
    await Future(0)
    raise ValueError('coro error')
c = raiser()
c.send(None)
try:
    c.send(None)
except ValueError as e:
    print('ValueError', e)
c = raiser()
c.send(None)
try:
    c.throw(KeyError('thrown'))
except KeyError as e:
    print('KeyError', e)
c = raiser()
print(c.cr_await, c.send(None), type(c.cr_await).__name__)
c.close()

async def agen(n):
    for i in range(n):
        got = await Future(i)
        yield i, got
    print('agen end')

def drive(aw, sends=()):
    sends = list(sends)
    try:
        v = aw.send(None)
        while True:
            print('  awaiting', v)
            v = aw.send(sends.pop(0) if sends else 'S')
    except StopIteration as e:
        return ('value', e.value)
    except StopAsyncIteration:
        return 'StopAsyncIteration'

ag = agen(2)
print(repr(ag).split(' at ')[0], ag.__aiter__() is ag, ag.ag_running)
print(drive(ag.__anext__()))
print(drive(ag.asend(None)))
print(drive(ag.__anext__()))
print(drive(ag.__anext__()))

async def agen_finally():
    try:
        yield 1
        yield 2
    finally:
        print('agen finally')
ag = agen_finally()
print(drive(ag.__anext__()))
print(drive(ag.aclose()))
print(drive(ag.__anext__()))
ag = agen_finally()
print(drive(ag.__anext__()))
try:
    print(drive(ag.athrow(ValueError('x'))))
except ValueError as e:
    print('athrow raised', e)

async def agen_ignore():
    try:
        yield 1
    except GeneratorExit:
        yield 2
ag = agen_ignore()
drive(ag.__anext__())
try:
    drive(ag.aclose())
except RuntimeError as e:
    print('RuntimeError', e)

async def comp():
    return [x async for x in agen(2)]
print(drive(comp()))

a = ag.__anext__()
a.close()
try:
    a.send(None)
except RuntimeError as e:
    print('RuntimeError', e)
