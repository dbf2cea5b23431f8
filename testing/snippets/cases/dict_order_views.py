d = {}
for k in ["b", "a", "c"]:
    d[k] = len(d)
del d["a"]; d["a"] = 9
print(d, list(d), list(reversed(d)))
ks = d.keys()
d["z"] = 0
print(ks, len(ks), "z" in ks, d.values(), d.items())
print(ks & {"a", "q"}, sorted(ks | {"q"}), sorted(ks - {"b"}), ("a", 9) in d.items())
try:
    for k in d:
        d[k + "x"] = 1
except RuntimeError as e:
    print(e)
class Missing(dict):
    def __missing__(self, key):
        return key * 2
m = Missing(a=1)
print(m["a"], m["bc"], m.get("bc"), dict(m), isinstance(m, dict))
