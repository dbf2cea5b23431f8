print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, divmod(7.5, -2), 2.0 ** 0.5, 10 / 4)
print(1 / 3 * 3, 1e308 * 10, -1e308 * 10, 2 ** 0.5 * 2 ** 0.5)
for expr in ["1.0 / 0", "1.0 % 0", "0.0 ** -1", "1e308 ** 2", "float('abc')", "(-8) ** (1/3)"]:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
print(int(1e20), float(2 ** 70), 3 * 1.5, 1 + 2.0, True + 0.5, 2 ** 0.5 > 1.41)
print(hash(1.0) == hash(1), hash(0.5), hash(-1.0), hash(float("inf")))
print(max(1.5, 2), min(-0.0, 0.0), sum([0.1] * 10), abs(-0.0))
