def g():
    yield 1
x = g()
try:
    x.send(5)
except TypeError as e:
    print(e)
def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError as e:
    print(e)
def ret():
    return 5
    yield
try:
    next(ret())
except StopIteration as e:
    print("stop", e.value)
def ignore():
    while True:
        try:
            yield
        except GeneratorExit:
            pass
i = ignore(); next(i)
try:
    i.close()
except RuntimeError as e:
    print(e)
