// Tests of literal values against CPython 3.11.2: every expectation below was computed by
// /usr/bin/python3.11 (ast.parse of the literal; SyntaxError messages verbatim).
#include "python/parser/literals.h"

#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <variant>

#include "gtest/gtest.h"

namespace pyrite::parser {
namespace {

using namespace std::string_view_literals;
using Kind = ast::ConstantValue::Kind;

constexpr Kind kInt = Kind::kInt;
constexpr Kind kFloat = Kind::kFloat;
constexpr Kind kComplex = Kind::kComplex;
constexpr double kInf = std::numeric_limits<double>::infinity();

struct NumberCase {
  std::string_view text;
  Kind kind;
  double number;
  std::string_view digits;
};

constexpr NumberCase kNumberCases[] = {
    {"0"sv, kInt, 0, "0"sv},
    {"00"sv, kInt, 0, "0"sv},
    {"0_0"sv, kInt, 0, "0"sv},
    {"0b1010"sv, kInt, 0, "10"sv},
    {"0B_1"sv, kInt, 0, "1"sv},
    {"0o17"sv, kInt, 0, "15"sv},
    {"0O17"sv, kInt, 0, "15"sv},
    {"0XfF"sv, kInt, 0, "255"sv},
    {"0x_f"sv, kInt, 0, "15"sv},
    {"1_000"sv, kInt, 0, "1000"sv},
    {"0x00ff"sv, kInt, 0, "255"sv},
    {"123456789012345678901234567890"sv, kInt, 0, "123456789012345678901234567890"sv},
    {"9007199254740993"sv, kInt, 0, "9007199254740993"sv},
    {"0b1111111111111111111111111111111111111111111111111111111111"
     "111111111111111111111111111111111111111111111111111111111111"
     "111111111111111111111111111111111111111111111111111111111111"
     "1111111111111111111111"sv,
     kInt, 0,
     "160693804425899027554196209234116260252220299378279283530137"
     "5"sv},
    {"0o7777777777777777777777777777777777777777777777777777777777"
     "777777777777777777777777777777777777777777777777777777777777"
     "77777777777777777777777777777777"sv,
     kInt, 0,
     "290735489718242756219729523155201813741456544274927224112596"
     "079672255715245359169330476420285505426224305008642506471173"
     "4138406514458623"sv},
    {"0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
     "ff"sv,
     kInt, 0,
     "172184794563857506180673776960526354835799247454486899217332"
     "368164007406912417456193974845372360461732863709190319615877"
     "885849272908166610249916098827287173446595034716559908808846"
     "798965200551239064670644190565262313456852682405692098925737"
     "660379665847351837757394339787145785877827013807972407724776"
     "478745559867127462713628922275162053189144359135111410362613"
     "75"sv},
    {"0xdeadbeefcafebabe1234567890abcdef"sv, kInt, 0, "295990755076957304699390954000840642031"sv},
    {"0x0"sv, kInt, 0, "0"sv},
    {"0b0_0"sv, kInt, 0, "0"sv},
    {"1e5000"sv, kFloat, kInf, ""},
    {"1e-5000"sv, kFloat, 0x0.0p+0, ""},
    {"1e-320"sv, kFloat, 0x0.00000000007e8p-1022, ""},
    {"0e0"sv, kFloat, 0x0.0p+0, ""},
    {"1_000.000_1"sv, kFloat, 0x1.f4000346dc5d6p+9, ""},
    {"0777.5"sv, kFloat, 0x1.84c0000000000p+9, ""},
    {"0777e1"sv, kFloat, 0x1.e5a0000000000p+12, ""},
    {"1."sv, kFloat, 0x1.0000000000000p+0, ""},
    {".5"sv, kFloat, 0x1.0000000000000p-1, ""},
    {"1E+5"sv, kFloat, 0x1.86a0000000000p+16, ""},
    {"2.5e-3"sv, kFloat, 0x1.47ae147ae147bp-9, ""},
    {"0.1"sv, kFloat, 0x1.999999999999ap-4, ""},
    {"4.9406564584124654e-324"sv, kFloat, 0x0.0000000000001p-1022, ""},
    {"2.4703282292062328e-324"sv, kFloat, 0x0.0000000000001p-1022, ""},
    {"2.4703282292062327e-324"sv, kFloat, 0x0.0p+0, ""},
    {"1.7976931348623158e308"sv, kFloat, 0x1.fffffffffffffp+1023, ""},
    {"1.7976931348623159e308"sv, kFloat, kInf, ""},
    {"0.000000000000000000000000000000000000000000001e-290"sv, kFloat, 0x0.0p+0, ""},
    {"10000000000000000000000000000000000e-340"sv, kFloat, 0x1.6789e3750f791p-1017, ""},
    {"0e999999999999999999999"sv, kFloat, 0x0.0p+0, ""},
    {"1e-9999999999999"sv, kFloat, 0x0.0p+0, ""},
    {"0.30000000000000004"sv, kFloat, 0x1.3333333333334p-2, ""},
    {"3.141592653589793238462643383279"sv, kFloat, 0x1.921fb54442d18p+1, ""},
    {"1_0e1_0"sv, kFloat, 0x1.74876e8000000p+36, ""},
    {"123.456e-7"sv, kFloat, 0x1.9e3fe580f5494p-17, ""},
    {"0777j"sv, kComplex, 0x1.8480000000000p+9, ""},
    {"1e400j"sv, kComplex, kInf, ""},
    {".5j"sv, kComplex, 0x1.0000000000000p-1, ""},
    {"1.j"sv, kComplex, 0x1.0000000000000p+0, ""},
    {"0j"sv, kComplex, 0x0.0p+0, ""},
    {"00j"sv, kComplex, 0x0.0p+0, ""},
    {"1e-400j"sv, kComplex, 0x0.0p+0, ""},
    {"3J"sv, kComplex, 0x1.8000000000000p+1, ""},
    {"1_2.5_0j"sv, kComplex, 0x1.9000000000000p+3, ""},
    {"999999999999999999999999999999999999999999999999999999999999"
     "999999999999999999999999999999999999999999999999999999999999"
     "999999999999999999999999999999999999999999999999999999999999"
     "999999999999999999999999999999999999999999999999999999999999"
     "999999999999999999999999999999999999999999999999999999999999"
     "999999999999999999999999999999999999999999999999999999999999"
     "9999999999999999999999999999999999999999.0"sv,
     kFloat, kInf, ""},
};

TEST(ParseNumberTest, MatchesCpython) {
  for (const NumberCase& c : kNumberCases) {
    Arena arena;
    auto result = ParseNumber(c.text, arena);
    ASSERT_EQ(result.index(), 0u) << c.text << ": " << std::get<1>(result);
    const ast::ConstantValue& value = std::get<0>(result);
    EXPECT_EQ(value.kind, c.kind) << c.text;
    if (c.kind == kInt) {
      EXPECT_EQ(value.text, c.digits) << c.text;
    } else {
      EXPECT_EQ(value.number, c.number) << c.text;
      EXPECT_EQ(std::signbit(value.number), std::signbit(c.number)) << c.text;
    }
  }
}

TEST(ParseNumberTest, DecimalDigitLimit) {
  Arena arena;
  const std::string at_limit(4300, '7');
  auto ok = ParseNumber(at_limit, arena);
  ASSERT_EQ(ok.index(), 0u);
  EXPECT_EQ(std::get<0>(ok).text, at_limit);

  EXPECT_EQ(std::get<1>(ParseNumber(std::string(5000, '1'), arena)),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 "
            "digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
            "hexadecimal for huge integer literals to avoid decimal conversion limits.");
  // Underscores do not count.
  EXPECT_EQ(std::get<1>(ParseNumber("1_" + std::string(4300, '1'), arena)),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 "
            "digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
            "hexadecimal for huge integer literals to avoid decimal conversion limits.");
  // Zeros, floats and imaginary literals have no limit.
  EXPECT_EQ(std::get<0>(ParseNumber(std::string(5000, '0'), arena)).text, "0");
  EXPECT_EQ(std::get<0>(ParseNumber(std::string(5000, '1') + ".0", arena)).number, kInf);
  EXPECT_EQ(std::get<0>(ParseNumber(std::string(5000, '1') + "j", arena)).number, kInf);
}

TEST(ParseNumberTest, HugeNonDecimalIntegers) {
  // Limits do not apply to bases 2, 8 and 16; str(int('f' * 5000, 16)) has 6021 digits.
  Arena arena;
  for (const std::string& text : {"0x" + std::string(5000, 'f'), "0b" + std::string(20000, '1')}) {
    auto result = ParseNumber(text, arena);
    ASSERT_EQ(result.index(), 0u);
    const std::string_view digits = std::get<0>(result).text;
    EXPECT_EQ(digits.size(), 6021u);
    EXPECT_EQ(digits.substr(0, 30), "398027684033796659235430720619");
    EXPECT_EQ(digits.substr(digits.size() - 30), "869570675234892321663406309375");
  }
}

struct StringCase {
  std::string_view body;
  bool raw;
  bool is_bytes;
  bool ok;
  std::string_view expected;  // the value (UTF-8, surrogates as 3 bytes) or the error message
};

constexpr StringCase kStringCases[] = {
    {"\\x4"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-2: truncated \\xXX escape"sv},
    {"\\x"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-1: truncated \\xXX escape"sv},
    {"\\x4g"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-2: truncated \\xXX escape"sv},
    {"\\N{NOT A NAME}"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-13: unknown Unicode character name"sv},
    {"\\U00110000"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-9: illegal Unicode character"sv},
    {"\303\251"sv, false, true, false, "bytes can only contain ASCII literal characters"sv},
    {"\303\251"sv, true, true, false, "bytes can only contain ASCII literal characters"sv},
    {"\\N"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-1: malformed \\N character escape"sv},
    {"\\Nx"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-1: malformed \\N character escape"sv},
    {"\\N{}"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-2: malformed \\N character escape"sv},
    {"\\N{abc"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-5: malformed \\N character escape"sv},
    {"\303\251\\x4"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 10-12: truncated \\xXX escape"sv},
    {"\\\303\251"sv, false, false, true, "\\\303\251"sv},
    {"\\u12"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-3: truncated \\uXXXX escape"sv},
    {"\\U1234567"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-8: truncated \\UXXXXXXXX escape"sv},
    {"\\777"sv, false, false, true, "\307\277"sv},
    {"\\777"sv, false, true, true, "\377"sv},
    {"\\x4"sv, false, true, false, "(value error) invalid \\x escape at position 0"sv},
    {"a\\x4g"sv, false, true, false, "(value error) invalid \\x escape at position 1"sv},
    {"\\N{DASH}"sv, false, true, true, "\\N{DASH}"sv},
    {"\\ud800"sv, false, false, true, "\355\240\200"sv},
    {"\\z"sv, false, false, true, "\\z"sv},
    {"a\\\012b"sv, false, false, true, "ab"sv},
    {"\\u1234"sv, false, true, true, "\\u1234"sv},
    {"\\0"sv, false, false, true, "\000"sv},
    {"\\08"sv, false, false, true, "\0008"sv},
    {"\\8"sv, false, false, true, "\\8"sv},
    {"\\N{LATIN SMALL LETTER A}\\N{EM DASH}"sv, false, false, true, "a\342\200\224"sv},
    {"\\x41\\101\\u0041\\U00000041"sv, false, false, true, "AAAA"sv},
    {"\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\""sv, false, false, true,
     "\007\010\014\012\015\011\013\\'\""sv},
    {"\\a\\b\\f\\n\\r\\t\\v\\\\\\x7f\\xff"sv, false, true, true,
     "\007\010\014\012\015\011\013\\\177\377"sv},
    {"a\\x4"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 1-3: truncated \\xXX escape"sv},
    {"\\x\303\251"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-1: truncated \\xXX escape"sv},
    {"\\N{\303\251}"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-13: unknown Unicode character name"sv},
    {"\\N{ DASH}"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-8: unknown Unicode character name"sv},
    {"\\x4"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-2: truncated \\xXX escape"sv},
    {"\\x4"sv, true, true, true, "\\x4"sv},
    {"\\x4"sv, true, false, true, "\\x4"sv},
    {"\\u00e9\\U0001F600"sv, false, false, true, "\303\251\360\237\230\200"sv},
    {"\\N{\303\251"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-12: malformed \\N character escape"sv},
    {"\\ud800\\udc00"sv, false, false, true, "\355\240\200\355\260\200"sv},
    {"\\U0000d800"sv, false, false, true, "\355\240\200"sv},
    {"\\x"sv, false, true, false, "(value error) invalid \\x escape at position 0"sv},
    {"\\xg0"sv, false, true, false, "(value error) invalid \\x escape at position 0"sv},
    {"\\N{LATIN SMALL LETTER A"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-22: malformed \\N character escape"sv},
    {"\\N{NUL}\\N{null}\\N{lf}"sv, false, false, true, "\000\000\012"sv},
    {"\\N{EM DASH}\\x4"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 11-13: truncated \\xXX escape"sv},
    {"\\x4\\x4"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-2: truncated \\xXX escape"sv},
    {"\\UFFFFFFFF"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-9: illegal Unicode character"sv},
    {"plain"sv, false, false, true, "plain"sv},
    {""sv, false, false, true, ""sv},
    {"multi\012line\\n"sv, false, false, true, "multi\012line\012"sv},
    {"raw\\x4"sv, true, true, true, "raw\\x4"sv},
    {"\\x41\\x4a\\x4A"sv, false, true, true, "AJJ"sv},
    {"\\x4a\\x4A"sv, false, false, true, "JJ"sv},
    {"\\u20ac\\U0001f600"sv, false, false, true, "\342\202\254\360\237\230\200"sv},
    {"\303\251\\N{EM DASH}\303\274"sv, false, false, true, "\303\251\342\200\224\303\274"sv},
    {"\\N{CJK UNIFIED IDEOGRAPH-4E00}"sv, false, false, true, "\344\270\200"sv},
    {"\\N{HANGUL SYLLABLE GAG}"sv, false, false, true, "\352\260\201"sv},
    {"\\N{hangul syllable gag}"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-22: unknown Unicode character name"sv},
    {"\\N{LATIN SMALL LETTER A}"sv, false, false, true, "a"sv},
    {"\\N{latin small letter a}"sv, false, false, true, "a"sv},
    {"\303\274\\x"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 10-11: truncated \\xXX escape"sv},
    {"\303\274\\\303\274"sv, false, false, true, "\303\274\\\303\274"sv},
    {"\\\\\303\251"sv, false, false, true, "\\\303\251"sv},
    {"\\1\\12\\123\\1234"sv, false, false, true, "\001\012SS4"sv},
    {"\\1\\12\\123\\1234\\400"sv, false, true, true, "\001\012SS4\000"sv},
    {"\\9"sv, false, false, true, "\\9"sv},
    {"\\9\\z"sv, false, true, true, "\\9\\z"sv},
    {"a\\\012b\\\012"sv, false, false, true, "ab"sv},
    {"a\\\012b"sv, false, true, true, "ab"sv},
    {"a\\\012"sv, false, false, true, "a"sv},
    {"\\U0010ffff"sv, false, false, true, "\364\217\277\277"sv},
    {"\\udfff\\ud83d"sv, false, false, true, "\355\277\277\355\240\275"sv},
    {"\\N{BYTE ORDER MARK}"sv, false, false, true, "\357\273\277"sv},
    {"\\N{LINE FEED}"sv, false, false, true, "\012"sv},
    {"\\N{LF}\\N{NEL}"sv, false, false, true, "\012\302\205"sv},
    {"\346\227\245\346\234\254\350\252\236"sv, false, false, true,
     "\346\227\245\346\234\254\350\252\236"sv},
    {"\\xzz"sv, false, true, false, "(value error) invalid \\x escape at position 0"sv},
    {"\\x0"sv, false, true, false, "(value error) invalid \\x escape at position 0"sv},
    {"\\u"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-1: truncated \\uXXXX escape"sv},
    {"\\U"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-1: truncated \\UXXXXXXXX escape"sv},
    {"\\N{ }"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-4: unknown Unicode character name"sv},
    {"\\N{EM DASH"sv, false, false, false,
     "(unicode error) 'unicodeescape' codec can't decode bytes in "
     "position 0-9: malformed \\N character escape"sv},
    {"\\N{EM DASH}}"sv, false, false, true, "\342\200\224}"sv},
    {"{\\N{EM DASH}}"sv, false, false, true, "{\342\200\224}"sv},
    {"\\ "sv, false, false, true, "\\ "sv},
};

TEST(DecodeStringBodyTest, MatchesCpython) {
  for (const StringCase& c : kStringCases) {
    Arena arena;
    auto result = DecodeStringBody(c.body, c.raw, c.is_bytes, arena);
    if (c.ok) {
      ASSERT_EQ(result.index(), 0u) << c.body << ": " << std::get<1>(result);
      EXPECT_EQ(std::get<0>(result), c.expected) << c.body;
    } else {
      ASSERT_EQ(result.index(), 1u) << c.body;
      EXPECT_EQ(std::get<1>(result), c.expected) << c.body;
    }
  }
}

TEST(DecodeStringBodyTest, ValueLivesInTheArena) {
  Arena arena;
  std::string body = "plain";
  auto result = DecodeStringBody(body, false, false, arena);
  body = "xxxxx";
  EXPECT_EQ(std::get<0>(result), "plain");
}

}  // namespace
}  // namespace pyrite::parser
