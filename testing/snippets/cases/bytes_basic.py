b = b"hello world"
print(b, b[0], b[1:4], b[::-1], len(b), b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"))
print(b"ab" + b"cd", b"x" * 3, b"ell" in b, 104 in b, list(b"abc"), bytes(3), bytes([65, 66]))
print(bytes("é", "utf-8"), b"\xc3\xa9".decode(), b.hex(), bytes.fromhex("41 42"), b.startswith(b"he"))
ba = bytearray(b"abc")
ba.append(100); ba.extend(b"ef"); ba[0] = 90; del ba[1]
print(ba, len(ba), ba.pop(), ba, bytes(ba), ba.decode("ascii"), bytearray(2))
print(b"a,b".split(b","), b"-".join([b"x", b"y"]), b"  x ".strip(), b"abc" < b"abd", b"A".lower())
