def f(): pass
f = 1
listcomp = [x for x in range(2)]
class f: pass
def lambda_(): return lambda: 0
