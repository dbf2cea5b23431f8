d = dict(a=1, b=2)
print(d.copy(), dict(d, c=3), dict([("x", 1), ("y", 2)]), dict({"z": 0}))
print(d.get("a"), d.pop("zz", "dflt"), list(d.items())[0], len(d.values()))
d.clear(); print(d, bool(d))
e = dict.fromkeys(range(3), [])
e[0].append("shared")
print(e)
try:
    {}.pop("missing")
except KeyError as err:
    print(repr(err))
try:
    dict([(1, 2, 3)])
except ValueError as err:
    print(err)
print({1: "a", 1.0: "b", True: "c"}, {(1, 2): 3}[(1, 2)])
