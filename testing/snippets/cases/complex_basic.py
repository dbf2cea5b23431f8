z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), z * 1j, z / 2, z ** 2, -z)
print(complex(1, 2), complex("1+2j"), complex(2), 1j ** 2, (1 + 0j) == 1, 2j + 1.5)
print(repr(complex(0, -1)), repr(-0j), repr(complex(-0.0, 0)), complex(1e300, 1e300) * 10)
try:
    (1 + 2j) / 0
except ZeroDivisionError as e:
    print(e)
try:
    (1 + 2j) < (2 + 3j)
except TypeError as e:
    print(e)
