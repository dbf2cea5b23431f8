def t(name, f):
    try:
        print(name, '=>', repr(f()))
    except Exception as e:
        print(name, '=>', type(e).__name__, e)

t('repr', lambda: [0.1, 1.0, -0.0, 1e16, 1e15, 123456789012345678.0, 1e-5, 0.0001, 1.5e-7, 1e22, 2.5e-310, 1/3, float('inf'), -float('inf'), float('nan'), 1e308*10, 100.0, 12345.678])
t('str', lambda: str(1.1))
t('arith', lambda: (0.1 + 0.2, 1.5 * 2, 7.0 / 2, 7.0 // 2, -7.0 // 2, 7.0 % -2, -7.0 % 2, divmod(-7.5, 2), 2.0 ** 3, 2 ** 0.5))
t('div0', lambda: 1.0 / 0)
t('floordiv0', lambda: 1.0 // 0.0)
t('mod0', lambda: 1.0 % 0)
t('divmod0', lambda: divmod(1.0, 0))
t('pow cases', lambda: (0.0 ** 0, float('nan') ** 0, 1.0 ** float('nan'), (-1.0) ** float('inf'), 2.0 ** float('-inf'), float('inf') ** -1, (-float('inf')) ** 3, (-0.0) ** 3, (-2.0) ** 2, (-2.0) ** 3))
t('pow0neg', lambda: 0.0 ** -1)
t('pow complex', lambda: (-8.0) ** (1/3))
t('pow overflow', lambda: 10.0 ** 400)
t('pow3', lambda: pow(2.0, 3, 5))
t('mod sign', lambda: (5.5 % 2, -5.5 % 2, 5.5 % -2, 0.0 % -1, -0.0 % 1))
t('cmp', lambda: (1.5 < 2, 2.0 == 2, float('nan') == float('nan'), float('nan') != 1, 1e308 < 10**309, 0.5 > 0, 2**63 == 2.0**63, 2**63 + 1 == 2.0**63, 9007199254740993 > 9007199254740992.0))
t('hash', lambda: (hash(0.5), hash(-0.5), hash(1.5), hash(0.1), hash(1e100), hash(-0.0), hash(float('inf')), hash(float('-inf')), hash(2.0**-1000)))
t('float()', lambda: (float(), float(' 1.5 '), float('1_000.5'), float('-inf'), float('+Infinity'), float('nan'), float('1e400'), float(b'2.5'), float(7), float(2**100), float('\u0661.5'), float('.5'), float('5.'), float('1e-400')))
t('float bad', lambda: float('x'))
t('float bad2', lambda: float('1__0'))
t('float bad3', lambda: float(''))
t('float bad4', lambda: float('_1'))
t('float bad5', lambda: float('1e'))
t('float list', lambda: float([]))
t('float big int', lambda: float(10**400))
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 3
t('float(obj)', lambda: (float(F()), float(I())))
class BadF:
    def __float__(self): return 1
t('bad __float__', lambda: float(BadF()))
t('is_integer', lambda: ((1.0).is_integer(), (1.5).is_integer(), float('inf').is_integer()))
t('as_integer_ratio', lambda: ((0.5).as_integer_ratio(), (-0.75).as_integer_ratio(), (1e20).as_integer_ratio(), (0.1).as_integer_ratio(), (0.0).as_integer_ratio()))
t('ratio inf', lambda: float('inf').as_integer_ratio())
t('ratio nan', lambda: float('nan').as_integer_ratio())
t('hex', lambda: ((1.5).hex(), (0.0).hex(), (-0.0).hex(), (1e300).hex(), (5e-324).hex(), float('inf').hex(), (0.1).hex()))
t('fromhex', lambda: (float.fromhex('0x1.8p1'), float.fromhex('ff'), float.fromhex('-0x.8'), float.fromhex(' inf '), float.fromhex('0x1p-1074')))
t('fromhex bad', lambda: float.fromhex('0xg'))
t('fromhex over', lambda: float.fromhex('0x1p2000'))
t('round', lambda: (round(0.5), round(1.5), round(2.5), round(-0.5), round(2.675, 2), round(1.005, 2), round(12345.678, -2), round(0.125, 2), round(1e300, -300), round(5.5, 0), round(-2.5), round(1.23456, 10)))
t('round inf', lambda: round(float('inf')))
t('round nan', lambda: round(float('nan')))
t('round inf n', lambda: round(float('inf'), 2))
t('trunc/floor/ceil', lambda: ((2.7).__trunc__(), (-2.7).__trunc__(), (2.7).__floor__(), (-2.7).__floor__(), (2.2).__ceil__(), (-2.2).__ceil__(), int(-0.9)))
t('attrs', lambda: ((1.5).real, (1.5).imag, (1.5).conjugate(), (2.5).__getnewargs__()))
t('unary', lambda: (-(1.5), +(-0.0), abs(-2.5), bool(0.0), bool(-0.1)))
class MyF(float):
    pass
t('subclass', lambda: (MyF(1.5), type(MyF('2')).__name__, MyF(1.5) + 1, type(MyF(1.5) + 1).__name__))
t('mixed', lambda: (1 + 0.5, 3 - 0.5, 2 * 0.5, 1 / 0.5, 5 // 1.5, 5 % 1.5, divmod(5, 1.5), True + 0.5))
