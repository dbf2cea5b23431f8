for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "\x00\x7f", "\u00e9",
          "\u200b", "\ud800", "\U0001F600", "back\\slash", "\r\x1b"]:
    print(repr(s), ascii(s), len(s))
print(repr(b"\x00ab'\""), repr(bytearray(b"x")), str(b"q"))
