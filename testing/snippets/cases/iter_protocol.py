it = iter([1, 2, 3])
print(next(it), list(it), list(it))
class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), list(iter(Seq())))
calls = iter([1, 2, 3, None, 5])
print(list(iter(lambda: next(calls), None)))
e = enumerate(["a", "b"])
print(next(e), list(e))
z = zip([1, 2, 3], [4, 5])
print(list(z))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as err:
    print(err)
m = map(lambda x: x * 2, range(3)); print(next(m), list(m))
print(list(filter(lambda x: x > 1, [0, 1, 2, 3])), list(reversed("abc")), list(reversed(range(3))))
d = {"a": 1}; print(list(iter(d)), list(iter(d.items())))
