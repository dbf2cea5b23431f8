name = "x"
width = 3
s = f"{name!r:>{width}} {value}"
def f(v):
    return f"{v=} {[u for u in v]}"
