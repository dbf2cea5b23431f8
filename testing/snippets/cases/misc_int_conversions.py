for v in [0, 1, -1, 255, -255, 2 ** 40, -(2 ** 70)]:
    print(v, bin(v), oct(v), hex(v), f"{v:x}", format(v, "b"), str(v), repr(v))
print(int("0x1F", 16), int("0o17", 8), int("0b11", 2), int("  -0 "), int("+5"), int("١٢٣"))
print(int(12.9), int(-0.5), int(True), int("10", 36), float(7), float("  -2.5e3 "), complex(3))
print(bool(0.0), bool(0j), bool(" "), str(None), str(3.0), str(-0.0), str(1e100), repr(1e-100))
