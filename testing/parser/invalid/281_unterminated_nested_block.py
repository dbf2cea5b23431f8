def f():
    if x:
        y = 'oops
