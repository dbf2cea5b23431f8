def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

# set/dict order of strings follows the hash (PYTHONHASHSEED=0 in the tests)
print(sorted({'apple', 'banana', 'cherry', 'date', 'é', '中', ''}))
print(sorted(set('abcdefghij')))
print(hash('abc') == hash('ab' + 'c'), hash(''), hash('é') == hash('\xe9'))
# encode/decode errors
show(lambda: 'aé😀'.encode('ascii'))
show(lambda: b'ab\xff\xfe'.decode('utf-8'))
show(lambda: str(b'\xe2\x82', 'utf-8'))
show(lambda: str(b'\xe2\x82\x28', 'utf-8'))
show(lambda: str(b'\xed\xa0\x80', 'utf-8'))
show(lambda: str(b'\x80abc', 'ascii'))
print(str(b'\xed\xa0\x80', 'utf-8', 'surrogatepass') == '\ud800', repr(str(b'a\x80b', 'utf-8', 'surrogateescape')))
print(str(b'a\x80\xffb', 'utf-8', 'backslashreplace'), str(b'\xff\xfeA\x00', 'utf-16'), str(b'\x00A', 'utf-16-be'), str(b'A\x00\x00\x00', 'utf-32-le'))
print('😀'.encode('utf-16-le'), '😀'.encode('utf-32'), 'abc'.encode('UTF8'), 'abc'.encode(encoding='latin_1'))
show(lambda: 'é'.encode('latin-1').decode('utf-8'))
show(lambda: '€'.encode('latin-1'))
e = None
try:
    'xé'.encode('ascii')
except UnicodeEncodeError as ex:
    e = ex
print(e.encoding, repr(e.object), e.start, e.end, e.reason)
# big and wide strings
s = 'ab' * 1000 + '中' + 'cd' * 1000
print(len(s), s.find('中'), s.count('ab'), s[1999:2002], len(s.upper()), s.index('c'), s.rfind('ab'))
w = '😀x😀y'
print(len(w), w[0], w[-1], w[::-1], w.split('x'), w.replace('😀', '!'), w.find('y'), '😀' in w)
print('x'.join(['中', '😀', 'a']), 'a😀'.center(6, '中'), repr('😀\U0010ffff\x00'))
print(sorted(['😀', '中', 'a', 'é', '\uffff', '\U00010000']))
print('abc' == 'ab' + 'c', 'é' * 3, ('é' * 3).encode())
a = 'hello'
b = ''.join(['hel', 'lo'])
print(a == b, a is b, hash(a) == hash(b))
print('Ǆ'.lower(), 'ǆ'.upper(), 'ǅ'.swapcase(), 'ﬃ'.casefold(), 'ΌΣΟΣ'.lower(), 'ΣΑΣ ΣΑΣ.'.lower(), 'A\u0345Σ'.lower())
print('١٢٣'.isdecimal(), int('١٢٣'), '①'.isdigit(), '①'.isdecimal(), 'Ⅻ'.isnumeric(), '\u00a0'.isspace(), '\u200b'.isspace())
print('hello world foo'.title(), 'ÉCOLE'.lower(), 'ﬁne'.title(), 'ß'.title(), 'ßa'.capitalize())
print('%s|%5s|%-5s|' % ('中', '中', '😀'), '{:中^7}'.format('x'), f'{"é"!r:>6}', f'{"é"!a}')
print(str.join(',', ['a', 'b']), str.upper('x'), str.__len__('abc'), str.__contains__('abc', 'b'), str.__getitem__('abc', 1))
print('a' < 'b' < 'c', 'abc'.__lt__('abd'), 'a'.__eq__(1), 'a'.__add__('b'), 'a'.__mul__(3), 'a'.__rmul__(2), '%s'.__rmod__(3) if hasattr('', '__rmod__') else None)
print(repr(str(1.5)), repr(str(None)), str(b'abc'), repr(str(bytearray(b'x'), 'ascii')))
class S(str):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(S('ab'), type(S('ab')).__name__, len(S('ab')), S('x') + 'y', str(S('q')))
show(lambda: 'abc'[::0])
show(lambda: 'abc'.zfill(1.5))
show(lambda: 'a'.encode('ascii', 'bogus') + 'é'.encode('ascii', 'bogus'))
print('a\x00b'.split('\x00'), 'a\x00b'.replace('\x00', '0'), len('\x00'))
print(list(map(str.strip, [' a ', 'b '])), 'A B'.split(' ', -1), 'a,b'.split(sep=','))
print(iter('abc').__class__.__name__, iter('é').__class__.__name__)
