a = [1, 2]
a.append(a)
d = {"k": 1}
d["self"] = d
print(a, d, repr(a), str(d))
t = (a,)
print(t)
class R:
    def __repr__(self): return "R()"
print([R(), (R(),), {1: R()}], {R()} is not None)
