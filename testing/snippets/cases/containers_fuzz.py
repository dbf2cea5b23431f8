# containers: a deterministic random walk of dict/set/list operations (table layout, dummies, resizes, pop order)
seed = 42
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 33) % n
# No str keys: the reference CPython runs with -I, so str hashes (and the order of sets of strs)
# change from run to run.
keys = [0, 1, -1, 2, 7, 8, 16, 100, 33, 41, 2**40, -8, (1, 2), (), 3.5, -0.0, True, frozenset({1}), 2**70]
d = {}
s = set()
l = []
out = []
for step in range(6000):
    op = rnd(14)
    k = keys[rnd(len(keys))]
    if op < 3:
        d[k] = step
    elif op == 3:
        d.pop(k, None)
    elif op == 4 and d:
        out.append(d.popitem())
    elif op == 5:
        s.add(k)
    elif op == 6:
        s.discard(k)
    elif op == 7 and s and rnd(4) == 0:
        out.append(s.pop())
    elif op == 8:
        l.insert(rnd(len(l) + 3) - 1, k)
    elif op == 9 and l:
        out.append(l.pop(rnd(len(l))))
    elif op == 10:
        i, j = rnd(len(l) + 2), rnd(len(l) + 2)
        l[i:j] = [k] * rnd(3)
    elif op == 11 and l:
        st = rnd(3) + 1
        del l[rnd(len(l))::st]
    elif op == 12:
        s2 = {keys[rnd(len(keys))] for _ in range(rnd(6))}
        out.append((s & s2, s | s2, s - s2, s ^ s2, s <= s2))
        s ^= s2
    elif op == 13:
        out.append((k in d, k in s, l.count(k), d.get(k)))
    if step % 500 == 0:
        print(step, d, s, l[:20], len(l))
        print(out[-5:])
print(d, s, len(l), l[-10:])
print(sorted(map(repr, out))[:50])
print(len(out))
