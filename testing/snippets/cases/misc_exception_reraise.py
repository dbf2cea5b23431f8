def f():
    try:
        raise ValueError("original")
    except ValueError:
        try:
            raise
        except ValueError as e:
            print("re-caught", e)
        raise
try:
    f()
except ValueError as e:
    print("outer", e)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise e
except ZeroDivisionError as e:
    print(type(e).__name__, e)
e = None
try:
    raise KeyError("x")
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError", err)
