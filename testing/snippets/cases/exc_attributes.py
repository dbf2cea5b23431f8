e = ValueError("a", 1)
print(e.args, str(e), repr(e), str(ValueError()), str(ValueError("x")), repr(KeyError("k")), str(KeyError("k")))
e.add_note("note 1")
print(e.__notes__)
print(SystemExit(3).code, StopIteration(5).value, OSError(2, "No such").errno)
print(type(OSError(2, "x")).__name__, str(OSError(2, "No such file", "f.txt")))
print(issubclass(ZeroDivisionError, ArithmeticError), ZeroDivisionError.__mro__)
try:
    raise ValueError("v")
except ValueError as err:
    tb = err.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next)
n = NameError("n", name="x")
print(n.name, AttributeError("a", name="b", obj=1).obj)
class E(Exception):
    def __str__(self): return "custom str"
print(str(E()), repr(E("q")), E("q").args)
