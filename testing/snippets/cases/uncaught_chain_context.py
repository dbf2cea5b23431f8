def f():
    try:
        {}["k"]
    except KeyError:
        raise TypeError("inner")
f()
