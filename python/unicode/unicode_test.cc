// Tests of //python/unicode against CPython 3.11's unicodedata and str methods: every code point's
// identifier and printable classes, NFKC of every code point NFKC changes and of tricky strings,
// and name lookups, all read from unicode_ref.txt (written by unicode_ref_gen.py under the
// reference interpreter), plus hand-written cases for aliases and rejected names.
#include "python/unicode/unicode.h"
#include "python/unicode/utf8.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace pyrite::unicode {
namespace {

std::vector<std::string> ReferenceLines(char kind) {
  std::ifstream in("python/unicode/unicode_ref.txt");
  EXPECT_TRUE(in.good()) << "unicode_ref.txt missing from runfiles";
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == kind) lines.push_back(line.substr(2));
  }
  return lines;
}

std::string FromHex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

std::string ToHex(const std::string& bytes) {
  std::string out;
  char buf[3];
  for (unsigned char c : bytes) {
    std::snprintf(buf, sizeof buf, "%02x", c);
    out += buf;
  }
  return out;
}

std::string Utf8(char32_t cp) {
  std::string out;
  AppendUtf8(out, cp);
  return out;
}

TEST(UnicodeTest, DataVersion) {
  EXPECT_EQ(DataVersion(), "15.0.0");
  // The reference interpreter is one version behind; the tests skip what 15.0 added.
  EXPECT_EQ(ReferenceLines('V'), std::vector<std::string>{"14.0.0"});
}

TEST(UnicodeTest, ClassesOfEveryCodePointMatchCpython) {
  std::vector<std::pair<long, int>> runs;
  for (const std::string& line : ReferenceLines('F')) {
    std::istringstream in(line);
    long first;
    int flags;
    in >> first >> flags;
    runs.push_back({first, flags});
  }
  ASSERT_GT(runs.size(), 1000u);
  runs.push_back({0x110000, 0});
  int mismatches = 0;
  int compared = 0;
  for (size_t r = 0; r + 1 < runs.size(); ++r) {
    const int flags = runs[r].second;
    if (flags < 0) continue;
    for (long cp = runs[r].first; cp < runs[r + 1].first; ++cp) {
      const auto c = static_cast<char32_t>(cp);
      const int got =
          (IsXidStart(c) ? 1 : 0) | (IsXidContinue(c) ? 2 : 0) | (IsPrintable(c) ? 4 : 0);
      ++compared;
      if (got != flags && ++mismatches < 20) {
        ADD_FAILURE() << "U+" << std::hex << cp << ": got " << got << ", CPython " << flags;
      }
    }
  }
  EXPECT_EQ(mismatches, 0);
  EXPECT_GT(compared, 1100000);
}

// The str-method view of one code point, as unicode_ref_gen.py computes it with CPython.
int StrFlags(char32_t c) {
  const bool upper = IsUpper(c) && !IsLower(c) && !IsTitle(c);
  const bool lower = IsLower(c) && !IsUpper(c) && !IsTitle(c);
  const bool boundary = c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e ||
                        c == 0x85 || c == 0x2028 || c == 0x2029 || c == '\n' || c == '\r';
  return (IsAlpha(c) ? 1 : 0) | (IsDecimal(c) ? 2 : 0) | (IsDigit(c) ? 4 : 0) |
         (IsNumeric(c) ? 8 : 0) | (IsSpace(c) ? 16 : 0) | (upper ? 32 : 0) | (lower ? 64 : 0) |
         (IsUpper(c) || IsTitle(c) ? 128 : 0) | (boundary ? 256 : 0);
}

TEST(UnicodeTest, CharacterTypesOfEveryCodePointMatchCpython) {
  struct Run {
    long first;
    int flags;
    std::string category;
  };
  std::vector<Run> runs;
  for (const std::string& line : ReferenceLines('P')) {
    std::istringstream in(line);
    Run r;
    in >> r.first >> r.flags >> r.category;
    runs.push_back(r);
  }
  ASSERT_GT(runs.size(), 1000u);
  runs.push_back({0x110000, 0, ""});
  int mismatches = 0;
  int compared = 0;
  for (size_t r = 0; r + 1 < runs.size(); ++r) {
    if (runs[r].flags < 0) continue;
    for (long cp = runs[r].first; cp < runs[r + 1].first; ++cp) {
      const auto c = static_cast<char32_t>(cp);
      // Unicode 15.0 made these modifier letters Other_Lowercase; 14.0 did not.
      if (c == 0x10FC || (c >= 0xA7F2 && c <= 0xA7F4) || c == 0xAB69) continue;
      const int got = StrFlags(c);
      ++compared;
      if ((got != runs[r].flags || Category(c) != runs[r].category) && ++mismatches < 20) {
        ADD_FAILURE() << "U+" << std::hex << cp << ": got " << got << " " << Category(c)
                      << ", CPython " << runs[r].flags << " " << runs[r].category;
      }
    }
  }
  EXPECT_EQ(mismatches, 0);
  EXPECT_GT(compared, 1100000);
}

TEST(UnicodeTest, NumericValuesMatchCpython) {
  int mismatches = 0;
  std::vector<bool> seen(0x110000);
  for (const std::string& line : ReferenceLines('D')) {
    std::istringstream in(line);
    long cp;
    int decimal, digit;
    double numeric;
    in >> cp >> decimal >> digit >> numeric;
    seen[cp] = true;
    const auto c = static_cast<char32_t>(cp);
    if ((DecimalValue(c) != decimal || DigitValue(c) != digit ||
         std::abs(NumericValue(c) - numeric) > 1e-9 * std::abs(numeric)) &&
        ++mismatches < 20) {
      ADD_FAILURE() << "U+" << std::hex << cp << ": got " << DecimalValue(c) << " "
                    << DigitValue(c) << " " << NumericValue(c) << ", CPython " << line;
    }
  }
  EXPECT_EQ(mismatches, 0);
  EXPECT_EQ(DecimalValue('7'), 7);
  EXPECT_EQ(DecimalValue(0x0663), 3);  // ARABIC-INDIC DIGIT THREE
  EXPECT_EQ(DecimalValue('a'), -1);
  EXPECT_EQ(NumericValue(0x00BD), 0.5);
}

std::u32string Mapped(int (*map)(char32_t, char32_t*), char32_t c) {
  char32_t buf[3];
  const int n = map(c, buf);
  return std::u32string(buf, static_cast<size_t>(n));
}

std::u32string ParseCps(const std::string& text) {
  std::u32string out;
  std::istringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) out.push_back(static_cast<char32_t>(std::stoul(part, nullptr, 16)));
  return out;
}

TEST(UnicodeTest, CaseMappingsMatchCpython) {
  int mismatches = 0;
  int compared = 0;
  for (const std::string& line : ReferenceLines('M')) {
    std::istringstream in(line);
    long cp;
    std::string upper, lower, title, fold;
    in >> cp >> upper >> lower >> title >> fold;
    const auto c = static_cast<char32_t>(cp);
    ++compared;
    if ((Mapped(ToUpperFull, c) != ParseCps(upper) || Mapped(ToLowerFull, c) != ParseCps(lower) ||
         Mapped(ToTitleFull, c) != ParseCps(title) || Mapped(ToFoldedFull, c) != ParseCps(fold)) &&
        ++mismatches < 20) {
      ADD_FAILURE() << "U+" << std::hex << cp << ": CPython " << line;
    }
  }
  EXPECT_EQ(mismatches, 0);
  EXPECT_GT(compared, 2000);
  EXPECT_EQ(Mapped(ToUpperFull, 0xDF), U"SS");
  EXPECT_EQ(Mapped(ToLowerFull, 'A'), U"a");
  EXPECT_EQ(Mapped(ToUpperFull, 'z'), U"Z");
}

TEST(UnicodeTest, SpotChecks) {
  EXPECT_TRUE(IsXidStart('a'));
  EXPECT_TRUE(IsXidStart('_'));
  EXPECT_FALSE(IsXidStart('1'));
  EXPECT_TRUE(IsXidContinue('1'));
  EXPECT_TRUE(IsXidStart(U'é'));
  EXPECT_FALSE(IsXidStart(0x110000));
  EXPECT_TRUE(IsPrintable(' '));
  EXPECT_FALSE(IsPrintable(0xA0));
  EXPECT_FALSE(IsPrintable('\n'));
  EXPECT_FALSE(IsPrintable(0xD800));
  EXPECT_FALSE(IsPrintable(0xE000));
  EXPECT_FALSE(IsPrintable(0x2028));
  EXPECT_FALSE(IsPrintable(0xFEFF));
  EXPECT_TRUE(IsPrintable(0x4E00));
  EXPECT_FALSE(IsPrintable(0x10FFFF));
}

TEST(UnicodeTest, NfkcOfEveryChangedCodePointMatchesCpython) {
  const std::vector<std::string> lines = ReferenceLines('K');
  ASSERT_GT(lines.size(), 4000u);
  int mismatches = 0;
  for (const std::string& line : lines) {
    std::istringstream in(line);
    long cp;
    std::string hex;
    in >> cp >> hex;
    const std::string got = ToHex(NormalizeNfkc(Utf8(static_cast<char32_t>(cp))));
    if (got != hex && ++mismatches < 20) {
      ADD_FAILURE() << "U+" << std::hex << cp << ": got " << got << ", CPython " << hex;
    }
  }
  EXPECT_EQ(mismatches, 0);
}

TEST(UnicodeTest, NfkcOfTrickyStringsMatchesCpython) {
  const std::vector<std::string> lines = ReferenceLines('S');
  ASSERT_GT(lines.size(), 20u);
  for (const std::string& line : lines) {
    std::istringstream in(line);
    std::string input, expected;
    in >> input >> expected;
    EXPECT_EQ(ToHex(NormalizeNfkc(FromHex(input))), expected) << "input " << input;
  }
}

TEST(UnicodeTest, NfkcExamples) {
  EXPECT_EQ(NormalizeNfkc("spam"), "spam");
  EXPECT_EQ(NormalizeNfkc(""), "");
  EXPECT_EQ(NormalizeNfkc("ﬁle"), "file");
  EXPECT_EQ(NormalizeNfkc("ℌ"), "H");
  EXPECT_EQ(NormalizeNfkc("\u1100\u1161\u11a8"), "각");
  EXPECT_EQ(NormalizeNfkc("e\u0301"), "é");
  // Malformed UTF-8 becomes U+FFFD rather than being dropped.
  EXPECT_EQ(NormalizeNfkc("\xff\xc3"), "\uFFFD\uFFFD");
}

TEST(UnicodeTest, LookupOfEveryNameMatchesCpython) {
  const std::vector<std::string> lines = ReferenceLines('L');
  ASSERT_GT(lines.size(), 30000u);
  int mismatches = 0;
  for (const std::string& line : lines) {
    const size_t space = line.find(' ');
    const long cp = std::stol(line.substr(0, space));
    const std::string name = line.substr(space + 1);
    const std::optional<char32_t> got = LookupName(name);
    if ((!got || *got != static_cast<char32_t>(cp)) && ++mismatches < 20) {
      ADD_FAILURE() << name << ": got " << (got ? static_cast<long>(*got) : -1L) << ", CPython "
                    << cp;
    }
  }
  EXPECT_EQ(mismatches, 0);
}

// Expectations from /usr/bin/python3.11: unicodedata.lookup and "\N{...}" literals.
TEST(UnicodeTest, LookupAliasesAndRejections) {
  EXPECT_EQ(LookupName("NULL"), U'\0');
  EXPECT_EQ(LookupName("null"), U'\0');
  EXPECT_EQ(LookupName("NUL"), U'\0');
  EXPECT_EQ(LookupName("BYTE ORDER MARK"), U'\uFEFF');
  EXPECT_EQ(LookupName("LATIN CAPITAL LETTER GHA"), U'\u01A2');
  EXPECT_EQ(LookupName("LINE FEED"), U'\n');
  EXPECT_EQ(LookupName("lf"), U'\n');
  EXPECT_EQ(LookupName("latin small letter a"), U'a');
  EXPECT_EQ(LookupName("Latin Small Letter A"), U'a');
  EXPECT_EQ(LookupName("hangul jungseong o-e"), U'\u1180');
  EXPECT_EQ(LookupName("HANGUL SYLLABLE GAG"), U'\uAC01');
  EXPECT_EQ(LookupName("HANGUL SYLLABLE YAE"), U'\uC598');
  EXPECT_EQ(LookupName("HANGUL SYLLABLE A"), U'\uC544');
  EXPECT_EQ(LookupName("CJK UNIFIED IDEOGRAPH-04E00"), U'\u4E00');
  EXPECT_EQ(LookupName("CJK UNIFIED IDEOGRAPH-9FFF"), U'\u9FFF');
  EXPECT_EQ(LookupName("CJK COMPATIBILITY IDEOGRAPH-F900"), U'\uF900');
  EXPECT_EQ(LookupName("cjk compatibility ideograph-f900"), U'\uF900');
  EXPECT_EQ(LookupName("KHITAN SMALL SCRIPT CHARACTER-18B00"), U'\U00018B00');
  for (const char* rejected :
       {"", "NOT A NAME", "LATIN SMALL LETTER A ", " LATIN SMALL LETTER A", "LATIN  SMALL LETTER A",
        "LATIN SMALL LETTER", "hangul syllable gag", "HANGUL SYLLABLE gag", "HANGUL SYLLABLE ",
        "HANGUL SYLLABLE GAGX", "cjk unified ideograph-4e00", "CJK UNIFIED IDEOGRAPH-4e00",
        "CJK UNIFIED IDEOGRAPH-4E0", "CJK UNIFIED IDEOGRAPH-A000", "TANGUT IDEOGRAPH-17000",
        "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "ZZZZ", "A"}) {
    EXPECT_EQ(LookupName(rejected), std::nullopt) << rejected;
  }
}

}  // namespace
}  // namespace pyrite::unicode
