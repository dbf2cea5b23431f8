# Implicit chaining from errors raised by builtins, cycles in __context__, sys.exc_info,
# traceback objects.
import sys
try:
    1 / 0
except ZeroDivisionError:
    try:
        [][1]
    except IndexError as e:
        print(repr(e), repr(e.__context__))
try:
    try:
        raise KeyError('a')
    except KeyError as a:
        try:
            raise ValueError('b')
        except ValueError as b:
            raise a
except KeyError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
print(sys.exc_info())
try:
    raise TypeError('t')
except TypeError:
    print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]))
    try:
        raise ValueError('inner')
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
def f():
    raise ValueError('deep')
def g():
    f()
try:
    g()
except ValueError as e:
    tb = e.__traceback__
    n = 0
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti >= 0)
        tb = tb.tb_next
e = ValueError()
print(e.__traceback__)
try:
    raise e
except ValueError:
    pass
print(type(e.__traceback__).__name__)
t = e.__traceback__
try:
    t.tb_next = t
except ValueError as x:
    print('ValueError', x)
try:
    t.tb_next = 5
except TypeError as x:
    print('TypeError', x)
try:
    e.__traceback__ = 5
except TypeError as x:
    print('TypeError', x)
e.__traceback__ = None
print(e.__traceback__)
try:
    raise ValueError from KeyError('cause')
except ValueError as v:
    print(repr(v.__cause__), v.__suppress_context__)
try:
    raise ValueError from 5
except TypeError as x:
    print('TypeError', x)
try:
    raise 5
except TypeError as x:
    print('TypeError', x)
class NotExc: pass
try:
    raise NotExc
except TypeError as x:
    print('TypeError', x)
try:
    raise StopIteration
except StopIteration as x:
    print(repr(x), x.value)
def gen_in_except():
    try:
        raise KeyError('k')
    except KeyError:
        yield sys.exc_info()[0].__name__
        raise
g = gen_in_except()
print(next(g), sys.exc_info())
try:
    next(g)
except KeyError as e:
    print('reraised from generator', repr(e))
try:
    try:
        raise ValueError(1)
    finally:
        print('finally sees', sys.exc_info()[0].__name__)
except ValueError:
    pass
class CustomErr(Exception):
    def __str__(self):
        return 'custom!'
print(str(CustomErr()), repr(CustomErr(1)))
try:
    raise CustomErr
except CustomErr as e:
    print(e)
class WithInit(Exception):
    def __init__(self):
        pass
w = WithInit()
print(w.args, repr(w))
class WithNew(Exception):
    def __new__(cls, *args):
        o = super().__new__(cls, 'fixed')
        return o
print(WithNew(1, 2).args)
print(KeyError.__str__(KeyError('x')), BaseException.__repr__(ValueError(1)))
try:
    {}[(1, 2)]
except KeyError as e:
    print(e, e.args)
