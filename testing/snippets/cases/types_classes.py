class A:
    x = 1
    def f(self): return 'A.f'
class B(A):
    def f(self): return 'B.f+' + super().f()
class C(A):
    def f(self): return 'C.f+' + super().f()
class D(B, C):
    def f(self): return 'D.f+' + super().f()
print(D().f())
print([k.__name__ for k in D.__mro__])
print(D.mro() == list(D.__mro__))
print(A, D, type(A), type(D()), A.__name__, D.__qualname__, A.__module__)
print(A.__bases__, D.__bases__, A.__base__, object.__bases__, object.__base__)
print(type(A.__dict__), 'f' in A.__dict__, A.__dict__['x'])
print(repr(A()).startswith('<__main__.A object at 0x'))
a = A(); a.y = 5; print(a.__dict__, a.y, a.x)
del a.y
try: a.y
except AttributeError as e: print(e)
try:
    class E(A, D): pass
except TypeError as e: print(e)
try:
    class F(A, A): pass
except TypeError as e: print(e)
try:
    class G(int, str): pass
except TypeError as e: print(e)
try:
    class H(bool): pass
except TypeError as e: print(e)
try: A(1)
except TypeError as e: print(e)
try: object(1)
except TypeError as e: print(e)
class I:
    def __init__(self, v): self.v = v
print(I(3).v)
try: I()
except TypeError as e: print(e)
class J:
    def __init__(self): return 1
try: J()
except TypeError as e: print(e)
class K:
    def __new__(cls, *a): 
        print('new', cls.__name__, a); return super().__new__(cls)
    def __init__(self, *a): print('init', a)
K(1, 2)
print(isinstance(D(), A), issubclass(D, C), issubclass(C, B), isinstance(1, A))
T = type('T', (A,), {'z': 3, 'g': lambda self: self.z})
print(T().g(), T.__name__, T.__mro__)
print(type(1), type('x'), type(None), type(type), type(object))
print(int.__name__, int.__qualname__, int.__module__, int.__doc__[:20])
print(A.__doc__, object.__doc__[:20])
class L:
    "doc of L"
print(L.__doc__)
print(object.__subclasses__() != [], A.__subclasses__())
A.w = 10
print(B.w, D().w)
del A.w
print(hasattr(B, 'w'))
try: int.foo = 1
except TypeError as e: print(e)
try: del A.nonexistent
except AttributeError as e: print(e)
try: A.nonexistent
except AttributeError as e: print(e)
print(type.__dict__['__dict__'], object.__dict__['__class__'])
print(int.__add__, list.append)
print((1).__add__(2), int.__add__(3, 4), list.__len__([1,2]))
