def quicksort(a):
    if len(a) <= 1:
        return a
    pivot, *rest = a
    return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])
def mergesort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    l, r = mergesort(a[:mid]), mergesort(a[mid:])
    out = []
    i = j = 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i]); i += 1
        else:
            out.append(r[j]); j += 1
    return out + l[i:] + r[j:]
def insertion(a):
    a = list(a)
    for i in range(1, len(a)):
        k = a[i]; j = i - 1
        while j >= 0 and a[j] > k:
            a[j + 1] = a[j]; j -= 1
        a[j + 1] = k
    return a
data = [(i * 7919) % 101 for i in range(60)]
print(quicksort(data) == sorted(data), mergesort(data) == sorted(data), insertion(data)[:10])
