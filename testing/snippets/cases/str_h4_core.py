# str core: repr, compare, index, slice, concat, repeat, contains, iteration, constructor
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(repr('abc'), repr("it's"), repr('say "hi"'), repr('both \' and "'), repr('\\'))
print(repr('tab\there\nnew\rret\x00\x07\x7f\x80\xa0\xad'), repr('é ü ñ 中文 😀'))
print(repr('\u2028\u200b\ud800\U000e0001\ufeff'))
print('abc' < 'abd', 'abc' < 'ab', 'a' == 'a', 'a' != 'b', 'é' > 'z', '😀' > '中')
s = 'hello world'
print(s[0], s[-1], s[1:4], s[::-1], s[::2], s[-3:], s[100:], s[2:8:3], len(s))
show(lambda: s[11])
show(lambda: s['x'])
show(lambda: s[1.5])
print('ab' + 'cd', 'ab' * 3, 3 * 'x', 'ab' * 0, 'ab' * -1, '' * 5)
show(lambda: 'a' + 1)
show(lambda: 'a' * 'b')
print('lo' in s, 'xyz' in s, '' in s, 'é' in 'café')
show(lambda: 1 in 'abc')
print(list('héllo'), list(iter('')), [c for c in '😀a'])
print(str(), str(5), str('x'), str(b'abc', 'utf-8'), str(b'\xc3\xa9', encoding='utf-8'), str([1, 'a']))
show(lambda: str(b'\xff', 'utf-8'))
print(str(b'\xff', 'utf-8', 'replace'), str(b'a\xffb', 'ascii', 'ignore'), str(b'\xe9', 'latin-1'))
show(lambda: str('a', 'utf-8'))
show(lambda: str(1, 'utf-8'))
class S(str):
    pass
x = S('abc')
print(type(x).__name__, x, repr(x), type(str(x)).__name__, x == 'abc', hash(x) == hash('abc'), type(x + 'd').__name__)
print(type(x[0:2]).__name__, x.upper(), type(x.upper()).__name__)
print(hash('abc') == hash('ab' + 'c'), hash('') == hash(''), {'a': 1, 'é': 2}['é'])
print('abc'.__getnewargs__(), 'ab'.__sizeof__(), 'é'.__sizeof__())
print(format('abc', '>6'), format('abc', '^7'), '{:<5}|'.format('ab'), f'{"x":*^5}')
print(sorted(['b', 'a', 'B', 'é', 'e']), max('hello'), min('hello'))
it = iter('abc'); next(it)
print(it.__length_hint__(), list(it))
print(str.__mod__('%d', 5), 'a%sb' % 'X')
