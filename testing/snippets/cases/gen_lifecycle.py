# Generator finalisation (finally blocks on destruction, cycles), exhausted generators,
# tracebacks through generators, weak references.
import gc
import weakref

def fin(tag):
    try:
        yield 1
        yield 2
    finally:
        print('finally', tag)

g = fin('a')
next(g)
g = None
print('after drop')

g = fin('cycle')
next(g)
holder = [g]
holder.append(holder)
del g, holder
gc.collect()
print('after collect')

def self_ref():
    me = yield
    try:
        yield me
    finally:
        print('self_ref finally')
g = self_ref()
next(g)
g.send(g)
del g
gc.collect()
print('after self cycle')

g = fin('w')
r = weakref.ref(g)
print(r() is g)
del g
print(r())

def gen():
    yield 1
g = gen()
print(list(g), list(g))
try:
    g.send(None)
except StopIteration as e:
    print('exhausted send', e.args)
try:
    g.throw(ValueError('late'))
except ValueError as e:
    print('throw into exhausted', e)
print(g.close())

def finally_return():
    try:
        yield 1
    finally:
        return 'from finally'
g = finally_return()
next(g)
print(g.close())

def inner():
    yield 1
    raise KeyError('deep')
def outer():
    yield from inner()
try:
    for x in outer():
        pass
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)

def genexp_error():
    return list(1 // x for x in [1, 0])
try:
    genexp_error()
except ZeroDivisionError as e:
    print('genexp', e)

try:
    raise ValueError('with tb')
except ValueError as e:
    saved_tb = e.__traceback__
def thrower():
    yield
g = thrower()
next(g)
try:
    g.throw(TypeError, TypeError('t'), saved_tb)
except TypeError as e:
    print('with traceback arg', e.__traceback__.tb_next is not None)
try:
    g2 = thrower()
    next(g2)
    g2.throw(TypeError, None, 5)
except TypeError as e:
    print(e)

def counting():
    n = 0
    while True:
        n += 1
        yield n
c = counting()
print([next(c) for _ in range(3)], c.gi_frame.f_lineno > 0)
c.close()
print(c.gi_frame, c.gi_suspended)
