# Weak references (subclasses, callbacks, getweakrefcount) and collections of cycles through
# instances, functions and classes.
import gc, weakref
class A:
    pass
a = A()
class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, extra=None):
        super().__init__(ob, callback)
        self.extra = extra
r = MyRef(a, None)
r.extra = 5
print(type(r).__name__, r() is a, r.extra, r is weakref.ref(a))
print(weakref.getweakrefcount(a), len(weakref.getweakrefs(a)))
def cb(ref):
    print("cb got", type(ref).__name__, ref())
r2 = weakref.ref(a, cb)
print(r2.__callback__ is cb)
del a
print(r2.__callback__)
# gc counts
gc.collect()
class N: pass
for k in range(3):
    x = N(); y = N(); x.y = y; y.x = x
    del x, y
print(gc.collect() >= 6)
def fn(): pass
fn.self = fn
del fn
print(gc.collect())
# cycle through a class
class K: pass
K.me = K
del K
print(gc.collect() > 0)
# weakref to a function and a bound method
def g(): pass
wg = weakref.ref(g)
print(wg() is g)
del g
print(wg())
class M:
    def m(self): pass
mm = M().m
wm = weakref.ref(mm)
del mm
print(wm())
# callback that resurrects via global
saved = []
class B: pass
b = B()
wb = weakref.ref(b, lambda r: saved.append(r))
del b
print(len(saved), saved[0] is wb)
# gc.is_tracked
print(gc.is_tracked([]), gc.is_tracked(1))
