for a in b:
    continue
else:
    pass
while x:
    break
else:
    pass
for a, b in c: pass
for (a, b), c in d: pass
for a in b, c: pass
for a in *b, c: pass
