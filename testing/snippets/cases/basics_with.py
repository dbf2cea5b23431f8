class CM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow
with CM("a") as a, CM("b") as b:
    print("body", a.name, b.name)
with CM("c", swallow=True):
    raise ValueError("swallowed")
try:
    with CM("d"):
        raise KeyError("propagates")
except KeyError as e:
    print("outside", repr(e))
