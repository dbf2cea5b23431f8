def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f = fact(200)
print(sum(int(d) for d in str(f)), len(str(f)), f % (10 ** 9 + 7))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(2 ** 100 - 1, 2 ** 60 - 1), gcd(fact(30), 2 ** 40))
a, b = 0, 1
for _ in range(500):
    a, b = b, a + b
print(a)
print(pow(7, 10 ** 18, 10 ** 9 + 9), (3 ** 300) // (7 ** 100), -(2 ** 130) % 12345, (2 ** 127 - 1) // -3)
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x, y = y, (y + n // y) // 2
    return x
print(isqrt(10 ** 40 + 12345), isqrt(2 * 10 ** 60))
