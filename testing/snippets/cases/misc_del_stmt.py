a = [0, 1, 2, 3, 4, 5]
del a[1], a[-1]
print(a)
d = {"x": 1, "y": 2}
del d["x"]
print(d)
class C: pass
c = C(); c.v = 1
del c.v
print(hasattr(c, "v"))
x = 10
del x
try:
    x
except NameError as e:
    print(e)
a = [1, 2, 3, 4, 5, 6]
del a[::2]
print(a)
