class suppress:
    def __init__(self, *exc): self.exc = exc
    def __enter__(self): return None
    def __exit__(self, et, ev, tb): return et is not None and issubclass(et, self.exc)
with suppress(KeyError):
    {}["x"]
print("after suppress")
class Tracker:
    log = []
    def __init__(self, n): self.n = n
    def __enter__(self): Tracker.log.append(f"in{self.n}"); return self.n
    def __exit__(self, *a): Tracker.log.append(f"out{self.n}")
with Tracker(1) as a:
    with Tracker(2) as b:
        Tracker.log.append(a + b)
print(Tracker.log)
def gen_cm():
    for i in range(3):
        with Tracker(i):
            if i == 1:
                return i
print(gen_cm(), Tracker.log[-2:])
