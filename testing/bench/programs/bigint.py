# Big integers: pi digits by the spigot algorithm (pidigits), factorials and powers.
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out


digits = pi_digits(3000)
f = 1
for i in range(2, 6000):
    f *= i
p = pow(3, 20000) % (10 ** 50)
print("".join(map(str, digits[:20])), sum(digits), f % 1000000007, p)
