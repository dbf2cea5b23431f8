class D:
    def __get__(self, obj, typ=None): return ('get', obj is None, typ.__name__)
class DD:
    def __get__(self, obj, typ=None): return 'dd-get'
    def __set__(self, obj, v): print('dd-set', v)
    def __delete__(self, obj): print('dd-del')
class SN:
    def __set_name__(self, owner, name): print('set_name', owner.__name__, name); self.name = name
    def __get__(self, obj, typ=None): return self.name
class A:
    d = D()
    dd = DD()
    sn = SN()
a = A()
print(A.d, a.d)
a.dd = 5; print(a.dd); del a.dd
a.__dict__['dd'] = 'inst'; print(a.dd)
print(a.sn)
class P:
    def __init__(self): self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v): self._x = v
    @x.deleter
    def x(self): print('deleting')
    @property
    def ro(self): return 'ro'
p = P(); p.x = 5; print(p.x, P.x.__doc__, type(P.x)); del p.x
try: p.ro = 1
except AttributeError as e: print(e)
try: del p.ro
except AttributeError as e: print(e)
print(P.x.fget.__name__, P.ro.fset)
class CM:
    @classmethod
    def c(cls, a): return (cls.__name__, a)
    @staticmethod
    def s(a): return ('s', a)
class CM2(CM): pass
print(CM.c(1), CM().c(2), CM2.c(3), CM.s(4), CM().s(5))
print(CM.__dict__['s'].__func__.__name__)
print(CM.__dict__['c'].__wrapped__ is CM.__dict__['c'].__func__)
sm = staticmethod(len); print(sm('abc'))
class SL:
    __slots__ = ('a', 'b')
s = SL(); s.a = 1; print(s.a, SL.a)
try: s.c = 3
except AttributeError as e: print(e)
try: s.b
except AttributeError as e: print(e)
try: del s.b
except AttributeError as e: print(e)
try: s.__dict__
except AttributeError as e: print(e)
class SL2(SL):
    __slots__ = ('c',)
s2 = SL2(); s2.a = 1; s2.c = 3; print(s2.a, s2.c)
class SL3(SL):
    pass
s3 = SL3(); s3.z = 1; s3.a = 2; print(s3.__dict__, s3.a)
try:
    class SLB:
        __slots__ = ('x',)
        x = 1
except ValueError as e: print(e)
try:
    class SLC(int):
        __slots__ = ('x',)
except TypeError as e: print(e)
class SLD:
    __slots__ = ('__dict__', 'q')
sd = SLD(); sd.w = 1; print(sd.__dict__)
class Priv:
    __slots__ = ('__p',)
    def __init__(self): self.__p = 1
print(Priv()._Priv__p, '_Priv__p' in Priv.__dict__)
import sys
print(type(len), len)
print(len.__name__, len.__qualname__, [].append.__qualname__, [].append.__self__)
print(list.append.__qualname__, list.append.__objclass__, int.real.__name__)
try: list.append(1, 2)
except TypeError as e: print(e)
try: list.append()
except TypeError as e: print(e)
try: [].append(1, 2)
except TypeError as e: print(e)
try: len(1, 2)
except TypeError as e: print(e)
try: int.__add__('a', 1)
except TypeError as e: print(e)
print(int.__dict__['__add__'].__get__(1)(3))
print(type(int.__add__), type((1).__add__), type(list.append), type([].append), type(int.real), type(SL.a))
print(dict.fromkeys([1, 2]), dict.__dict__['fromkeys'])
print(int.__new__(int, 5), object.__new__(A).__class__)
try: int.__new__(str)
except TypeError as e: print(e)
try: object.__new__(int)
except TypeError as e: print(e)
