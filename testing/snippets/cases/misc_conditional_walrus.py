for n in [0, 5, 15]:
    print("small" if n < 10 else "big", "zero" if not n else n)
data = [1, 5, 12, 7, 20]
if (big := [x for x in data if x > 6]):
    print(big, len(big))
while (n := len(data)) > 3:
    data.pop()
print(n, data)
print([y for x in range(5) if (y := x * x) % 2])
