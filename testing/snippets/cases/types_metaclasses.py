class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 1}
    def __new__(mcs, name, bases, ns, **kw):
        print('meta new', name, sorted(k for k in ns if not k.startswith('__')), kw)
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print('meta init', name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print('meta call', a)
        return super().__call__(*a, **k)
    def hello(cls): return 'hello ' + cls.__name__
class A(metaclass=Meta, flag=1):
    def m(self): pass
print(type(A), A.injected, A.hello(), type(A()))
class B(A): pass
print(type(B))
class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class X(Base, tag='x'): pass
class Y(X): pass
print(Base.subs)
try:
    class Z(tag2=1): pass
except TypeError as e: print(e)
class M1(type): pass
class M2(type): pass
class P1(metaclass=M1): pass
class P2(metaclass=M2): pass
try:
    class Q(P1, P2): pass
except TypeError as e: print(e)
class IC(type):
    def __instancecheck__(cls, inst): return inst == 42
    def __subclasscheck__(cls, sub): return sub is int
class Chk(metaclass=IC): pass
print(isinstance(42, Chk), isinstance(3, Chk), issubclass(int, Chk), issubclass(str, Chk))
class Cnt(type):
    def __len__(cls): return 99
    def __getitem__(cls, i): return i * 2
    def __iter__(cls): return iter([1, 2])
class W(metaclass=Cnt): pass
print(len(W), W[4], list(W))
print(type('N', (), {}).__module__)
class Reg(type):
    def __repr__(cls): return f'<Reg {cls.__name__}>'
class R(metaclass=Reg): pass
print(R, repr(R))
C = Meta('C', (), {'v': 1})
print(C.v, type(C))
class O:
    pass
O.__name__ = 'Renamed'
print(O, O.__name__, O.__qualname__)
O.__qualname__ = 'Q.R'
print(O)
class Outer:
    class Inner:
        def meth(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__, Outer.Inner)
class Sup:
    def __init__(self):
        print('Sup init', type(self).__name__)
class Sub(Sup):
    def __init__(self):
        super(Sub, self).__init__()
        print(super(), super(Sub, Sub))
Sub()
class CmSup:
    @classmethod
    def make(cls): return cls.__name__
class CmSub(CmSup):
    @classmethod
    def make(cls): return 'sub+' + super().make()
print(CmSub.make(), CmSub().make())
try: super(int, 'x')
except TypeError as e: print(e)
try: super(1, 1)
except TypeError as e: print(e)
def nosuper(): return super()
try: nosuper()
except RuntimeError as e: print(e)
print(super(int, 1).__self__, super(int, 1).__thisclass__, super(int, 1).__self_class__)
class Abs:
    pass
Abs.__abstractmethods__ = frozenset({'f', 'g'})
try: Abs()
except TypeError as e: print(e)
class CC:
    pass
c = CC(); c.__class__ = Sub
print(type(c).__name__)
try: c.__class__ = int
except TypeError as e: print(e)
try: (1).__class__ = bool
except TypeError as e: print(e)
print(dir(CC()) == sorted(dir(CC())), '__init__' in dir(CC), 'mro' in dir(type))
