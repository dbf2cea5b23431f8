// Tests for constant_repr: every expectation was printed by CPython 3.11's repr().
#include "python/parser/constant_repr.h"

#include <limits>
#include <string>
#include <string_view>

#include "gtest/gtest.h"
#include "python/parser/constant.h"

namespace pyrite::parser {
namespace {

using ast::ConstantValue;

std::string FloatRepr(double v) {
  std::string out;
  AppendFloatRepr(v, out);
  return out;
}

std::string ImagRepr(double v) {
  std::string out;
  AppendImaginaryRepr(v, out);
  return out;
}

std::string StrRepr(std::string_view s) {
  std::string out;
  AppendStrRepr(s, out);
  return out;
}

std::string BytesRepr(std::string_view s) {
  std::string out;
  AppendBytesRepr(s, out);
  return out;
}

ConstantValue Value(ConstantValue::Kind kind, std::string_view text = {}, double number = 0) {
  ConstantValue v;
  v.kind = kind;
  v.text = text;
  v.number = number;
  return v;
}

TEST(ConstantReprTest, Singletons) {
  EXPECT_EQ(ConstantRepr(Value(ConstantValue::Kind::kNone)), "None");
  EXPECT_EQ(ConstantRepr(Value(ConstantValue::Kind::kTrue)), "True");
  EXPECT_EQ(ConstantRepr(Value(ConstantValue::Kind::kFalse)), "False");
  EXPECT_EQ(ConstantRepr(Value(ConstantValue::Kind::kEllipsis)), "Ellipsis");
}

TEST(ConstantReprTest, ValuesByKind) {
  EXPECT_EQ(ConstantRepr(Value(ConstantValue::Kind::kInt, "0")), "0");
  EXPECT_EQ(ConstantRepr(Value(ConstantValue::Kind::kInt, "123456789012345678901234567890")),
            "123456789012345678901234567890");
  EXPECT_EQ(ConstantRepr(Value(ConstantValue::Kind::kFloat, {}, 0.5)), "0.5");
  EXPECT_EQ(ConstantRepr(Value(ConstantValue::Kind::kComplex, {}, 2)), "2j");
  EXPECT_EQ(ConstantRepr(Value(ConstantValue::Kind::kStr, "x")), "'x'");
  EXPECT_EQ(ConstantRepr(Value(ConstantValue::Kind::kBytes, "x")), "b'x'");
}

TEST(ConstantReprTest, NegativeAndNan) {
  EXPECT_EQ(FloatRepr(-0.0), "-0.0");
  EXPECT_EQ(FloatRepr(-1.5e-7), "-1.5e-07");
  EXPECT_EQ(FloatRepr(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(FloatRepr(std::numeric_limits<double>::quiet_NaN()), "nan");
}

TEST(ConstantReprTest, Floats) {
  EXPECT_EQ(FloatRepr(0.0), "0.0");
  EXPECT_EQ(FloatRepr(0.1), "0.1");
  EXPECT_EQ(FloatRepr(1.0), "1.0");
  EXPECT_EQ(FloatRepr(100000.0), "100000.0");
  EXPECT_EQ(FloatRepr(1e+16), "1e+16");
  EXPECT_EQ(FloatRepr(1000000000000000.0), "1000000000000000.0");
  EXPECT_EQ(FloatRepr(1e-05), "1e-05");
  EXPECT_EQ(FloatRepr(0.0001), "0.0001");
  EXPECT_EQ(FloatRepr(0.0001234), "0.0001234");
  EXPECT_EQ(FloatRepr(1.2345678901234568e+17), "1.2345678901234568e+17");
  EXPECT_EQ(FloatRepr(1.5), "1.5");
  EXPECT_EQ(FloatRepr(2.5e-300), "2.5e-300");
  EXPECT_EQ(FloatRepr(5e-324), "5e-324");
  EXPECT_EQ(FloatRepr(1.7976931348623157e+308), "1.7976931348623157e+308");
  EXPECT_EQ(FloatRepr(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(FloatRepr(1e+22), "1e+22");
  EXPECT_EQ(FloatRepr(9007199254740992.0), "9007199254740992.0");
  EXPECT_EQ(FloatRepr(3.14159), "3.14159");
  EXPECT_EQ(FloatRepr(0.3333333333333333), "0.3333333333333333");
  EXPECT_EQ(FloatRepr(1e+100), "1e+100");
  EXPECT_EQ(FloatRepr(12345.678), "12345.678");
  EXPECT_EQ(FloatRepr(0.001), "0.001");
  EXPECT_EQ(FloatRepr(9999999999999998.0), "9999999999999998.0");
  EXPECT_EQ(FloatRepr(1e+17), "1e+17");
  EXPECT_EQ(FloatRepr(1.23e-18), "1.23e-18");
  EXPECT_EQ(FloatRepr(1.4142135623730951), "1.4142135623730951");
  EXPECT_EQ(FloatRepr(0.00030000000000000003), "0.00030000000000000003");
  EXPECT_EQ(FloatRepr(0.0005), "0.0005");
}

TEST(ConstantReprTest, Imaginary) {
  EXPECT_EQ(ImagRepr(0.0), "0j");
  EXPECT_EQ(ImagRepr(1.0), "1j");
  EXPECT_EQ(ImagRepr(1.5), "1.5j");
  EXPECT_EQ(ImagRepr(1e+16), "1e+16j");
  EXPECT_EQ(ImagRepr(1e-05), "1e-05j");
  EXPECT_EQ(ImagRepr(std::numeric_limits<double>::infinity()), "infj");
  EXPECT_EQ(ImagRepr(100000.0), "100000j");
  EXPECT_EQ(ImagRepr(1000000000000000.0), "1000000000000000j");
  EXPECT_EQ(ImagRepr(0.1), "0.1j");
  EXPECT_EQ(ImagRepr(1e+300), "1e+300j");
  EXPECT_EQ(ImagRepr(2.0), "2j");
  EXPECT_EQ(ImagRepr(1e+17), "1e+17j");
  EXPECT_EQ(ImagRepr(0.0001), "0.0001j");
}

TEST(ConstantReprTest, Str) {
  EXPECT_EQ(StrRepr(std::string_view("", 0)), "''");
  EXPECT_EQ(StrRepr(std::string_view("a", 1)), "'a'");
  EXPECT_EQ(StrRepr(std::string_view("it's", 4)), "\"it's\"");
  EXPECT_EQ(StrRepr(std::string_view("say \"hi\"", 8)), "'say \"hi\"'");
  EXPECT_EQ(StrRepr(std::string_view("both ' and \"", 12)), "'both \\' and \"'");
  EXPECT_EQ(StrRepr(std::string_view("\\", 1)), "'\\\\'");
  EXPECT_EQ(StrRepr(std::string_view("\012\011\015", 3)), "'\\n\\t\\r'");
  EXPECT_EQ(StrRepr(std::string_view("\000\037\177", 3)), "'\\x00\\x1f\\x7f'");
  EXPECT_EQ(StrRepr(std::string_view("\302\200\302\240\302\255", 6)), "'\\x80\\xa0\\xad'");
  EXPECT_EQ(StrRepr(std::string_view("\303\251", 2)), "'\303\251'");
  EXPECT_EQ(StrRepr(std::string_view("\342\200\213", 3)), "'\\u200b'");
  EXPECT_EQ(StrRepr(std::string_view("\342\200\250", 3)), "'\\u2028'");
  EXPECT_EQ(StrRepr(std::string_view("\355\240\200", 3)), "'\\ud800'");
  EXPECT_EQ(StrRepr(std::string_view("\355\277\277", 3)), "'\\udfff'");
  EXPECT_EQ(StrRepr(std::string_view("\360\237\230\200", 4)), "'\360\237\230\200'");
  EXPECT_EQ(StrRepr(std::string_view("\363\240\200\201", 4)), "'\\U000e0001'");
  EXPECT_EQ(StrRepr(std::string_view("\364\217\277\277", 4)), "'\\U0010ffff'");
  EXPECT_EQ(StrRepr(std::string_view("\357\277\277", 3)), "'\\uffff'");
  EXPECT_EQ(StrRepr(std::string_view("\356\200\200", 3)), "'\\ue000'");
  EXPECT_EQ(StrRepr(std::string_view("\307\205", 2)), "'\307\205'");
  EXPECT_EQ(StrRepr(std::string_view(" ", 1)), "' '");
  EXPECT_EQ(StrRepr(std::string_view("\343\200\200", 3)), "'\\u3000'");
  EXPECT_EQ(StrRepr(std::string_view("\302\240", 2)), "'\\xa0'");
  EXPECT_EQ(StrRepr(std::string_view("a\355\240\275z", 5)), "'a\\ud83dz'");
  EXPECT_EQ(StrRepr(std::string_view("\315\270", 2)), "'\\u0378'");
  EXPECT_EQ(StrRepr(std::string_view("\303\237\342\210\221\346\227\245\346\234\254", 11)),
            "'\303\237\342\210\221\346\227\245\346\234\254'");
  EXPECT_EQ(StrRepr(std::string_view("\033[0m", 4)), "'\\x1b[0m'");
  EXPECT_EQ(StrRepr(std::string_view("'\"\\", 3)), "'\\'\"\\\\'");
  EXPECT_EQ(StrRepr(std::string_view("\360\235\204\236\314\200", 6)), "'\360\235\204\236\314\200'");
  EXPECT_EQ(StrRepr(std::string_view("\357\273\277", 3)), "'\\ufeff'");
  EXPECT_EQ(StrRepr(std::string_view("\330\234", 2)), "'\\u061c'");
  EXPECT_EQ(StrRepr(std::string_view("don't \\ stop", 12)), "\"don't \\\\ stop\"");
}

TEST(ConstantReprTest, Bytes) {
  EXPECT_EQ(BytesRepr(std::string_view("", 0)), "b''");
  EXPECT_EQ(BytesRepr(std::string_view("'", 1)), "b\"'\"");
  EXPECT_EQ(BytesRepr(std::string_view("\"", 1)), "b'\"'");
  EXPECT_EQ(BytesRepr(std::string_view("'\"", 2)), "b'\\'\"'");
  EXPECT_EQ(BytesRepr(std::string_view("\000\377\177 abc\\", 8)), "b'\\x00\\xff\\x7f abc\\\\'");
  EXPECT_EQ(BytesRepr(std::string_view("\011\012\015", 3)), "b'\\t\\n\\r'");
  EXPECT_EQ(BytesRepr(std::string_view("\200", 1)), "b'\\x80'");
  EXPECT_EQ(BytesRepr(std::string_view("it's", 4)), "b\"it's\"");
}

}  // namespace
}  // namespace pyrite::parser
