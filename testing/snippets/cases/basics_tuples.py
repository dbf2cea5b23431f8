t = (1, 2, 3)
a, b, c = t
print(t, a, b, c, t[1:], t + (4,), t * 2, len(t), 2 in t, t.index(3), t.count(1))
x, *rest = [1, 2, 3, 4]
*init, last = "abcd"
print(x, rest, init, last)
(p, q), r = (1, 2), 3
print(p, q, r, (), (1,), tuple("ab"), tuple(range(3)))
print(hash((1, 2)) == hash((1, 2)), (1, 2) < (1, 3))
