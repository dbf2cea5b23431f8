if (n := len(a)) > 10: pass
while (chunk := f.read(10)):
    pass
x = [y := f(x), y**2]
print(z := 1)
f(a, b := 2)
l = [y for x in data if (y := g(x))]
d = {(k := 1): 2}
t = (a := 1, b := 2)
s = a[b := 1]
def h(a=(b := 1)): pass
