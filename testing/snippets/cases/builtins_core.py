# print, len, repr, attribute builtins, iteration and numeric helpers.
print("hello", 1, 2.5, None, True)
print("a", "b", sep="-", end="!\n")
print("x", "y", sep=None, end=None)
print()
print(len([1, 2, 3]), len("héllo"), repr("x"), ascii("é"), ascii([1, "ü"]))
print(format(3.14159, ".2f"), format(42), format("s", ">4"), format(255, "x"))
print(isinstance(1, int), isinstance(1, (str, int)), issubclass(bool, int), callable(len))
print(hash(1), hash("") == hash(""), hash((1, 2)) == hash((1, 2)))
print(getattr(1, "real"), getattr(1, "nope", "dflt"), hasattr(1, "imag"), hasattr(1, "zz"))
print(any([0, 1]), all([1, 0]), any([]), all([]), any(x > 2 for x in range(5)))
print(abs(-3), abs(-2.5), round(2.567, 2), round(7.5), round(6.5), round(-0.5), round(1234, -2))
print(divmod(17, 5), divmod(-17, 5), divmod(7.5, 2), pow(2, 10), pow(2, 10, 1000), pow(2, -1))
print(pow(3, -1, 7), pow(base=2, exp=3), round(number=2.5))
print(chr(65), chr(0x1F600) == "\U0001F600", ord("A"), ord("é"), ord(b"a"))
print(hex(255), hex(-255), oct(8), bin(5), bin(-5), hex(2**70))
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
print(list(iter(iter([4, 5, 6]).__next__, 6)))
class A:
    pass
a = A()
setattr(a, "x", 1)
print(vars(a), getattr(a, "x"))
delattr(a, "x")
print(vars(a), hasattr(a, "x"))
print(id(a) == id(a), type(id(a)).__name__)
print(type(globals()).__name__, "__name__" in globals(), __name__)
def f():
    q = 1
    return sorted(locals()), dir()
print(f())
print(sorted(dir(a))[:3])
for name in ["int", "str", "list", "dict", "tuple", "set", "frozenset", "bytes", "bytearray",
             "float", "complex", "bool", "object", "type", "range", "slice", "enumerate", "zip",
             "map", "filter", "reversed", "property", "staticmethod", "classmethod", "super",
             "ValueError", "KeyError", "StopIteration", "ExceptionGroup", "OSError", "IOError",
             "EnvironmentError", "None", "Ellipsis", "NotImplemented", "__debug__",
             "__build_class__", "__import__"]:
    print(name, name in dir(__builtins__))
print(IOError is OSError, EnvironmentError is OSError)
print(Ellipsis, NotImplemented, __debug__)
import builtins
print(builtins.len is len, builtins.__name__)
