x: int
y: list[int] = []
(z): int = 1
a.b: int
a[0]: int = 1
t: tuple = 1, 2
def f():
    u: int = yield
