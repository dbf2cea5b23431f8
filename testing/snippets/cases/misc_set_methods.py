s = {1, 2, 3}
s.update([4, 5], {6})
print(sorted(s), s.pop() in range(1, 7), len(s))
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)), sorted(a.union(b, [9])))
c = a.copy(); c.intersection_update(b); print(sorted(c))
c = a.copy(); c.difference_update(b); print(sorted(c))
c = a.copy(); c.symmetric_difference_update(b); print(sorted(c))
print(a.issubset(range(10)), a.issuperset([1]), frozenset([1, 2]) | {3}, {1} | frozenset([2]))
fs = frozenset([3, 1])
print(hash(fs) == hash(frozenset([1, 3])), {fs: "key"}[frozenset({1, 3})])
try:
    set().pop()
except KeyError as e:
    print(e)
