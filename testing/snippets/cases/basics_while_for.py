i = 0
total = 0
while i < 10:
    i += 1
    if i == 3:
        continue
    if i == 8:
        break
    total += i
else:
    print("no")
print(i, total)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
for i, ch in enumerate("abc", 1):
    print(i, ch)
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b, sep="-")
