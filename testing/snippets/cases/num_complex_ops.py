def t(name, f):
    try:
        print(name, '=>', repr(f()))
    except Exception as e:
        print(name, '=>', type(e).__name__, e)

t('repr', lambda: [1+2j, 2j, -2j, complex(-0.0, -1), complex(0.0, -0.0), complex(float('nan'), float('inf')), complex(1.5, -2.25), 1e20j, complex(1e16, 1), complex(-1, 0), 0j])
t('arith', lambda: ((1+2j) + (3-1j), (1+2j) - 1, (1+2j) * (3+4j), (1+2j) / (3+4j), 2 / (1+1j), (1+2j) * 2.5, -(1+2j), +(1j), abs(3+4j)))
t('div0', lambda: (1+2j) / 0)
t('div0j', lambda: 1 / 0j)
t('pow', lambda: ((1+2j) ** 2, (1j) ** 2, (2+0j) ** -1, (1+1j) ** 0.5, 2 ** (1j), (1j) ** (1j), 0j ** 0))
t('pow0', lambda: 0j ** -1)
t('pow0c', lambda: 0j ** 1j)
t('powover', lambda: (1e300j) ** 10.5)
t('powmod', lambda: pow(1j, 2, 3))
t('cmp', lambda: (1+0j == 1, 1j == 1j, 1j != 2j, (2+0j) == 2.0, 1j == 'a', (1+0j) == True))
t('lt', lambda: 1j < 2j)
t('lt int', lambda: 1j < 2)
t('hash', lambda: (hash(1+2j), hash(1+0j) == hash(1), hash(0.5+0j) == hash(0.5), hash(-1j)))
t('complex()', lambda: (complex(), complex(1), complex(1, 2), complex(1.5, -0.5), complex('1+2j'), complex(' ( 1-j ) '), complex('j'), complex('-j'), complex('2.5'), complex('1e3j'), complex('-1.5-2.5J'), complex('inf+nanj'), complex(1j, 1j), complex(1+2j), complex(imag=2)))
t('complex bad', lambda: complex('x'))
t('complex bad2', lambda: complex('1+'))
t('complex bad3', lambda: complex('1+2'))
t('complex bad4', lambda: complex('(1+2j'))
t('complex str2', lambda: complex('1', 2))
t('complex 2str', lambda: complex(1, '2'))
t('complex list', lambda: complex([]))
t('complex list2', lambda: complex(1, []))
class C:
    def __complex__(self): return 3+4j
class BadC:
    def __complex__(self): return 1
t('__complex__', lambda: complex(C()))
t('bad __complex__', lambda: complex(BadC()))
t('attrs', lambda: ((1+2j).real, (1+2j).imag, (1+2j).conjugate(), (1+2j).__getnewargs__()))
t('mod', lambda: (1+2j) % 2)
t('floordiv', lambda: (1+2j) // 2)
t('int', lambda: int(1j))
t('float', lambda: float(1j))
t('bool', lambda: (bool(0j), bool(1j), bool(complex(0, -0.0))))
t('format', lambda: (format(1+2j), format(1+2j, ''), format(3+4j, '.2f'), format(4j, ''), format(3+4j, '>12'), format(3.5+4j, 'g'), format(1.5-2.5j, '^20.3e'), format(1+2j, '+'), format(1j, 'G')))
t('format bad', lambda: format(1j, '=5'))
t('format zero', lambda: format(1j, '05'))
t('format %', lambda: format(1j, '%'))
