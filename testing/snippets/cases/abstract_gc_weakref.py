# The cycle collector (__del__ in cycles runs once) and weak references (callbacks, repr,
# hash, equality).
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del", self.name)


gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("collected", gc.collect() >= 2)
print("again", gc.collect())

lst = []
lst.append(lst)
del lst
print("list cycle", gc.collect())


class Obj:
    pass


o = Obj()
r = weakref.ref(o, lambda ref: print("callback", ref() is None))
r2 = weakref.ref(o)
print(r() is o, r2 is weakref.ref(o), weakref.getweakrefcount(o))
print(repr(r2).startswith("<weakref at 0x"), "to 'Obj'" in repr(r2))
del o
print(r(), repr(r2).endswith("; dead>"))

o = Obj()
o.self = o
w = weakref.ref(o, lambda ref: print("gc callback"))
del o
gc.collect()
print(w())


class H:
    def __hash__(self):
        return 1234


h = H()
wh = weakref.ref(h)
print(hash(wh) == 1234, wh == weakref.ref(h))
del h
print(hash(wh) == 1234)
try:
    weakref.ref(1)
except TypeError as e:
    print(e)


class Resurrect:
    saved = None

    def __del__(self):
        print("resurrect del")
        Resurrect.saved = self


x = Resurrect()
x.cycle = x
del x
gc.collect()
print(type(Resurrect.saved).__name__)
Resurrect.saved = None
gc.collect()
print("end")
