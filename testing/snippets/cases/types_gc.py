import gc, weakref
class Base: pass
refs = []
for i in range(200):
    K = type('K%d' % i, (Base,), {'i': i, 'm': lambda self: self.i})
    k = K(); k.self = k
    refs.append(weakref.ref(K))
    class Sub(K):
        def f(self): return super().m()
    assert Sub().f() == i
del K, k, Sub
gc.collect()
print(sum(r() is not None for r in refs), len(Base.__subclasses__()))
class Meta(type): pass
for i in range(50):
    C = Meta('C', (), {})
    D = Meta('D', (C,), {'__slots__': ('a', 'b')})
    d = D(); d.a = d
del C, D, d
gc.collect()
print(len(Base.__subclasses__()))
class W: pass
r = weakref.ref(W)
print(r() is W)
del W
gc.collect()
print(r())
class Holder:
    def __init__(self): self.cls = type('Inner', (), {'holder': self})
h = Holder(); del h
print(gc.collect() > 0)
class A:
    def __del__(self): print('A del', type(self).__name__)
class B(A): pass
x = B(); x.cycle = x; del x; gc.collect()
print('done')
