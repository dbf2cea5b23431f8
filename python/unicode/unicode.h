// Unicode character database queries, answered from tables generated at build time from Debian's
// unicode-data package (UnicodeData.txt, DerivedCoreProperties.txt, NameAliases.txt, ...).
// Code points are char32_t; text is UTF-8.
#ifndef PYRITE_PYTHON_UNICODE_UNICODE_H_
#define PYRITE_PYTHON_UNICODE_UNICODE_H_

#include <optional>
#include <string>
#include <string_view>

namespace pyrite::unicode {

// The version of the data the tables were generated from, e.g. "15.0.0".
std::string_view DataVersion();

// XID_Start / XID_Continue (identifiers, PEP 3131). Python also accepts '_' as a start.
bool IsXidStart(char32_t cp);
bool IsXidContinue(char32_t cp);

// str.isprintable() for one code point: false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs
// except ' ' (U+0020). repr() escapes exactly the non-printable ones.
bool IsPrintable(char32_t cp);

// The general category, two letters ("Lu", "Nd", "Cn" for unassigned code points).
std::string_view Category(char32_t cp);

// Character classes as CPython's str methods define them (Objects/unicodectype.c).
bool IsSpace(char32_t cp);      // str.isspace: bidirectional class WS, B or S, or category Zs
bool IsLinebreak(char32_t cp);  // a str.splitlines boundary: bidirectional B or category Zl
bool IsAlpha(char32_t cp);      // categories Lu, Ll, Lt, Lm, Lo
bool IsDecimal(char32_t cp);    // has a decimal digit value (UnicodeData field 6)
bool IsDigit(char32_t cp);      // has a digit value (field 7)
bool IsNumeric(char32_t cp);    // has a numeric value (field 8 or Unihan's numeric values)
bool IsUpper(char32_t cp);      // the Uppercase property
bool IsLower(char32_t cp);      // the Lowercase property
bool IsTitle(char32_t cp);      // category Lt
bool IsCased(char32_t cp);      // the Cased property (final sigma rule, istitle)
bool IsCaseIgnorable(char32_t cp);  // the Case_Ignorable property

// Values: -1 (or -1.0) when the code point has none.
int DecimalValue(char32_t cp);  // 0..9, what int() and float() accept as digits
int DigitValue(char32_t cp);
double NumericValue(char32_t cp);

// Full case mappings (SpecialCasing.txt without its conditional entries, then UnicodeData's
// simple mappings) and full case folding (CaseFolding.txt statuses C and F). Each writes the
// 1 to 3 code points of the mapping to `out` and returns how many.
int ToLowerFull(char32_t cp, char32_t out[3]);
int ToUpperFull(char32_t cp, char32_t out[3]);
int ToTitleFull(char32_t cp, char32_t out[3]);
int ToFoldedFull(char32_t cp, char32_t out[3]);

// "\N{...}" lookup as CPython's unicodedata.lookup does for string literals: names, name aliases,
// and the algorithmic names (CJK UNIFIED IDEOGRAPH-XXXX, HANGUL SYLLABLE ...); case-insensitive.
// Named sequences are not accepted (CPython rejects them in literals).
std::optional<char32_t> LookupName(std::string_view name);

// Normalisation form KC of UTF-8 text (identifiers are NFKC-normalised by the parser).
std::string NormalizeNfkc(std::string_view utf8);

}  // namespace pyrite::unicode

#endif  // PYRITE_PYTHON_UNICODE_UNICODE_H_
