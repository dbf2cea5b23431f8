a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
first, *_, last = range(10)
print(first, last)
print(*[1, 2], *"ab", sep=",")
print([*range(3), *"xy"], {**{"a": 1}, "b": 2}, (*[1], 2), {*[1, 2], 3})
def f(*args, **kwargs): return args, kwargs
print(f(*[1, 2], *[3], **{"a": 1}, **{"b": 2}))
for x, *y in [(1, 2, 3), (4,)]:
    print(x, y)
try:
    a, b = 1, 2, 3
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
