# containers: deep nesting (trashcan), recursive reprs, nan identity, mixed operations
a = []
for _ in range(100000):
    a = [a]
del a
t = ()
for _ in range(100000):
    t = (t,)
del t
d = {}
for _ in range(50000):
    d = {1: d}
del d
print('deep ok')
x = [1, {2: [3]}]; x[1][2].append(x); print(x)
y = {'k': set()}; print(y, {1: frozenset()}, [set(), frozenset([1])])
for e in [lambda: [] in {}, lambda: {}.get([]), lambda: set() in set(), lambda: {1: 2}[[]], lambda: {[]: 1}.pop([1]), lambda: [1, 2, 3][float(1)], lambda: (1, 2)[1:2:0]]:
    try:
        print(e())
    except Exception as ex:
        print(type(ex).__name__, ex)
class D(dict):
    pass
dd = D(a=1, b=2); print(dd, dd.keys(), dd | {'c': 3}, type(dd | {}).__name__, type(dd.copy()).__name__)
print(sorted({'b': 1, 'a': 2}.items(), key=lambda kv: kv[1]))
print(list({1: 2, 3: 4}.items())[0], {k: v for k, v in [(1, 2)]})
s = frozenset({1, 2}); print(s & {2, 3}, {2, 3} & s, type({2, 3} & s).__name__, s - {1}, s ^ {5})
print({1, 2} == {2, 1}, {1, 2} <= frozenset({1, 2, 3}), frozenset() == set(), {1: 2}.keys() == {1: 3}.keys())
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})), len({frozenset({1}), frozenset({1})}))
l = [1, 2, 3]
print(l * 2, [l] * 2, l[:] is l, l[::] == l)
l[5:] = [9]; print(l); l[-100:1] = []; print(l)
l[1:3] = 'ab'; print(l)
del l[:]; print(l)
print([1, 2] == (1, 2), (1, 2) == [1, 2], [1, 2] != [1, 2.0], [[1]] < [[2]], [float('nan')] == [float('nan')])
n = float('nan'); print([n] == [n], n in [n], (n,) == (n,), {n: 1}[n])
m = {}
m[1] = 1; m[1.0] = 2; m[True] = 3; print(m)
print(list(range(-5, 5, 3)), range(-5, 5, 3)[1], list(range(5, -5, -2)), range(2, 10)[-3:], list(range(0, 10, 3)[::-1]))
print(range(0, 10)[::2][::2], 3 in range(0, 10, 3), 4 in range(0, 10, 3), -1 in range(0, -10, -1))
print(list(zip(*[(1, 'a'), (2, 'b')])), dict(zip([1, 2], [3, 4])))
print(list(enumerate(zip('ab', 'cd'))))
it = iter([1, 2, 3])
print(list(zip(it, it)))
print(sum([[1], [2]], []), max([3, 1, 2]), min((3, 1, 2)), sorted({3: 1, 1: 2}))
print([*range(3), *'ab'], (*[1], 2), {**{'a': 1}, 'b': 2}, {*'aba'} == {'a', 'b'})
print(list(map(lambda x: x * 2, filter(lambda x: x % 2, range(10)))))
print(tuple(reversed(tuple(range(4)))), list(reversed({1: 2, 3: 4}.keys())))
g = {i: i for i in range(10)}
for k in list(g):
    if k % 2: del g[k]
print(g, g.popitem(), g)
q = [3, 1, 2]; q.sort(key=lambda v: -v); print(q)
print(sorted([(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')], key=lambda p: p[0], reverse=True))
w = [1, 2, 3, 4, 5]; w[1:4:2] = ['x', 'y']; print(w); del w[::-2]; print(w)
print([1, 2, 3].index(3, -1), (1, 2, 3).index(1, -5), [1, 2, 3, 2].index(2, 2, 4))
v = [1, 2, 3]; v[len(v):] = [4]; v.insert(-100, 0); print(v, v.pop(-1), v)
print(repr(dict.fromkeys(range(3), [])), dict(dict(a=1)), dict([('a', 1)], a=2))
print({}.keys() | {1}, set({1: 2}), frozenset({1: 2}.items()))
print(type({}.keys()), type(iter(range(3))), type(iter({1})), type(enumerate([])), type(reversed([])))
