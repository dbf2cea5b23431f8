# list: methods, slice assignment (extended slices), sort stability/key/reverse, errors
l = [3, 1, 2]
print(l, [], [[]], repr(['a', None]))
l.append(4); l.extend([5, 6]); l.extend(range(2)); l.insert(0, 'x'); l.insert(-1, 'y'); l.insert(100, 'z')
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1); print(l, l.index(2), l.count(1))
l2 = l.copy(); l2.reverse(); print(l2, l)
l.clear(); print(l)
a = list(range(10))
print(a[2:5], a[::3], a[::-1], a[-3:], a[100:], a[-100:2], a[8:2:-2])
a[2:5] = ['a', 'b']; print(a)
a[::2] = range(5); print(a)
del a[::3]; print(a)
del a[1]; print(a)
a[1:1] = [7, 7, 7]; print(a)
a[:] = a; print(a)
a[-1] = 'last'; print(a)
b = [1, 2]; b += (3, 4); b *= 2; print(b)
c = [0] * 3 + [1] * 2; print(c, c * 0, [1, 2] < [1, 3], [1] == [1], [2] > [1, 5])
r = []; r.append(r); print(r)
d = [1, 2, 3]; d[1:2] = d; print(d)
for e in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1, 2].index(3),
          lambda: [1][2], lambda: [1].__setitem__(3, 1), lambda: [1, 2, 3].__setitem__(slice(None, None, 2), [1]),
          lambda: [1] + (1,), lambda: [1][str('a')], lambda: [].insert(1), lambda: list(1), lambda: hash([]),
          lambda: [1, 2].sort(1), lambda: [1, 'a'].sort(), lambda: [1, 2, 3].__setitem__(slice(0, 2), 5)]:
    try:
        e()
    except Exception as ex:
        print(type(ex).__name__, ex)
s = [5, 3, 1, 4, 2]; s.sort(); print(s)
s.sort(reverse=True); print(s)
w = ['bb', 'a', 'ccc', 'dd', 'e']; w.sort(key=len); print(w)
w.sort(key=len, reverse=True); print(w)
print(sorted([(1, 'b'), (0, 'z'), (1, 'a')]), sorted('hello'), sorted([3, 1, 2], reverse=True))
seed = 12345
rs = []
for _ in range(500):
    seed = (seed * 1103515245 + 12345) % 2**31
    rs.append(seed % 51)
print(sorted(rs) == sorted(rs, key=lambda x: x), all(sorted(rs)[i] <= sorted(rs)[i + 1] for i in range(499)))
pairs = [(i % 7, i) for i in range(100)]
print(sorted(pairs, key=lambda p: p[0])[:10])
print(sorted(pairs, key=lambda p: p[0], reverse=True)[:10])
m = [3, 2, 1]
def bad(x):
    m.append(1)
    return x
try:
    m.sort(key=bad)
except ValueError as ex:
    print(ex, m)
print(list(reversed([1, 2, 3])), type(reversed([])).__name__, type(iter([])).__name__)
it = iter([1, 2, 3]); next(it); print(it.__length_hint__(), list(it))
print(list[int], list('ab'), list((1, 2)), list({'a': 1}))
class L(list):
    pass
x = L([1, 2]); print(x, type(x), x + [3], type(x[:]))
print([i for i in range(5) if i % 2], [1, 2, 3][1:][0])
