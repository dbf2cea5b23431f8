for y in range(-10, 11, 2):
    line = ""
    for x in range(-40, 21, 2):
        c = complex(x / 20, y / 10)
        z = 0j
        n = 0
        while abs(z) <= 2 and n < 30:
            z = z * z + c
            n += 1
        line += " .:-=+*#%@"[n % 10]
    print(line)
