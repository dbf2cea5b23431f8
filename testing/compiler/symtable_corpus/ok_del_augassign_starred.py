a, *b = c = d
del a, b[0], c.x
n += 1
m.attr -= 1
for i, (j, k) in pairs:
    del i
while cond: break
else: ok = 1
