def show(s):
    try:
        print(repr(eval(s)))
    except Exception as e:
        print(s, type(e).__name__, e)
for s in ["'a'.split(x=1)", "'a'.encode(1,2,3)", "'a'.splitlines(1, 2)", "'a'.expandtabs(tabsize=4)", "'a b'.split(sep=None, maxsplit=1)",
          "'a'.upper(1)", "'a'.join()", "'a'.join(1, 2)", "'a'.format_map()", "str.maketrans('a', 'b', 1)", "'a'.count('a', 'x')",
          "'a'.replace('a', 'b', 'c')", "'a'.zfill()", "'x'.__format__()", "str(1, 2, 3, 4)", "str(object=5)", "str(x=5)",
          "'abc'.center(10, fillchar='x')", "'a'.translate()", "'a'.startswith('a', 'b')", "'%.2s' % 'abc'", "'%.*s' % (2, 'abc')",
          "'%(a)s %(b)r' % {'a': 1, 'b': 'x'}", "'%s %(a)s' % {'a': 1}", "'%(a)s %s' % {'a': 1}", "'%(a' % {'a': 1}",
          "'%-*d|' % (-5, 1)", "'%*d|' % (-5, 1)", "'%.*f' % (-1, 1.5)", "'%#o %#x' % (0, 0)", "'%+s' % 'a'", "'%010.3f' % -3.14159",
          "'%e' % 0", "'%g' % 1e-4", "'%g' % 1.5e-5", "'%.3g' % 1234.5", "'%10.4e|' % 123.456", "'%- 5d|' % 3", "'% 05d' % 3",
          "'%d' % 10**30", "'%x' % 10**30", "'%i' % True", "'%s' % True", "'%.2f' % 10**400 if False else 0", "'%d%%' % 5",
          "'%c' % 0x1F600", "'%5c|' % 'x'", "'%r' % '\\n'", "'%a' % '\\u1234'", "'%s %s' % ['a', 'b']", "'%s' % ()",
          "'{0:>{1}}'.format('x', 4)", "'{:{}{}}'.format('x', '>', 4)", "'{0!r:^10}'.format('é')", "'{.real}'.format(3)", "'{0[-1]}'.format({'-1': 2})",
          "'{a.b}'.format(a=1)", "'{}'.format(*range(3))", "'{:x}'.format(255)", "'{0:{fmt}}'.format(3.14159, fmt='.2f')", "'{:}'.format('a')",
          "format('abc', '.2')", "'{!s}'.format(b'x')", "'{0[1:2]}'.format({'1:2': 'k'})", "'}}{{'.format()", "'{'.format_map({})",
          "'{0}'.format_map({})", "'{x}'.format_map(None)", "'a'.format(1,2,b=3)"]:
    show(s)
