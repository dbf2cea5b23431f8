#!/usr/bin/env python3
"""Generates Pyrite's Unicode tables from the Unicode Character Database text files.

Usage: unicode_gen.py UCD_DIR PROPERTY_TABLE_CC NAME_TABLE_CC

UCD_DIR is Debian's /usr/share/unicode (package unicode-data). Writes:
  PROPERTY_TABLE_CC  the version string, the per-code-point records (XID/printable flags,
                     canonical combining class, decomposition) behind a two-level index, the
                     decompositions and the canonical composition pairs; and the character-type
                     records of str's methods (category, classes, digit values, case mappings)
                     behind a second two-level index;
  NAME_TABLE_CC      character names and name aliases, sorted, each name coded as word numbers
                     in a shared lexicon, as escape-free text (CJK unified ideographs and Hangul
                     syllables are algorithmic and not stored).
The layout is described in python/unicode/tables.h, which declares what these files define.
"""

import collections
import os
import re
import sys

MAX_CP = 0x110000
NON_PRINTABLE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"}

FLAG_XID_START = 1
FLAG_XID_CONTINUE = 2
FLAG_PRINTABLE = 4

NAME_BUCKET = 16  # names per entry of the bucket index

# Character-type flags (tables.h CtypeFlags), as CPython's makeunicodedata.py derives them.
CT_ALPHA = 1 << 0
CT_DECIMAL = 1 << 1
CT_DIGIT = 1 << 2
CT_NUMERIC = 1 << 3
CT_SPACE = 1 << 4
CT_LINEBREAK = 1 << 5
CT_UPPER = 1 << 6
CT_LOWER = 1 << 7
CT_TITLE = 1 << 8
CT_CASED = 1 << 9
CT_CASE_IGNORABLE = 1 << 10

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc",
              "Cf", "Cs", "Co", "Lm", "Lo", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc",
              "Sk", "So"]
CASE_EXTENDED = 1 << 24  # a case field >= this is an index into kCaseExtra (+ CASE_EXTENDED)


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield line


def parse_range(text):
    if ".." in text:
        first, last = text.split("..")
        return range(int(first, 16), int(last, 16) + 1)
    return range(int(text, 16), int(text, 16) + 1)


def read_property(path, wanted):
    """The set of code points having property `wanted` in a `range ; property` file."""
    result = set()
    for line in read_lines(path):
        fields = [f.strip() for f in line.split(";")]
        if fields[1] == wanted:
            result.update(parse_range(fields[0]))
    return result


def read_version(ucd):
    with open(os.path.join(ucd, "DerivedCoreProperties.txt"), encoding="utf-8") as f:
        match = re.match(r"# DerivedCoreProperties-(\d+\.\d+\.\d+)\.txt", f.readline())
    if not match:
        sys.exit("unicode_gen.py: no version in DerivedCoreProperties.txt")
    return match.group(1)


class UnicodeData:
    def __init__(self, ucd):
        self.category = ["Cn"] * MAX_CP
        self.ccc = [0] * MAX_CP
        self.decomposition = {}  # cp -> (is_compat, [cps])
        self.names = {}  # cp -> name
        self.bidi = [""] * MAX_CP
        self.decimal = {}  # cp -> int
        self.digit = {}  # cp -> int
        self.numeric = {}  # cp -> text ("1/2")
        self.upper = {}  # cp -> cp (simple mappings)
        self.lower = {}
        self.title = {}
        self.cjk_ranges = []  # (first, last) of CJK unified ideographs
        range_first = None
        with open(os.path.join(ucd, "UnicodeData.txt"), encoding="utf-8") as f:
            for line in f:
                fields = line.rstrip("\n").split(";")
                cp = int(fields[0], 16)
                name, category, ccc, decomposition = fields[1], fields[2], fields[3], fields[5]
                if name.endswith(", First>"):
                    range_first = cp
                    continue
                if name.endswith(", Last>"):
                    for c in range(range_first, cp + 1):
                        self.category[c] = category
                        self.bidi[c] = fields[4]
                    if name.startswith("<CJK Ideograph"):
                        self.cjk_ranges.append((range_first, cp))
                    continue
                self.category[cp] = category
                self.bidi[cp] = fields[4]
                if fields[6]:
                    self.decimal[cp] = int(fields[6])
                if fields[7]:
                    self.digit[cp] = int(fields[7])
                if fields[8]:
                    self.numeric[cp] = fields[8]
                for field, table in ((12, self.upper), (13, self.lower), (14, self.title)):
                    if fields[field]:
                        table[cp] = int(fields[field], 16)
                self.ccc[cp] = int(ccc)
                if not name.startswith("<"):
                    self.names[cp] = name
                if decomposition:
                    parts = decomposition.split()
                    is_compat = parts[0].startswith("<")
                    if is_compat:
                        parts = parts[1:]
                    self.decomposition[cp] = (is_compat, [int(p, 16) for p in parts])
        self.aliases = []  # (name, cp)
        for line in read_lines(os.path.join(ucd, "NameAliases.txt")):
            cp, alias, _ = line.split(";")
            self.aliases.append((alias, int(cp, 16)))
        core = os.path.join(ucd, "DerivedCoreProperties.txt")
        self.xid_start = read_property(core, "XID_Start")
        self.xid_continue = read_property(core, "XID_Continue")
        self.lowercase = read_property(core, "Lowercase")
        self.uppercase = read_property(core, "Uppercase")
        self.cased = read_property(core, "Cased")
        self.case_ignorable = read_property(core, "Case_Ignorable")
        # SpecialCasing.txt without the conditional (language or context) entries.
        self.special_casing = {}  # cp -> (lower, title, upper) lists
        for line in read_lines(os.path.join(ucd, "SpecialCasing.txt")):
            fields = [f.strip() for f in line.split(";")]
            if len(fields) > 4 and fields[4]:
                continue
            self.special_casing[int(fields[0], 16)] = tuple(
                [int(x, 16) for x in fields[i].split()] for i in (1, 2, 3))
        self.case_folding = {}  # cp -> list, statuses C and F
        for line in read_lines(os.path.join(ucd, "CaseFolding.txt")):
            fields = [f.strip() for f in line.split(";")]
            if fields[1] in ("C", "F"):
                self.case_folding[int(fields[0], 16)] = [int(x, 16) for x in fields[2].split()]
        # Unihan's numeric values count for str.isnumeric() (CPython reads them too).
        unihan = os.path.join(ucd, "Unihan_NumericValues.txt.bz2")
        if os.path.exists(unihan):
            import bz2
            with bz2.open(unihan, "rt", encoding="utf-8") as f:
                for line in f:
                    if line.startswith("U+"):
                        code, prop, value = line.rstrip("\n").split("\t")
                        if prop in ("kAccountingNumeric", "kOtherNumeric", "kPrimaryNumeric"):
                            self.numeric.setdefault(int(code[2:], 16), value)
        self.full_composition_exclusion = read_property(
            os.path.join(ucd, "DerivedNormalizationProps.txt"), "Full_Composition_Exclusion")


def c_array(ctype, name, values, per_line=16):
    lines = ["extern const %s %s[%d] = {" % (ctype, name, len(values))]
    for i in range(0, len(values), per_line):
        lines.append("    " + ", ".join(str(v) for v in values[i:i + per_line]) + ",")
    lines.append("};")
    return "\n".join(lines)


def two_level(values):
    """Splits `values` into an index of block numbers and deduplicated blocks; the smallest."""
    best = None
    for shift in range(4, 11):
        size = 1 << shift
        blocks = {}
        index = []
        data = []
        for start in range(0, len(values), size):
            block = tuple(values[start:start + size])
            number = blocks.get(block)
            if number is None:
                number = blocks[block] = len(blocks)
                data.extend(block)
            index.append(number)
        cost = (len(index) + len(data)) * 2
        if best is None or cost < best[0]:
            best = (cost, shift, index, data)
    return best[1], best[2], best[3]


def write_properties(ucd, data, path):
    decomps = [0]  # index 0: no decomposition
    records = {}
    record_list = []
    per_cp = []
    for cp in range(MAX_CP):
        flags = 0
        if cp in data.xid_start:
            flags |= FLAG_XID_START
        if cp in data.xid_continue:
            flags |= FLAG_XID_CONTINUE
        if data.category[cp] not in NON_PRINTABLE_CATEGORIES or cp == 0x20:
            flags |= FLAG_PRINTABLE
        decomp_index = 0
        if cp in data.decomposition:
            is_compat, parts = data.decomposition[cp]
            decomp_index = len(decomps)
            decomps.append((len(parts) << 1) | (1 if is_compat else 0))
            decomps.extend(parts)
        record = (flags, data.ccc[cp], decomp_index)
        number = records.get(record)
        if number is None:
            number = records[record] = len(record_list)
            record_list.append(record)
        per_cp.append(number)
    assert len(record_list) < 65536 and len(decomps) < 65536
    shift, index, blocks = two_level(per_cp)

    pairs = []
    for cp, (is_compat, parts) in data.decomposition.items():
        if not is_compat and len(parts) == 2 and cp not in data.full_composition_exclusion:
            pairs.append(((parts[0] << 21) | parts[1], cp))
    pairs.sort()

    out = [
        "// Generated by python/unicode/unicode_gen.py from %s. Do not edit." % ucd,
        '#include "python/unicode/tables.h"',
        "",
        "namespace pyrite::unicode::tables {",
        "",
        'extern const char kVersion[] = "%s";' % read_version(ucd),
        "extern const int kBlockShift = %d;" % shift,
        c_array("uint16_t", "kBlockIndex", index, 32),
        c_array("uint16_t", "kBlocks", blocks, 32),
        "extern const int kRecordCount = %d;" % len(record_list),
        "extern const Record kRecords[%d] = {" % len(record_list),
    ]
    for flags, ccc, decomp_index in record_list:
        out.append("    {%d, %d, %d}," % (flags, ccc, decomp_index))
    out.append("};")
    out.append(c_array("char32_t", "kDecompositions", decomps))
    out.append("extern const int kCompositionCount = %d;" % len(pairs))
    out.append("extern const Composition kCompositions[%d] = {" % len(pairs))
    for key, cp in pairs:
        out.append("    {0x%xull, 0x%x}," % (key, cp))
    out.append("};")
    out.extend(ctype_tables(data))
    out.append("extern const int kCjkRangeCount = %d;" % len(data.cjk_ranges))
    out.append("extern const CodeRange kCjkRanges[%d] = {" % len(data.cjk_ranges))
    for first, last in data.cjk_ranges:
        out.append("    {0x%x, 0x%x}," % (first, last))
    out.append("};")
    out.append("")
    out.append("}  // namespace pyrite::unicode::tables")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def numeric_value(text):
    if "/" in text:
        num, den = text.split("/")
        return float(int(num)) / float(int(den))
    return float(text.replace(",", ""))


def ctype_tables(data):
    """The character-type records of every code point (tables.h CtypeRecord) and their index."""
    numerics = [-1.0]  # index 0: none
    numeric_index = {}
    case_extra = [0]  # index 0 unused
    extra_index = {}
    records = {}
    record_list = []
    per_cp = []

    def case_field(cp, mapped):
        if len(mapped) == 1:
            return mapped[0] - cp
        key = tuple(mapped)
        if key not in extra_index:
            extra_index[key] = len(case_extra)
            case_extra.append(len(mapped))
            case_extra.extend(mapped)
        return CASE_EXTENDED + extra_index[key]

    for cp in range(MAX_CP):
        category = data.category[cp]
        bidi = data.bidi[cp]
        flags = 0
        if category in ("Lu", "Ll", "Lt", "Lm", "Lo"):
            flags |= CT_ALPHA
        if cp in data.decimal:
            flags |= CT_DECIMAL
        if cp in data.digit:
            flags |= CT_DIGIT
        if cp in data.numeric:
            flags |= CT_NUMERIC
        if category == "Zs" or bidi in ("WS", "B", "S"):
            flags |= CT_SPACE
        if category == "Zl" or bidi == "B":
            flags |= CT_LINEBREAK
        if cp in data.uppercase:
            flags |= CT_UPPER
        if cp in data.lowercase:
            flags |= CT_LOWER
        if category == "Lt":
            flags |= CT_TITLE
        if cp in data.cased:
            flags |= CT_CASED
        if cp in data.case_ignorable:
            flags |= CT_CASE_IGNORABLE
        upper = data.upper.get(cp, cp)
        lower = data.lower.get(cp, cp)
        title = data.title.get(cp, upper)
        fold = data.case_folding.get(cp, [cp])
        special = data.special_casing.get(cp)
        if special is not None:
            lower_full, title_full, upper_full = special
        else:
            lower_full, title_full, upper_full = [lower], [title], [upper]
        numeric = 0
        if cp in data.numeric:
            value = numeric_value(data.numeric[cp])
            if value not in numeric_index:
                numeric_index[value] = len(numerics)
                numerics.append(value)
            numeric = numeric_index[value]
        record = (flags, CATEGORIES.index(category), data.decimal.get(cp, -1),
                  data.digit.get(cp, -1), numeric, case_field(cp, upper_full),
                  case_field(cp, lower_full), case_field(cp, title_full), case_field(cp, fold))
        number = records.get(record)
        if number is None:
            number = records[record] = len(record_list)
            record_list.append(record)
        per_cp.append(number)
    assert len(record_list) < 65536 and len(numerics) < 65536
    shift, index, blocks = two_level(per_cp)
    out = [
        "extern const char kCategoryNames[] = \"%s\";" % "".join(CATEGORIES),
        "extern const int kCtypeBlockShift = %d;" % shift,
        c_array("uint16_t", "kCtypeBlockIndex", index, 32),
        c_array("uint16_t", "kCtypeBlocks", blocks, 32),
        "extern const CtypeRecord kCtypeRecords[%d] = {" % len(record_list),
    ]
    for r in record_list:
        out.append("    {%d, %d, %d, %d, %d, %d, %d, %d, %d}," % r)
    out.append("};")
    out.append(c_array("double", "kNumericValues", [repr(v) for v in numerics], 8))
    out.append(c_array("char32_t", "kCaseExtra", case_extra))
    return out


# Name tables are text in a 90-symbol alphabet (printable ASCII from '#' without '?' and '\\'),
# so they need no escapes in the generated source: numbers in base 90, big-endian.
def symbol(value):
    assert 0 <= value < 90
    c = 0x23 + value
    if c >= ord("?"):
        c += 1
    if c >= ord("\\"):
        c += 1
    return chr(c)


def base90(value, width):
    digits = []
    for _ in range(width):
        digits.append(symbol(value % 90))
        value //= 90
    assert value == 0
    return "".join(reversed(digits))


def word_code(n):
    """Word numbers: < 60 in one symbol, < 2310 in two, < 42810 in three."""
    if n < 60:
        return symbol(n)
    if n < 2310:
        return symbol(60 + (n - 60) // 90) + symbol((n - 60) % 90)
    m = n - 2310
    assert m < 5 * 8100
    return symbol(85 + m // 8100) + base90(m % 8100, 2)


def c_text(name, text):
    lines = ["extern const char %s[%d] =" % (name, len(text) + 1)]
    for i in range(0, len(text), 90):
        lines.append('    "%s"' % text[i:i + 90])
    lines[-1] += ";"
    return "\n".join(lines)


def write_names(ucd, data, path):
    entries = [(name, cp) for cp, name in data.names.items()] + data.aliases
    entries.sort()
    for (a, _), (b, _) in zip(entries, entries[1:]):
        assert a != b, a
    for name, _ in entries:
        assert re.fullmatch(r"[A-Z0-9-]+( [A-Z0-9-]+)*", name), name
    counts = collections.Counter(word for name, _ in entries for word in name.split(" "))
    words = sorted(counts, key=lambda w: (-counts[w], w))
    word_number = {w: i for i, w in enumerate(words)}
    lexicon = " ".join(words) + " "
    word_offsets = []
    offset = 0
    for w in words:
        word_offsets.append(base90(offset, 3))
        offset += len(w) + 1
    names = []
    buckets = []
    length = 0
    for i, (name, cp) in enumerate(entries):
        if i % NAME_BUCKET == 0:
            buckets.append(base90(length, 4))
        parts = name.split(" ")
        record = symbol(len(parts)) + base90(cp, 4) + "".join(word_code(word_number[w]) for w in parts)
        names.append(record)
        length += len(record)
    out = [
        "// Generated by python/unicode/unicode_gen.py from %s. Do not edit." % ucd,
        '#include "python/unicode/tables.h"',
        "",
        "namespace pyrite::unicode::tables {",
        "",
        "extern const int kNameCount = %d;" % len(entries),
        "extern const int kNameBucket = %d;" % NAME_BUCKET,
        c_text("kLexicon", lexicon),
        c_text("kWordOffsets", "".join(word_offsets)),
        c_text("kNameBuckets", "".join(buckets)),
        c_text("kNames", "".join(names)),
        "",
        "}  // namespace pyrite::unicode::tables",
    ]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    ucd, properties_cc, names_cc = sys.argv[1:]
    data = UnicodeData(ucd)
    write_properties(ucd, data, properties_cc)
    write_names(ucd, data, names_cc)


if __name__ == "__main__":
    main()
