a = [3, 1, 2]
a.append(5); a.extend([9, 0]); a.insert(1, 7)
print(a, len(a), a[2], a[-1], a[1:3])
a.sort(); print(a)
a.sort(reverse=True); print(a)
print(a.pop(), a.pop(0), a, a.index(3), a.count(1))
a.remove(3); print(a)
b = a * 2 + [1]
print(b, b[::3], sorted(b), list(reversed(b)))
del b[0]; del b[1:3]; print(b)
b[0:2] = [10, 20, 30]; print(b)
print([x * x for x in range(6) if x % 2 == 0], [[i, j] for i in range(2) for j in range(2)])
