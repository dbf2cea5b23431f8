# dict and str work: building keys, counting words, joining and splitting.
words = []
for i in range(500000):
    words.append("w" + str(i % 997) + ("x" if i % 3 else "yz"))
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
index = {}
for i, w in enumerate(words):
    key = w.upper()[:4]
    if key in index:
        index[key].append(i)
    else:
        index[key] = [i]
text = " ".join(words)
parts = text.split(" ")
joined = "-".join(sorted(set(parts))[:100])
checksum = sum(len(k) * v for k, v in counts.items()) + len(index) + len(joined)
print(len(counts), len(index), checksum, text.count("yz"), parts[12345])
