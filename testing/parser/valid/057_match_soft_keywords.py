match = 1
case = 2
_ = 3
match(x)
match[x]
match.x = 1
match, case = 1, 2
print(match, case)
match x:
    case match: pass
match -x:
    case case: pass
match x, y:
    case a, b: pass
match *x, y:
    case _: pass
