d = {1: 2}
for k in d: d[k + 1] = 0
