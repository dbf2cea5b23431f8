class Base:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item}]"
print(Base[int], list[int], dict[str, int])
class Meta(type):
    def __instancecheck__(cls, obj): return obj == 42
    def __subclasscheck__(cls, sub): return sub is int
class Magic(metaclass=Meta): pass
print(isinstance(42, Magic), isinstance(41, Magic), issubclass(int, Magic), issubclass(str, Magic))
class WithDel:
    def __del__(self): print("deleted")
w = WithDel(); del w
print("after del")
class Counter:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(Counter()), [x for x in Counter()])
class Ctx:
    def __enter__(self): return "val"
    def __exit__(self, *a): return False
with Ctx() as v: print(v)
print(Base.__qualname__, Base.__module__, Base.__doc__, Base().__class__ is Base)
