// Python's repr() of AST constants: str and bytes escaping, the shortest round-trip float text
// in CPython's 'r' style, complex literals, and the singletons.
#include "python/parser/constant_repr.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

#include "python/unicode/unicode.h"
#include "python/unicode/utf8.h"

namespace pyrite::parser {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

void AppendHex(uint32_t value, int digits, std::string& out) {
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
    out += kHexDigits[(value >> shift) & 0xF];
  }
}

// The quote CPython's repr picks: ' unless the text contains ' but no ".
char ChooseQuote(std::string_view text) {
  bool single = false, dbl = false;
  for (char c : text) {
    if (c == '\'') single = true;
    if (c == '"') dbl = true;
  }
  return single && !dbl ? '"' : '\'';
}

// Decodes one code point of UTF-8 at `i` (surrogates allowed, as the parser's str encoding has
// them), advancing `i`. A malformed byte decodes as itself so that nothing is lost.
char32_t DecodeUtf8(std::string_view s, size_t& i) {
  const unsigned char byte = static_cast<unsigned char>(s[i]);
  return unicode::NextCodePoint(s, i).value_or(byte);
}

// Shortest round-trip digits of a finite, positive `value` and the decimal point position:
// value == 0.DIGITS * 10^decpt.
struct ShortestDigits {
  char digits[24];
  int count = 0;
  int decpt = 0;
};

ShortestDigits Shortest(double value) {
  ShortestDigits d;
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value, std::chars_format::scientific);
  (void)ec;  // 64 bytes always suffice for a double
  // "D[.DDD]e[+-]XX"
  char* p = buf;
  int exp = 0;
  for (; p < end && *p != 'e'; ++p) {
    if (*p != '.') d.digits[d.count++] = *p;
  }
  if (p < end) {
    ++p;
    bool negative = *p == '-';
    if (*p == '-' || *p == '+') ++p;
    std::from_chars(p, end, exp);
    if (negative) exp = -exp;
  }
  d.decpt = exp + 1;
  return d;
}

// CPython's format_float_short in 'r' mode: exponent form when decpt is outside (-4, 16];
// `add_dot_0` appends ".0" to integral values written without exponent (float repr does,
// complex components do not).
void AppendShortest(double value, bool add_dot_0, std::string& out) {
  if (std::isnan(value)) {
    out += "nan";
    return;
  }
  if (std::signbit(value)) {
    out += '-';
    value = -value;
  }
  if (std::isinf(value)) {
    out += "inf";
    return;
  }
  ShortestDigits d = Shortest(value);
  std::string_view digits(d.digits, d.count);
  if (d.decpt <= -4 || d.decpt > 16) {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out += digits.substr(1);
    }
    int exp = d.decpt - 1;
    out += 'e';
    out += exp < 0 ? '-' : '+';
    if (exp < 0) exp = -exp;
    if (exp < 10) out += '0';
    out += std::to_string(exp);
    return;
  }
  if (d.decpt <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-d.decpt), '0');
    out += digits;
  } else if (static_cast<size_t>(d.decpt) >= digits.size()) {
    out += digits;
    out.append(static_cast<size_t>(d.decpt) - digits.size(), '0');
    if (add_dot_0) out += ".0";
  } else {
    out += digits.substr(0, d.decpt);
    out += '.';
    out += digits.substr(d.decpt);
  }
}

}  // namespace

void AppendStrRepr(std::string_view utf8, std::string& out) {
  char quote = ChooseQuote(utf8);
  out += quote;
  size_t i = 0;
  while (i < utf8.size()) {
    size_t start = i;
    char32_t cp = DecodeUtf8(utf8, i);
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < ' ' || cp == 0x7F) {
      out += "\\x";
      AppendHex(cp, 2, out);
    } else if (cp < 0x7F) {
      out += static_cast<char>(cp);
    } else if (unicode::IsPrintable(cp)) {
      out.append(utf8.data() + start, i - start);
    } else if (cp <= 0xFF) {
      out += "\\x";
      AppendHex(cp, 2, out);
    } else if (cp <= 0xFFFF) {
      out += "\\u";
      AppendHex(cp, 4, out);
    } else {
      out += "\\U";
      AppendHex(cp, 8, out);
    }
  }
  out += quote;
}

void AppendBytesRepr(std::string_view bytes, std::string& out, bool escape_single_quote) {
  char quote = ChooseQuote(bytes);
  out += 'b';
  out += quote;
  for (char c : bytes) {
    unsigned char b = static_cast<unsigned char>(c);
    if (c == quote || c == '\\' || (escape_single_quote && c == '\'')) {
      out += '\\';
      out += c;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (b < ' ' || b >= 0x7F) {
      out += "\\x";
      AppendHex(b, 2, out);
    } else {
      out += c;
    }
  }
  out += quote;
}

void AppendFloatRepr(double value, std::string& out) { AppendShortest(value, true, out); }

void AppendImaginaryRepr(double imag, std::string& out) {
  AppendShortest(imag, false, out);
  out += 'j';
}

void AppendConstantRepr(const ast::ConstantValue& value, std::string& out) {
  using Kind = ast::ConstantValue::Kind;
  switch (value.kind) {
    case Kind::kNone:
      out += "None";
      return;
    case Kind::kTrue:
      out += "True";
      return;
    case Kind::kFalse:
      out += "False";
      return;
    case Kind::kEllipsis:
      out += "Ellipsis";
      return;
    case Kind::kInt:
      out += value.text;
      return;
    case Kind::kFloat:
      AppendFloatRepr(value.number, out);
      return;
    case Kind::kComplex:
      AppendImaginaryRepr(value.number, out);
      return;
    case Kind::kStr:
      AppendStrRepr(value.text, out);
      return;
    case Kind::kBytes:
      AppendBytesRepr(value.text, out);
      return;
  }
}

std::string ConstantRepr(const ast::ConstantValue& value) {
  std::string out;
  AppendConstantRepr(value, out);
  return out;
}

}  // namespace pyrite::parser
