def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x: lo = mid + 1
        else: hi = mid
    return lo
a = list(range(0, 100, 3))
print([bsearch(a, x) for x in (-1, 0, 1, 3, 50, 99, 100)])
def bisect_float(f, lo, hi, eps=1e-12):
    while hi - lo > eps:
        mid = (lo + hi) / 2
        if f(mid) > 0: hi = mid
        else: lo = mid
    return lo
print(round(bisect_float(lambda x: x * x - 2, 0, 2), 9), round(bisect_float(lambda x: x ** 3 - x - 1, 1, 2), 9))
