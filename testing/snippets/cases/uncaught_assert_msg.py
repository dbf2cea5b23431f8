x = 3
assert x < 2, f'x is {x}'
