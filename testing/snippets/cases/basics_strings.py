s = "Hello, World"
print(s.lower(), s.upper(), s.swapcase(), s.title(), len(s))
print(s[0], s[-1], s[1:5], s[::-1], s[::2], s[100:], s[-3:])
print(s.find("o"), s.rfind("o"), s.find("z"), s.index("W"), s.count("l"))
print(s.replace("l", "L"), s.replace("l", "L", 1), s.split(", "), "a b  c".split())
print("-".join(["a", "b", "c"]), "  x  ".strip(), "xxhixx".strip("x"), "ab".center(6, "*"))
print(s.startswith("Hell"), s.endswith(("d", "x")), "abc" in s, "World" in s)
print("a,b,,c".split(","), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("%s=%d" % ("x", 5), "%5.2f|%-5s|%05d" % (3.14159, "ab", 42), "%r" % "q")
