# dict iteration errors (size / keys changed), set and list iterators after mutation, dict() inputs and KeyError reprs
d = {1: 1, 2: 2, 3: 3}
try:
    for k in d:
        del d[k]
        d[k + 100] = 1
except RuntimeError as e:
    print(e)
print(d)
d = {i: i for i in range(5)}
try:
    for k in d:
        d.pop(k)
except RuntimeError as e:
    print(e, d)
d = {1: 2}
it = iter(d.items())
d[3] = 4
try:
    next(it)
except RuntimeError as e:
    print(e)
try:
    next(it)
except (RuntimeError, StopIteration) as e:
    print(type(e).__name__, e)
s = {1, 2}
it = iter(s)
s.add(3)
for _ in range(2):
    try:
        next(it)
    except (RuntimeError, StopIteration) as e:
        print(type(e).__name__, e)
l = [1, 2, 3]
it = iter(l)
next(it); l.clear()
print(list(it))
print(dict.fromkeys({3, 1, 2}), dict.fromkeys({'a': 1}, 0), dict.fromkeys(range(3)).keys())
class Keys:
    def keys(self): return ['x', 'y']
    def __getitem__(self, k): return k * 2
print(dict(Keys()), {**Keys()})
dd = {}
dd.update(Keys(), z=1)
print(dd)
for bad in [None, 5, [(1, 2), 3], ['abc']]:
    try:
        dict(bad)
    except Exception as e:
        print(type(e).__name__, e)
print({(1, 2): 3}[1, 2], {1: 2}.get(1.0), {True: 'x'}.get(1))
try:
    {}[(1, 2)]
except KeyError as e:
    print(repr(e), e)
try:
    {}[()]
except KeyError as e:
    print(repr(e), e)
print(d.__class__, {}.__class__.__name__, type({}.keys()).__name__)
print(sorted({1: 'a', 2: 'b'}.items(), reverse=True))
x = {}
x.setdefault('l', []).append(1)
x.setdefault('l', []).append(2)
print(x, x.__len__(), x.__contains__('l'), x.__getitem__('l'))
print({1: 2}.__eq__({1: 2}), {1: 2}.__ne__(5), {1: 2}.__or__([]))
del x['l']
print(x, bool(x), bool({0: 0}))
print(dict(a=1) == dict([('a', 1)]), {1: [1]} == {1: [1]}, {1: 2} == {1: 2, 3: 4})
