# The gc, _weakref and weakref built-in modules, and __import__ of built-in modules.
import gc, weakref, _weakref
print(gc.isenabled()); gc.disable(); print(gc.isenabled()); gc.enable()
print(gc.get_threshold()); gc.set_threshold(500, 5, 5); print(gc.get_threshold())
print(type(gc.collect()).__name__, gc.get_count().__class__.__name__, gc.is_tracked([]), gc.is_tracked(1))
class A: pass
a = A()
r = weakref.ref(a)
print(r() is a, weakref.getweakrefcount(a), _weakref.getweakrefcount(a), len(weakref.getweakrefs(a)))
del a
print(r())
print(weakref.ref is _weakref.ref, gc.garbage)
import sys
print(__import__("sys") is sys, __import__("gc").__name__)
class B:
    def m(self):
        return "m"
b = B()
p = weakref.proxy(b)
print(p.m(), type(p) is weakref.ProxyType, weakref.getweakrefcount(b))
print(sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit)
print(sys.hash_info.modulus, sys.gettrace(), sys.getprofile())
