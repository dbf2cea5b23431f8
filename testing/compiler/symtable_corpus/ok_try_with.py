def f():
    try:
        pass
    except ValueError as err:
        return err
    else:
        ok = 1
    finally:
        done = 2
    try:
        pass
    except* TypeError as group:
        pass
    with open(p) as fh, ctx() as (a, b):
        return fh, a, b
