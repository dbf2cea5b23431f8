# Deterministic pseudo-random floats and ints: repr, formatting, rounding, hashing, comparisons.
state = 12345
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state

vals = []
for i in range(300):
    r = rnd()
    mant = (r >> 11) | 1
    e = (rnd() % 120) - 60
    v = mant / 2**53 * 10.0**e
    if r & 1:
        v = -v
    vals.append(v)
vals += [0.5, 1.5, 2.5, 0.125, 0.375, 1e-7, 123456.0, 1e22, 1e23, 5e-324, 1.7976931348623157e308]
specs = ['', 'e', '.3e', 'f', '.2f', 'g', '.4g', '.12g', '%', '.1', '.5', 'n', ',.3f', '+.1e', '#.3g', '.0e', '.0f', '.17g', '.16g']
out = []
for v in vals:
    row = [repr(v), str(hash(v)), repr(float(repr(v)) == v)]
    for s in specs:
        row.append(format(v, s))
    for nd in (None, 0, 1, 2, 3, -1, -2, 5):
        try:
            row.append(repr(round(v, nd)) if nd is not None else repr(round(v)))
        except OverflowError as ex:
            row.append('OverflowError')
    row.append(repr(v.as_integer_ratio()))
    row.append(v.hex())
    row.append(repr(float.fromhex(v.hex()) == v))
    iv = int(v)
    row.append(repr((iv == v, iv < v, iv + 1 > v, (iv + 1) - v)))
    out.append(' '.join(row))
for line in out:
    print(line)
ints = []
for i in range(200):
    a = rnd() * (rnd() + 1) * (1 if rnd() % 2 else -1)
    b = (rnd() >> (rnd() % 64)) + 1
    if rnd() % 3 == 0:
        b = -b
    ints.append((a, b))
for a, b in ints:
    print(a // b, a % b, divmod(a, b), a * b, a - b, a & b, a | b, a ^ b, a >> (b % 100), a << (abs(b) % 70), repr(a / b), hash(a), pow(a, 3, b), format(a, ',') , format(a, '#x'), format(b, '_o'), format(a, '.3e'), a == float(a), float(a) < a, round(a, -5), a.bit_length(), a.to_bytes(40, 'big', signed=True).hex()[-20:])
for v in [0.1, 0.7, 1.1, 2.675, 0.285, 1.005, 0.045, 1234.5, 0.0005, 99.995]:
    print(round(v, 2), round(v, 1), round(v, 3), format(v, '.2f'), format(v, '.1f'), '%.2f' % v if False else '')
