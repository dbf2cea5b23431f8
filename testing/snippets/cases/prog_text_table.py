rows = [("apple", 3, 1.5), ("banana", 12, 0.25), ("cherry", 100, 10.0)]
header = f"{'name':<10}|{'qty':>5}|{'price':>8}|{'total':>9}"
print(header)
print("-" * len(header))
for name, qty, price in rows:
    print(f"{name:<10}|{qty:>5d}|{price:>8.2f}|{qty * price:>9,.2f}")
print("=" * len(header))
print(f"{'sum':<10}|{sum(r[1] for r in rows):>5}|{'':>8}|{sum(r[1] * r[2] for r in rows):>9.2f}")
print("%-10s|%5d" % ("x", 7), "{:^10}".format("mid"), "{:*<6}{:#>6}".format("l", "r"))
