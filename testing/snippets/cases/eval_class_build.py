# class statements: __build_class__, metaclasses, __prepare__, __mro_entries__, __classcell__,
# zero-argument super(), class-body scoping.
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], sorted(kw))
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), sorted(kw))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

class A(metaclass=Meta, flag=True):
    x = 1
    def who(self): return "A"
print(type(A).__name__, A.injected, A.x)

class B(A):
    def who(self): return "B>" + super().who()
print(B().who(), type(B).__name__)

class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Child(Base, tag="t1"):
    pass
print(Child.tag)

class Entry:
    def __mro_entries__(self, bases):
        return (Base,)
class Sub(Entry()):
    pass
print(Sub.__mro__[1].__name__, Sub.__orig_bases__[0].__class__.__name__)

class M1(type): pass
class M2(type): pass
class X(metaclass=M1): pass
class Y(metaclass=M2): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print(e)

def outer():
    v = "closure"
    class Inner:
        v = "class attr"
        w = v
        def get(self): return v
    return Inner
I = outer()
print(I.w, I().get(), I.__qualname__)

def outer2():
    y = 1
    class K:
        print("classderef", y)
        z = y + 1
    print(K.z)
    return K
outer2()

class WithCell:
    def m(self): return __class__
print(WithCell().m() is WithCell)

class Docs:
    "class doc"
    a: int = 3
    b: str
print(Docs.__doc__, Docs.__annotations__, Docs.__module__, Docs.__qualname__)

class NoPrep(type):
    pass
class Q(metaclass=NoPrep):
    def __init__(self, v): self.v = v
    def __repr__(self): return f"Q({self.v!r})"
print(Q(5), [Q(i) for i in range(2)])

def make(n):
    return type(n, (object,), {"n": n})
print(make("Dyn").n, make("Dyn").__name__)

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
for _ in range(3): Counter()
print(Counter.count)

class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v * 2
p = P(); p.x = 4; print(p.x)

class Slots:
    __slots__ = ("a",)
s = Slots(); s.a = 1
try:
    s.b = 2
except AttributeError as e:
    print(e)

class BadCell(type):
    def __new__(mcls, name, bases, ns):
        ns.pop("__classcell__", None)
        return super().__new__(mcls, name, bases, ns)
try:
    class Broken(metaclass=BadCell):
        def f(self): return __class__
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    class E(1): pass
except TypeError as e:
    print(e)
