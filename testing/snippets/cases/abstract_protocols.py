# Generic protocols: repr/str/ascii, hash, truth, len, subscripts, iteration, membership,
# isinstance/issubclass, format and calls, with CPython's messages.


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: hash([]))
attempt(lambda: hash({}))
attempt(lambda: hash((1, [2])))
print(hash(1) == hash(1.0), hash("a") == hash("a"))
attempt(lambda: len(5))
five = 5
attempt(lambda: five[0])
attempt(lambda: int[0])
attempt(lambda: list[int])
attempt(lambda: iter(5))
attempt(lambda: 1 in 5)
attempt(lambda: next(iter([])))
attempt(lambda: next(5))
attempt(lambda: five())
attempt(lambda: (1, 2).__setitem__)
t = (1, 2)
try:
    t[0] = 1
except TypeError as e:
    print(e)
try:
    del t[0]
except TypeError as e:
    print(e)
try:
    "abc"[0] = "x"
except TypeError as e:
    print(e)
print(ascii("héllo\u20ac\U0001f600"), ascii([1, "é"]))
print(repr("x"), str(5), str(b"a"))


class BadRepr:
    def __repr__(self):
        return 5


attempt(lambda: repr(BadRepr()))


class BadStr:
    def __str__(self):
        return 5


attempt(lambda: str(BadStr()))


class Truthy:
    def __len__(self):
        return 0


class Falsy:
    def __bool__(self):
        return False


print(bool(Truthy()), bool(Falsy()), bool(object()), bool([]), bool([0]), bool(""))


class OldSeq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10


print(list(OldSeq()), 20 in OldSeq(), 25 in OldSeq())


class Iter:
    def __iter__(self):
        return 5


attempt(lambda: iter(Iter()))
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, int)), isinstance(1, str))
print(isinstance(1, int | str), issubclass(bool, int), issubclass(int, (str, object)))
attempt(lambda: isinstance(1, 1))
attempt(lambda: issubclass(1, int))
attempt(lambda: issubclass(int, 1))


class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == "magic"

    def __subclasscheck__(cls, sub):
        return sub is str


class Magic(metaclass=Meta):
    pass


print(isinstance("magic", Magic), isinstance(1, Magic), issubclass(str, Magic), issubclass(int, Magic))
print(format(3.5, "08.3f"), format("x", ">4"), format(5), format(True), "{:>5}".format(12))


class BadFormat:
    def __format__(self, spec):
        return 1


attempt(lambda: format(BadFormat()))
attempt(lambda: format(object(), "x"))
print(sorted(dir(Truthy()))[-3:])
print("__len__" in dir(Truthy), "x" in dir(type("T", (), {"x": 1})))
