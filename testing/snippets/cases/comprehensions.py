print([x for x in range(5)], {x: x * x for x in range(3)}, {c for c in "aab"} == {"a", "b"})
print([(x, y) for x in range(3) for y in range(x)], [x for x in range(10) if x % 2 if x % 3])
m = [[1, 2], [3, 4]]
print([v for row in m for v in row], [[r[i] for r in m] for i in range(2)])
x = "outer"
print([x for x in "ab"], x)
g = (n * n for n in range(4)); print(sum(g))
print(list(i for i in range(3)), tuple(c.upper() for c in "xyz"), dict((i, str(i)) for i in range(2)))
print([y := 5, y ** 2], [z for z in range(3) if (w := z * 2) > 1], w)
