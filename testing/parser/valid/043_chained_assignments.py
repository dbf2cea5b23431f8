a = b = c = 1
a, b = b, a = 1, 2
[a, b] = (c, d) = e
a = yield_ = 1
x = y = *z, w
