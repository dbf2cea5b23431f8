from __future__ import annotations
x: int
y: list[str] = []
def f(a: A, *args: V, k: K = 1, **kw: W) -> R:
    local: T = [q for q in Z]
    return a
class C:
    field: lambda: F
