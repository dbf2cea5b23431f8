# try/except/else/finally, handled-exception state, chaining, with, except* and tracebacks.
import sys

def trace(f):
    try:
        f()
    except BaseException as e:
        ctx = e.__context__
        print(type(e).__name__, e, "| context:", type(ctx).__name__ if ctx else None,
              "| cause:", type(e.__cause__).__name__ if e.__cause__ else None,
              e.__suppress_context__)

def a():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("in handler")
trace(a)
def b():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("from") from e
trace(b)
def c():
    try:
        {}["k"]
    except KeyError:
        raise TypeError("no context") from None
trace(c)
def d():
    raise
trace(d)
def e():
    try:
        raise KeyError("x")
    except KeyError:
        raise
trace(e)
def f():
    try:
        raise KeyError("x")
    finally:
        print("finally runs")
trace(f)
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("fin", i)
    return "done"
print(g())
def h():
    try:
        return "try"
    finally:
        print("finally before return")
print(h())
def i():
    try:
        return "try"
    finally:
        return "finally wins"
print(i())
def j():
    while True:
        try:
            raise ValueError
        finally:
            break
    return "swallowed"
print(j())
print(sys.exc_info())
try:
    raise ValueError("outer")
except ValueError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1])
    try:
        raise TypeError("inner")
    except TypeError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
def k():
    try:
        raise ValueError(1)
    except (TypeError, ValueError) as err:
        print("caught tuple", err)
    try:
        err
    except NameError as ne:
        print("as-name deleted:", ne)
k()
def l():
    try:
        pass
    except ValueError:
        print("no")
    else:
        print("else runs")
    finally:
        print("finally")
l()
def m():
    try:
        try:
            raise ValueError
        except 1:
            pass
    except TypeError as e:
        print(e)
m()
def n():
    raise ValueError
try:
    n()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(lines)

class CM:
    def __init__(self, swallow): self.swallow = swallow
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return self.swallow
with CM(True) as cm:
    raise KeyError("swallowed")
print("after with")
try:
    with CM(False):
        raise KeyError("propagates")
except KeyError as e:
    print("propagated", e)
with CM(False):
    print("no error")
def ret_in_with():
    with CM(False):
        return "returned"
print(ret_in_with())
for x in range(3):
    with CM(False):
        if x == 1:
            break
class Bad: pass
try:
    with Bad(): pass
except TypeError as e:
    print(e)

def star():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as eg:
        print("values", [str(x) for x in eg.exceptions])
    except* TypeError as eg:
        print("types", [str(x) for x in eg.exceptions])
star()
def star2():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled values")
try:
    star2()
except ExceptionGroup as eg:
    print("rest", repr(eg))
try:
    try:
        raise ValueError("plain")
    except* ValueError as eg:
        print("wrapped", repr(eg))
except Exception as e:
    print("unexpected", e)
assert True
try:
    assert 1 == 2, "msg"
except AssertionError as e:
    print("assert", e)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise ValueError from 5
except TypeError as e:
    print(e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print(e)
