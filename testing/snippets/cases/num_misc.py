def t(name, f):
    try:
        print(name, '=>', repr(f()))
    except Exception as e:
        print(name, '=>', type(e).__name__, e)

t('builtins', lambda: (hex(255), oct(-8), bin(5), abs(-2.5), divmod(7, 2), divmod(-7.5, 2), pow(2, 10), pow(2, -1), pow(2, 10, 1000), round(2.5), round(3.14159, 3), sum([0.1] * 10), max(1, 2.5), min(-1, -1.5)))
t('dict keys', lambda: {1: 'a', 1.0: 'b', True: 'c', 2: 'd', 2.0 + 0j: 'e'})
t('set', lambda: sorted({1, 1.0, 2, 2.5, True}))
t('bool subclass', lambda: type('B', (bool,), {}))
t('int subclass repr', lambda: repr(type('I', (int,), {})(7)))
class MyInt(int):
    def __repr__(self): return 'MyInt(%d)' % self
t('myint', lambda: (MyInt(3), MyInt(3) + 1, str(MyInt(5)), format(MyInt(5), ''), f'{MyInt(5)}', int(MyInt(9)), type(int(MyInt(9))).__name__, -MyInt(2), type(+MyInt(2)).__name__, abs(MyInt(-2))))
class MyFloat(float):
    def __repr__(self): return 'MyFloat(%s)' % float.__repr__(self)
t('myfloat', lambda: (MyFloat(1.5), MyFloat(1.5) * 2, float(MyFloat(2.5)), type(float(MyFloat(2.5))).__name__, MyFloat.fromhex('0x1p1'), round(MyFloat(2.5))))
t('int methods unbound', lambda: (int.__add__(1, 2), int.__radd__(1, 2), int.__sub__(1, 2.0), float.__add__(1.0, 2), float.__rsub__(1.0, 3), int.__lt__(1, 2), int.__eq__(1, 1.0), float.__eq__(1.0, 1)))
t('int/str', lambda: 1 + '1')
t('float/str', lambda: 1.0 + 'a')
t('complex lt', lambda: 1j < 1j)
t('nan checks', lambda: (float('nan') in [float('nan')], (lambda n: n in [n])(float('nan'))))
t('bigcmp', lambda: (10**400 == float('inf'), 2**1024 > 1.7976931348623157e308, -2**1024 < -1.7976931348623157e308, 2**53 + 1 > 2.0**53, 2**53 + 1 < 2.0**53 + 2))
t('int conversions', lambda: (int('  -42\n'), int('+7'), int('0X1F', 16), int('1_2_3'), int('0_0'), int('00'), int(True), int(-0.0)))
t('int bad', lambda: int('1__2'))
t('int bad2', lambda: int('_1'))
t('int bad3', lambda: int('00', 0))
t('int bad4', lambda: int(''))
t('int bad5', lambda: int('1 2'))
t('int bad long', lambda: int('x' * 300))
t('float conv', lambda: (float('  -1.5e-3  '), float('1E5'), float('-0'), float('0x10') if False else 0, float('iNfInItY'), float('-nan')))
t('int from float str', lambda: int('1.5'))
t('truediv big', lambda: (10**400 / 10**399, (2**1100) / (2**1000), 1 / 3 * 3))
t('truediv overflow', lambda: 10**400 / 3)
t('int float overflow', lambda: 10**400 * 1.0)
t('mixed mod', lambda: (7 % 2.5, -7 % 2.5, 7.5 // 2, -7.5 // 2, 2 ** 0.5 ** 2))
t('inplace', lambda: (lambda a: (a.__iadd__ if hasattr(a, '__iadd__') else None, a))(5))
x = 5; x += 2.5; x *= 2; x //= 3; x **= 2
t('aug', lambda: x)
b = bytearray(b'ab'); b += b'cd'; b *= 2
t('bytearray aug', lambda: b)
t('complex in containers', lambda: (1j in [1j], {1j: 2}[1j], sorted([3, 1.5, True, 2])))
t('float int eq hash', lambda: [hash(v) for v in (0, 0.0, -0.0, 1, 1.0, 1+0j, 2**64, 2.0**64, 0.5, 1e-300, -1, -1.0)])
fidx = 1.0
t('index', lambda: ([1, 2, 3][fidx]))
t('range float', lambda: range(1.5))
t('repeat', lambda: ([0] * 3, 'ab' * 2, b'x' * True))
t('int attrs', lambda: (int.real, (5).__class__, (True).real, type((True).real).__name__, (True).numerator))
t('float.__getformat__', lambda: float.__getformat__('double'))
t('int huge pow', lambda: len(str(7 ** 1000)))
t('int pow float', lambda: (2 ** 0.5, 4 ** -0.5, (-8) ** (1/3)))
t('big shift', lambda: (1 << 1000) >> 998)
t('to_bytes default', lambda: ((65).to_bytes(), int.from_bytes(b'A')))
class MyI2(int):
    pass
t('from_bytes subclass', lambda: type(MyI2.from_bytes(b'\x01', 'big')).__name__)
t('bool ops', lambda: (True + 1, True * 2.5, True / 2, -False, abs(True), ~False, True << 3, True ** 2, divmod(True, 2)))
t('bool repr', lambda: (repr(True), str(False), format(True), format(False, '^7'), f'{True!r}', int.__repr__(True)))
