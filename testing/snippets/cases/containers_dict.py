# dict: methods, views and their set operations, __missing__, ordering after deletes, errors
d = {'a': 1, 'b': 2}
print(d, {}, {1: {2: 3}}, d['a'], len(d), 'a' in d, 'z' in d)
d['c'] = 3; del d['a']; print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
print(d.get('b'), d.get('z'), d.get('z', 0), d.setdefault('b', 9), d.setdefault('q', 9), d)
print(d.pop('q'), d.pop('zz', None), d.popitem(), d)
d.update({'x': 1}, y=2); d.update([('z', 3)]); d.update(w=0); print(d)
print(dict(a=1), dict([(1, 2)]), dict({1: 2}, b=3), dict.fromkeys('ab'), dict.fromkeys([1, 2], 0))
print({1: 2} == {1: 2}, {1: 2} != {1: 3}, {1: 2} | {3: 4}, {1: 1} | {1: 2})
e = {1: 2}; e |= {3: 4}; e |= [(5, 6)]; print(e)
print(list(reversed({1: 2, 3: 4})), list(reversed({1: 2, 3: 4}.items())), list(reversed({1: 2}.values())))
print({1: 2}.keys() & {1, 3}, {1: 2}.keys() | [5], {1: 2, 3: 4}.keys() - {1}, {1: 2}.keys() ^ {1, 7})
print({1: 2}.items() & {(1, 2)}, {'a': 1}.keys() == {'a'}, {'a': 1}.keys() < {'a', 'b'}, (1, 2) in {1: 2}.items())
print({1: 2}.keys().isdisjoint([3]), {1: 2}.keys().mapping)
r = {}; r[1] = r; print(r)
print(dict[str, int], d.copy(), d.clear(), d)
for e in [lambda: {}['x'], lambda: {}.popitem(), lambda: {}.pop(1), lambda: {[]: 1}, lambda: dict([1]),
          lambda: dict([(1, 2, 3)]), lambda: dict(1, 2), lambda: {1: 2} | [1], lambda: hash({}),
          lambda: {1: 2} < {1: 2}, lambda: dict([[1]])]:
    try:
        e()
    except Exception as ex:
        print(type(ex).__name__, ex)
x = {1: 1, 2: 2}
try:
    for k in x:
        x[k + 10] = 1
except RuntimeError as ex:
    print(ex)
class M(dict):
    def __missing__(self, k):
        return k * 2
m = M(a=1); print(m['a'], m[5], m, type(m))
big = {}
for i in range(1000):
    big[i] = i * i
for i in range(0, 1000, 2):
    del big[i]
print(len(big), big[999], sum(big.values()), list(big)[:5])
big2 = {str(i): i for i in range(100)}
print(big2['42'], len(big2))
print({1: 'a', 1.0: 'b', True: 'c'})
it = iter({1: 2, 3: 4}); print(it.__length_hint__(), next(it), it.__length_hint__())
print(type(iter({})).__name__, type({}.items()).__name__, type(iter({}.values())).__name__)
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return self.v == o.v
kd = {K(1): 'one', K(2): 'two'}
print(kd[K(2)], K(3) in kd)
print(dict(zip('abc', range(3))))
