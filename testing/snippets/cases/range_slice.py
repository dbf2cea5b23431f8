r = range(2, 20, 3)
print(r, list(r), len(r), r[2], r[-1], r[1:3], 5 in r, 6 in r, r.index(8), r.count(11))
print(list(range(5, 0, -2)), range(0), list(range(-3)), range(10)[::-1], range(10**20)[10**19])
print(range(0, 3) == range(0, 3, 1), range(0) == range(2, 2), reversed(range(3)).__class__.__name__)
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), "abcdefghijk"[s], slice(3))
a = list(range(10))
print(a[s], a[::-3], a[-2:], a[:-7:-1], a[100:200])
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
