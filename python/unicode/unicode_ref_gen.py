#!/usr/bin/env python3
"""Writes the expectations of unicode_test.cc as CPython computes them.

Usage: /usr/bin/python3.11 unicode_ref_gen.py DERIVED_AGE_TXT OUT

Run with the reference interpreter (Debian's CPython 3.11.2, Unicode 14.0.0). Code points the
tables' newer data added (Age 15.0 in DERIVED_AGE_TXT) are marked so the test skips them. Lines:
  V version                  unicodedata.unidata_version
  F first flags              from `first` on (until the next F line) the flags are: bit 0
                             isidentifier() alone (XID_Start or '_'), bit 1 after 'a'
                             (XID_Continue), bit 2 isprintable(); flags -1: not comparable
  K cp hex                   NFKC of chr(cp), UTF-8 in hex, for every cp that NFKC changes
  S hex hex                  NFKC of a tricky string (both UTF-8 in hex)
  L cp name                  lookup(name) == chr(cp)
  P first flags cat          character types from `first` on (until the next P line): bit 0
                             isalpha, 1 isdecimal, 2 isdigit, 3 isnumeric, 4 isspace, 5 isupper,
                             6 islower, 7 istitle, 8 a line boundary for splitlines; cat the
                             general category; flags -1: not comparable
  D cp decimal digit numeric unicodedata's values (-1 when none) where any exists
  M cp upper lower title fold  full case mappings of chr(cp) (code points in hex joined by ','),
                             for every cp that one of them changes
"""

import sys
import unicodedata


def new_code_points(path):
    result = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            cps, age = [x.strip() for x in line.split(";")]
            if age != "15.0":
                continue
            first, _, last = cps.partition("..")
            result.update(range(int(first, 16), int(last or first, 16) + 1))
    return result


TRICKY = [
    "ﬁ", "ℌ", "ﬃx", "Åström", "ｆｕｌｌｗｉｄｔｈ", "²³", "㍿", "ǅ", "ẛ̣", "한국어", "\u1100\u1161\u11a8",
    "\u1100\u1161", "\uac00\u11a8", "a\u0328\u0301\u0308", "\u0301a", "e\u0301\u0301",
    "a\u05ae\u0301\u0300b", "\u0958", "Ω", "K", "Å", "\u0344", "\u00a8\u0301", "ᄀ각\u11a8",
    "\u0f73", "\u1e0d\u0307", "\u1e0b\u0323", "q\u0307\u0323", "\U0001d400\U0001d7ce", "ℯ𝓍",
    "x\u0300\u0315\u0301", "ȷ̈", "ǆ", "\u3300", "\ufdfa", "\u2001x",
]


def main():
    age_path, out_path = sys.argv[1:]
    new = new_code_points(age_path)
    lines = ["V " + unicodedata.unidata_version]
    previous = None
    for cp in range(0x110000):
        if cp in new:
            flags = -1
        else:
            ch = chr(cp)
            flags = ((1 if ch.isidentifier() else 0) | (2 if ("a" + ch).isidentifier() else 0)
                     | (4 if ch.isprintable() else 0))
        if flags != previous:
            lines.append("F %d %d" % (cp, flags))
            previous = flags
    for cp in range(0x110000):
        if cp in new or 0xD800 <= cp < 0xE000:
            continue
        normal = unicodedata.normalize("NFKC", chr(cp))
        if normal != chr(cp) and not any(ord(c) in new for c in normal):
            lines.append("K %d %s" % (cp, normal.encode("utf-8").hex()))
    for s in TRICKY:
        lines.append("S %s %s" % (s.encode("utf-8").hex(),
                                  unicodedata.normalize("NFKC", s).encode("utf-8").hex()))
    for cp in range(0x110000):
        if cp in new:
            continue
        name = unicodedata.name(chr(cp), None)
        if name is None:
            continue
        if name.startswith(("HANGUL SYLLABLE", "CJK UNIFIED IDEOGRAPH")):
            if cp % 13 != 0:
                continue  # a sample of the algorithmic names
        elif cp % 7 == 3:
            name = name.lower()  # case-insensitive, except for the algorithmic names
        assert unicodedata.lookup(name) == chr(cp)
        lines.append("L %d %s" % (cp, name))
    previous = None
    for cp in range(0x110000):
        if cp in new:
            key = (-1, "Cn")
        else:
            ch = chr(cp)
            flags = sum(bit for bit, test in (
                (1, ch.isalpha()), (2, ch.isdecimal()), (4, ch.isdigit()), (8, ch.isnumeric()),
                (16, ch.isspace()), (32, ch.isupper()), (64, ch.islower()), (128, ch.istitle()),
                (256, len(("a" + ch + "b").splitlines()) == 2)) if test)
            key = (flags, unicodedata.category(ch))
        if key != previous:
            lines.append("P %d %d %s" % (cp, key[0], key[1]))
            previous = key
    for cp in range(0x110000):
        if cp in new:
            continue
        ch = chr(cp)
        values = (unicodedata.decimal(ch, -1), unicodedata.digit(ch, -1),
                  unicodedata.numeric(ch, -1.0))
        if values != (-1, -1, -1.0):
            lines.append("D %d %d %d %r" % (cp, values[0], values[1], float(values[2])))
        maps = (ch.upper(), ch.lower(), ch.title(), ch.casefold())
        if any(m != ch for m in maps) and not any(ord(c) in new for m in maps for c in m):
            lines.append("M %d %s" % (cp, " ".join(",".join("%x" % ord(c) for c in m)
                                                    for m in maps)))
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
