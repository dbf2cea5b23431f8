tests = ["len(5)", "min([])", "max()", "sum(['a', 'b'])", "abs('x')", "next([])", "iter(5)",
         "chr('a')", "ord('')", "getattr(1, 'x')", "sorted(1)", "isinstance(1, 1)", "hash([])",
         "round('x')", "divmod('a', 1)", "pow(1, 2, 3.0)", "list(1)", "dict([1])", "zip(1)",
         "map(1, 2)", "setattr(1, 'x', 2)", "len()", "print(sep=1)", "enumerate()", "range('a')"]
for t in tests:
    try:
        print(t, "=>", eval(t))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)
