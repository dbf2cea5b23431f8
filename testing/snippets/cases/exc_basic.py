# BaseException attributes, str/repr of the builtin exception types.
for e in [ValueError(), ValueError('x'), KeyError(1, 2), KeyError('k'), KeyError(''),
          Exception(1, 'a'), TypeError(None), StopIteration(5), SystemExit(3),
          SystemExit(), SystemExit(1, 2)]:
    print(type(e).__name__, repr(e), str(e), e.args)
print(StopIteration(5).value, StopIteration().value, SystemExit(1, 2).code, SystemExit().code)
e = ValueError('a', 'b')
e.args = [1, 2]
print(e.args, str(e))
try:
    del e.args
except TypeError as x:
    print('TypeError', x)
e.foo = 42
print(e.foo, e.__dict__)
print(e.__traceback__, e.__context__, e.__cause__, e.__suppress_context__)
try:
    e.__cause__ = 5
except TypeError as x:
    print('TypeError', x)
try:
    e.__context__ = 5
except TypeError as x:
    print('TypeError', x)
e.__cause__ = KeyError(1)
print(repr(e.__cause__), e.__suppress_context__)
e.__cause__ = None
print(e.__cause__, e.__suppress_context__)
e.add_note('note 1')
e.add_note('note 2')
print(e.__notes__)
try:
    e.add_note(3)
except TypeError as x:
    print('TypeError', x)
try:
    ValueError(x=1)
except TypeError as x:
    print('TypeError', x)
print(ValueError(1).__reduce__())
class MyErr(Exception):
    def __init__(self, a, b=2):
        super().__init__(a)
        self.b = b
m = MyErr(1, b=3)
print(repr(m), m.args, m.b, str(m))
print(isinstance(m, Exception), issubclass(MyErr, BaseException))
print(NameError('x', name='n').name, AttributeError('a', name='n', obj=3).obj)
try:
    NameError(foo=1)
except TypeError as x:
    print('TypeError', x)
ie = ImportError('msg', name='mod', path='/p')
print(ie.msg, ie.name, ie.path, str(ie), repr(ie))
print(str(ImportError()), str(ImportError(1, 2)), ModuleNotFoundError('m', name='x').name)
try:
    ImportError(bad=1)
except TypeError as x:
    print('TypeError', x)
print(ValueError.__mro__)
print(ExceptionGroup.__mro__)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(BrokenPipeError, ConnectionError))
print(e.with_traceback(None) is e)
