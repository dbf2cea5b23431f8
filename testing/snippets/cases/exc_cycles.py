# Reference cycles through exceptions, tracebacks and generator frames must be collectable.
import gc
def make_cycle():
    try:
        raise ValueError('cycle')
    except ValueError as e:
        saved = e
    return saved
for _ in range(3):
    make_cycle()
print(gc.collect() >= 0)

class Node:
    pass
def gen_cycle():
    n = Node()
    g = (x for x in range(10))
    n.g = g
    def inner():
        yield n
    it = inner()
    n.it = it
    next(it)
    return n
for _ in range(3):
    gen_cycle()
gc.collect()

e = ValueError()
e.self = e
e.__context__ = KeyError()
e.__context__.__context__ = e
del e
gc.collect()

eg = ExceptionGroup('g', [ValueError(1)])
eg.exceptions[0].__context__ = eg
del eg
gc.collect()

def agen():
    yield 1
async def coro():
    await Aw()
class Aw:
    def __await__(self):
        yield self
c = coro()
c.send(None)
holder = [c]
holder.append(holder)
del holder, c
gc.collect()
print('done')
