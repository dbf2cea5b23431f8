# set/frozenset: operators, methods, iteration order, hashes, errors 
s = {3, 1, 2}
print(s, set(), frozenset(), frozenset({1, 2}), {'a'}, set('abc') == {'a', 'b', 'c'})
s.add(4); s.discard(1); s.discard(100); s.remove(2); print(s, len(s), 3 in s, 9 in s)
print({1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} > {1}, {1} == {1}, {1} != {2}, {1} == frozenset({1}))
a = {1, 2, 3}; a |= {4}; a &= {1, 2, 4}; a -= {1}; a ^= {9, 2}; print(a)
print(set([1, 2]).union([3], (4,)), {1, 2, 3}.intersection([2, 3], {3}), {1, 2, 3}.difference([1], [2]))
print({1, 2}.symmetric_difference([2, 3]), {1, 2}.issubset([1, 2, 3]), {1, 2}.issuperset([1]), {1}.isdisjoint([2]))
b = {1, 2, 3}; b.intersection_update([1, 2]); b.difference_update([1]); b.symmetric_difference_update([5]); b.update([7], [8]); print(b)
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset(['a'])) == hash(frozenset(['a'])))
print(frozenset({1}) in {frozenset({1})}, {1} in {frozenset({1})}, frozenset([1, 2]) | {3}, type(frozenset([1]) | {3}).__name__)
p = {5, 6}; print(p.pop(), p.pop(), p)
for e in [lambda: set().pop(), lambda: {1}.remove(2), lambda: {[]}, lambda: hash({1}), lambda: {1} | [2], lambda: set(1), lambda: set(1, 2), lambda: {1} < [1]]:
    try:
        e()
    except Exception as ex:
        print(type(ex).__name__, ex)
x = {1, 2, 3}
try:
    for i in x:
        x.add(i + 10)
except RuntimeError as ex:
    print(ex)
print(set(range(20)), sorted({'x', 'y', 'z'}))
print({i * 37 % 101 for i in range(30)})
class S(set):
    pass
print(S([1, 2]), S(), type(S([1]) | {2}).__name__)
fs = frozenset([1, 2]); print(fs.copy() is fs, fs.union([3]), set[int], frozenset[str])
r = set(); print(set.__name__, repr(r))
print(len({1, 1.0, True}), {0, False, 0.0})
big = set(range(1000)); big -= set(range(0, 1000, 3)); print(len(big), min(big), max(big))
