// Tests of the number types' C++ API (objects/int.cc, float.cc, complex.cc) and of the format
// mini-language (objects/formatter.cc) with the StrBuilder it writes through. Behaviour seen from Python is covered by the
// testing/snippets/cases/num_*.py differential snippets; these pin the C++ entry points.
#include <string>

#include "gtest/gtest.h"
#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/formatter.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/str.h"
#include "python/vm/runtime.h"
#include "python/vm/testing/runtime_fixture.h"

namespace pyrite::vm {
namespace {

using bigint::BigInt;

class NumbersTest : public RuntimeTest {};

// The text of a str result, or "<error: message>" (the error is cleared).
std::string Text(Ref<> r) {
  if (!r) return "<error: " + TakeErrorMessage() + ">";
  return std::string(StrUtf8(static_cast<Str*>(r.get())));
}

std::string FmtInt(int64_t v, std::string_view spec) {
  return Text(FormatInt(BigInt::FromInt64(v), NewStr(spec).get()));
}
std::string FmtFloat(double v, std::string_view spec) {
  return Text(FormatFloat(v, NewStr(spec).get()));
}

TEST_F(NumbersTest, FloatReprIsShortestRoundTrip) {
  EXPECT_EQ(FloatRepr(0.1), "0.1");
  EXPECT_EQ(FloatRepr(1.0), "1.0");
  EXPECT_EQ(FloatRepr(-0.0), "-0.0");
  EXPECT_EQ(FloatRepr(1e16), "1e+16");
  EXPECT_EQ(FloatRepr(1e15), "1000000000000000.0");
  EXPECT_EQ(FloatRepr(1e-5), "1e-05");
  EXPECT_EQ(FloatRepr(0.0001), "0.0001");
  EXPECT_EQ(FloatRepr(123456789012345678.0), "1.2345678901234568e+17");
  EXPECT_EQ(FloatRepr(5e-324), "5e-324");
  EXPECT_EQ(FloatRepr(1.0 / 0.0), "inf");
}

TEST_F(NumbersTest, NumericHashesAgree) {
  Ref<> one = NewInt(1);
  Ref<> f = NewFloat(1.0);
  EXPECT_EQ(Hash(one.get()), Hash(f.get()));
  EXPECT_EQ(HashDouble(f.get(), 0.5), int64_t{1} << 60);
  EXPECT_EQ(HashDouble(f.get(), -1.0), -2);
  EXPECT_EQ(HashDouble(f.get(), 1.0 / 0.0), 314159);
}

TEST_F(NumbersTest, SmallIntsAreCached) {
  Ref<> a = NewInt(256);
  Ref<> b = NewInt(BigInt::FromInt64(256));
  EXPECT_EQ(a.get(), b.get());
  Ref<> c = NewInt(257);
  Ref<> d = NewInt(257);
  EXPECT_NE(c.get(), d.get());
}

TEST_F(NumbersTest, IntFromStringMessages) {
  Ref<> r = IntFromString(" -0x1f ", 16);
  ASSERT_TRUE(r);
  EXPECT_EQ(IntSmall(r.get()), -31);
  EXPECT_EQ(Text(IntFromString("x", 10)), "<error: invalid literal for int() with base 10: 'x'>");
}

TEST_F(NumbersTest, FormatInt) {
  EXPECT_EQ(FmtInt(1234567, ","), "1,234,567");
  EXPECT_EQ(FmtInt(1234, "010,"), "00,001,234");
  EXPECT_EQ(FmtInt(1234, "08,"), "0,001,234");
  EXPECT_EQ(FmtInt(255, "#010x"), "0x000000ff");
  EXPECT_EQ(FmtInt(255, "#_b"), "0b1111_1111");
  EXPECT_EQ(FmtInt(-1234, "=+12,"), "-      1,234");
  EXPECT_EQ(FmtInt(12, "*^8"), "***12***");
  EXPECT_EQ(FmtInt(65, "c"), "A");
  EXPECT_EQ(FmtInt(1, "%"), "100.000000%");
  EXPECT_EQ(FmtInt(1, ".2d"), "<error: Precision not allowed in integer format specifier>");
  EXPECT_EQ(FmtInt(1, ",x"), "<error: Cannot specify ',' with 'x'.>");
  EXPECT_EQ(FmtInt(1, ",_"), "<error: Cannot specify both ',' and '_'.>");
  EXPECT_EQ(FmtInt(1, "s"), "<error: Unknown format code 's' for object of type 'int'>");
}

TEST_F(NumbersTest, FormatFloat) {
  EXPECT_EQ(FmtFloat(1234.5678, ",.2f"), "1,234.57");
  EXPECT_EQ(FmtFloat(1.0, ".3"), "1.0");
  EXPECT_EQ(FmtFloat(123.0, ".2"), "1.2e+02");
  EXPECT_EQ(FmtFloat(1.5, "#.0f"), "2.");
  EXPECT_EQ(FmtFloat(1.5, "#g"), "1.50000");
  EXPECT_EQ(FmtFloat(0.00001, "g"), "1e-05");
  EXPECT_EQ(FmtFloat(-0.4, "z.0f"), "0");
  EXPECT_EQ(FmtFloat(1.0 / 0.0, "010"), "0000000inf");
  EXPECT_EQ(FmtFloat(12345.0, "010,"), "0,012,345.0");
  EXPECT_EQ(FmtFloat(1.5, "d"), "<error: Unknown format code 'd' for object of type 'float'>");
}

TEST_F(NumbersTest, FormatStrAndComplex) {
  Ref<Str> s = NewStr("abc");
  EXPECT_EQ(Text(FormatStr(s.get(), NewStr("*^7").get())), "**abc**");
  EXPECT_EQ(Text(FormatStr(s.get(), NewStr(".1").get())), "a");
  EXPECT_EQ(Text(FormatStr(s.get(), NewStr("05").get())), "abc00");
  EXPECT_EQ(Text(FormatStr(s.get(), NewStr("+").get())),
            "<error: Sign not allowed in string format specifier>");
  EXPECT_EQ(Text(FormatComplex(3, 4, NewStr(".2f").get())), "3.00+4.00j");
  EXPECT_EQ(Text(FormatComplex(3, 4, NewStr(">12").get())), "      (3+4j)");
  EXPECT_EQ(Text(FormatComplex(0, 4, NewStr("").get())), "4j");
}

// StrBuilder (used by the formatters) keeps one byte per code point until a code point above
// U+00FF arrives, then widens what it has; the result always has the narrowest kind.
TEST_F(NumbersTest, StrBuilderWidensOnDemand) {
  StrBuilder b;
  b.AppendAscii("ab");
  b.Append(U'\u00e9');
  b.AppendRepeated(U'-', 2);
  Ref<Str> head = NewStr("xyz");
  b.AppendSlice(head.get(), 1, 3);
  EXPECT_EQ(b.length(), 7);
  Ref<Str> narrow = b.Finish();
  ASSERT_TRUE(narrow);
  EXPECT_EQ(narrow->kind, 1);
  EXPECT_FALSE(narrow->ascii);
  EXPECT_EQ(std::string(StrUtf8(narrow.get())), "ab\u00e9--yz");

  b.Append("\u00ff\u20ac");  // UTF-8: a Latin-1 and then a BMP code point
  b.AppendRepeated(U'\u20ac', 2);
  b.Append(narrow.get());
  b.Append(U'\U0001F600');
  EXPECT_EQ(b.length(), 12);
  Ref<Str> wide = b.Finish();
  ASSERT_TRUE(wide);
  EXPECT_EQ(wide->kind, 4);
  EXPECT_EQ(std::string(StrUtf8(wide.get())), "\u00ff\u20ac\u20ac\u20acab\u00e9--yz\U0001F600");

  // Finish resets the builder.
  b.AppendAscii("q");
  Ref<Str> one = b.Finish();
  EXPECT_EQ(std::string(StrUtf8(one.get())), "q");
  EXPECT_TRUE(one->ascii);
}

TEST_F(NumbersTest, BytesRoundTrip) {
  Ref<Bytes> b = NewBytes(std::string_view("a\0b", 3));
  ASSERT_TRUE(b);
  EXPECT_EQ(b->view(), std::string_view("a\0b", 3));
  EXPECT_EQ(Text(Repr(b.get())), "b'a\\x00b'");
  Ref<> ba = NewByteArray("x'");
  EXPECT_EQ(Text(Repr(ba.get())), "bytearray(b\"x\\'\")");
}

}  // namespace
}  // namespace pyrite::vm
