a = 'x'; b = "x"; c = '''x'''; d = """x"""; e = r'\n'; f = R'x'; g = b'x'; h = B'x'; i = br'\x'; j = Rb'x'; k = u'x'; l = U'x'; m = rb'\\'
n = 'a' 'b' "c"
o = b'a' b'b'
