a, *b = c
*a, b = c
[a, *b] = c
for *a, b in c: pass
x = *a, *b
y = [*a, *b]
z = {*a, *b}
w = {**a, 'k': 1, **b}
f(*a, *b, **c, **d)
f(*a, k=1, *b)
return_value = (*a,)
