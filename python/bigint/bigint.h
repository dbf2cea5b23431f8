// python/bigint/bigint.h: arbitrary-precision integers with the exact semantics of Python 3.11's
// `int` (the arithmetic core only; no Python objects). The compiler uses it to fold constants and
// the VM wraps it as `int`.
//
// Design
// - A value is either *small* (fits in int64_t: stored inline, no heap allocation) or *big*
//   (sign + magnitude as little-endian 30-bit digits in a std::vector). The form is canonical: a
//   value is big iff it does not fit in int64_t, so equal values have equal representations.
//   Every operation has an int64 fast path and falls back to the digit algorithms on overflow.
// - 30-bit digits, as CPython's longobject.c, so that its algorithms (Knuth's algorithm D,
//   Karatsuba with the same cutoffs, the hash) and limits translate directly; a digit product
//   plus carries fits in uint64_t.
// - Multiplication is schoolbook below kKaratsubaCutoff digits and Karatsuba above (with the
//   lopsided split for unbalanced operands). Division is Knuth's algorithm D (quadratic, as in
//   CPython 3.11). Decimal conversion goes through base 10**9 (quadratic, as in CPython 3.11; the
//   4300-digit default limit keeps it well under a millisecond).
// - Errors are values: operations that can fail return IntResult<T>, carrying the Python exception
//   kind and CPython's exact message. No C++ exceptions.
// - Limits: results are capped at kMaxBits bits; beyond that the operation fails with
//   MemoryError (CPython fails the allocation in the same situations, e.g. `1 << (1 << 62)`).
//
// Example:
//   BigInt a = BigInt::FromInt64(7);
//   IntResult<BigInt> p = BigInt::Pow(a, BigInt::FromInt64(100));
//   if (!p.ok()) return p.error();
//   std::string s = p.value().ToString();  // "32344765...60001" (85 digits)
#ifndef PYRITE_PYTHON_BIGINT_BIGINT_H_
#define PYRITE_PYTHON_BIGINT_BIGINT_H_

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace pyrite::bigint {

// The Python exception an operation raises.
enum class IntErrorKind {
  kZeroDivisionError,
  kValueError,
  kOverflowError,
  kMemoryError,
};

struct IntError {
  IntErrorKind kind;
  std::string message;  // CPython's message, e.g. "integer division or modulo by zero".

  // "ZeroDivisionError", "ValueError", ...
  std::string_view KindName() const;
};

// A value or the Python exception computing it raised.
template <typename T>
class [[nodiscard]] IntResult {
 public:
  IntResult(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  IntResult(IntError error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const IntError& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, IntError> v_;
};

class BigInt {
 public:
  using Digit = uint32_t;
  static constexpr int kShift = 30;
  static constexpr Digit kMask = (Digit{1} << kShift) - 1;
  // Same cutoffs as CPython's longobject.c (in digits).
  static constexpr size_t kKaratsubaCutoff = 70;
  static constexpr size_t kKaratsubaSquareCutoff = 2 * kKaratsubaCutoff;
  // Largest result, in bits, an operation will build before failing with MemoryError (2**36 bits
  // is 8 GiB of digits; nothing bigger can be allocated on the machines we run on).
  static constexpr uint64_t kMaxBits = uint64_t{1} << 36;

  BigInt() = default;  // 0
  BigInt(const BigInt&) = default;
  BigInt(BigInt&&) noexcept = default;
  BigInt& operator=(const BigInt&) = default;
  BigInt& operator=(BigInt&&) noexcept = default;

  static BigInt FromInt64(int64_t v) {
    BigInt r;
    r.small_ = v;
    return r;
  }
  static BigInt FromUint64(uint64_t v);
  // int(float): truncates toward zero. OverflowError for infinities, ValueError for NaN.
  [[nodiscard]] static IntResult<BigInt> FromDouble(double d);
  // int(text, base) with Python's rules: surrounding whitespace, sign, underscores between digits,
  // prefixes 0x/0o/0b (required for base 0, allowed for 16/8/2), base 0 rejects leading zeros.
  // `text` must already be ASCII for digits and spaces (the caller maps Unicode decimal digits and
  // spaces as CPython's _PyUnicode_TransformDecimalAndSpaceToASCII does); other bytes are invalid.
  // `max_str_digits` > 0 applies sys.int_max_str_digits to bases that are not powers of two.
  [[nodiscard]] static IntResult<BigInt> FromString(std::string_view text, int base = 10,
                                                    size_t max_str_digits = 0);

  // Python's `int` operators. Infallible ones are plain operators.
  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);
  friend BigInt operator&(const BigInt& a, const BigInt& b);
  friend BigInt operator|(const BigInt& a, const BigInt& b);
  friend BigInt operator^(const BigInt& a, const BigInt& b);
  BigInt operator-() const;
  BigInt operator~() const;
  BigInt Abs() const;

  // a // b, a % b and divmod(a, b): floor rounding, remainder has the sign of b.
  [[nodiscard]] static IntResult<BigInt> FloorDiv(const BigInt& a, const BigInt& b);
  [[nodiscard]] static IntResult<BigInt> Mod(const BigInt& a, const BigInt& b);
  [[nodiscard]] static IntResult<std::pair<BigInt, BigInt>> DivMod(const BigInt& a,
                                                                   const BigInt& b);
  // a / b correctly rounded to double, as CPython's long_true_divide.
  [[nodiscard]] static IntResult<double> TrueDiv(const BigInt& a, const BigInt& b);
  // base ** exp for exp >= 0 (a negative exponent gives a float in Python: the caller's job; here
  // it is a ValueError "negative exponent"). MemoryError when the result would exceed kMaxBits.
  [[nodiscard]] static IntResult<BigInt> Pow(const BigInt& base, const BigInt& exp);
  // pow(base, exp, mod), including a negative exp (modular inverse).
  [[nodiscard]] static IntResult<BigInt> PowMod(const BigInt& base, const BigInt& exp,
                                                const BigInt& mod);
  // a << n and a >> n; ValueError "negative shift count" for n < 0.
  [[nodiscard]] static IntResult<BigInt> Shl(const BigInt& a, const BigInt& n);
  [[nodiscard]] static IntResult<BigInt> Shr(const BigInt& a, const BigInt& n);
  [[nodiscard]] static IntResult<BigInt> Shl(const BigInt& a, int64_t n);
  [[nodiscard]] static IntResult<BigInt> Shr(const BigInt& a, int64_t n);

  friend bool operator==(const BigInt& a, const BigInt& b);
  friend std::strong_ordering operator<=>(const BigInt& a, const BigInt& b);
  // -1, 0 or 1.
  int Sign() const;
  bool IsZero() const { return mag_.empty() && small_ == 0; }
  bool IsSmall() const { return mag_.empty(); }

  uint64_t BitLength() const;  // int.bit_length()
  uint64_t BitCount() const;   // int.bit_count()
  // hash(int): the value modulo 2**61 - 1 with the sign of the value; -1 becomes -2.
  int64_t Hash() const;

  // The value if it fits (PyLong_AsLongLong without the OverflowError).
  std::optional<int64_t> ToInt64() const {
    if (mag_.empty()) return small_;
    return std::nullopt;
  }
  // float(int): correctly rounded (half to even); OverflowError "int too large to convert to
  // float".
  [[nodiscard]] IntResult<double> ToDouble() const;

  // str(int) (base 10) or the digits in base 2, 8 or 16 without a prefix ("-1f").
  std::string ToString(int base = 10) const;
  // repr-style formats of hex(), oct(), bin(): "0x1f", "-0b101", "0o17"; base 10 as ToString.
  std::string ToPrefixedString(int base) const;
  // str(int) under sys.int_max_str_digits (0 = unlimited): ValueError as CPython 3.11.
  [[nodiscard]] IntResult<std::string> ToDecimalString(size_t max_str_digits) const;
  // Number of decimal digits of |value| (len(str(abs(x)))), for the int_max_str_digits check.
  size_t DecimalDigitCount() const;

  // Internal form, for tests and benchmarks: number of 30-bit digits (0 when small).
  size_t DigitCount() const { return mag_.size(); }

 private:
  friend struct Access;
  // Small form: mag_ empty, value in small_. Big form: |value| in mag_ (normalised, at least 3
  // digits), sign in neg_, small_ unused (0).
  int64_t small_ = 0;
  bool neg_ = false;
  std::vector<Digit> mag_;
};

}  // namespace pyrite::bigint

#endif  // PYRITE_PYTHON_BIGINT_BIGINT_H_
