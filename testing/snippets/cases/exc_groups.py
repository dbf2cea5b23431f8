try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as e:
    print("values", repr(e), e.exceptions)
except* TypeError as e:
    print("types", e.exceptions)
eg = ExceptionGroup("top", [ValueError("a"), ExceptionGroup("sub", [KeyError("b")])])
print(eg, repr(eg.message), len(eg.exceptions))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(eg.subgroup(KeyError))
try:
    try:
        raise ExceptionGroup("x", [OSError("o")])
    except* OSError:
        raise RuntimeError("in handler")
except Exception as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print(e)
print(isinstance(BaseExceptionGroup("b", [ValueError()]), ExceptionGroup))
