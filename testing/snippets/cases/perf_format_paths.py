# str % args, format() and f-strings across Latin-1, BMP and astral text (the builders switch
# from one byte per code point to wider storage when needed).
print("%5d|%-8s|%7.2f|%x|%X|%#o|%+d|% d|%05d|%-5d|%c|%c|%%" % (42, "ab", 3.14159, 255, 255, 8,
                                                              5, 5, -42, 7, 65, "é"))
print("héllo %s wörld %d" % ("ü", 3))
print("€ %s %5s|%-5s|%.2s" % ("x", "€", "😀", "€€€"))
print("%s and %r and %a" % ("é€😀", "é€😀", "é€😀"))
print("%c%c%c" % (0x20ac, 0x1f600, "ÿ"))
print("%(a)s-%(b)05.1f" % {"a": "€", "b": 2.25})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 3, 1.23456))
print("%10.3e|%g|%G|%.0f|%#.0f|%e" % (12345.678, 1e-7, 1e20, 2.5, 2.5, float("inf")))
print("%s" % [1, "é"], "%d%%" % 50, "%5c|%-3c|" % ("x", "y"))
print("%.300f" % 1.5 == "1." + "5" + "0" * 299, len("%.200e" % 1e300))
for bad in [("%d", "x"), ("%c", 1 << 30), ("%q", 1), ("%d %d", (1,)), ("%d", (1, 2))]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)

x = 1234.5678
print(f"{x:10.3f}|{x:<10.1f}|{x:^12.2e}|{x:+,.2f}|{x:_>12}|{x:€^14.1f}|{x:😀<12.0f}")
print(f"{42:06d}|{42:>8x}|{42:#b}|{-42:=+8d}|{1234567:,}|{1234567:_}|{42:€>5}|{42:c}")
print(f"{'é':<4}|{'€':>4}|{'😀':^5}|{'abc':.2}|{'x'!r:>5}|{'é'!a}")
print(format(1.0), format(1e16), format(-0.0, "z.1f"), format(3, ""), format("s", ""),
      format(2.5, "%"), format(1234, "n"), format(True, "d"), format(True, ""))
print("{0}:{1:,}:{2!r}:{3:>{4}}".format(7, 7000, "s", "€", 3))
class F(float):
    def __format__(self, spec):
        return "F:" + spec
class I(int):
    pass
print(f"{F(1.5):.2f}", format(I(5), "03d"), f"{I(7)}")
try:
    format(1.5, "d")
except ValueError as e:
    print(e)
try:
    format("s", "+")
except ValueError as e:
    print(e)
parts = []
for i in range(3):
    parts.append(f"{i:03d}é{i * 1.5:8.3f}€{'😀' * i}")
print("|".join(parts))

# printf float conversions (std::to_chars without '#', printf with it) agree with CPython's.
vals = [0.0, -0.0, 1.0, 0.5, 1.5, 2.5, 123456789.0, 1e-5, 1.23456e-7, 9.9999e15, 1e16, 1e22,
        5e-324, 1.7976931348623157e308, 0.1, 2 / 3, 1e100, 123.456]
out = []
for v in vals:
    for f in ["%e", "%.0e", "%.3E", "%f", "%.0f", "%.2F", "%g", "%.0g", "%.1g", "%.10g", "%G",
              "%.3g", "%#g", "%#.0f", "%#.0e", "%.20f", "%.50e", "%15.4g", "%-12.2e|", "%+.1f",
              "% .2g"]:
        out.append(f % v)
print(" ".join(out))
