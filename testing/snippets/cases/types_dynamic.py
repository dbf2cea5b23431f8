class A:
    pass
a = A()
try: a + 1
except TypeError as e: print(e)
A.__add__ = lambda self, o: ('added', o)
print(a + 1)
A.__radd__ = lambda self, o: ('radded', o)
print(1 + a)
del A.__add__
try: a + 1
except TypeError as e: print(e)
A.__len__ = lambda self: 5
print(len(a), bool(a))
A.__bool__ = lambda self: False
print(bool(a))
A.__getattr__ = lambda self, n: 'dyn:' + n
print(a.foo)
del A.__getattr__
try: a.foo
except AttributeError as e: print(e)
A.__call__ = lambda self: 'called'
print(a())
A.__repr__ = lambda self: 'A-repr'
print(a, repr(a), [a])
A.__eq__ = lambda self, o: True
print(a == 1, hash(a) is not None)
A.__hash__ = None
try: hash(a)
except TypeError as e: print(e)
class B(A): pass
b = B()
print(b + 0 if hasattr(A, '__add__') else 'noadd', b(), len(b))
A.__iter__ = lambda self: iter([1, 2])
print(list(b))
A.__getitem__ = lambda self, k: k
print(b['key'])
A.__lt__ = lambda self, o: 'lt'
print(b < 1, 1 > b)
class C:
    def __init__(self): self.v = 1
c = C()
C.__init__ = lambda self: setattr(self, 'v', 2)
print(C().v)
C.__setattr__ = lambda self, n, v: object.__setattr__(self, n, v * 10)
c2 = C(); print(c2.v)
class D:
    x = 1
D.x = 2
print(D.x, D().x)
class E: pass
E.meth = lambda self: 'meth'
print(E().meth())
def f(self): return 'f'
E.f = f
print(E().f(), E.f.__qualname__)
class Num:
    def __init__(self, v): self.v = v
    def __iadd__(self, o): self.v += o; return self
n = Num(1); n += 5; print(n.v)
class NoIadd:
    def __add__(self, o): return 'plain add'
x = NoIadd(); x += 1; print(x)
