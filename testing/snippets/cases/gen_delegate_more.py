# yield from with plain iterators and objects that have (or lack) throw/close.
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration('it done')
        return self.n
class WithClose(It):
    def close(self):
        print('WithClose.close')
class WithThrow(It):
    def throw(self, typ, val=None, tb=None):
        print('WithThrow.throw', typ.__name__ if isinstance(typ, type) else repr(typ))
        raise StopIteration('thrown result')

def deleg(it):
    r = yield from it
    print('deleg result', r)
    yield 'tail'

g = deleg(It())
print(next(g), next(g))
try:
    g.throw(KeyError('k'))
except KeyError as e:
    print('KeyError out', e)

g = deleg(WithClose())
next(g)
g.close()
print('closed')

g = deleg(WithThrow())
next(g)
print(g.throw(ValueError('v')))

g = deleg(WithThrow())
next(g)
print(g.throw(ValueError))
print(list(deleg(It())))

def gen_inner():
    try:
        yield 'a'
        yield 'b'
    finally:
        print('gen_inner finally')
def chain3():
    yield from deleg(gen_inner())
g = chain3()
print(next(g), g.gi_yieldfrom.gi_yieldfrom.__name__)
g.close()

def closer_raises():
    try:
        yield
    finally:
        raise RuntimeError('in finally')
def outer():
    yield from closer_raises()
g = outer()
next(g)
try:
    g.close()
except RuntimeError as e:
    print('close raised', e)

def sender():
    x = yield 'first'
    while True:
        x = yield f'got {x}'
def relay():
    yield from sender()
g = relay()
print(next(g), g.send(1), g.send('two'))
try:
    relay().send('x')
except TypeError as e:
    print(e)
def gen_exit_inner():
    try:
        yield 1
    except GeneratorExit:
        print('inner sees GeneratorExit')
        raise
def outer_throw_exit():
    try:
        yield from gen_exit_inner()
    except GeneratorExit:
        print('outer sees GeneratorExit')
        raise
g = outer_throw_exit()
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit:
    print('GeneratorExit out')
