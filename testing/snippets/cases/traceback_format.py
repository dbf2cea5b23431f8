# The default excepthook's output, compared byte for byte: stderr is pointed at stdout and each
# caught exception is printed with sys.excepthook (carets, anchors, chains, notes, groups).
import sys
sys.stderr = sys.stdout

def show(fn):
    try:
        fn()
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)
    print("-" * 20)

def binop():
    a, b = 1, "x"
    return a + b * 2

def subscript():
    d = {"a": [1, 2]}
    return d["a"][5]

def call_chain():
    def inner(n):
        if n == 0:
            raise ValueError("bottom")
        return inner(n - 1)
    inner(3)

def recursion():
    def r(n):
        return r(n + 1)
    r(0)

def multiline():
    x = (1 +
         None)
    return x

def chained_cause():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise KeyError("k") from e

def chained_context():
    try:
        [][1]
    except IndexError:
        raise TypeError("in handler")

def suppressed():
    try:
        raise ValueError("hidden")
    except ValueError:
        raise RuntimeError("shown") from None

def notes():
    e = ValueError("with notes")
    e.add_note("first note")
    e.add_note("second\nnote")
    raise e

def group():
    raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("inner", [TypeError(2)])])

class Custom(Exception):
    def __str__(self):
        return ""

def custom_empty():
    raise Custom("ignored")

def name_suggestion():
    value = 1
    return valeu

def attr_suggestion():
    class P:
        def __init__(self):
            self.coord = 1
    return P().cord

def syntax_in_exec():
    exec("def f(:\n    pass")

def exit_call():
    sys.exit("bye")

for fn in [binop, subscript, call_chain, recursion, multiline, chained_cause, chained_context,
           suppressed, notes, group, custom_empty, name_suggestion, attr_suggestion,
           syntax_in_exec, exit_call]:
    show(fn)
