tests = ["''.join([1])", "'a'.index('z')", "'abc'[5]", "s['x']", "'a' + 1", "'x' * 'y'",
         "'abc'.center(5, 'ab')", "'a'.split('')", "'%d' % 'x'", "1 in 'abc'", "'{'.format(1)",
         "'{0}{}'.format(1, 2)", "'{1}'.format(0)", "'x'.encode('ascii-foo')", "chr(0x110000)",
         "ord('ab')", "'é'.encode('ascii')", "b'\\xff'.decode('utf-8')"]
s = 'abc'
for t in tests:
    try:
        print(t, "=>", repr(eval(t)))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)
