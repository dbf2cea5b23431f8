def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1
g = primes()
print([next(g) for _ in range(25)])
def twin(limit):
    prev = None
    for p in primes():
        if p > limit: return
        if prev and p - prev == 2:
            yield (prev, p)
        prev = p
print(list(twin(200)))
