def t(name, f):
    try:
        print(name, '=>', repr(f()))
    except Exception as e:
        print(name, '=>', type(e).__name__, e)

t('add', lambda: 2**62 + 2**62)
t('sub', lambda: -5 - 10**20)
t('mul', lambda: 123456789 * 987654321 * 10**10)
t('floordiv', lambda: (-7 // 2, 7 // -2, -(10**30) // 7))
t('mod', lambda: (-7 % 2, 7 % -2, 10**30 % -7))
t('divmod', lambda: divmod(-17, 5))
t('truediv', lambda: (1 / 3, 10**30 / 10**10, 7 / -2))
t('zerodiv', lambda: 1 // 0)
t('zeromod', lambda: 1 % 0)
t('zerotrue', lambda: 1 / 0)
t('pow', lambda: (2 ** 100, 2 ** -2, (-2) ** -3, 0 ** 0))
t('pow0neg', lambda: 0 ** -1)
t('powmod', lambda: (pow(3, 100, 7), pow(3, -1, 7), pow(-3, 5, 7)))
t('powmod0', lambda: pow(3, 4, 0))
t('powmodinv', lambda: pow(2, -1, 4))
t('shift', lambda: (1 << 100, -1 >> 3, 5 >> 100, -(10**20) >> 2))
t('negshift', lambda: 1 << -1)
t('bitops', lambda: (12 & 10, 12 | 10, 12 ^ 10, ~5, -12 & 0xff, (-1) ^ (2**70)))
t('unary', lambda: (-(5), +(5), abs(-10**20), ~(10**20)))
t('cmp', lambda: (1 < 2, 2**70 > 2**69, -1 == -1, 3 != 3, 5 >= 5))
t('cmpfloat', lambda: (1 == 1.0, 2**53 + 1 == float(2**53 + 1), 10**400 > 1e308, 1 < float('inf'), 1 == float('nan'), -10**400 < float('-inf')))
t('hash', lambda: (hash(1), hash(-1), hash(2**61 - 1), hash(2**61), hash(-2**61), hash(10**30)))
t('hashcross', lambda: (hash(1) == hash(1.0) == hash(True), hash(0.5), hash(-0.5), hash(1e300), hash(2.0**100) == hash(2**100)))
t('int()', lambda: (int(), int('  12  '), int('-0x1f', 16), int('0b101', 0), int('1_000'), int(' \u0663\u0664 '), int(b'42'), int(bytearray(b'7'))))
t('int(float)', lambda: (int(3.9), int(-3.9), int(1e20)))
t('int inf', lambda: int(float('inf')))
t('int nan', lambda: int(float('nan')))
t('int bad', lambda: int('x'))
t('int bad2', lambda: int('12a', 8))
t('int bad3', lambda: int(b'z'))
t('int base', lambda: int(5, 10))
t('int base range', lambda: int('1', 37))
t('int list', lambda: int([]))
t('int missing', lambda: int(base=10))
t('int 0 prefix', lambda: int('010', 0))
t('int z', lambda: (int('z', 36), int('Z', 36), int('0o17', 8)))
class I:
    def __index__(self): return 7
class T:
    def __trunc__(self): return 9
class N:
    def __int__(self): return 11
t('int(obj)', lambda: (int(I()), int(N())))
class B:
    def __int__(self): return 'x'
t('int bad __int__', lambda: int(B()))
t('repr', lambda: (repr(-0), str(10**30), repr(True), str(False)))
tr, fa = True, False
t('bool', lambda: (bool(0), bool(-1), bool(), bool([]), bool('a'), tr + tr, tr & fa, tr | 0, tr ^ tr, -tr, ~tr))
t('bool types', lambda: (type(tr & fa).__name__, type(tr | fa).__name__, type(tr ^ fa).__name__, type(tr & 1).__name__, type(tr + 0).__name__))
t('bit_length', lambda: ((0).bit_length(), (255).bit_length(), (-256).bit_length(), (10**30).bit_length()))
t('bit_count', lambda: ((255).bit_count(), (-7).bit_count()))
t('to_bytes', lambda: ((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'), (-1).to_bytes(2, 'big', signed=True), (0).to_bytes(0, 'big'), (255).to_bytes()))
t('to_bytes overflow', lambda: (256).to_bytes(1, 'big'))
t('to_bytes neg', lambda: (-1).to_bytes(1, 'big'))
t('to_bytes order', lambda: (1).to_bytes(1, 'middle'))
t('to_bytes signed edge', lambda: ((127).to_bytes(1, 'big', signed=True), (-128).to_bytes(1, 'big', signed=True)))
t('to_bytes signed over', lambda: (128).to_bytes(1, 'big', signed=True))
t('from_bytes', lambda: (int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\x04\x00', 'little'), int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes([1, 2, 3], 'big'), int.from_bytes(b'')))
t('methods', lambda: ((5).conjugate(), (5).as_integer_ratio(), (5).__trunc__(), (5).__floor__(), (5).__ceil__(), (7).real, (7).imag, (7).numerator, (7).denominator))
t('round', lambda: (round(5), round(15, -1), round(25, -1), round(-25, -1), round(1234567, -3), round(5, 2), round(149, -2), round(150, -2), round(250, -2)))
t('sizeof', lambda: ((0).__sizeof__(), (1).__sizeof__(), (2**30).__sizeof__(), (2**60).__sizeof__()))
t('getnewargs', lambda: (5).__getnewargs__())
class MyInt(int):
    pass
m = MyInt(5)
t('subclass', lambda: (m, type(m).__name__, m + 1, type(m + 1).__name__, MyInt('12', 8), isinstance(m, int)))
t('big str', lambda: len(str(10**4299)))
t('big str limit', lambda: str(10**4300))
t('big int limit', lambda: int('1' * 4301))
five = 5
t('small cache', lambda: (int('5') is five, int('-5') is -five, int('300') is int('300')))
t('index', lambda: [10, 20, 30][True])
t('float ops', lambda: (1 + 2.5, 3 * 1.5, 2 ** 0.5, 10 - 0.25))
t('bigfloat', lambda: 10**400 + 1.0)
