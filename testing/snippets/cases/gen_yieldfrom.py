# yield from delegation: values, send, throw, close, return values, gi_yieldfrom.
def inner():
    x = yield 1
    print('inner got', x)
    try:
        yield 2
    except KeyError as e:
        print('inner caught', repr(e))
        yield 'recovered'
    return 'inner result'

def outer():
    r = yield from inner()
    print('outer got', r)
    yield 'outer end'

g = outer()
print(next(g))
print(g.gi_yieldfrom.__name__)
print(g.send('hello'))
print(g.throw(KeyError('k')))
print(next(g))
print(g.gi_yieldfrom)
print(list(g))

def outer2():
    try:
        yield from inner()
    finally:
        print('outer2 finally')
g = outer2()
next(g)
g.close()
print('closed', g.gi_frame)

def thrower():
    yield 1
    raise ValueError('from inner')
def delegating():
    try:
        yield from thrower()
    except ValueError as e:
        print('delegating caught', e)
        yield 'after'
print(list(delegating()))

def inner_returns_on_throw():
    try:
        yield 1
    except KeyError:
        return 'early'
def outer3():
    r = yield from inner_returns_on_throw()
    yield r
g = outer3()
next(g)
print(g.throw(KeyError))

print(list(x * 2 for x in range(4)))
def from_iter():
    yield from [1, 2, 3]
    yield from range(2)
    r = yield from iter(())
    print('r', r)
print(list(from_iter()))

class Sub:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 2: raise StopIteration(99)
        return self.i
    def send(self, v):
        print('Sub.send', v)
        return self.__next__()
def uses_sub():
    r = yield from Sub()
    print('sub returned', r)
g = uses_sub()
print(next(g), g.send('x'))
try:
    g.send('y')
except StopIteration:
    print('stop')
