def div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        print("caught", e)
        return None
    finally:
        print("finally")
print(div(1, 2), div(1, 0))
try:
    [][1]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
try:
    raise ValueError("bad", 42)
except Exception as e:
    print(e.args, repr(e), str(e))
class MyError(Exception):
    pass
try:
    try:
        raise MyError("inner")
    except MyError:
        raise RuntimeError("outer")
except RuntimeError as e:
    print(e, repr(e.__context__), e.__cause__)
try:
    raise KeyError("k") from None
except KeyError as e:
    print(e, e.__suppress_context__)
