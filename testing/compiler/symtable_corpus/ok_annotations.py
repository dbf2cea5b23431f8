x: int
y: list[str] = []
(z): float = 1.0
obj.attr: int = 3
def f(a: A, /, b: B = 1, *args: V, k: K, **kw: W) -> R:
    local: T
    other: U = 5
    return a
class C:
    field: F
    value: G = 0
