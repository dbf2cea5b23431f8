# min, max, sum and sorted: argument forms, keys, defaults, fast paths and errors.
print(min(3, 1, 2), max([1, 5, 2]), min([], default=7), max("abc", key=ord))
print(min([(1, "b"), (1, "a")]), max([1, 1.0, True]), min("hello"))
print(max([3, 1, 2], key=lambda x: -x), min(iter([5, 4]), default=None))
print(max([1, 2], default=0), max([[1], [2, 0]]), min({3: "a", 1: "b"}))
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(10), 5))
print(sum([1, 2.5, 3]), sum([0.1] * 10), sum([2**62, 2**62, 2**62]), sum([True, True]))
print(sum([1, 2], start=10), sum([], 0.0), sum(x * x for x in range(4)))
print(sum([1.0, 2**60]), sum([10**20, 1.5]), sum([1j, 2]))
print(sorted([3, 1, 2]), sorted("cba", reverse=True), sorted([1, -2, 3], key=abs))
print(sorted({3: 1, 1: 2}), sorted([(2, "a"), (1, "b")], key=lambda t: t[1]))
words = ["banana", "Apple", "cherry"]
print(sorted(words, key=str.lower), sorted(words), words)
for expr in ["max()", "min([])", "max([], key=len)", "max(1)", "min(1, 2, default=3)",
             "max([1], x=1)", "sum(['a', 'b'], '')", "sum([b'a'], b'')", "sum([1, 'a'])",
             "sorted()", "sorted([], [])", "sorted([], x=1)", "sorted([1, 'a'])",
             "sum()", "sum([], 1, 2)", "min([1, 'a'])", "max(1, 2, key=3)"]:
    try:
        print(expr, "=>", eval(expr))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)
