# sys.exc_info inside generators, exception chaining across yields.
import sys
def g():
    try:
        raise ValueError('inside')
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

it = g()
print(next(it))
try:
    raise KeyError('outer')
except KeyError:
    print(next(it), sys.exc_info()[0].__name__)
print(next(it))

def chain():
    try:
        yield
    except Exception:
        raise RuntimeError('in gen')
c = chain()
next(c)
try:
    c.throw(ValueError('thrown'))
except RuntimeError as e:
    print(repr(e), repr(e.__context__))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('second')
except ValueError as e:
    print(repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError('third') from z
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('fourth') from None
except ValueError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
def f():
    raise IndexError('callee')
try:
    try:
        {}['x']
    except KeyError:
        f()
except IndexError as e:
    print(repr(e.__context__))
e1 = ValueError(1)
try:
    try:
        raise e1
    except ValueError:
        raise e1
except ValueError as e:
    print(e.__context__)
tb = None
try:
    raise ValueError
except ValueError as e:
    tb = e.__traceback__
print(type(tb).__name__, tb.tb_next, tb.tb_lineno > 0, type(tb.tb_frame).__name__)
