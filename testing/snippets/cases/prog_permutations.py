def perms(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for p in perms(items[:i] + items[i + 1:]):
            yield [x] + p
def combos(items, k):
    if k == 0:
        yield []
        return
    for i in range(len(items)):
        for c in combos(items[i + 1:], k - 1):
            yield [items[i]] + c
print(list(perms("abc")), len(list(perms(list(range(5))))))
print(list(combos([1, 2, 3, 4], 2)))
def powerset(s):
    return [[x for i, x in enumerate(s) if mask >> i & 1] for mask in range(1 << len(s))]
print(powerset("xyz"))
