def collatz_len(n, cache={1: 1}):
    seq = []
    while n not in cache:
        seq.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = cache[n]
    for m in reversed(seq):
        length += 1
        cache[m] = length
    return length
best = max(range(1, 30000), key=collatz_len)
print(best, collatz_len(best))
