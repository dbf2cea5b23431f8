class O: pass
o = O(); o.n = 1; o.n += 5; o.n *= 2
l = [1, 2]; l[0] += 10; l += [3]; l *= 2
d = {"a": 1}; d["a"] -= 3; d["a"] **= 2
s = "ab"; s += "c"; s *= 2
x = 7; x //= 2; x %= 3; x <<= 4; x >>= 1; x |= 1; x &= 0xFF; x ^= 3
t = (1,); t += (2,)
print(o.n, l, d, s, x, t)
f = 1.5; f /= 2; f **= 3
print(f)
