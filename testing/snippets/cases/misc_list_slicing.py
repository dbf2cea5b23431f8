a = list(range(10))
print(a[2:8:2], a[::-1][:3], a[-3:], a[:-3], a[8:2:-2], a[100:], a[-100:2])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = [7, 7, 7]
print(b)
b[::3] = [0] * len(b[::3])
print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print(e)
c = [1, 2, 3]
c[len(c):] = [4, 5]
print(c, c[::-2], c[-1::-1][1:])
