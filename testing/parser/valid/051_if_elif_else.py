if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
if a: b; c
else: d
