# tuple: reprs, CPython-equal hashes, slicing, comparison, methods, errors, subclasses
t = (1, 2, 3)
print(t, (), (1,), ((1,),), repr((None, 'a')))
print(hash((1, 2)), hash(()), hash((1,)), hash((4, (2, 3.5))))
print(t[0], t[-1], t[1:], t[::-1], t[::2], t[5:], t[-100:100])
print(t + (4,), t * 2, 2 * t, t * 0, t * -1)
print(1 in t, 5 in t, len(t))
print(t < (1, 2, 4), t == (1, 2, 3), t != (1, 2), (1, 2) < (1, 2, 3), t >= t, t > (1, 2, 3))
print(t.index(2), t.count(2), (1, 1, 1).count(1), t.index(3, 1), t.index(3, -1))
print(tuple(), tuple([1, 2]), tuple('abc'), tuple(range(3)), tuple(x * x for x in range(4)))
print(t.__getnewargs__())
print(tuple[int], tuple[int, str])
class T(tuple):
    pass
x = T([1, 2])
print(x, type(x), x == (1, 2), type(x[:]), type(x + x))
for e in [lambda: t[3], lambda: t['a'], lambda: t + [1], lambda: t.index(9), lambda: tuple(1), lambda: tuple(1, 2), lambda: hash(([],)), lambda: t.count()]:
    try:
        e()
    except Exception as ex:
        print(type(ex).__name__, ex)
it = iter(t)
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))
print(type(iter(t)).__name__)
a, *b = t
print(a, b)
print(sorted(set(((1, 2), (1, 2), (2, 1)))))
