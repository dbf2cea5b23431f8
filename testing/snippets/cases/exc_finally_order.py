def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    try:
        raise ValueError
    except ValueError:
        return "except"
    finally:
        print("g finally")
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("loop finally", i)
h()
def override():
    try:
        return 1
    finally:
        return 2
print(override())
def nested():
    try:
        try:
            raise KeyError("a")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
nested()
import sys
try:
    raise TypeError("t")
except TypeError:
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
