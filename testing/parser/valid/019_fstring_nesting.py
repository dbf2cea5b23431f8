w = 10; p = 3; v = 1.23
a = f'{v:{w}.{p}}'
b = f'{f"{v}"}'
c = f'''{f"{f'{v}'}"}'''
d = f'{"nested" + f"{v!r:>{w}}"}'
e = f'{[x for x in range(3)]}' f'{ {"a": 1}["a"] }'
