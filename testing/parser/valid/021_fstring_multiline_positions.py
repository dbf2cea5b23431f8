x = 1
s = f'''first
{x
 + 1}
third {x!r:>{x}}
'''
t = (f'a{x}'
     f'b{x}'
     'c')
