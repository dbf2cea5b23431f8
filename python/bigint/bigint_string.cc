// python/bigint/bigint_string.cc: conversions between BigInt and text: str()/hex()/oct()/bin()
// output and int(text, base) parsing with Python's rules and messages, including CPython 3.11's
// sys.int_max_str_digits errors.
#include <algorithm>
#include <bit>
#include <cstring>

#include "python/bigint/bigint.h"
#include "python/bigint/digits.h"

namespace pyrite::bigint {

namespace {

constexpr uint32_t kDecimalBase = 1000000000;  // 10**9: the largest power of 10 below 2**30
constexpr int kDecimalBaseDigits = 9;

// |m| in base 10**9, little-endian. Quadratic, as CPython 3.11: each 30-bit digit, most
// significant first, is folded into the base 10**9 accumulator.
std::vector<uint32_t> ToBase1e9(MagView m) {
  std::vector<uint32_t> out;
  out.reserve(m.size() * 34 / 31 + 2);  // 30 bits = 9.03 decimal digits
  for (size_t i = m.size(); i-- > 0;) {
    uint64_t carry = m[i];
    for (uint32_t& d : out) {
      const uint64_t z = (uint64_t{d} << kShift) | carry;
      carry = z / kDecimalBase;
      d = static_cast<uint32_t>(z - carry * kDecimalBase);
    }
    while (carry) {
      out.push_back(static_cast<uint32_t>(carry % kDecimalBase));
      carry /= kDecimalBase;
    }
  }
  return out;
}

void AppendDecimal(std::string& s, MagView m) {
  const std::vector<uint32_t> chunks = ToBase1e9(m);
  if (chunks.empty()) {
    s += '0';
    return;
  }
  s += std::to_string(chunks.back());
  char buf[kDecimalBaseDigits];
  for (size_t i = chunks.size() - 1; i-- > 0;) {
    uint32_t c = chunks[i];
    for (int k = kDecimalBaseDigits; k-- > 0;) {
      buf[k] = static_cast<char>('0' + c % 10);
      c /= 10;
    }
    s.append(buf, kDecimalBaseDigits);
  }
}

void AppendPowerOfTwo(std::string& s, MagView m, int base) {
  const int bits = std::countr_zero(static_cast<unsigned>(base));
  const uint64_t nbits = BitLengthMag(m);
  if (nbits == 0) {
    s += '0';
    return;
  }
  const uint64_t nchars = (nbits + bits - 1) / bits;
  const size_t start = s.size();
  s.resize(start + nchars);
  uint64_t acc = 0;
  int acc_bits = 0;
  size_t di = 0;
  for (uint64_t c = 0; c < nchars; ++c) {
    while (acc_bits < bits && di < m.size()) {
      acc |= uint64_t{m[di++]} << acc_bits;
      acc_bits += kShift;
    }
    s[start + nchars - 1 - c] = "0123456789abcdef"[acc & (base - 1)];
    acc >>= bits;
    acc_bits -= bits;
  }
}

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Python's repr() of `text` cut to 200 characters, as CPython's "%.200R" shows it. Non-ASCII
// characters are copied through (the caller's text is UTF-8).
std::string ReprForMessage(std::string_view text) {
  const bool has_single = text.find('\'') != std::string_view::npos;
  const bool has_double = text.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string r(1, quote);
  for (char c : text) {
    if (r.size() > 1000) break;  // at least 200 characters already: the rest is cut anyway
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == quote || c == '\\') {
      r += '\\';
      r += c;
    } else if (c == '\t') {
      r += "\\t";
    } else if (c == '\n') {
      r += "\\n";
    } else if (c == '\r') {
      r += "\\r";
    } else if (u < 0x20 || u == 0x7f) {
      r += "\\x";
      r += "0123456789abcdef"[u >> 4];
      r += "0123456789abcdef"[u & 15];
    } else {
      r += c;
    }
  }
  r += quote;
  size_t end = 0, chars = 0;
  while (end < r.size() && chars < 200) {
    ++end;
    while (end < r.size() && (static_cast<unsigned char>(r[end]) & 0xC0) == 0x80) ++end;
    ++chars;
  }
  r.resize(end);
  return r;
}

}  // namespace

std::string BigInt::ToString(int base) const {
  std::string s;
  if (mag_.empty() && base == 10) return std::to_string(small_);
  if (Sign() < 0) s += '-';
  Digit scratch[3];
  MagView m = Access::View(*this, scratch);
  if (base == 10) {
    AppendDecimal(s, m);
  } else {
    AppendPowerOfTwo(s, m, base);
  }
  return s;
}

std::string BigInt::ToPrefixedString(int base) const {
  if (base == 10) return ToString(10);
  std::string s;
  if (Sign() < 0) s += '-';
  s += base == 16 ? "0x" : base == 8 ? "0o" : "0b";
  Digit scratch[3];
  AppendPowerOfTwo(s, Access::View(*this, scratch), base);
  return s;
}

size_t BigInt::DecimalDigitCount() const {
  std::string s = ToString(10);
  return s.size() - (s[0] == '-');
}

IntResult<std::string> BigInt::ToDecimalString(size_t max_str_digits) const {
  // Cheap rejection before the quadratic conversion: at least (bits - 1) * log10(2) digits.
  if (max_str_digits > 0 && (BitLength() - 1) * 0.30102999566398 > max_str_digits + 1.0) {
    return IntError{IntErrorKind::kValueError,
                    "Exceeds the limit (" + std::to_string(max_str_digits) +
                        " digits) for integer string conversion; use "
                        "sys.set_int_max_str_digits() to increase the limit"};
  }
  std::string s = ToString(10);
  if (max_str_digits > 0 && s.size() - (s[0] == '-') > max_str_digits) {
    return IntError{IntErrorKind::kValueError,
                    "Exceeds the limit (" + std::to_string(max_str_digits) +
                        " digits) for integer string conversion; use "
                        "sys.set_int_max_str_digits() to increase the limit"};
  }
  return s;
}

IntResult<BigInt> BigInt::FromString(std::string_view text, int base, size_t max_str_digits) {
  if (base != 0 && (base < 2 || base > 36)) {
    return IntError{IntErrorKind::kValueError, "int() base must be >= 2 and <= 36, or 0"};
  }
  auto invalid = [&]() {
    return IntError{IntErrorKind::kValueError, "invalid literal for int() with base " +
                                                   std::to_string(base) + ": " +
                                                   ReprForMessage(text)};
  };
  const size_t n = text.size();
  auto at = [&](size_t k) { return k < n ? text[k] : '\0'; };
  size_t i = 0;
  while (i < n && IsSpace(text[i])) ++i;
  bool neg = false;
  if (at(i) == '+' || at(i) == '-') {
    neg = at(i) == '-';
    ++i;
  }
  int b = base;
  bool error_if_nonzero = false;
  if (b == 0) {
    const char p = static_cast<char>(at(i + 1) | 0x20);
    if (at(i) != '0') {
      b = 10;
    } else if (p == 'x') {
      b = 16;
    } else if (p == 'o') {
      b = 8;
    } else if (p == 'b') {
      b = 2;
    } else {
      // A C-style octal literal, invalid unless it is zero.
      error_if_nonzero = true;
      b = 10;
    }
  }
  if (at(i) == '0') {
    const char p = static_cast<char>(at(i + 1) | 0x20);
    if ((b == 16 && p == 'x') || (b == 8 && p == 'o') || (b == 2 && p == 'b')) {
      i += 2;
      if (at(i) == '_') ++i;  // one underscore may follow the prefix
    }
  }
  if (at(i) == '_') return invalid();
  // Digits, with single underscores between them.
  const size_t start = i;
  size_t ndigits = 0;
  bool prev_underscore = false;
  for (; i < n; ++i) {
    const char c = text[i];
    if (c == '_') {
      if (prev_underscore) return invalid();
      prev_underscore = true;
    } else if (DigitValue(c) < b) {
      prev_underscore = false;
      ++ndigits;
    } else {
      break;
    }
  }
  if (prev_underscore || ndigits == 0) return invalid();
  const size_t end = i;
  const bool power_of_two = (b & (b - 1)) == 0;
  if (!power_of_two && max_str_digits > 0 && ndigits > 640 && ndigits > max_str_digits) {
    return IntError{IntErrorKind::kValueError,
                    "Exceeds the limit (" + std::to_string(max_str_digits) +
                        " digits) for integer string conversion: value has " +
                        std::to_string(ndigits) +
                        " digits; use sys.set_int_max_str_digits() to increase the limit"};
  }
  while (i < n && IsSpace(text[i])) ++i;
  if (i != n) return invalid();

  Mag m;
  if (power_of_two) {
    const int bits = std::countr_zero(static_cast<unsigned>(b));
    m.reserve(ndigits * bits / kShift + 1);
    uint64_t acc = 0;
    int acc_bits = 0;
    for (size_t k = end; k-- > start;) {
      if (text[k] == '_') continue;
      acc |= uint64_t(DigitValue(text[k])) << acc_bits;
      acc_bits += bits;
      if (acc_bits >= kShift) {
        m.push_back(static_cast<Digit>(acc & kMask));
        acc >>= kShift;
        acc_bits -= kShift;
      }
    }
    if (acc_bits) m.push_back(static_cast<Digit>(acc));
  } else {
    // Groups of k digits where b**k < 2**30, folded in with one multiply-add each.
    int k = 0;
    Digit group_base = 1;
    while (uint64_t{group_base} * b <= kMask) {
      group_base *= b;
      ++k;
    }
    m.reserve(ndigits / k / 3 * 3 + 4);
    Digit acc = 0, mul = 1;
    int in_group = 0;
    int first = static_cast<int>(ndigits % k);
    if (first == 0) first = k;
    for (size_t p = start; p < end; ++p) {
      if (text[p] == '_') continue;
      acc = acc * b + DigitValue(text[p]);
      mul *= b;
      if (++in_group == first) {
        MulAddSmall(m, mul, acc);
        acc = 0;
        mul = 1;
        in_group = 0;
        first = k;
      }
    }
  }
  Normalize(m);
  if (error_if_nonzero && !m.empty()) return invalid();
  return Access::FromMag(neg, std::move(m));
}

}  // namespace pyrite::bigint
