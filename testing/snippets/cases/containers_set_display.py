# Set displays and {*x}: CPython builds `{a, b, c, ...}` as BUILD_SET 0 + SET_UPDATE of a frozenset
# constant, and set.update's fast path (pre-sizing, table copy) decides the iteration order. Needs
# SET_UPDATE to use SetUpdate (objects/set.h) rather than SetAdd in a loop.
print({-1, -2, 10, 100, 7})
f = frozenset([-1, -2, 10, 100, 7])
print(f, set(f), {*f}, {*f, 5})
s = set()
for x in [-1, -2, 10, 100, 7]:
    s.add(x)
print(s, {-1, -2, 10, 100, 7} == s)
