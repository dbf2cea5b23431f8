// Literal values: NUMBER token text to int/float/complex constants (CPython's parsenumber in
// Parser/pegen.c) and string/bytes literal bodies to their values (Parser/string_parser.c with
// the 'unicodeescape' codec and bytes escape decoding), with CPython 3.11's error messages.
#include "python/parser/literals.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "python/unicode/unicode.h"
#include "python/unicode/utf8.h"

namespace pyrite::parser {
namespace {

using ast::ConstantValue;

// CPython 3.11's default sys.get_int_max_str_digits(): longer decimal literals are rejected.
constexpr size_t kMaxDecimalDigits = 4300;

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// The decimal digits of `digits` (no prefix, no underscores) read in base 2, 8 or 16, or nullopt
// when a digit is out of range. Schoolbook conversion into base-1e9 limbs: each step multiplies
// by base^k for a chunk of k digits, keeping products below 2^64.
std::optional<std::string> ToDecimal(std::string_view digits, int base) {
  const int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
  const size_t chunk = 28 / bits;  // base^chunk <= 2^28
  constexpr uint64_t kLimb = 1000000000;
  std::vector<uint32_t> limbs;  // little-endian
  for (size_t start = 0; start < digits.size(); start += chunk) {
    const size_t end = std::min(digits.size(), start + chunk);
    uint64_t value = 0;
    for (size_t i = start; i < end; ++i) {
      const int d = DigitValue(digits[i]);
      if (d >= base) return std::nullopt;
      value = (value << bits) | static_cast<uint64_t>(d);
    }
    const uint64_t multiplier = uint64_t{1} << (bits * (end - start));
    uint64_t carry = value;
    for (uint32_t& limb : limbs) {
      const uint64_t product = limb * multiplier + carry;
      limb = static_cast<uint32_t>(product % kLimb);
      carry = product / kLimb;
    }
    while (carry != 0) {
      limbs.push_back(static_cast<uint32_t>(carry % kLimb));
      carry /= kLimb;
    }
  }
  if (limbs.empty()) return "0";
  std::string out = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    const std::string part = std::to_string(limbs[i]);
    out.append(9 - part.size(), '0');
    out += part;
  }
  return out;
}

// The double nearest to decimal float text (digits, '.', exponent; no sign, no underscores).
std::optional<double> ToDouble(std::string_view text) {
#if !defined(__cpp_lib_to_chars)
  // Emscripten's libc++ has no floating-point from_chars; its musl strtod is correctly rounded
  // too, and the C locale is the only one there.
  const std::string copy(text);
  char* stop = nullptr;
  const double parsed = std::strtod(copy.c_str(), &stop);
  if (copy.empty() || stop != copy.c_str() + copy.size()) return std::nullopt;
  return parsed;
#else
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (end != text.data() + text.size()) return std::nullopt;
  if (error == std::errc()) return value;
  if (error != std::errc::result_out_of_range) return std::nullopt;
  // Out of range: overflow to infinity or underflow to zero, told apart by the decimal exponent
  // of the leading significant digit (from_chars leaves `value` untouched here).
  const size_t e = text.find_first_of("eE");
  const std::string_view mantissa = text.substr(0, e);
  const size_t point = std::min(mantissa.find('.'), mantissa.size());
  const size_t first = mantissa.find_first_not_of("0.");
  if (first == std::string_view::npos) return 0.0;
  // Digit `first` stands for 10^(magnitude - 1).
  const int64_t magnitude = first < point ? static_cast<int64_t>(point - first)
                                          : -static_cast<int64_t>(first - point - 1);
  int64_t exponent = 0;
  if (e != std::string_view::npos) {
    size_t j = e + 1;
    bool negative = false;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) negative = text[j++] == '-';
    for (; j < text.size(); ++j) {
      if (exponent < 1000000000) exponent = exponent * 10 + (text[j] - '0');
    }
    if (negative) exponent = -exponent;
  }
  return magnitude + exponent > 0 ? std::numeric_limits<double>::infinity() : 0.0;
#endif
}

// CPython hands a str literal with escapes to the 'unicodeescape' codec after spelling every
// non-ASCII character as "\UXXXXXXXX" (and a backslash before one as "\u005c"), so the codec's
// error positions count in that spelling. This builds the same text.
std::string EscapeNonAscii(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  char buf[16];
  size_t i = 0;
  while (i < body.size()) {
    if (body[i] == '\\') {
      out.push_back(body[i++]);
      if (i >= body.size() || (body[i] & 0x80) != 0) {
        out += "u005c";
        if (i >= body.size()) break;
      }
    }
    if ((body[i] & 0x80) != 0) {
      const char32_t cp = unicode::NextCodePoint(body, i).value_or(0xFFFD);
      std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.push_back(body[i++]);
    }
  }
  return out;
}

std::string UnicodeEscapeError(size_t start, size_t end, std::string_view message) {
  std::string out = "(unicode error) 'unicodeescape' codec can't decode ";
  if (end - start == 1) {
    out += "byte 0x5c in position " + std::to_string(start);
  } else {
    out += "bytes in position " + std::to_string(start) + "-" + std::to_string(end - 1);
  }
  out += ": ";
  out += message;
  return out;
}

int HexValue(char c) {
  const int d = DigitValue(c);
  return d < 16 ? d : -1;
}

// The escapes shared by str and bytes; returns the character for `c` after a backslash, or -1.
int SimpleEscape(char c) {
  switch (c) {
    case '\\':
      return '\\';
    case '\'':
      return '\'';
    case '"':
      return '"';
    case 'a':
      return '\a';
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case 'v':
      return '\v';
    default:
      return -1;
  }
}

// Reads up to three octal digits at s[i] (the first is known to be one).
uint32_t ReadOctal(std::string_view s, size_t& i) {
  uint32_t value = 0;
  for (int k = 0; k < 3 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k) {
    value = value * 8 + static_cast<uint32_t>(s[i++] - '0');
  }
  return value;
}

// The 'unicodeescape' codec over ASCII text; errors as CPython words them.
std::variant<std::string, std::string> DecodeUnicodeEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '\\') {
      out.push_back(s[i++]);
      continue;
    }
    const size_t start = i++;
    if (i >= s.size()) {
      return std::variant<std::string, std::string>(
          std::in_place_index<1>, UnicodeEscapeError(start, i, "\\ at end of string"));
    }
    const char c = s[i++];
    if (c == '\n') continue;
    if (int simple = SimpleEscape(c); simple >= 0) {
      out.push_back(static_cast<char>(simple));
      continue;
    }
    if (c >= '0' && c <= '7') {
      --i;
      unicode::AppendUtf8(out, ReadOctal(s, i));
      continue;
    }
    if (c == 'x' || c == 'u' || c == 'U') {
      const int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
      const char* message = c == 'x'   ? "truncated \\xXX escape"
                            : c == 'u' ? "truncated \\uXXXX escape"
                                       : "truncated \\UXXXXXXXX escape";
      uint32_t value = 0;
      for (int k = 0; k < count; ++k, ++i) {
        const int d = i < s.size() ? HexValue(s[i]) : -1;
        if (d < 0) {
          return std::variant<std::string, std::string>(std::in_place_index<1>,
                                                        UnicodeEscapeError(start, i, message));
        }
        value = value * 16 + static_cast<uint32_t>(d);
      }
      if (value > 0x10FFFF) {
        return std::variant<std::string, std::string>(
            std::in_place_index<1>, UnicodeEscapeError(start, i, "illegal Unicode character"));
      }
      unicode::AppendUtf8(out, value);
      continue;
    }
    if (c == 'N') {
      const char* message = "malformed \\N character escape";
      if (i < s.size() && s[i] == '{') {
        const size_t name_start = ++i;
        while (i < s.size() && s[i] != '}') ++i;
        if (i < s.size() && i > name_start) {
          const std::string_view name = s.substr(name_start, i - name_start);
          ++i;
          if (std::optional<char32_t> cp = unicode::LookupName(name)) {
            unicode::AppendUtf8(out, *cp);
            continue;
          }
          message = "unknown Unicode character name";
        }
      }
      return std::variant<std::string, std::string>(std::in_place_index<1>,
                                                    UnicodeEscapeError(start, i, message));
    }
    // Not an escape: kept verbatim (CPython only warns).
    out.push_back('\\');
    out.push_back(c);
  }
  return std::variant<std::string, std::string>(std::in_place_index<0>, std::move(out));
}

// Bytes escapes (CPython's _PyBytes_DecodeEscape); the body is ASCII.
std::variant<std::string, std::string> DecodeBytesEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '\\') {
      out.push_back(s[i++]);
      continue;
    }
    const size_t start = i++;
    if (i >= s.size()) {
      return std::variant<std::string, std::string>(std::in_place_index<1>,
                                                    "(value error) Trailing \\ in string");
    }
    const char c = s[i++];
    if (c == '\n') continue;
    if (int simple = SimpleEscape(c); simple >= 0) {
      out.push_back(static_cast<char>(simple));
      continue;
    }
    if (c >= '0' && c <= '7') {
      --i;
      // Values above 0o377 keep their low byte, as CPython's char store does.
      out.push_back(static_cast<char>(ReadOctal(s, i) & 0xFF));
      continue;
    }
    if (c == 'x') {
      const int high = i < s.size() ? HexValue(s[i]) : -1;
      const int low = i + 1 < s.size() ? HexValue(s[i + 1]) : -1;
      if (high < 0 || low < 0) {
        return std::variant<std::string, std::string>(
            std::in_place_index<1>,
            "(value error) invalid \\x escape at position " + std::to_string(start));
      }
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
      continue;
    }
    out.push_back('\\');
    out.push_back(c);
  }
  return std::variant<std::string, std::string>(std::in_place_index<0>, std::move(out));
}

}  // namespace

std::variant<ConstantValue, std::string> ParseNumber(std::string_view text, Arena& arena) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    if (c != '_') clean.push_back(c);
  }
  if (clean.empty()) return std::string("invalid number literal");
  ConstantValue value;
  const char last = clean.back();
  if (last == 'j' || last == 'J') {
    clean.pop_back();
    const std::optional<double> imag = ToDouble(clean);
    if (!imag) return std::string("invalid imaginary literal");
    value.kind = ConstantValue::Kind::kComplex;
    value.number = *imag;
    return value;
  }
  const char prefix = clean.size() > 1 && clean[0] == '0' ? (clean[1] | 0x20) : 0;
  if (prefix == 'x' || prefix == 'o' || prefix == 'b') {
    const int base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
    const std::optional<std::string> digits = ToDecimal(std::string_view(clean).substr(2), base);
    if (!digits || clean.size() == 2) return std::string("invalid number literal");
    value.kind = ConstantValue::Kind::kInt;
    value.text = arena.CopyString(*digits);
    return value;
  }
  const bool is_int = clean.find_first_not_of("0123456789") == std::string::npos;
  if (is_int) {
    const size_t first = clean.find_first_not_of('0');
    if (first == std::string::npos) {
      value.kind = ConstantValue::Kind::kInt;
      value.text = arena.CopyString("0");
      return value;
    }
    const size_t digits = clean.size() - first;
    if (digits > kMaxDecimalDigits) {
      return "Exceeds the limit (" + std::to_string(kMaxDecimalDigits) +
             " digits) for integer string conversion: value has " + std::to_string(digits) +
             " digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
             "hexadecimal for huge integer literals to avoid decimal conversion limits.";
    }
    value.kind = ConstantValue::Kind::kInt;
    value.text = arena.CopyString(std::string_view(clean).substr(first));
    return value;
  }
  const std::optional<double> number = ToDouble(clean);
  if (!number) return std::string("invalid number literal");
  value.kind = ConstantValue::Kind::kFloat;
  value.number = *number;
  return value;
}

std::variant<std::string_view, std::string> DecodeStringBody(std::string_view body, bool raw,
                                                             bool is_bytes, Arena& arena) {
  using Result = std::variant<std::string_view, std::string>;
  if (is_bytes) {
    for (char c : body) {
      if ((c & 0x80) != 0) {
        return Result(std::in_place_index<1>, "bytes can only contain ASCII literal characters");
      }
    }
  }
  if (raw || body.find('\\') == std::string_view::npos) {
    if (!is_bytes) {
      if (std::optional<std::string> error = unicode::FirstDecodeError(body)) {
        return Result(std::in_place_index<1>, "(unicode error) " + *error);
      }
    }
    return Result(std::in_place_index<0>, arena.CopyString(body));
  }
  std::variant<std::string, std::string> decoded =
      is_bytes ? DecodeBytesEscape(body) : DecodeUnicodeEscape(EscapeNonAscii(body));
  if (decoded.index() == 1) return Result(std::in_place_index<1>, std::get<1>(std::move(decoded)));
  return Result(std::in_place_index<0>, arena.CopyString(std::get<0>(decoded)));
}

}  // namespace pyrite::parser
