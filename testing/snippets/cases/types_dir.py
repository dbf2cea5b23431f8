class A:
    x = 1
    def f(self): pass
a = A(); a.y = 2
print(dir(a))
print(dir(A))
print(dir(object()))
print(dir(object))
print(dir(type))
print(dir(int)[:10], len(dir(int)))
print(dir(list))
class S:
    __slots__ = ('q',)
print(dir(S()))
print(sorted(type.__dict__))
print(sorted(object.__dict__))
