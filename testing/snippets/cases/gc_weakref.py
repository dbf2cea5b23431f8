import gc, weakref
class Node:
    def __init__(self, name): self.name, self.other = name, None
a, b = Node("a"), Node("b")
a.other, b.other = b, a
r = weakref.ref(a, lambda ref: print("callback fired"))
print(r() is a, r().name)
del a, b
print("collected", gc.collect() >= 2, r())
print(gc.isenabled()); gc.disable(); print(gc.isenabled()); gc.enable()
print(gc.get_threshold()[0] > 0)
class D:
    def __del__(self): print("D finalized")
d = D(); d.self = d; del d
gc.collect()
print("end")
