# Generator protocol: next/send/throw/close, return values, finally blocks, PEP 479.
def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        else:
            i += 1
    return 'done'

g = counter(3)
print(repr(g).split(' at ')[0], g.__name__, g.__qualname__, g.gi_running, g.gi_suspended)
print(next(g), g.send(2), g.gi_suspended)
try:
    next(g)
except StopIteration as e:
    print('StopIteration', repr(e), e.value, e.args)
print(g.gi_frame, list(g))
try:
    counter(1).send(5)
except TypeError as e:
    print('TypeError', e)
print(list(counter(4)), sum(counter(5)))

def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print('finally ran')
g = with_finally()
print(next(g))
g.close()
print(g.gi_frame, g.close())
g = with_finally()
print(next(g))
del g
print('after del')

def catcher():
    result = None
    while True:
        try:
            yield result
        except ValueError as e:
            print('caught', repr(e))
            result = 'handled'
g = catcher()
next(g)
print(g.throw(ValueError('boom')))
print(g.throw(ValueError, 'boom2'))
print(g.throw(ValueError, ValueError(3)))
print(g.throw(ValueError, (1, 2)))
next(g)
try:
    g.throw(KeyError('k'))
except KeyError as e:
    print('KeyError propagated', e)
print(g.gi_frame)
try:
    next(g)
except StopIteration:
    print('exhausted')

def ignores_exit():
    for _ in range(2):
        try:
            yield 1
        except GeneratorExit:
            pass
g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print('RuntimeError', e)
print(list(g))

def pep479():
    yield 1
    raise StopIteration('oops')
try:
    list(pep479())
except RuntimeError as e:
    print('RuntimeError', e, repr(e.__cause__), e.__cause__ is e.__context__)

def running():
    yield gen.gi_running
    next(gen)
gen = running()
print(next(gen))
try:
    next(gen)
except ValueError as e:
    print('ValueError', e)

g = counter(2)
try:
    g.throw(IndexError)
except IndexError:
    print('throw into unstarted', g.gi_frame)
try:
    counter(1).throw(1)
except TypeError as e:
    print('TypeError', e)
try:
    counter(1).throw(ValueError(1), 2)
except TypeError as e:
    print('TypeError', e)
try:
    counter(1).throw()
except TypeError as e:
    print('TypeError', e)

def returns_value():
    yield 1
    return 42
g = returns_value()
next(g)
try:
    g.send(None)
except StopIteration as e:
    print('return value', e.value)
try:
    g.send(None)
except StopIteration as e:
    print('again', e.value)

def close_returns():
    try:
        yield
    except GeneratorExit:
        return 5
g = close_returns()
next(g)
print(g.close())
print(type(g).__name__, iter(g) is g)
