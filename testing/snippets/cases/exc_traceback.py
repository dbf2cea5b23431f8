# traceback objects: the TracebackType constructor, tb_next assignment, with_traceback.
import sys
try:
    raise ValueError
except ValueError as e:
    tb = e.__traceback__
TB = type(tb)
f = sys._getframe()
t2 = TB(None, f, 4, 7)
print(t2.tb_lasti, t2.tb_lineno, t2.tb_next, t2.tb_frame is f)
t3 = TB(t2, f, 0, 1)
print(t3.tb_next is t2)
for bad in [(1, f, 0, 1), (None, 1, 0, 1), (None, f, 'x', 1)]:
    try:
        TB(*bad)
    except TypeError as x:
        print('TypeError', x)
try:
    del t3.tb_next
except TypeError as x:
    print('TypeError', x)
t3.tb_next = None
print(t3.tb_next, TB.__name__, sorted(n for n in dir(t3) if n.startswith('tb_')))
e = ValueError().with_traceback(t2)
print(e.__traceback__ is t2)
