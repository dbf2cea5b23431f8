# Sorting: integers, tuples, strings, with key functions and reverse, plus list.sort stability.
seed = 12345


def rand():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed


nums = [rand() % 100000 for _ in range(400000)]
a = sorted(nums)
b = sorted(nums, reverse=True)
pairs = [(n % 100, n) for n in nums[:200000]]
c = sorted(pairs, key=lambda p: p[0])
strs = [str(n) for n in nums[:200000]]
d = sorted(strs)
e = sorted(strs, key=len)
nums.sort(key=lambda n: -n)
print(a[0], a[-1], b[0], c[0], c[-1], d[:3], e[-1], nums[:3])
