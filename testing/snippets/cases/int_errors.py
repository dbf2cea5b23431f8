tests = ["int('abc')", "int('12', 2)", "1 // 0", "1 % 0", "2 ** -1 // 0", "int(float('inf'))",
         "int(float('nan'))", "1 << -1", "int('1', 1)", "int(None)", "(1).foo", "divmod(1, 0)",
         "pow(2, -1, 4)", "int('')", "chr(-1)", "int([1])"]
for t in tests:
    try:
        print(t, "=>", eval(t))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)
