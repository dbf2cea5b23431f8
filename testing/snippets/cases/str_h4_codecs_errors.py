seqs = [b'\x80', b'\xc0\x80', b'\xc2', b'\xc2\x41', b'\xe0\x80\x80', b'\xe0\xa0', b'\xe0\xa0\x41', b'\xed\xa0\x80', b'\xed\x9f\xbf', b'\xf0\x80\x80\x80', b'\xf0\x90\x80', b'\xf4\x90\x80\x80', b'\xf5\x80', b'\xff\xfe', b'a\xe2\x82\xacb', b'\xe2\x82\x28x', b'\xf0\x9f\x98\x80', b'\xf0\x9f\x98', b'ab\xf0\x9f']
for b in seqs:
    row = []
    for errors in ['strict', 'replace', 'ignore', 'backslashreplace', 'surrogateescape', 'surrogatepass']:
        try:
            row.append(ascii(str(b, 'utf-8', errors)))
        except UnicodeDecodeError as e:
            row.append('E(%s %d %d %s)' % (e.encoding, e.start, e.end, e.reason))
    print(b, ' '.join(row))
for b in [b'a', b'a\x00b', b'\x00\xd8', b'\x00\xd8\x00\xdc', b'\x00\xdc', b'\xff\xfea\x00', b'\xfe\xff\x00a', b'\x00\xd8a\x00']:
    for enc in ['utf-16', 'utf-16-le', 'utf-16-be']:
        try:
            print(enc, b, ascii(str(b, enc)))
        except UnicodeDecodeError as e:
            print(enc, b, 'E(%s %d %d %s)' % (e.encoding, e.start, e.end, e.reason), e)
for s in ['a\ud800b', '\udcff', 'é€😀', '\x80\xff']:
    for enc in ['utf-8', 'ascii', 'latin-1', 'utf-16-le', 'utf-32-be']:
        for errors in ['strict', 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape', 'surrogatepass']:
            try:
                print(enc, errors, s.encode(enc, errors))
            except UnicodeEncodeError as e:
                print(enc, errors, 'E', e)
            except Exception as e:
                print(enc, errors, type(e).__name__, e)
