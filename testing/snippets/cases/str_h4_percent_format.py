def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print('%s %r %a' % ('é', 'é', 'é'), '%d %i %u' % (1, -2, 3), '%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42))
print('%x %X %o %#x %#X %#o' % (255, 255, 8, 255, 255, 8), '%.3d %8.3d %-8.3x|' % (5, 5, 5))
print('%f %.2f %10.3f %-10.1f| %e %E %g %G' % (3.14159, 2.5, 1.0, 2.25, 12345.678, 0.000123, 1e20, 1e-5))
print('%g %g %#g %.0f %#.0f %+.1e' % (100000.0, 1000000.0, 1.0, 2.5, 2.5, -1.5))
print('%c%c' % ('a', 98), '%%', '%5s|%-5s|%.2s' % ('ab', 'ab', 'abcdef'), '%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159))
print('%(name)s is %(age)d' % {'name': 'Bob', 'age': 30}, '%s' % [1, 2], '%s' % ((1, 2),), '%d' % 3.9, '%x' % True)
print('%s' % None, '%r' % 'x', '%5.1f%%' % 99.5, '%f' % float('inf'), '%F' % float('nan'), '%05d' % -42, '%x' % -255)
show(lambda: '%d' % 'x')
show(lambda: '%x' % 1.5)
show(lambda: '%s %s' % ('a',))
show(lambda: '%s' % ('a', 'b'))
show(lambda: 'abc' % 5)
show(lambda: '%y' % 1)
show(lambda: '%(a)s' % 5)
show(lambda: '%c' % 'ab')
show(lambda: '%c' % -1)
show(lambda: '%' % ())
show(lambda: '%f' % 'x')
show(lambda: '%*d' % ('a', 1))
print('abc' % [], 'abc' % {}, '%s' % {'a': 1})
print('{} {}'.format(1, 2), '{1} {0}'.format('a', 'b'), '{x} {y!r}'.format(x=1, y='s'), '{0[1]} {0[a]}'.format({1: 'one', 'a': 'A'}))
class P:
    x = 5
    def __format__(self, spec):
        return 'P(' + spec + ')'
print('{0.x} {0:abc} {0!s:.3}'.format(P()), '{:{w}.{p}f}'.format(3.14159, w=10, p=2), '{{}} {{{}}}'.format(7))
print('{!a}'.format('é'), '{:>5}|{:<5}|{:^5}'.format('a', 'b', 'c'), '{0}{0}'.format('x'), '{:,}'.format(1234567))
print('{0[0]}'.format([9]), '{a[0][1]}'.format(a=[[1, 2]]), '{:%}'.format(0.5), 'x{}y'.format(''), '{}'.format(None))
print('{name}'.format_map({'name': 'N'}))
class D(dict):
    def __missing__(self, k):
        return '<' + k + '>'
print('{a} {b}'.format_map(D(a=1)))
show(lambda: '{'.format())
show(lambda: '}'.format())
show(lambda: 'a}b'.format())
show(lambda: '{0} {}'.format(1, 2))
show(lambda: '{} {0}'.format(1, 2))
show(lambda: '{1}'.format(1))
show(lambda: '{}'.format())
show(lambda: '{x}'.format())
show(lambda: '{!x}'.format(1))
show(lambda: '{0!}'.format(1))
show(lambda: '{0!rr}'.format(1))
show(lambda: '{0.}'.format(1))
show(lambda: '{0[}'.format(1))
show(lambda: '{:{:{}}}'.format(1, 2, 3))
show(lambda: '{0.nope}'.format(1))
show(lambda: '{:d}'.format('x'))
