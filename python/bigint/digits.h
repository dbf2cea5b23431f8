// python/bigint/digits.h: the magnitude algorithms behind BigInt (private to this package).
// A magnitude is a little-endian vector of 30-bit digits without leading zero digits; zero is the
// empty vector. Functions taking spans accept unnormalised input unless they say otherwise.
#ifndef PYRITE_PYTHON_BIGINT_DIGITS_H_
#define PYRITE_PYTHON_BIGINT_DIGITS_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "python/bigint/bigint.h"

namespace pyrite::bigint {

using Digit = BigInt::Digit;
using Mag = std::vector<Digit>;
using MagView = std::span<const Digit>;
inline constexpr int kShift = BigInt::kShift;
inline constexpr Digit kMask = BigInt::kMask;

// Reaches BigInt's representation for the algorithm files.
struct Access {
  static bool Neg(const BigInt& a) { return a.mag_.empty() ? a.small_ < 0 : a.neg_; }
  // |a| as a magnitude.
  static Mag ToMag(const BigInt& a);
  // A view of |a|: the stored digits when big, else `scratch` filled from the small value.
  static MagView View(const BigInt& a, Digit (&scratch)[3]);
  // The canonical BigInt for sign and magnitude.
  static BigInt FromMag(bool neg, Mag mag);
  static bool Small(const BigInt& a, int64_t* v) {
    if (!a.mag_.empty()) return false;
    *v = a.small_;
    return true;
  }
};

void Normalize(Mag& m);
MagView Trim(MagView m);
uint64_t BitLengthMag(MagView m);
int CompareMag(MagView a, MagView b);
Mag AddMag(MagView a, MagView b);
// a - b; requires |a| >= |b|.
Mag SubMag(MagView a, MagView b);
Mag MulMag(MagView a, MagView b);
// m = m * mul + add, in place (mul, add < 2**30).
void MulAddSmall(Mag& m, Digit mul, Digit add);
// Divides m by d in place (d in [1, 2**30)), returns the remainder.
Digit DivRemSmall(Mag& m, Digit d);
// q, r = divmod(a, b) for magnitudes, b nonzero.
void DivRemMag(MagView a, MagView b, Mag* q, Mag* r);
Mag ShiftLeftMag(MagView a, uint64_t bits);
// a >> bits; *lost (if given) is set when a nonzero bit was shifted out.
Mag ShiftRightMag(MagView a, uint64_t bits, bool* lost = nullptr);
Mag MagFromUint64(uint64_t v);
// Rounds q * 2**shift (plus a nonzero tail below it when `inexact`) to the nearest double, ties to
// even, subnormals included; q must carry at least 2 bits more than the result keeps. Sets
// *overflow when the result is not finite.
double RoundToDouble(uint64_t q, int64_t shift, bool inexact, bool* overflow);

}  // namespace pyrite::bigint

#endif  // PYRITE_PYTHON_BIGINT_DIGITS_H_
