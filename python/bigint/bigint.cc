// python/bigint/bigint.cc: BigInt's representation changes, add/subtract/multiply, comparisons,
// bitwise operators and shifts, bit counts, hash, and conversions to and from int64 and double.
// Division, powers and strings live in bigint_div.cc and bigint_string.cc.
#include "python/bigint/bigint.h"

#include <bit>
#include <cmath>
#include <limits>

#include "python/bigint/digits.h"

namespace pyrite::bigint {

std::string_view IntError::KindName() const {
  switch (kind) {
    case IntErrorKind::kZeroDivisionError:
      return "ZeroDivisionError";
    case IntErrorKind::kValueError:
      return "ValueError";
    case IntErrorKind::kOverflowError:
      return "OverflowError";
    case IntErrorKind::kMemoryError:
      return "MemoryError";
  }
  return "Error";
}

namespace {

uint64_t AbsU64(int64_t v) { return v < 0 ? 0 - static_cast<uint64_t>(v) : v; }

}  // namespace

Mag Access::ToMag(const BigInt& a) {
  if (!a.mag_.empty()) return a.mag_;
  return MagFromUint64(AbsU64(a.small_));
}

MagView Access::View(const BigInt& a, Digit (&scratch)[3]) {
  if (!a.mag_.empty()) return a.mag_;
  uint64_t v = AbsU64(a.small_);
  size_t n = 0;
  while (v) {
    scratch[n++] = static_cast<Digit>(v & kMask);
    v >>= kShift;
  }
  return MagView(scratch, n);
}

BigInt Access::FromMag(bool neg, Mag mag) {
  Normalize(mag);
  BigInt r;
  if (mag.size() <= 3) {
    // Up to 90 bits: fits in int64 iff |v| <= 2**63 - 1 (or 2**63 when negative).
    unsigned __int128 v = 0;
    for (size_t i = mag.size(); i-- > 0;) v = (v << kShift) | mag[i];
    const unsigned __int128 limit = (unsigned __int128){1} << 63;
    if (v < limit || (neg && v == limit)) {
      const uint64_t u = static_cast<uint64_t>(v);
      r.small_ = neg ? static_cast<int64_t>(0 - u) : static_cast<int64_t>(u);
      return r;
    }
  }
  r.neg_ = neg;
  r.mag_ = std::move(mag);
  return r;
}

BigInt BigInt::FromUint64(uint64_t v) {
  if (v <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return FromInt64(static_cast<int64_t>(v));
  }
  return Access::FromMag(false, MagFromUint64(v));
}

IntResult<BigInt> BigInt::FromDouble(double d) {
  if (std::isinf(d)) {
    return IntError{IntErrorKind::kOverflowError, "cannot convert float infinity to integer"};
  }
  if (std::isnan(d))
    return IntError{IntErrorKind::kValueError, "cannot convert float NaN to integer"};
  d = std::trunc(d);
  if (std::fabs(d) < 0x1p63) return FromInt64(static_cast<int64_t>(d));
  int exp;
  const double m = std::frexp(std::fabs(d), &exp);  // |d| = m * 2**exp, m in [0.5, 1)
  const uint64_t mant = static_cast<uint64_t>(std::ldexp(m, 53));
  return Access::FromMag(d < 0, ShiftLeftMag(MagFromUint64(mant), exp - 53));
}

// --- Signs and comparison ---------------------------------------------------------------------

int BigInt::Sign() const {
  if (mag_.empty()) return (small_ > 0) - (small_ < 0);
  return neg_ ? -1 : 1;
}

bool operator==(const BigInt& a, const BigInt& b) {
  return a.small_ == b.small_ && a.neg_ == b.neg_ && a.mag_ == b.mag_;
}

std::strong_ordering operator<=>(const BigInt& a, const BigInt& b) {
  if (a.mag_.empty() && b.mag_.empty()) return a.small_ <=> b.small_;
  const int sa = a.Sign(), sb = b.Sign();
  if (sa != sb) return sa <=> sb;
  // Same sign, at least one big: the big one has the larger magnitude.
  int c;
  if (a.mag_.empty()) {
    c = -1;
  } else if (b.mag_.empty()) {
    c = 1;
  } else {
    c = CompareMag(a.mag_, b.mag_);
  }
  if (sa < 0) c = -c;
  return c <=> 0;
}

BigInt BigInt::operator-() const {
  if (mag_.empty()) {
    if (small_ != std::numeric_limits<int64_t>::min()) return FromInt64(-small_);
    return Access::FromMag(false, MagFromUint64(uint64_t{1} << 63));
  }
  return Access::FromMag(!neg_, mag_);
}

BigInt BigInt::Abs() const { return Sign() < 0 ? -*this : *this; }

BigInt BigInt::operator~() const {
  if (mag_.empty()) return FromInt64(~small_);
  // ~x == -(x + 1)
  return -(*this + FromInt64(1));
}

// --- Add, subtract, multiply --------------------------------------------------------------------

namespace {

// Signed magnitude addition: (an ? -a : a) + (bn ? -b : b).
BigInt AddSigned(bool an, MagView a, bool bn, MagView b) {
  if (an == bn) return Access::FromMag(an, AddMag(a, b));
  const int c = CompareMag(a, b);
  if (c == 0) return BigInt();
  if (c > 0) return Access::FromMag(an, SubMag(Trim(a), Trim(b)));
  return Access::FromMag(bn, SubMag(Trim(b), Trim(a)));
}

}  // namespace

BigInt operator+(const BigInt& a, const BigInt& b) {
  int64_t x, y, r;
  if (Access::Small(a, &x) && Access::Small(b, &y) && !__builtin_add_overflow(x, y, &r)) {
    return BigInt::FromInt64(r);
  }
  Digit sa[3], sb[3];
  return AddSigned(Access::Neg(a), Access::View(a, sa), Access::Neg(b), Access::View(b, sb));
}

BigInt operator-(const BigInt& a, const BigInt& b) {
  int64_t x, y, r;
  if (Access::Small(a, &x) && Access::Small(b, &y) && !__builtin_sub_overflow(x, y, &r)) {
    return BigInt::FromInt64(r);
  }
  Digit sa[3], sb[3];
  return AddSigned(Access::Neg(a), Access::View(a, sa), !Access::Neg(b), Access::View(b, sb));
}

BigInt operator*(const BigInt& a, const BigInt& b) {
  int64_t x, y, r;
  if (Access::Small(a, &x) && Access::Small(b, &y) && !__builtin_mul_overflow(x, y, &r)) {
    return BigInt::FromInt64(r);
  }
  Digit sa[3], sb[3];
  MagView ma = Access::View(a, sa), mb = Access::View(b, sb);
  // Same object: let MulMag see identical operands and square.
  if (&a == &b) mb = ma;
  return Access::FromMag(Access::Neg(a) != Access::Neg(b), MulMag(ma, mb));
}

// --- Bitwise operators
// ----------------------------------------------------------------------------

namespace {

// n digits of the infinite two's complement form of a signed magnitude.
Mag TwosComplement(bool neg, MagView m, size_t n) {
  Mag r(n, 0);
  std::copy(m.begin(), m.end(), r.begin());
  if (neg) {
    Digit carry = 1;
    for (Digit& d : r) {
      carry += (~d) & kMask;
      d = carry & kMask;
      carry >>= kShift;
    }
  }
  return r;
}

template <typename Op>
BigInt Bitwise(const BigInt& a, const BigInt& b, Op op) {
  Digit sa[3], sb[3];
  MagView ma = Access::View(a, sa), mb = Access::View(b, sb);
  const bool an = Access::Neg(a), bn = Access::Neg(b);
  const size_t n = std::max(ma.size(), mb.size()) + 1;
  Mag x = TwosComplement(an, ma, n);
  Mag y = TwosComplement(bn, mb, n);
  const Digit sign_a = an ? kMask : 0, sign_b = bn ? kMask : 0;
  const bool neg = op(sign_a, sign_b) != 0;
  for (size_t i = 0; i < n; ++i) x[i] = op(x[i], y[i]) & kMask;
  // A negative result: back to sign + magnitude by negating the two's complement digits.
  return Access::FromMag(neg, TwosComplement(neg, x, n));
}

}  // namespace

BigInt operator&(const BigInt& a, const BigInt& b) {
  int64_t x, y;
  if (Access::Small(a, &x) && Access::Small(b, &y)) return BigInt::FromInt64(x & y);
  return Bitwise(a, b, [](Digit p, Digit q) { return p & q; });
}

BigInt operator|(const BigInt& a, const BigInt& b) {
  int64_t x, y;
  if (Access::Small(a, &x) && Access::Small(b, &y)) return BigInt::FromInt64(x | y);
  return Bitwise(a, b, [](Digit p, Digit q) { return p | q; });
}

BigInt operator^(const BigInt& a, const BigInt& b) {
  int64_t x, y;
  if (Access::Small(a, &x) && Access::Small(b, &y)) return BigInt::FromInt64(x ^ y);
  return Bitwise(a, b, [](Digit p, Digit q) { return p ^ q; });
}

// --- Shifts -------------------------------------------------------------------------------------

namespace {

IntError NegativeShift() { return IntError{IntErrorKind::kValueError, "negative shift count"}; }
IntError NoMemory() { return IntError{IntErrorKind::kMemoryError, ""}; }

}  // namespace

IntResult<BigInt> BigInt::Shl(const BigInt& a, int64_t n) {
  if (n < 0) return NegativeShift();
  if (a.IsZero()) return BigInt();
  int64_t x;
  if (Access::Small(a, &x) && n < 63) {
    // Fits if shifting back gives x again.
    const int64_t r = static_cast<int64_t>(static_cast<uint64_t>(x) << n);
    if ((r >> n) == x) return FromInt64(r);
  }
  if (a.BitLength() + static_cast<uint64_t>(n) > kMaxBits) return NoMemory();
  Digit s[3];
  return Access::FromMag(Access::Neg(a), ShiftLeftMag(Access::View(a, s), n));
}

IntResult<BigInt> BigInt::Shr(const BigInt& a, int64_t n) {
  if (n < 0) return NegativeShift();
  int64_t x;
  if (Access::Small(a, &x)) return FromInt64(x >> std::min<int64_t>(n, 63));
  if (!a.neg_) return Access::FromMag(false, ShiftRightMag(a.mag_, n));
  // Floor for negatives: -a >> n == -(((a - 1) >> n) + 1) with a = |value|.
  const BigInt m1 = a.Abs() - FromInt64(1);
  Digit s[3];
  BigInt t = Access::FromMag(false, ShiftRightMag(Access::View(m1, s), n));
  return -(t + FromInt64(1));
}

IntResult<BigInt> BigInt::Shl(const BigInt& a, const BigInt& n) {
  if (n.Sign() < 0) return NegativeShift();
  if (a.IsZero()) return BigInt();
  if (!n.IsSmall()) return NoMemory();
  return Shl(a, *n.ToInt64());
}

IntResult<BigInt> BigInt::Shr(const BigInt& a, const BigInt& n) {
  if (n.Sign() < 0) return NegativeShift();
  if (!n.IsSmall()) return FromInt64(a.Sign() < 0 ? -1 : 0);
  return Shr(a, *n.ToInt64());
}

// --- Bit counts and hash ---------------------------------------------------------------------

uint64_t BigInt::BitLength() const {
  if (mag_.empty()) return static_cast<int>(std::bit_width(AbsU64(small_)));
  return BitLengthMag(mag_);
}

uint64_t BigInt::BitCount() const {
  if (mag_.empty()) return std::popcount(AbsU64(small_));
  uint64_t n = 0;
  for (Digit d : mag_) n += std::popcount(d);
  return n;
}

int64_t BigInt::Hash() const {
  constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
  uint64_t h;
  if (mag_.empty()) {
    h = AbsU64(small_) % kModulus;
  } else {
    // Horner's rule modulo 2**61 - 1, where multiplying by 2**30 is a 61-bit rotation.
    h = 0;
    for (size_t i = mag_.size(); i-- > 0;) {
      h = ((h << kShift) & kModulus) | (h >> (61 - kShift));
      h += mag_[i];
      if (h >= kModulus) h -= kModulus;
    }
  }
  int64_t r = static_cast<int64_t>(h);
  if (Sign() < 0) r = -r;
  return r == -1 ? -2 : r;
}

// --- To double
// ------------------------------------------------------------------------------------

double RoundToDouble(uint64_t q, int64_t shift, bool inexact, bool* overflow) {
  const int64_t top = static_cast<int>(std::bit_width(q)) + shift;  // value in [2**(top-1), 2**top)
  const int64_t lsb = std::max<int64_t>(top - 53, -1074);
  const int drop = static_cast<int>(lsb - shift);
  uint64_t mant = q;
  if (drop > 0) {
    mant = q >> drop;
    const uint64_t rest = q & ((uint64_t{1} << drop) - 1);
    const uint64_t half = uint64_t{1} << (drop - 1);
    if (rest > half || (rest == half && (inexact || (mant & 1)))) ++mant;
  }
  if (lsb + static_cast<int>(std::bit_width(mant)) > 1024) {
    *overflow = true;
    return HUGE_VAL;
  }
  *overflow = false;
  return std::ldexp(static_cast<double>(mant), static_cast<int>(drop > 0 ? lsb : shift));
}

IntResult<double> BigInt::ToDouble() const {
  if (mag_.empty()) return static_cast<double>(small_);  // the conversion rounds to nearest-even
  const uint64_t bits = BitLengthMag(mag_);
  if (bits > 1024)
    return IntError{IntErrorKind::kOverflowError, "int too large to convert to float"};
  bool lost;
  const Mag top = ShiftRightMag(mag_, bits - 55, &lost);
  uint64_t q = 0;
  for (size_t i = top.size(); i-- > 0;) q = (q << kShift) | top[i];
  bool overflow;
  const double d = RoundToDouble(q, static_cast<int64_t>(bits) - 55, lost, &overflow);
  if (overflow) return IntError{IntErrorKind::kOverflowError, "int too large to convert to float"};
  return neg_ ? -d : d;
}

}  // namespace pyrite::bigint
