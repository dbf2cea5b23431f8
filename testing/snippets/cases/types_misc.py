import gc
class Node:
    def __init__(self): self.other = None
a = Node(); b = Node(); a.other = b; b.other = a
del a, b
print(gc.collect() >= 0)
class Fin:
    def __init__(self, n): self.n = n
    def __del__(self): print('fin', self.n)
x = Fin(1); x = None
y = Fin(2); y.self = y; del y; gc.collect()
class Dsub(Fin): pass
Dsub(3)
print('---')
import weakref
class W: pass
w = W(); r = weakref.ref(w); print(r() is w); del w; print(r())
class WS:
    __slots__ = ('__weakref__',)
ws = WS(); r2 = weakref.ref(ws); print(r2() is ws)
class NoW:
    __slots__ = ()
try: weakref.ref(NoW())
except TypeError as e: print(e)
print(NoW.__dict__.get('__weakref__'), hasattr(NoW(), '__dict__'))
class Ann:
    x: int = 1
    y: str
print(Ann.__annotations__)
class Doc:
    """Docstring."""
print(Doc.__doc__, Doc().__doc__)
print(type.__name__, type.__qualname__, type(type).__name__)
print(object.__name__, object.__mro__, type.__mro__)
print(type(None)(), type(...)(), type(NotImplemented)())
print(None.__class__, ... , NotImplemented, repr(None), str(...))
print(bool(None), hash(None) == hash(None))
try: type(None)(1)
except TypeError as e: print(e)
class Mod:
    pass
print(Mod.__module__, Mod.__dict__['__module__'])
import sys
print(type(sys).__name__, sys.__name__)
m = type(sys)('mymod', 'the doc')
print(m, m.__doc__, m.__name__)
m.x = 1; print(m.x, 'x' in dir(m))
try: m.nope
except AttributeError as e: print(e)
m.__getattr__ = lambda n: 'lazy:' + n
print(m.nope)
class MyMod(type(sys)): pass
mm = MyMod('sub'); print(type(mm).__name__, mm)
print(object.__sizeof__(object()) > 0)
print(sorted(k for k in vars(Doc) if not k.startswith('__')))
print(vars(Doc)['__doc__'])
class SetName:
    def __set_name__(self, owner, name): raise ValueError('bad')
try:
    class Bad:
        attr = SetName()
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
class Slots:
    __slots__ = 'single'
print(Slots.single, Slots.__slots__)
s = Slots()
print(getattr(s, 'single', 'unset'))
print(str.__dict__['join'], str.join.__name__)
print(type.__prepare__('x', ()), type(type.__prepare__))
print(object.__init__, object.__repr__, object.__eq__)
print(int.__hash__(5), object.__hash__ is not None, list.__hash__)
print(issubclass(bool, int), bool.__mro__, bool.__base__)
