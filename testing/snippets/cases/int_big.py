a = 2 ** 200
b = 3 ** 150
print(a, b, a * b, a // b, a % b, -a // b, divmod(a, -b))
print(a.bit_length(), (a - 1).bit_count(), hex(a), oct(b)[:20], bin(255))
print(10 ** 50 + 1, int("9" * 60) + 1, -(10 ** 30) // 7, pow(3, 200, 1000007))
print(abs(-a) == a, a > b, a == 2 ** 200, hash(2 ** 61 - 1), hash(-1), hash(2 ** 64))
x = 1
for i in range(1, 40): x *= i
print(x, str(x)[::-1][:10], len(str(x)))
print(int("-123"), int(" 42 "), int("1_000"), int("ff", 16), int("0b101", 0), int("z", 36))
print((-7).to_bytes(2, "big", signed=True), int.from_bytes(b"\x01\x00", "little"))
print(7 .as_integer_ratio(), (-5).__abs__(), int(3.99), int(-3.99), round(12345, -2))
