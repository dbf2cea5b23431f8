# Calls, method lookup, subscripts of classes, index conversion, len/bool/hash/eq protocol
# results and their error messages.
def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def f(*a, **k):
    return a, sorted(k.items())
print(f(*[1, 2], **{"x": 1, "y": 2}))
attempt(lambda: f(**{1: 2}))
class Shadow:
    def m(self):
        return "class m"
s = Shadow()
s.m = lambda: "instance m"
print(s.m())
class GA:
    def __getattribute__(self, name):
        if name == "x":
            return "intercepted"
        return object.__getattribute__(self, name)
    def meth(self):
        return "meth"
g = GA()
print(g.x, g.meth())
class CM:
    @classmethod
    def c(cls):
        return cls.__name__
    @staticmethod
    def st(a):
        return a * 2
print(CM().c(), CM.c(), CM().st(4), CM.st(5))
class Gen:
    def __class_getitem__(cls, item):
        return ("cgi", cls.__name__, item)
print(Gen[int])
attempt(lambda: Shadow[int])
attempt(lambda: [1][2**100])
attempt(lambda: "a" * 2**100)
idx_f, idx_s = 1.5, "x"
attempt(lambda: [1, 2, 3][idx_f])
attempt(lambda: (1, 2)[idx_s])
attempt(lambda: range(10)[2**100])
class Fake:
    __bases__ = ()
class FakeInst:
    __class__ = Fake
print(isinstance(FakeInst(), Fake))
attempt(lambda: isinstance(1, Fake()))
print(callable(len), callable(1), callable(Shadow), callable(s.m))
attempt(lambda: "{:d}".format("x"))
attempt(lambda: format(1, "q"))
print(format(12345.678, ",.2f"), f"{3:>4}|{'ab':^6}|{1.5!r}")
class WithFormat:
    def __format__(self, spec):
        return "F(" + spec + ")"
print(f"{WithFormat():abc}", format(WithFormat()))
print(sorted(dir(s))[:3], "m" in dir(s))
class L:
    def __len__(self):
        return -1
attempt(lambda: len(L()))
attempt(lambda: bool(L()))
class Big:
    def __len__(self):
        return 2**100
attempt(lambda: len(Big()))
class BadIdx:
    def __index__(self):
        return 1.5
attempt(lambda: [1, 2][BadIdx()])
class BoolRet:
    def __bool__(self):
        return 1
attempt(lambda: bool(BoolRet()))
class Ne:
    def __eq__(self, o):
        return "yes"
print(Ne() == 1, Ne() != 1, 1 == Ne())
print([Ne()] == [1], Ne() in [1])
class NextIt:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
print(list(NextIt()), 1 in NextIt())
attempt(lambda: next(iter(NextIt())))
attempt(lambda: hash(Ne()))
class HashNone:
    __hash__ = None
attempt(lambda: hash(HashNone()))
class HashBig:
    def __hash__(self):
        return 2**100
print(hash(HashBig()) == hash(2**100))
attempt(lambda: divmod(1, 0))
attempt(lambda: pow(2, -1, 5))
attempt(lambda: 1 @ 2)
print(abs(-3), -(-2.5), +True, ~5)
