class P:
    a = 1
    def __init__(self): self.b = 2
p = P()
print(vars(p), sorted(k for k in vars(P) if not k.startswith("__")), "b" in dir(p), "a" in dir(p))
print(sorted(x for x in dir([]) if not x.startswith("_")))
def f():
    local_v = 1
    return sorted(locals())
print(f(), "f" in globals(), "__name__" in dir(), __name__)
