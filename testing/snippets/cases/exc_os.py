# OSError: errno mapping, attributes and str; SyntaxError; Unicode errors.
e = OSError(2, 'No such file or directory')
print(type(e).__name__, e.errno, e.strerror, e.filename, str(e), e.args)
e = OSError(2, 'No such file or directory', 'f')
print(type(e).__name__, str(e), e.args, e.filename)
e = OSError(17, 'File exists', 'a', None, 'b')
print(type(e).__name__, str(e), e.filename2, repr(e))
for n in [1, 2, 4, 10, 11, 13, 17, 20, 21, 32, 104, 110, 111, 3, 5]:
    print(n, type(OSError(n, 'm')).__name__)
print(str(OSError()), str(OSError('x')), OSError('x').errno, str(OSError(1, 2, 3, 4, 5, 6)))
print(FileNotFoundError(2, 'x').errno, type(FileNotFoundError(13, 'x')).__name__)
print(IOError is OSError, EnvironmentError is OSError)
s = SyntaxError('invalid syntax', ('x.py', 1, 2, 'a b', 1, 3))
print(str(s), s.msg, s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset)
print(str(SyntaxError('m', ('/a/b/c.py', 4, 1, 'x'))), str(SyntaxError('m')), str(SyntaxError()))
print(str(SyntaxError('m', (None, 3, 1, 'x'))), str(SyntaxError('m', ('f', None, 1, 'x'))))
print(IndentationError('m', ('f.py', 2, 1, 'x')).lineno)
try:
    SyntaxError('m', (1, 2))
except TypeError as x:
    print('TypeError', x)
u = UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')
print(str(u), u.encoding, u.object, u.start, u.end, u.reason)
u = UnicodeDecodeError('utf-8', b'abc\xff\xfe', 3, 5, 'bad')
print(str(u))
u = UnicodeEncodeError('ascii', 'h\xe9llo', 1, 2, 'ordinal not in range(128)')
print(str(u))
print(str(UnicodeEncodeError('ascii', '\u1234', 0, 1, 'r')), str(UnicodeEncodeError('ascii', '\U0001f600', 0, 1, 'r')))
print(str(UnicodeEncodeError('ascii', 'abc', 0, 3, 'r')))
print(str(UnicodeTranslateError('\xe9', 0, 1, 'r')), str(UnicodeTranslateError('ab', 0, 2, 'r')))
try:
    UnicodeDecodeError('utf-8')
except TypeError as x:
    print('TypeError', x)
try:
    UnicodeDecodeError(1, b'', 0, 1, 'r')
except TypeError as x:
    print('TypeError', x)
print(isinstance(u, ValueError), UnicodeDecodeError.__mro__)
e = BlockingIOError(11, 'msg', 5)
print(e.characters_written, e.args, e.filename, str(e))
e = BlockingIOError(11, 'msg')
try:
    e.characters_written
except AttributeError as x:
    print('AttributeError', x)
e.characters_written = 3
print(e.characters_written)
del e.characters_written
try:
    del e.characters_written
except AttributeError as x:
    print('AttributeError', x)
e = BlockingIOError(11, 'msg', 'f')
print(e.args, e.filename)
class MyOS(OSError):
    def __init__(self, a, b, c, d):
        super().__init__(a, b, c)
        self.d = d
m = MyOS(2, 'No such file', 'x.txt', 'D')
print(type(m).__name__, m.args, m.filename, m.d, str(m))
print(OSError(2, 'x').__reduce__(), OSError(2, 'x', 'f').__reduce__()[1])
