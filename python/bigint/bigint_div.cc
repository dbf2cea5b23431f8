// python/bigint/bigint_div.cc: floor division and modulo, true division, and powers (plain and
// modular), with CPython 3.11's error messages.
#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <optional>

#include "python/bigint/bigint.h"
#include "python/bigint/digits.h"

namespace pyrite::bigint {

namespace {

IntError ZeroDiv(const char* message) {
  return IntError{IntErrorKind::kZeroDivisionError, message};
}

// Floor divmod of nonzero b; small operands take the int64 path.
std::pair<BigInt, BigInt> FloorDivMod(const BigInt& a, const BigInt& b) {
  int64_t x, y;
  if (Access::Small(a, &x) && Access::Small(b, &y) &&
      !(x == std::numeric_limits<int64_t>::min() && y == -1)) {
    int64_t q = x / y, r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) {
      --q;
      r += y;
    }
    return {BigInt::FromInt64(q), BigInt::FromInt64(r)};
  }
  Digit sa[3], sb[3];
  MagView ma = Access::View(a, sa), mb = Access::View(b, sb);
  const bool an = Access::Neg(a), bn = Access::Neg(b);
  Mag q, r;
  DivRemMag(ma, mb, &q, &r);
  BigInt quot = Access::FromMag(an != bn, std::move(q));
  BigInt rem = Access::FromMag(an, std::move(r));
  // Truncated -> floored: when the signs differ and the division is inexact.
  if (an != bn && !rem.IsZero()) {
    quot = quot - BigInt::FromInt64(1);
    rem = rem + b;
  }
  return {std::move(quot), std::move(rem)};
}

}  // namespace

IntResult<BigInt> BigInt::FloorDiv(const BigInt& a, const BigInt& b) {
  if (b.IsZero()) return ZeroDiv("integer division or modulo by zero");
  return FloorDivMod(a, b).first;
}

IntResult<BigInt> BigInt::Mod(const BigInt& a, const BigInt& b) {
  if (b.IsZero()) return ZeroDiv("integer modulo by zero");
  return FloorDivMod(a, b).second;
}

IntResult<std::pair<BigInt, BigInt>> BigInt::DivMod(const BigInt& a, const BigInt& b) {
  if (b.IsZero()) return ZeroDiv("integer division or modulo by zero");
  return FloorDivMod(a, b);
}

IntResult<double> BigInt::TrueDiv(const BigInt& a, const BigInt& b) {
  if (b.IsZero()) return ZeroDiv("division by zero");
  const bool neg = (a.Sign() < 0) != (b.Sign() < 0);
  if (a.IsZero()) return neg ? -0.0 : 0.0;
  const uint64_t abits = a.BitLength(), bbits = b.BitLength();
  // Both exact as doubles: the hardware division is correctly rounded.
  if (abits <= 53 && bbits <= 53) {
    return static_cast<double>(*a.ToInt64()) / static_cast<double>(*b.ToInt64());
  }
  const int64_t diff = static_cast<int64_t>(abits) - static_cast<int64_t>(bbits);
  const IntError too_large{IntErrorKind::kOverflowError,
                           "integer division result too large for a float"};
  if (diff > 1024) return too_large;
  // a/b < 2**-1075, half the smallest subnormal: rounds to zero.
  if (diff < -1075) return neg ? -0.0 : 0.0;
  // Scale a so that the integer quotient has 55 or 56 bits (fewer for subnormal results), then
  // round once, with the remainder as the sticky bit.
  const int64_t shift = std::max<int64_t>(diff, -1021) - 55;
  Digit sa[3], sb[3];
  MagView ma = Access::View(a, sa), mb = Access::View(b, sb);
  bool inexact = false;
  Mag x = shift > 0 ? ShiftRightMag(ma, shift, &inexact) : ShiftLeftMag(ma, -shift);
  Mag q, r;
  DivRemMag(x, mb, &q, &r);
  inexact = inexact || !r.empty();
  uint64_t qv = 0;
  for (size_t i = q.size(); i-- > 0;) qv = (qv << kShift) | q[i];
  bool overflow;
  const double d = RoundToDouble(qv, shift, inexact, &overflow);
  if (overflow) return too_large;
  return neg ? -d : d;
}

IntResult<BigInt> BigInt::Pow(const BigInt& base, const BigInt& exp) {
  if (exp.Sign() < 0) return IntError{IntErrorKind::kValueError, "negative exponent"};
  if (exp.IsZero()) return FromInt64(1);
  // Bases whose powers never grow.
  if (base.IsZero() || base == FromInt64(1)) return base;
  if (base == FromInt64(-1)) {
    const bool odd = (exp & FromInt64(1)) == FromInt64(1);
    return FromInt64(odd ? -1 : 1);
  }
  if (!exp.IsSmall()) return IntError{IntErrorKind::kMemoryError, ""};
  const uint64_t e = static_cast<uint64_t>(*exp.ToInt64());
  // The result has more than (bit_length - 1) * e bits.
  const uint64_t bl = base.BitLength();
  if (bl > 1 && (e > kMaxBits / (bl - 1))) return IntError{IntErrorKind::kMemoryError, ""};
  // Left-to-right binary exponentiation.
  BigInt result = base;
  for (int bit = static_cast<int>(std::bit_width(e)) - 2; bit >= 0; --bit) {
    result = result * result;
    if ((e >> bit) & 1) result = result * base;
  }
  return result;
}

namespace {

// The inverse of a modulo m (m > 1, 0 <= a < m), if gcd(a, m) == 1.
std::optional<BigInt> ModInverse(const BigInt& a, const BigInt& m) {
  // Extended Euclid, tracking only the coefficient of a.
  BigInt r0 = m, r1 = a, s0 = BigInt(), s1 = BigInt::FromInt64(1);
  while (!r1.IsZero()) {
    auto [q, r] = FloorDivMod(r0, r1);
    r0 = std::move(r1);
    r1 = std::move(r);
    BigInt s2 = s0 - q * s1;
    s0 = std::move(s1);
    s1 = std::move(s2);
  }
  if (r0 != BigInt::FromInt64(1)) return std::nullopt;
  return FloorDivMod(s0, m).second;
}

}  // namespace

IntResult<BigInt> BigInt::PowMod(const BigInt& base, const BigInt& exp, const BigInt& mod) {
  if (mod.IsZero()) return IntError{IntErrorKind::kValueError, "pow() 3rd argument cannot be 0"};
  const bool negative_output = mod.Sign() < 0;
  const BigInt m = mod.Abs();
  if (m == FromInt64(1)) return BigInt();
  BigInt b = FloorDivMod(base, m).second;
  BigInt e = exp;
  if (e.Sign() < 0) {
    std::optional<BigInt> inv = ModInverse(b, m);
    if (!inv) {
      return IntError{IntErrorKind::kValueError, "base is not invertible for the given modulus"};
    }
    b = std::move(*inv);
    e = -e;
  }
  BigInt result = FromInt64(1);
  const Mag em = Access::ToMag(e);
  for (uint64_t i = BitLengthMag(em); i-- > 0;) {
    result = FloorDivMod(result * result, m).second;
    if ((em[i / kShift] >> (i % kShift)) & 1) result = FloorDivMod(result * b, m).second;
  }
  if (negative_output && !result.IsZero()) result = result - m;
  return result;
}

}  // namespace pyrite::bigint
