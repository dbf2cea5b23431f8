# String formatting: f-strings with format specs, % formatting and str.format.
rows = []
for i in range(200000):
    x = i * 1.37
    rows.append(f"{i:06d}|{x:10.3f}|{i:>8x}|{'item' + str(i % 7):<8}|{x / 3:.2e}")
    rows.append("%5d %-8s %7.2f" % (i, "n%d" % (i % 13), x))
    rows.append("{0}:{1:,}:{2!r}".format(i, i * 1000, "s"))
total = sum(len(r) for r in rows)
print(len(rows), total, rows[12345], rows[-1])
