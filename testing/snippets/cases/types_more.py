def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class Base:
    @property
    def p(self): return 'base-p'
    def m(self): return 'base-m'
    @classmethod
    def c(cls): return 'base-c ' + cls.__name__
class Child(Base):
    @property
    def p(self): return 'child+' + super().p
    def m(self):
        def inner(): return super(Child, self).m()
        return 'child+' + inner()
    def gen(self):
        yield super().m()
    @classmethod
    def c(cls): return 'child+' + super().c()
    @staticmethod
    def s(): return 'static'
ch = Child()
print(ch.p, ch.m(), list(ch.gen()), Child.c(), ch.c(), ch.s(), Child.s())
class Prop(property):
    pass
class UsesProp:
    @Prop
    def x(self): return 'subprop'
print(UsesProp().x, type(UsesProp.__dict__['x']).__name__)
class Cached:
    def __init__(self, f): self.f = f
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, cls):
        if obj is None: return self
        v = self.f(obj); obj.__dict__[self.name] = v; return v
class UC:
    calls = 0
    @Cached
    def val(self):
        UC.calls += 1; return 42
u = UC(); print(u.val, u.val, UC.calls, type(UC.val).__name__)
class NI:
    def __eq__(self, o): return NotImplemented
a, b = NI(), NI()
print(a == a, a == b, a != b)
class NoIter:
    __iter__ = None
t(lambda: iter(NoIter()))
class NoContain:
    __contains__ = None
t(lambda: 1 in NoContain())
class ByIter:
    def __iter__(self): return iter([1, 2, 3])
print(2 in ByIter(), 5 in ByIter())
class BigLen:
    def __len__(self): return 2**70
t(lambda: len(BigLen()))
class StrLen:
    def __len__(self): return 'x'
t(lambda: len(StrLen()))
class BadHash:
    def __hash__(self): return 'x'
t(lambda: hash(BadHash()))
class BigHash:
    def __hash__(self): return 2**100
print(hash(BigHash()) == hash(2**100))
class NegHash:
    def __hash__(self): return -1
print(hash(NegHash()))
class BadBool:
    def __bool__(self): raise ValueError('nobool')
t(lambda: bool(BadBool()))
class BadIndex:
    def __index__(self): return 'x'
t(lambda: [1][BadIndex()])
class GA:
    def __getattr__(self, n): raise KeyError(n)
t(lambda: GA().x)
class GA2:
    def __getattribute__(self, n): raise ValueError('ga2')
t(lambda: GA2().x)
class MetaRet(type):
    def __call__(cls, *a): return 'not an instance'
class MR(metaclass=MetaRet):
    def __init__(self): print('never')
print(MR())
class NewRet:
    def __new__(cls): return 5
    def __init__(self): print('never2')
print(NewRet())
class NewSub:
    def __new__(cls): return super().__new__(Sub2)
    def __init__(self): print('init NewSub', type(self).__name__)
class Sub2(NewSub): pass
print(type(NewSub()).__name__)
def deco(cls):
    cls.decorated = True
    return cls
@deco
class Dec: pass
print(Dec.decorated)
class OrderedDict(dict): pass
class OM(type):
    @classmethod
    def __prepare__(mcs, name, bases): return OrderedDict()
    def __new__(mcs, name, bases, ns):
        print(type(ns).__name__, [k for k in ns if not k.startswith('__')])
        return super().__new__(mcs, name, bases, dict(ns))
class UsesOM(metaclass=OM):
    b = 1
    a = 2
class S1: __slots__ = ('a',)
class S2: __slots__ = ('b',)
t(lambda: type('S3', (S1, S2), {}))
class S4(S1): __slots__ = ()
class S5(S4, S1): pass
print(S5.__mro__[1].__name__)
class E1: pass
class E2: pass
class Mixed(E1, E2, dict): pass
m = Mixed(a=1); print(m, Mixed.__base__)
class Rep:
    def __repr__(self): return 5
t(lambda: repr(Rep()))
class Inst:
    def __instancecheck__(self, o): return True
print(isinstance(1, Inst))
class Called:
    def __call__(self, *a, **k): return (a, k)
print(Called()(1, 2, x=3))
class WithClassAttr:
    __class__ = int
print(isinstance(WithClassAttr(), int), type(WithClassAttr()).__name__)
class SetAttrOnClass(type):
    def __setattr__(cls, n, v): print('meta setattr', n); super().__setattr__(n, v)
class SAC(metaclass=SetAttrOnClass): pass
SAC.x = 1; print(SAC.x)
class DelDescr:
    def __delete__(self, obj): print('delete descr')
class HasDD:
    d = DelDescr()
del HasDD().d
t(lambda: setattr(HasDD(), 'd', 1))
class Counter:
    n = 0
    def __init_subclass__(cls, **kw):
        Counter.n += 1
        cls.idx = Counter.n
class C1(Counter): pass
class C2(C1): pass
print(C1.idx, C2.idx, Counter.n)
print(type.__instancecheck__(int, True), type.__subclasscheck__(int, bool))
t(lambda: object.__getattribute__(1, 'real'))
t(lambda: object.__setattr__(1, 'x', 1))
print(object.__getattribute__(Child(), 'p'))
class Ordering:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f'O{self.v}'
print(sorted([Ordering(3), Ordering(1), Ordering(2)]), max(Ordering(1), Ordering(5)))
print(Ordering(1) > Ordering(0))
t(lambda: Ordering(1) <= Ordering(2))
