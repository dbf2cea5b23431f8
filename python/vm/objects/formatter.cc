// The format-specification mini-language for str, int, float and complex (CPython's
// Python/formatter_unicode.c semantics, written anew): parsing
// [[fill]align][sign][z][#][0][width][grouping][.precision][type], then laying out the value
// with fill, alignment, sign, prefixes and digit grouping. Float digits come from std::to_chars
// (exact, correctly rounded), laid out as PyOS_double_to_string does.
#include "python/vm/objects/formatter.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include "python/unicode/utf8.h"
#include "python/vm/error.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/str.h"

namespace pyrite::vm {

using bigint::BigInt;

namespace {

struct Spec {
  char32_t fill = ' ';
  char align = 0;  // 0: the type's default
  char sign = 0;   // 0, '+', '-', ' '
  bool no_neg_0 = false;
  bool alternate = false;
  int64_t width = -1;
  char thousands = 0;  // 0, ',', '_'
  int group = 3;       // digits per group ('_' with b/o/x: 4)
  int64_t precision = -1;
  char32_t type = 0;
};

bool IsAlign(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

std::string TypeCodeText(char32_t t) {
  if (t > 32 && t < 128) return std::string(1, static_cast<char>(t));
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(t));
  return buf;
}

// Reads a decimal integer at spec[*pos]; -1 if none there; false on overflow (error set).
bool ReadInteger(Str* s, int64_t* pos, int64_t* out) {
  *out = -1;
  int64_t v = 0;
  bool any = false;
  while (*pos < s->length) {
    char32_t c = StrAt(s, *pos);
    if (c < '0' || c > '9') break;
    if (v > (INT64_MAX - 9) / 10) {
      SetError(&ValueErrorType, "Too many decimal digits in format string");
      return false;
    }
    v = v * 10 + (c - '0');
    any = true;
    ++*pos;
  }
  if (any) *out = v;
  return true;
}

// Parses `s` into `spec`; `default_type` is the type used when none is given, `default_align`
// '<' for strings and '>' for numbers.
bool ParseSpec(Str* s, char32_t default_type, char default_align, Spec* spec) {
  int64_t pos = 0;
  const int64_t n = s->length;
  spec->type = default_type;
  bool fill_specified = false, align_specified = false;
  if (n >= 2 && IsAlign(StrAt(s, 1))) {
    spec->fill = StrAt(s, 0);
    spec->align = static_cast<char>(StrAt(s, 1));
    fill_specified = align_specified = true;
    pos = 2;
  } else if (n >= 1 && IsAlign(StrAt(s, 0))) {
    spec->align = static_cast<char>(StrAt(s, 0));
    align_specified = true;
    pos = 1;
  }
  if (pos < n) {
    char32_t c = StrAt(s, pos);
    if (c == '+' || c == '-' || c == ' ') {
      spec->sign = static_cast<char>(c);
      ++pos;
    }
  }
  if (pos < n && StrAt(s, pos) == 'z') {
    spec->no_neg_0 = true;
    ++pos;
  }
  if (pos < n && StrAt(s, pos) == '#') {
    spec->alternate = true;
    ++pos;
  }
  if (!fill_specified && pos < n && StrAt(s, pos) == '0') {
    spec->fill = '0';
    if (!align_specified && default_align == '>') spec->align = '=';
    ++pos;
  }
  if (!ReadInteger(s, &pos, &spec->width)) return false;
  if (pos < n && StrAt(s, pos) == ',') {
    spec->thousands = ',';
    ++pos;
  }
  if (pos < n && StrAt(s, pos) == '_') {
    if (spec->thousands != 0) {
      SetError(&ValueErrorType, "Cannot specify both ',' and '_'.");
      return false;
    }
    spec->thousands = '_';
    ++pos;
  }
  if (pos < n && StrAt(s, pos) == ',' && spec->thousands == '_') {
    SetError(&ValueErrorType, "Cannot specify both ',' and '_'.");
    return false;
  }
  if (pos < n && StrAt(s, pos) == '.') {
    ++pos;
    if (!ReadInteger(s, &pos, &spec->precision)) return false;
    if (spec->precision < 0) {
      SetError(&ValueErrorType, "Format specifier missing precision");
      return false;
    }
  }
  if (n - pos > 1) {
    SetError(&ValueErrorType, "Invalid format specifier");
    return false;
  }
  if (n - pos == 1) spec->type = StrAt(s, pos);
  if (spec->thousands != 0) {
    switch (spec->type) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case 0:
        break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        if (spec->thousands == '_') {
          spec->group = 4;
          break;
        }
        [[fallthrough]];
      default:
        SetErrorF(&ValueErrorType, "Cannot specify '%c' with '%s'.", spec->thousands,
                  TypeCodeText(spec->type).c_str());
        return false;
    }
  }
  if (spec->align == 0) spec->align = default_align;
  return true;
}

void UnknownCode(char32_t type, const char* type_name) {
  SetErrorF(&ValueErrorType, "Unknown format code '%s' for object of type '%s'",
            TypeCodeText(type).c_str(), type_name);
}

void AppendFill(std::string& out, char32_t fill, int64_t n) {
  if (n <= 0) return;
  if (fill < 0x80) {
    out.append(static_cast<size_t>(n), static_cast<char>(fill));
    return;
  }
  for (int64_t i = 0; i < n; ++i) unicode::AppendUtf8(out, fill);
}

// `text` (`len` characters) padded with the spec's fill to its width: after it for '<', around
// it for '^', before it otherwise.
std::string AlignText(std::string_view text, int64_t len, const Spec& spec) {
  int64_t pad = spec.width > len ? spec.width - len : 0;
  std::string out;
  if (spec.align == '<') {
    out = text;
    AppendFill(out, spec.fill, pad);
  } else if (spec.align == '^') {
    AppendFill(out, spec.fill, pad / 2);
    out += text;
    AppendFill(out, spec.fill, pad - pad / 2);
  } else {
    AppendFill(out, spec.fill, pad);
    out += text;
  }
  return out;
}

// Groups `digits` (ASCII) with `sep` every `group` digits from the right, padding with '0' to at
// least `min_width` characters (zero-padding with '=' alignment pads inside the grouping).
std::string GroupDigits(std::string_view digits, char sep, int group, int64_t min_width) {
  // Written backwards from the end of a buffer big enough for every digit, separator and pad.
  const size_t n = digits.size();
  const size_t cap = std::max(n + n / static_cast<size_t>(group),
                              static_cast<size_t>(std::max<int64_t>(min_width, 0))) +
                     2;
  std::string buf(cap, '0');
  size_t pos = cap;
  const auto size = [&] { return static_cast<int64_t>(cap - pos); };
  int count = 0;
  size_t di = n;
  while (true) {
    bool have = di > 0;
    if (!have && size() >= min_width) break;
    if (sep != 0 && count == group) {
      buf[--pos] = sep;
      count = 0;
      if (!have && size() >= min_width) {
        // A separator must be followed by a digit.
        buf[--pos] = '0';
        break;
      }
    }
    buf[--pos] = have ? digits[--di] : '0';
    ++count;
  }
  return buf.substr(pos);
}

// Lays out a number: sign and prefix, integer digits (grouped), the rest (".5e+10", "%", "j"),
// padded to the spec's width and alignment.
std::string LayOutNumber(const Spec& spec, std::string_view sign, std::string_view prefix,
                         std::string_view digits, std::string_view rest) {
  int64_t left_len = static_cast<int64_t>(sign.size() + prefix.size());
  int64_t min_digits = 0;
  bool zero_fill = spec.fill == '0' && spec.align == '=';
  if (zero_fill && spec.width > 0) {
    min_digits = spec.width - left_len - static_cast<int64_t>(rest.size());
  }
  const bool group = spec.thousands != 0 || min_digits > 0;
  std::string grouped = group ? GroupDigits(digits, spec.thousands, spec.group, min_digits) : "";
  std::string_view body = group ? std::string_view(grouped) : digits;
  int64_t total = left_len + static_cast<int64_t>(body.size() + rest.size());
  int64_t pad = spec.width > total ? spec.width - total : 0;
  std::string out;
  out.reserve(static_cast<size_t>(total + pad));
  switch (spec.align) {
    case '<':
      out.append(sign).append(prefix).append(body).append(rest);
      AppendFill(out, spec.fill, pad);
      break;
    case '^':
      AppendFill(out, spec.fill, pad / 2);
      out.append(sign).append(prefix).append(body).append(rest);
      AppendFill(out, spec.fill, pad - pad / 2);
      break;
    case '=':
      out.append(sign).append(prefix);
      AppendFill(out, spec.fill, pad);
      out.append(body).append(rest);
      break;
    default:
      AppendFill(out, spec.fill, pad);
      out.append(sign).append(prefix).append(body).append(rest);
      break;
  }
  return out;
}

std::string SignText(const Spec& spec, bool negative) {
  if (negative) return "-";
  if (spec.sign == '+') return "+";
  if (spec.sign == ' ') return " ";
  return "";
}

// --- Floats ---------------------------------------------------------------------------------

std::string ToChars(double v, std::chars_format fmt, int precision) {
  static char buf[2048];
  auto r = std::to_chars(buf, buf + sizeof buf, v, fmt, precision);
  return std::string(buf, r.ptr);
}

// Makes "e+5" into "e+05" (at least two exponent digits, as C's printf).
std::string FixExponent(std::string s) {
  size_t e = s.find('e');
  if (e == std::string::npos) return s;
  std::string mant = s.substr(0, e);
  char sign = s[e + 1];
  std::string digits = s.substr(e + 2);
  if (digits.size() < 2) digits = "0" + digits;
  return mant + "e" + sign + digits;
}

// |v| (finite) as PyOS_double_to_string(v, type, precision, flags) would write it, without the
// sign. type is one of e f g r (lowercase).
std::string FloatBody(double v, char type, int64_t precision, bool alternate, bool add_dot_0) {
  v = std::fabs(v);
  int p = static_cast<int>(precision > 1100 ? 1100 : precision);
  switch (type) {
    case 'f': {
      std::string s = ToChars(v, std::chars_format::fixed, p);
      if (alternate && s.find('.') == std::string::npos) s += ".";
      return s;
    }
    case 'e': {
      std::string s = FixExponent(ToChars(v, std::chars_format::scientific, p));
      if (alternate && s.find('.') == std::string::npos) s.insert(s.find('e'), ".");
      return s;
    }
    case 'r':
      return FloatRepr(v);
    default: {  // 'g'
      if (p == 0) p = 1;
      std::string sci = ToChars(v, std::chars_format::scientific, p - 1);
      int exp = std::atoi(sci.c_str() + sci.find('e') + 1);
      std::string s;
      if (v == 0.0) exp = 0;
      // With an omitted type (add_dot_0) the exponent starts one place earlier, as CPython's
      // format_float_short does.
      bool use_exp = exp < -4 || exp >= (add_dot_0 ? p - 1 : p);
      if (use_exp) {
        s = FixExponent(sci);
      } else {
        s = ToChars(v, std::chars_format::fixed, p - 1 - exp);
      }
      if (!alternate) {
        // Strip trailing zeros of the fraction, and the point if nothing is left after it.
        size_t e = s.find('e');
        std::string mant = e == std::string::npos ? s : s.substr(0, e);
        std::string tail = e == std::string::npos ? "" : s.substr(e);
        if (mant.find('.') != std::string::npos) {
          while (mant.back() == '0') mant.pop_back();
          if (mant.back() == '.') mant.pop_back();
        }
        s = mant + tail;
        if (add_dot_0 && s.find('.') == std::string::npos && s.find('e') == std::string::npos) {
          s += ".0";
        }
      } else if (s.find('.') == std::string::npos) {
        size_t e = s.find('e');
        if (e == std::string::npos) {
          s += ".";
        } else {
          s.insert(e, ".");
        }
      }
      return s;
    }
  }
}

// Formats one float as a number (used for float and the parts of complex). `type` is the
// spec's type after defaulting ('\0' handled by the caller as 'r' or 'g').
std::string FormatDoubleNumber(double v, const Spec& spec, char32_t type, int64_t precision,
                               bool add_dot_0, bool force_sign, std::string_view suffix) {
  bool upper = type == 'E' || type == 'F' || type == 'G';
  char t = static_cast<char>(upper ? type + 32 : type);
  bool percent = false;
  if (t == 'n') t = 'g';
  if (t == '%') {
    t = 'f';
    v *= 100;
    percent = true;
  }
  std::string body;
  if (std::isnan(v)) {
    body = "nan";
  } else if (std::isinf(v)) {
    body = "inf";
  } else {
    body = FloatBody(v, t, precision, spec.alternate, add_dot_0);
  }
  bool negative = std::signbit(v) && !std::isnan(v);
  if (negative && spec.no_neg_0 && !std::isnan(v) && !std::isinf(v)) {
    // A value that rounds to zero loses its sign.
    if (body.find_first_not_of("0.e+-%") == std::string::npos ||
        body.find_first_of("123456789") == std::string::npos) {
      negative = false;
    }
  }
  if (upper) {
    for (char& c : body) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  // Split into integer digits and the rest.
  size_t int_end = body.find_first_not_of("0123456789");
  if (int_end == std::string::npos) int_end = body.size();
  std::string digits = body.substr(0, int_end);
  std::string rest = body.substr(int_end);
  if (percent) rest += "%";
  rest += suffix;
  Spec s = spec;
  if (force_sign) s.sign = '+';
  if (std::isnan(v) || std::isinf(v)) {
    // No grouping of the letters: the whole body is the "rest".
    s.thousands = 0;
    return LayOutNumber(s, SignText(s, negative), "", "",
                        body + (percent ? "%" : "") + std::string(suffix));
  }
  return LayOutNumber(s, SignText(s, negative), "", digits, rest);
}

}  // namespace

// --- Entry points ---------------------------------------------------------------------------

Ref<> FormatStr(Str* value, Str* spec_str) {
  if (spec_str->length == 0) return NewRef<Object>(value);
  Spec spec;
  if (!ParseSpec(spec_str, 's', '<', &spec)) return nullptr;
  if (spec.type != 's') {
    UnknownCode(spec.type, "str");
    return nullptr;
  }
  if (spec.sign != 0) {
    SetError(&ValueErrorType, "Sign not allowed in string format specifier");
    return nullptr;
  }
  if (spec.no_neg_0) {
    SetError(&ValueErrorType, "Negative zero coercion (z) not allowed in string format specifier");
    return nullptr;
  }
  if (spec.alternate) {
    SetError(&ValueErrorType, "Alternate form (#) not allowed in string format specifier");
    return nullptr;
  }
  if (spec.align == '=') {
    SetError(&ValueErrorType, "'=' alignment not allowed in string format specifier");
    return nullptr;
  }
  Ref<Str> v = NewRef(value);
  if (spec.precision >= 0 && spec.precision < value->length) {
    v = StrSubstring(value, 0, spec.precision);
    PY_RETURN_IF_NULL(v);
  }
  int64_t len = v->length;
  int64_t pad = spec.width > len ? spec.width - len : 0;
  if (pad == 0) return v;
  int64_t left = spec.align == '>' ? pad : spec.align == '^' ? pad / 2 : 0;
  StrBuilder b;
  for (int64_t i = 0; i < left; ++i) b.Append(spec.fill);
  b.Append(v.get());
  for (int64_t i = 0; i < pad - left; ++i) b.Append(spec.fill);
  return b.Finish();
}

Ref<> FormatInt(const BigInt& value, Str* spec_str) {
  Spec spec;
  if (!ParseSpec(spec_str, 'd', '>', &spec)) return nullptr;
  switch (spec.type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
      auto d = value.ToDouble();
      if (!d.ok()) {
        SetError(&OverflowErrorType, d.error().message);
        return nullptr;
      }
      return FormatFloat(d.value(), spec_str);
    }
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
      break;
    default:
      UnknownCode(spec.type, "int");
      return nullptr;
  }
  if (spec.precision >= 0) {
    SetError(&ValueErrorType, "Precision not allowed in integer format specifier");
    return nullptr;
  }
  if (spec.no_neg_0) {
    SetError(&ValueErrorType, "Negative zero coercion (z) not allowed in integer format specifier");
    return nullptr;
  }
  if (spec.type == 'c') {
    if (spec.sign != 0) {
      SetError(&ValueErrorType, "Sign not allowed with integer format specifier 'c'");
      return nullptr;
    }
    if (spec.alternate) {
      SetError(&ValueErrorType, "Alternate form (#) not allowed with integer format specifier 'c'");
      return nullptr;
    }
    auto cp = value.ToInt64();
    if (!cp) {
      SetError(&OverflowErrorType, "Python int too large to convert to C long");
      return nullptr;
    }
    if (*cp < 0 || *cp > 0x10ffff) {
      SetError(&OverflowErrorType, "%c arg not in range(0x110000)");
      return nullptr;
    }
    std::string ch;
    unicode::AppendUtf8(ch, static_cast<char32_t>(*cp));
    // Laid out like a string of one character (numbers' default alignment).
    return NewStr(AlignText(ch, 1, spec));
  }
  int base = 10;
  std::string prefix;
  switch (spec.type) {
    case 'b':
      base = 2;
      prefix = "0b";
      break;
    case 'o':
      base = 8;
      prefix = "0o";
      break;
    case 'x':
      base = 16;
      prefix = "0x";
      break;
    case 'X':
      base = 16;
      prefix = "0X";
      break;
    default:
      break;
  }
  if (!spec.alternate) prefix.clear();
  bool negative = value.Sign() < 0;
  std::string digits;
  if (base == 10 && !value.IsSmall()) {
    auto r = value.Abs().ToDecimalString(static_cast<size_t>(int_max_str_digits));
    if (!r.ok()) {
      SetError(&ValueErrorType, r.error().message);
      return nullptr;
    }
    digits = std::move(r).value();
  } else {
    digits = value.Abs().ToString(base);
  }
  if (spec.type == 'X') {
    for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return NewStr(LayOutNumber(spec, SignText(spec, negative), prefix, digits, ""));
}

Ref<> FormatFloat(double value, Str* spec_str) {
  if (spec_str->length == 0) return NewStr(FloatRepr(value));
  Spec spec;
  if (!ParseSpec(spec_str, 0, '>', &spec)) return nullptr;
  switch (spec.type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
      break;
    default:
      UnknownCode(spec.type, "float");
      return nullptr;
  }
  char32_t type = spec.type;
  int64_t precision = spec.precision;
  bool add_dot_0 = false;
  if (type == 0) {
    add_dot_0 = true;
    type = precision < 0 ? 'r' : 'g';
  }
  if (precision < 0) precision = 6;
  if (type == 'r') {
    // repr digits with the spec's sign, grouping and padding.
    return NewStr(FormatDoubleNumber(value, spec, 'r', 0, true, false, ""));
  }
  return NewStr(FormatDoubleNumber(value, spec, type, precision, add_dot_0, false, ""));
}

Ref<> FormatComplex(double real, double imag, Str* spec_str) {
  Spec spec;
  if (spec_str->length != 0 && !ParseSpec(spec_str, 0, '>', &spec)) return nullptr;
  if (spec_str->length == 0) spec.align = '>';
  switch (spec.type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
      break;
    default:
      UnknownCode(spec.type, "complex");
      return nullptr;
  }
  if (spec.fill == '0' && spec_str->length != 0) {
    SetError(&ValueErrorType, "Zero padding is not allowed in complex format specifier");
    return nullptr;
  }
  if (spec.align == '=') {
    SetError(&ValueErrorType, "'=' alignment flag is not allowed in complex format specifier");
    return nullptr;
  }
  char32_t type = spec.type;
  int64_t precision = spec.precision;
  bool skip_re = false, parens = false;
  if (type == 0) {
    if (real == 0.0 && !std::signbit(real)) {
      skip_re = true;
    } else {
      parens = true;
    }
    type = precision < 0 ? 'r' : 'g';
  }
  if (precision < 0) precision = 6;
  // The parts without padding; the whole is padded at the end.
  Spec part = spec;
  part.width = -1;
  part.fill = ' ';
  part.align = '>';
  auto strip_dot0 = [&](std::string s) {
    if (type == 'r' && s.ends_with(".0") && s.find('e') == std::string::npos) {
      s.resize(s.size() - 2);
    }
    return s;
  };
  std::string re =
      skip_re ? "" : strip_dot0(FormatDoubleNumber(real, part, type, precision, false, false, ""));
  Spec im_part = part;
  std::string im =
      strip_dot0(FormatDoubleNumber(imag, im_part, type, precision, false, !skip_re, ""));
  std::string body = (parens ? "(" : "") + re + im + "j" + (parens ? ")" : "");
  return NewStr(AlignText(body, static_cast<int64_t>(body.size()), spec));
}

}  // namespace pyrite::vm
