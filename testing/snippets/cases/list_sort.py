words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs); print(nums)
print(sorted(range(10), key=lambda x: (x % 3, -x)), sorted("hello"), sorted({3: 1, 1: 2}))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
big = list(range(1000, 0, -1)); big.sort(); print(big[:5], big[-3:])
