x = -a ** -b
y = not a and b or c
z = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
w = ~a + +b - -c
v = a if b else c if d else e
u = a < b <= c > d >= e == f != g in h not in i is j is not k
t = (a, b) if c else (d, e)
s = await_ = 1
