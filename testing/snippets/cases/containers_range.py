# range and slice: big ranges, slicing, membership, equality/hash, indices(), errors
r = range(10)
print(r, range(1, 10), range(0, 10, 2), range(10, 0, -3), list(range(10, 0, -3)), len(range(0, 10, 3)))
print(r[3], r[-1], r[2:8:2], r[::-1], r[::-1][0], list(r[::-1]), range(0, 100, 7)[3:9])
print(5 in r, 10 in r, 5.0 in r, 'a' in r, r.index(3), r.count(3), r.count(3.0))
print(range(0) == range(2, 2), range(0, 3, 2) == range(0, 4, 2), range(3) != range(4), hash(range(0)) == hash(range(5, 5)))
print(r.start, r.stop, r.step, bool(range(0)), bool(range(1)))
big = range(10**20, 10**20 + 5)
print(big, len(big), list(big), big[2], 10**20 + 3 in big, big.index(10**20 + 1))
print(list(reversed(range(5))), list(reversed(range(0, 10, 3))), list(reversed(range(0))))
huge = range(10**30)
try:
    len(huge)
except OverflowError as e:
    print(e)
print(huge[10**29], huge[-1])
for e in [lambda: range(0, 10, 0), lambda: range(1.5), lambda: r[10], lambda: r['a'], lambda: r.index(11), lambda: range(), lambda: range(1, 2, 3, 4)]:
    try:
        e()
    except Exception as ex:
        print(type(ex).__name__, ex)
it = iter(range(5)); next(it); print(it.__length_hint__(), type(it).__name__, type(iter(big)).__name__)
s = slice(1, 10, 2)
print(s, slice(5), slice(None), s.start, s.stop, s.step, s.indices(5), slice(None, None, -1).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3))
for e in [lambda: hash(slice(1)), lambda: [1, 2][::0], lambda: [1, 2]['a':], lambda: slice(), lambda: slice(1).indices(-1)]:
    try:
        e()
    except Exception as ex:
        print(type(ex).__name__, ex)
print([1, 2, 3, 4][slice(1, 3)], 'abcdef'[1::2])
