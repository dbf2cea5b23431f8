# ExceptionGroup: constructor checks, split/subgroup/derive, except*.
eg = ExceptionGroup('msg', [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg), str(eg), eg.message, eg.exceptions)
print(str(ExceptionGroup('one', [ValueError()])))
print(type(BaseExceptionGroup('x', [ValueError()])).__name__,
      type(BaseExceptionGroup('x', [KeyboardInterrupt()])).__name__)
for args in [('m', 1), ('m', []), ('m', [1]), (1, [ValueError()]), ('m',), ('m', [KeyboardInterrupt()])]:
    try:
        ExceptionGroup(*args)
    except Exception as x:
        print(type(x).__name__, x)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
m, r = eg.split((TypeError, KeyError))
print(repr(m), repr(r))
print(eg.split(OSError), repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
print(eg.subgroup(BaseException) is eg)
nested = ExceptionGroup('outer', [ValueError('a'), ExceptionGroup('inner', [TypeError('b'), ValueError('c')])])
m, r = nested.split(ValueError)
print(repr(m), repr(r))
try:
    eg.split(5)
except TypeError as x:
    print('TypeError', x)
eg.add_note('n')
eg.__cause__ = KeyError()
m, r = eg.split(ValueError)
print(m.__notes__, repr(m.__cause__), m.__suppress_context__)
print(repr(eg.derive([KeyError(9)])))

def run(excs):
    try:
        try:
            raise ExceptionGroup('g', excs)
        except* ValueError as e:
            print('caught V', repr(e))
        except* TypeError as e:
            print('caught T', repr(e))
    except Exception as e:
        print('escaped', repr(e))
run([ValueError(1)])
run([ValueError(1), TypeError(2)])
run([ValueError(1), KeyError(3)])
try:
    try:
        raise ValueError(7)
    except* ValueError as e:
        print('naked', repr(e), repr(e.exceptions))
except Exception as e:
    print('escaped', repr(e))
try:
    try:
        raise ValueError(7)
    except* ValueError:
        raise
except Exception as e:
    print('reraised', repr(e))
try:
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError('new')
except BaseException as e:
    print('raised in except*', repr(e), [repr(x) for x in e.exceptions])
try:
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
except TypeError as e:
    print('TypeError', e)
try:
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError('only')
except* KeyError as e:
    print('wrapped', repr(e))
except* TypeError as e:
    print('rest', repr(e))
try:
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError as v:
        raise v
    except* TypeError:
        pass
except Exception as e:
    print('raise v', repr(e))
def boom(e):
    raise RuntimeError('pred')
try:
    ExceptionGroup('g', [ValueError()]).split(boom)
except RuntimeError as e:
    print('predicate raised', e)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + '!', excs)
m, r = MyEG('e', [ValueError(1), TypeError(2)]).split(ValueError)
print(type(m).__name__, repr(m), repr(r))
print(type(MyEG('x', [ValueError()])).__name__)
try:
    MyEG('x', [KeyboardInterrupt()])
except TypeError as e:
    print('TypeError', e)
