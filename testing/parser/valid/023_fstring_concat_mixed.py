x = 1
s = 'a' f'{x}' 'b' f'c{x}d' "e"
t = f'' ''
u = f'{x}' f''
