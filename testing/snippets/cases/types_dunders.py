class V:
    def __init__(self, x): self.x = x
    def __repr__(self): return f'V({self.x})'
    def __add__(self, o): return V(self.x + (o.x if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.x)
    def __iadd__(self, o): self.x += 100; return self
    def __sub__(self, o): return NotImplemented
    def __rsub__(self, o): return 'rsub'
    def __mul__(self, o): return V(self.x * o)
    def __neg__(self): return V(-self.x)
    def __abs__(self): return 'abs'
    def __invert__(self): return 'inv'
    def __pos__(self): return 'pos'
    def __eq__(self, o): return isinstance(o, V) and self.x == o.x
    def __lt__(self, o): return self.x < o.x
    def __len__(self): return 3
    def __getitem__(self, i): 
        if i >= 3: raise IndexError(i)
        return i * 10
    def __contains__(self, v): return v == 'c'
    def __call__(self, *a, **k): return ('call', a, k)
    def __bool__(self): return False
    def __index__(self): return 7
    def __int__(self): return 8
    def __float__(self): return 9.5
    def __pow__(self, o, m=None): return ('pow', o, m)
    def __rpow__(self, o): return ('rpow', o)
    def __matmul__(self, o): return 'matmul'
    def __floordiv__(self, o): return 'fd'
    def __truediv__(self, o): return 'td'
    def __mod__(self, o): return 'mod'
    def __divmod__(self, o): return 'dm'
    def __lshift__(self, o): return 'ls'
    def __and__(self, o): return 'and'
    def __or__(self, o): return 'or'
    def __xor__(self, o): return 'xor'
    def __rand__(self, o): return 'rand'
v = V(2)
print(v + 1, 1 + v, v + v, v * 3, -v, abs(v), ~v, +v)
w = v; w += 1; print(w, w is v)
print(5 - v)
try: v - 5
except TypeError as e: print(e)
print(v == V(2), v != V(2), v == V(3), v < V(3), V(3) > v)
try: hash(v)
except TypeError as e: print(e)
print(len(v), v[1], list(v), 'c' in v, 'd' in v, v(1, k=2), bool(v))
print([10, 20, 30, 40, 50, 60, 70, 80][v], int(v), float(v), hex(v))
print(v ** 2, pow(v, 2, 5), 2 ** v, v @ v, v // 1, v / 1, v % 1, divmod(v, 1), v << 1, v & 1, v | 1, v ^ 1, 1 & v)
class S(V):
    def __radd__(self, o): return 'S.radd'
print(V(1) + S(2))
class H:
    def __hash__(self): return 42
    def __eq__(self, o): return True
print(hash(H()))
class H2:
    def __eq__(self, o): return True
print(H2.__hash__)
class H3(H2):
    __hash__ = object.__hash__
print(type(hash(H3())))
class BL:
    def __len__(self): return 0
print(bool(BL()), not BL())
class BB:
    def __bool__(self): return 1
try: bool(BB())
except TypeError as e: print(e)
class LN:
    def __len__(self): return -1
try: len(LN())
except ValueError as e: print(e)
class G:
    def __getattr__(self, n): return 'ga:' + n
    y = 1
g = G(); print(g.y, g.zz)
class GA:
    def __getattribute__(self, n):
        if n == 'boom': raise AttributeError(n)
        return 'gab:' + n
    def __getattr__(self, n): return 'fallback:' + n
print(GA().x, GA().boom)
class SA:
    def __setattr__(self, n, v): print('set', n, v); object.__setattr__(self, n, v)
    def __delattr__(self, n): print('del', n); object.__delattr__(self, n)
s = SA(); s.a = 1; print(s.a); del s.a
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), [x for x in It()])
class CG:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(CG[int])
class Dl:
    def __del__(self): print('del called')
d = Dl(); del d
print('after del')
class Fmt:
    def __format__(self, spec): return 'F<' + spec + '>'
print(format(Fmt(), 'x'), f'{Fmt():abc}')
try: format(object(), 'x')
except TypeError as e: print(e)
print(format(object(), '') [:8])
class Rep:
    def __repr__(self): return 'R!'
print(str(Rep()), repr(Rep()), f'{Rep()}')
class WithStr:
    def __str__(self): return 'S!'
print(str(WithStr()), WithStr().__str__())
