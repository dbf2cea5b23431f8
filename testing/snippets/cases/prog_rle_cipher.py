def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)
def unrle(s):
    out, num = "", ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out += ch * int(num); num = ""
    return out
e = rle("aaabccddddde")
print(e, unrle(e))
def caesar(s, k):
    return "".join(chr((ord(c) - 97 + k) % 26 + 97) if c.islower() else
                   chr((ord(c) - 65 + k) % 26 + 65) if c.isupper() else c for c in s)
msg = caesar("Hello, World!", 3)
print(msg, caesar(msg, -3))
