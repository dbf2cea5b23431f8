vals = [0.1, 0.5, 1.0, 1e16, 1e15, 123456789012345678.0, 1e-5, 0.0001, 1e-7, -0.0, 3.14159,
        2.5e-300, 1.7976931348623157e308, 5e-324, 1/3, 2/3, 100.0, 1e22, 1.5e300*1e10]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), float(" 1.5 "), float("1_0.5"), float("-1e3"))
print(0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10), 1.0.is_integer(), (0.5).as_integer_ratio())
print(float.hex(1.0), float.fromhex("0x1.8p1"), 2.5.hex())
print(round(2.675, 2), round(1.005, 2), round(-0.5), round(1234.5678, -2), round(7.0, 1))
