# Attribute lookup order (data descriptors, instance dict, non-data descriptors), setattr rules
# and AttributeError messages.


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class Data:
    def __get__(self, obj, owner):
        return "data"

    def __set__(self, obj, value):
        print("set", value)


class NonData:
    def __get__(self, obj, owner):
        return "nondata" if obj is not None else "class-level"


class Foo:
    d = Data()
    n = NonData()
    plain = 10

    def method(self):
        return "method"


f = Foo()
f.__dict__["d"] = "shadow?"
f.__dict__["n"] = "instance wins"
print(f.d, f.n, Foo.n, f.plain)
f.d = 5
f.plain = 11
print(f.plain, Foo.plain)
f.method = lambda: "instance method"
print(f.method())
del f.method
print(f.method())
attempt(lambda: f.missing)
attempt(lambda: Foo.missing)
attempt(lambda: (1).x)
attempt(lambda: setattr(1, "x", 2))
attempt(lambda: setattr(object(), "x", 2))
attempt(lambda: setattr(object(), "__doc__", 2))
attempt(lambda: delattr(f, "nothing"))
attempt(lambda: getattr(f, "missing", "default"))
print(hasattr(f, "plain"), hasattr(f, "nope"))
try:
    f.missing
except AttributeError as e:
    print(e.name, e.obj is f)


class Slots:
    __slots__ = ("a",)


s = Slots()
s.a = 1
print(s.a)
attempt(lambda: setattr(s, "b", 2))


class GetAttr:
    def __getattr__(self, name):
        return "fallback " + name


g = GetAttr()
g.real = 1
print(g.real, g.other)


class Prop:
    @property
    def p(self):
        return 42


attempt(lambda: Prop().p)
attempt(lambda: setattr(Prop(), "p", 1))
