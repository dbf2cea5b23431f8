# list.sort/sorted: stability with key and reverse on random, sorted, reversed and run-structured data; comparison counts on sorted input
seed = 7
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 33) % n
for trial in range(60):
    n = rnd(300)
    kind = trial % 6
    if kind == 0:
        data = [rnd(10) for _ in range(n)]
    elif kind == 1:
        data = list(range(n))
    elif kind == 2:
        data = list(range(n, 0, -1))
    elif kind == 3:
        data = [rnd(1000) for _ in range(n)]
        data.sort()
        for _ in range(5):
            if n: data[rnd(n)] = rnd(1000)
    elif kind == 4:
        data = [(i // 7) % 5 for i in range(n)]
    else:
        data = [rnd(3) for _ in range(n)][::-1]
    pairs = [(v, i) for i, v in enumerate(data)]
    a = sorted(pairs, key=lambda p: p[0])
    b = sorted(pairs, key=lambda p: p[0], reverse=True)
    c = sorted(data)
    print(trial, n, a[:8], b[:8], c[-5:], a == sorted(pairs), [p[1] for p in b[:10]])
calls = 0
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        global calls
        calls += 1
        return self.v < o.v
xs = [C(i) for i in range(100)]
xs.sort()
print('sorted input compares', calls)
calls = 0
xs.sort(reverse=True)
print('reverse compares', calls, xs[0].v)
words = 'the quick brown fox jumps over the lazy dog'.split()
print(sorted(words), sorted(words, key=str.lower, reverse=True), sorted(words, key=len))
