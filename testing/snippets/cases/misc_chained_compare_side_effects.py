calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) == v(1) != v(2), calls)
print(1 < 2 > 1.5, 1 <= 1 < 2 == 2, "a" < "b" > "a")
