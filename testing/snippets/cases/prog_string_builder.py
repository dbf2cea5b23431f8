parts = []
for i in range(20):
    parts.append(str(i) if i % 3 else "fizz")
s = ",".join(parts)
print(s, len(s), s.count("fizz"))
acc = ""
for ch in "abcdefghij":
    acc = ch + acc + ch
print(acc, acc == acc[::-1])
print("".join(sorted("pyrite interpreter")), " ".join(w[::-1] for w in "hello big world".split()))
words = "one two three four five six".split()
print({w: len(w) for w in words}, max(words, key=len), [w for w in words if "o" in w])
