def t(name, f):
    try:
        print(name, '=>', repr(f()))
    except Exception as e:
        print(name, '=>', type(e).__name__, e)

t('ctor', lambda: (bytearray(), bytearray(3), bytearray(b'ab'), bytearray([1, 2]), bytearray('x\u00e9', 'utf-8'), bytearray(range(3))))
t('ctor err', lambda: bytearray(1.5))
t('ctor neg', lambda: bytearray(-1))
t('ctor range', lambda: bytearray([300]))
t('ctor str', lambda: bytearray('x'))
b = bytearray(b'hello')
def mut():
    b[0] = 72
    b[-1] = ord('O')
    b[1:3] = b'EL'
    b.append(33)
    b.extend(b'??')
    b.extend([1, 2])
    b.insert(0, 62)
    b.insert(100, 60)
    b.insert(-100, 91)
    x = b.pop()
    y = b.pop(0)
    b.remove(63)
    return b, x, y
t('mutate', mut)
def slices():
    c = bytearray(b'0123456789')
    c[2:5] = b''
    c[::2] = b'abcd'
    del c[0]
    del c[::3]
    c[1:1] = [65, 66]
    c += b'zz'
    c *= 2
    return c
t('slices', slices)
t('setitem err', lambda: bytearray(b'a').__setitem__(0, 256))
t('setitem idx', lambda: bytearray(b'a').__setitem__(5, 1))
t('setitem type', lambda: bytearray(b'a').__setitem__('x', 1))
t('ext slice err', lambda: bytearray(b'abcd').__setitem__(slice(None, None, 2), b'x'))
t('slice assign int', lambda: bytearray(b'abcd').__setitem__(slice(0, 1), 5))
t('pop empty', lambda: bytearray().pop())
t('pop range', lambda: bytearray(b'abc').pop(5))
t('remove missing', lambda: bytearray(b'a').remove(5))
t('append range', lambda: bytearray(b'a').append(256))
t('append str', lambda: bytearray(b'a').append('x'))
t('extend int', lambda: bytearray(b'a').extend(5))
def other():
    c = bytearray(b'abc')
    d = c.copy()
    c.reverse()
    e = bytearray(b'xyz')
    e.clear()
    return c, d, e, len(c)
t('other', other)
t('methods', lambda: (bytearray(b'a b').split(), bytearray(b'abc').upper(), bytearray(b'abc').replace(b'b', b'B'), bytearray(b'  x ').strip(), bytearray(b',').join([b'a', b'b']), bytearray(b'abc')[1], bytearray(b'abc')[1:], bytearray(b'abc').find(b'c'), bytearray(b'abc').decode()))
t('cmp', lambda: (bytearray(b'a') == b'a', bytearray(b'a') < bytearray(b'b'), bytearray(b'a') == 'a'))
t('hash', lambda: hash(bytearray(b'a')))
t('concat', lambda: (bytearray(b'a') + b'b', bytearray(b'a') * 2, b'x' + bytearray(b'y')))
t('concat err', lambda: bytearray(b'a') + 'x')
t('index err', lambda: bytearray(b'a')[5])
t('index type', lambda: bytearray(b'a')['x'])
t('iter', lambda: list(bytearray(b'ab')))
t('repr', lambda: (repr(bytearray(b"'")), str(bytearray(b'x\n'))))
class MyBA(bytearray):
    pass
t('subclass', lambda: (MyBA(b'x'), type(MyBA(b'xy')[0:1]).__name__))
t('in', lambda: (97 in bytearray(b'a'), b'a' in bytearray(b'ab')))
