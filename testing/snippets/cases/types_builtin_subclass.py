class MyList(list):
    def extra(self): return len(self) * 2
l = MyList([1, 2, 3]); l.append(4)
print(l, l.extra(), type(l).__name__, isinstance(l, list), l + [5], type(l + [5]), l * 2, l[1:], len(l))
l.attr = 'x'; print(l.attr, l.__dict__)
class MyInt(int):
    def __new__(cls, v): return super().__new__(cls, v * 2)
    def double(self): return self * 2
i = MyInt(5); print(i, i.double(), type(i), i + 1, type(i + 1), isinstance(i, int), hash(i) == hash(10))
class MyStr(str):
    def shout(self): return self.upper() + '!'
s = MyStr('hi'); print(s, s.shout(), s + 'x', repr(s), len(s), s == 'hi', {s: 1}['hi'])
class MyDict(dict):
    def __missing__(self, k): return 'missing:' + str(k)
d = MyDict(a=1); print(d['a'], d['zz'], d, isinstance(d, dict))
class AddInt(int):
    def __add__(self, o): return 'custom add'
print(AddInt(1) + 2, 2 + AddInt(1), AddInt(1) - 1)
class RInt(int):
    def __radd__(self, o): return 'radd wins'
print(1 + RInt(2))
class MyTuple(tuple):
    pass
t = MyTuple([1, 2]); print(t, type(t), t[0], len(t), t + (3,))
class MyExc(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise MyExc('boom', 42)
except MyExc as e:
    print(e, e.code, e.args, type(e).__mro__[1:3])
class MyFloat(float): pass
print(MyFloat(1.5) * 2, type(MyFloat(1.5)))
class MySet(set): pass
print(sorted(MySet([3, 1, 2])), isinstance(MySet(), set))
class Cmp(list):
    def __eq__(self, o): return 'eq!'
print(Cmp() == [], Cmp.__hash__)
class LL(list):
    def __len__(self): return 42
print(len(LL([1])), bool(LL()))
class Gi(list):
    def __getitem__(self, i): return ('gi', i)
print(Gi([1, 2])[0], list(Gi([1, 2])))
class Slotted(list):
    __slots__ = ('tag',)
sl = Slotted([1]); sl.tag = 't'; print(sl, sl.tag)
print(int.__dict__['__add__'] is MyInt.__add__, MyInt.__add__)
print(MyInt.__mro__, MyList.__base__)
