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

// "\N{...}" lookup as CPython's unicodedata.lookup does for string literals: names, name aliases,
// and the algorithmic names (CJK UNIFIED IDEOGRAPH-XXXX, HANGUL SYLLABLE ...); case-insensitive.
// Named sequences are not accepted (CPython rejects them in literals).
std::optional<char32_t> LookupName(std::string_view name);

// Normalisation form KC of UTF-8 text (identifiers are NFKC-normalised by the parser).
std::string NormalizeNfkc(std::string_view utf8);

}  // namespace pyrite::unicode

#endif  // PYRITE_PYTHON_UNICODE_UNICODE_H_
