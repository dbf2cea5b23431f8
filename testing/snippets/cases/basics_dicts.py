d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" in d)
print(list(d.keys()), list(d.values()), list(d.items()))
d.update({"a": 10}, d=4); print(d)
print(d.pop("b"), d.setdefault("e", 5), d.setdefault("a", 99), d)
print(d.popitem(), d)
print({k: v * 2 for k, v in d.items()}, dict(zip("xyz", range(3))), dict.fromkeys("ab", 0))
del d["a"]; print(d)
e = {1: "one", 2: "two"}
for k in e: print(k, e[k])
print({**e, 3: "three"}, e | {4: "four"})
