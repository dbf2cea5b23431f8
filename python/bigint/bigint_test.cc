// python/bigint/bigint_test.cc: hand-picked cases for BigInt: representation boundaries, error
// messages, string formats. The bulk of the random cases are in bigint_ref_test.cc.
#include "python/bigint/bigint.h"

#include <cmath>
#include <limits>

#include "gtest/gtest.h"

namespace pyrite::bigint {
namespace {

BigInt N(std::string_view s) {
  IntResult<BigInt> r = BigInt::FromString(s, 0);
  EXPECT_TRUE(r.ok()) << s;
  return r.ok() ? r.value() : BigInt();
}

BigInt I(int64_t v) { return BigInt::FromInt64(v); }

template <typename T>
std::string Err(const IntResult<T>& r) {
  if (r.ok()) return "ok";
  return std::string(r.error().KindName()) + ": " + r.error().message;
}

TEST(BigIntTest, SmallAndBigBoundaries) {
  const BigInt max = I(std::numeric_limits<int64_t>::max());
  const BigInt min = I(std::numeric_limits<int64_t>::min());
  EXPECT_TRUE((max + I(1)) == N("9223372036854775808"));
  EXPECT_FALSE((max + I(1)).IsSmall());
  EXPECT_TRUE((max + I(1) - I(1)).IsSmall());
  EXPECT_EQ((min - I(1)).ToString(), "-9223372036854775809");
  EXPECT_EQ((-min).ToString(), "9223372036854775808");
  EXPECT_TRUE((-(-min)).IsSmall());
  EXPECT_EQ((min * I(-1)).ToString(), "9223372036854775808");
  EXPECT_EQ(BigInt::FloorDiv(min, I(-1)).value().ToString(), "9223372036854775808");
  EXPECT_EQ(BigInt::Mod(min, I(-1)).value().ToString(), "0");
  EXPECT_EQ(N("0x10000000000000000").ToString(), "18446744073709551616");
  EXPECT_EQ(BigInt::FromUint64(~uint64_t{0}).ToString(), "18446744073709551615");
  EXPECT_EQ((N("18446744073709551616") - N("18446744073709551615")).ToInt64(), 1);
  EXPECT_EQ(N("-9223372036854775808").ToInt64(), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(N("9223372036854775808").ToInt64(), std::nullopt);
  EXPECT_TRUE(min < max + I(1));
  EXPECT_TRUE(min - I(1) < min);
  EXPECT_TRUE(N("-100000000000000000000") < N("-99999999999999999999"));
}

TEST(BigIntTest, DivisionErrors) {
  EXPECT_EQ(Err(BigInt::FloorDiv(I(1), I(0))),
            "ZeroDivisionError: integer division or modulo by zero");
  EXPECT_EQ(Err(BigInt::Mod(I(1), I(0))), "ZeroDivisionError: integer modulo by zero");
  EXPECT_EQ(Err(BigInt::DivMod(I(1), I(0))),
            "ZeroDivisionError: integer division or modulo by zero");
  EXPECT_EQ(Err(BigInt::TrueDiv(I(1), I(0))), "ZeroDivisionError: division by zero");
  EXPECT_EQ(Err(BigInt::TrueDiv(N("1" + std::string(400, '0')), I(1))),
            "OverflowError: integer division result too large for a float");
  IntResult<double> z = BigInt::TrueDiv(I(0), I(-1));
  ASSERT_TRUE(z.ok());
  EXPECT_TRUE(std::signbit(z.value()));
}

TEST(BigIntTest, PowErrors) {
  EXPECT_EQ(Err(BigInt::PowMod(I(2), I(-1), I(0))), "ValueError: pow() 3rd argument cannot be 0");
  EXPECT_EQ(Err(BigInt::PowMod(I(2), I(-1), I(4))),
            "ValueError: base is not invertible for the given modulus");
  EXPECT_EQ(BigInt::PowMod(I(3), I(-2), I(-7)).value().ToString(), "-3");
  EXPECT_EQ(BigInt::PowMod(I(3), I(2), I(-7)).value().ToString(), "-5");
  EXPECT_EQ(Err(BigInt::Pow(I(2), N("1" + std::string(30, '0')))), "MemoryError: ");
  EXPECT_EQ(BigInt::Pow(I(-1), N("1" + std::string(30, '1'))).value().ToString(), "-1");
  EXPECT_EQ(BigInt::Pow(I(7), I(100)).value().ToString(),
            "32344765096247579913446477691002168108572031989046254009338953313916914596369280"
            "60001");
}

TEST(BigIntTest, Shifts) {
  EXPECT_EQ(Err(BigInt::Shl(I(1), I(-1))), "ValueError: negative shift count");
  EXPECT_EQ(Err(BigInt::Shr(I(1), I(-1))), "ValueError: negative shift count");
  EXPECT_EQ(Err(BigInt::Shl(I(1), N("18446744073709551616"))), "MemoryError: ");
  EXPECT_EQ(BigInt::Shl(I(0), N("18446744073709551616")).value().ToString(), "0");
  EXPECT_EQ(BigInt::Shr(I(-1), N("18446744073709551616")).value().ToString(), "-1");
  EXPECT_EQ(BigInt::Shr(I(5), N("18446744073709551616")).value().ToString(), "0");
  EXPECT_EQ(BigInt::Shl(I(1), 63).value().ToString(), "9223372036854775808");
  EXPECT_TRUE(BigInt::Shl(I(-1), 63).value().IsSmall());
  EXPECT_EQ(BigInt::Shr(N("-18446744073709551617"), 64).value().ToString(), "-2");
}

TEST(BigIntTest, Conversions) {
  EXPECT_EQ(Err(BigInt::FromDouble(INFINITY)),
            "OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(Err(BigInt::FromDouble(NAN)), "ValueError: cannot convert float NaN to integer");
  EXPECT_EQ(BigInt::FromDouble(-1e20).value().ToString(), "-100000000000000000000");
  EXPECT_EQ(BigInt::FromDouble(-2.5).value().ToString(), "-2");
  EXPECT_EQ(BigInt::FromDouble(0x1p63).value().ToString(), "9223372036854775808");
  EXPECT_EQ(BigInt::FromDouble(-0x1p63).value().ToInt64(), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(Err(N("1" + std::string(400, '0')).ToDouble()),
            "OverflowError: int too large to convert to float");
  EXPECT_EQ(N("9007199254740993").ToDouble().value(), 9007199254740992.0);
  EXPECT_EQ(N("0x1fffffffffffffc00000000000000000").ToDouble().value(), 0x1p125);
}

TEST(BigIntTest, Strings) {
  EXPECT_EQ(I(31).ToPrefixedString(16), "0x1f");
  EXPECT_EQ(I(-5).ToPrefixedString(2), "-0b101");
  EXPECT_EQ(I(0).ToPrefixedString(8), "0o0");
  EXPECT_EQ(I(0).ToString(), "0");
  EXPECT_EQ(Err(BigInt::FromString("12a")),
            "ValueError: invalid literal for int() with base 10: '12a'");
  EXPECT_EQ(BigInt::FromString("12a", 16).value().ToString(), "298");
  EXPECT_EQ(Err(BigInt::FromString("z", 37)),
            "ValueError: int() base must be >= 2 and <= 36, or 0");
  EXPECT_EQ(Err(BigInt::FromString("it's")),
            "ValueError: invalid literal for int() with base 10: \"it's\"");
  EXPECT_EQ(Err(BigInt::FromString("01", 0)),
            "ValueError: invalid literal for int() with base 0: '01'");
  EXPECT_EQ(Err(BigInt::FromString("1__0")),
            "ValueError: invalid literal for int() with base 10: '1__0'");
  EXPECT_EQ(Err(BigInt::FromString("0x", 16)),
            "ValueError: invalid literal for int() with base 16: '0x'");
  EXPECT_EQ(Err(BigInt::FromString("a\x01\"'")),
            "ValueError: invalid literal for int() with base 10: 'a\\x01\"\\''");
  EXPECT_EQ(BigInt::FromString("0x_1f", 0).value().ToString(), "31");
  EXPECT_EQ(BigInt::FromString("0_0", 0).value().ToString(), "0");
  EXPECT_EQ(BigInt::FromString(" -1_0 ").value().ToString(), "-10");
  EXPECT_EQ(BigInt::FromString("\t+0b1\n", 0).value().ToString(), "1");
  EXPECT_EQ(BigInt::FromString("0b1", 16).value().ToString(), "177");
  EXPECT_EQ(Err(BigInt::FromString(std::string(5000, '1'), 10, 4300)),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has "
            "5000 digits; use sys.set_int_max_str_digits() to increase the limit");
  EXPECT_TRUE(BigInt::FromString(std::string(5000, '1'), 16, 4300).ok());
  EXPECT_EQ(Err(N("1" + std::string(4300, '0')).ToDecimalString(4300)),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
            "sys.set_int_max_str_digits() to increase the limit");
  EXPECT_TRUE(N("9" + std::string(4299, '9')).ToDecimalString(4300).ok());
  EXPECT_EQ(N("-" + std::string(4300, '9')).DecimalDigitCount(), 4300u);
  const std::string longx(300, 'x');
  EXPECT_EQ(Err(BigInt::FromString(longx)).size(), std::string("ValueError: ").size() + 240);
}

TEST(BigIntTest, HashAndBits) {
  EXPECT_EQ(I(-1).Hash(), -2);
  EXPECT_EQ(N("0x1fffffffffffffff").Hash(), 0);
  EXPECT_EQ(N("-0x2000000000000000").Hash(), -2);
  EXPECT_EQ(N("0x10000000000000000").Hash(), 8);
  EXPECT_EQ(I(std::numeric_limits<int64_t>::min()).BitLength(), 64u);
  EXPECT_EQ(I(-1).BitCount(), 1u);
  EXPECT_EQ((~I(0)).ToString(), "-1");
  EXPECT_EQ((I(-1) & N("0x10000000000000000")).ToString(), "18446744073709551616");
  EXPECT_EQ((N("-0x10000000000000000") | I(1)).ToString(), "-18446744073709551615");
}

}  // namespace
}  // namespace pyrite::bigint
