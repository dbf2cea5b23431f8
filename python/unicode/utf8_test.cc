// Tests for utf8.h; the expected messages are CPython 3.11's
// (b'...'.decode('utf-8') under /usr/bin/python3.11).
#include "python/unicode/utf8.h"

#include "gtest/gtest.h"

namespace pyrite::unicode {
namespace {

TEST(Utf8Test, AppendEncodesEveryLength) {
  std::string s;
  for (char32_t cp : {U'a', U'\u00e9', U'\u20ac', U'\U0001F600'}) AppendUtf8(s, cp);
  AppendUtf8(s, 0xD800);  // a lone surrogate, as "surrogatepass" encodes it
  EXPECT_EQ(s, "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xed\xa0\x80");
}

TEST(Utf8Test, NextCodePointIsLenientWithSurrogatesOnly) {
  std::string_view s = "\xed\xa0\x80z\xff\xc0\x80";
  size_t i = 0;
  EXPECT_EQ(NextCodePoint(s, i), std::optional<char32_t>(0xD800));
  EXPECT_EQ(NextCodePoint(s, i), std::optional<char32_t>(U'z'));
  EXPECT_EQ(NextCodePoint(s, i), std::nullopt);  // 0xff
  EXPECT_EQ(i, 5u);
  EXPECT_EQ(NextCodePoint(s, i), std::nullopt);  // overlong
}

TEST(Utf8Test, StrictErrorsMatchCPython) {
  EXPECT_EQ(FirstDecodeError("b\xf6se"),
            "'utf-8' codec can't decode byte 0xf6 in position 1: invalid start byte");
  EXPECT_EQ(FirstDecodeError("ab\xe2\x82"),
            "'utf-8' codec can't decode bytes in position 2-3: unexpected end of data");
  EXPECT_EQ(FirstDecodeError("\xe2\x28\xa1"),
            "'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte");
  EXPECT_EQ(FirstDecodeError("\xed\xa0\x80"),
            "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte");
  EXPECT_EQ(FirstDecodeError("x\xf0\x9f\x98"),
            "'utf-8' codec can't decode bytes in position 1-3: unexpected end of data");
  EXPECT_EQ(FirstDecodeError("ok \xc3\xa9"), std::nullopt);
}

}  // namespace
}  // namespace pyrite::unicode
