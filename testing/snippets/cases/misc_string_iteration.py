s = "héllo wörld 😀"
print(len(s), [c for c in s if ord(c) > 127], s.upper(), s[1], s[-1], s.encode("utf-8")[:8])
print(list(reversed("abc")), sorted("cba"), "".join(c * 2 for c in "ab"), max("hello"), min("hello"))
for i, c in enumerate("ab"):
    print(i, c, ord(c), chr(ord(c) + 1))
print("a" < "b" < "ba", "Z" < "a", "é" > "z", "abc".find(""), "".join([]), "x".join("abc"))
