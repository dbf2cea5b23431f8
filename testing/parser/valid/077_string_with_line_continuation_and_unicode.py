s = 'a\
b'
t = '''é
line2 日
'''
u = x + '😀' + y
