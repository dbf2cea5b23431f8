# enumerate, zip(strict), map, filter, reversed, sequence and callable iterators
print(list(enumerate('abc')), list(enumerate('abc', 5)), list(enumerate(['x'], start=-1)))
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1])), list(zip([1, 2], [3, 4], strict=True)))
print(list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(filter(None, [0, 1, '', 'a'])), list(filter(lambda x: x > 1, [1, 2, 3])))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed('abc')), list(reversed(range(3))))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
    def __len__(self):
        return 3
print(list(Seq()), list(reversed(Seq())), 20 in Seq())
class G:
    def __getitem__(self, i):
        if i > 2: raise StopIteration
        return i
print(list(iter(G())))
n = iter([1, 2, 3, 4, 5])
print(list(iter(lambda: next(n), 4)))
for e in [lambda: list(zip([1, 2], [3], strict=True)), lambda: list(zip([1], [3, 4], strict=True)),
          lambda: list(zip([1, 2], [1, 2], [3], strict=True)), lambda: reversed(5), lambda: reversed({}),
          lambda: map(str), lambda: filter(None), lambda: enumerate(), lambda: zip(1), lambda: zip(x=1), lambda: enumerate(5)]:
    try:
        e()
    except Exception as ex:
        print(type(ex).__name__, ex)
import sys
e = enumerate('ab', sys.maxsize); print(next(e), next(e))
print(repr(enumerate([]))[:21], type(zip()).__name__, type(map(str, [])).__name__)
r = reversed([1, 2]); print(r.__length_hint__())
print(dict(enumerate('xy')), sum(x for x in map(int, '123')))
class NR:
    __reversed__ = None
    def __getitem__(self, i): return i
    def __len__(self): return 1
try:
    reversed(NR())
except TypeError as ex:
    print(ex)
print(list(reversed(Seq())))
