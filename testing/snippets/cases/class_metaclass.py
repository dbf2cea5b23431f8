class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcs, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("call", cls.__name__, a)
        return super().__call__(*a, **k)
class Base(metaclass=Meta, flag=True):
    def m(self): return "m"
class Derived(Base):
    pass
print(type(Derived).__name__, Derived().m(), Derived.injected)
T = type("T", (object,), {"z": 3, "f": lambda self: self.z * 2})
print(T().f(), T.__name__, T.__bases__, type(T))
class Registry:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Registry.subs.append((cls.__name__, tag))
class A(Registry, tag="a"): pass
class B(A): pass
print(Registry.subs)
