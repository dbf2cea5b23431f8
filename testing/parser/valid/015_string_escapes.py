s = '\a\b\f\n\r\t\v\\\'\"\0\7\101\x41\u00e9\U0001F600\N{BULLET}\N{LATIN SMALL LETTER E WITH ACUTE}'
b = b'\x00\xff\n\777'
c = '\
next'
d = '\q\d'
