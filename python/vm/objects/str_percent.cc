// printf-style formatting, `str % args` (CPython's PyUnicode_Format): conversions
// %s %r %a %d %i %u %o %x %X %e %E %f %F %g %G %c %%, flags `-+ #0`, width and precision (also
// `*`), mapping keys `%(name)s`, and CPython's messages for every misuse.
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <system_error>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/formatter.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/str_impl.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {
namespace {

enum Flags : unsigned { kLeft = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16 };

struct Context {
  Object* args;
  int64_t arglen;  // -1: a single non-tuple argument
  int64_t argidx;
  Object* dict = nullptr;  // borrowed: args when it is a mapping
};

Object* NextArg(Context& ctx) {
  if (ctx.argidx < ctx.arglen) {
    const int64_t i = ctx.argidx++;
    if (ctx.arglen < 0) return ctx.args;
    return static_cast<Tuple*>(ctx.args)->items[i];
  }
  SetError(&TypeErrorType, "not enough arguments for format string");
  return nullptr;
}

// Lays out sign + prefix + body (ASCII) in `width` as the flags say; zero padding goes after the
// prefix.
void Emit(StrBuilder& out, std::string_view sign_prefix, std::string_view body, int64_t width,
          unsigned flags, bool zero_pad_allowed) {
  const int64_t len = static_cast<int64_t>(sign_prefix.size() + body.size());
  const int64_t pad = width > len ? width - len : 0;
  if (flags & kLeft) {
    out.AppendAscii(sign_prefix);
    out.AppendAscii(body);
    out.AppendRepeated(' ', pad);
  } else if ((flags & kZero) && zero_pad_allowed) {
    out.AppendAscii(sign_prefix);
    out.AppendRepeated('0', pad);
    out.AppendAscii(body);
  } else {
    out.AppendRepeated(' ', pad);
    out.AppendAscii(sign_prefix);
    out.AppendAscii(body);
  }
}

// The first `len` code points of `text`, padded with spaces to `width` (left-aligned with '-').
void EmitText(StrBuilder& out, Str* text, int64_t len, int64_t width, unsigned flags) {
  const int64_t pad = width > len ? width - len : 0;
  if (!(flags & kLeft)) out.AppendRepeated(' ', pad);
  out.AppendSlice(text, 0, len);
  if (flags & kLeft) out.AppendRepeated(' ', pad);
}

// printf's "%.*e" (f, g, E, F, G) of x >= 0, finite, optionally with the '#' flag. Without '#',
// std::to_chars writes exactly what printf would, without parsing a format string.
std::string PrintfDouble(double x, char32_t type, int prec, bool alternate) {
  char buf[128];
  if (!alternate && prec < 100) {
    std::chars_format fmt = (type == 'e' || type == 'E')   ? std::chars_format::scientific
                            : (type == 'f' || type == 'F') ? std::chars_format::fixed
                                                           : std::chars_format::general;
    std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, x, fmt, prec);
    if (r.ec == std::errc()) {
      std::string s(buf, r.ptr);
      if (type == 'E' || type == 'G') {
        for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      return s;
    }
  }
  char fmt[16];
  std::snprintf(fmt, sizeof fmt, "%%%s.*%c", alternate ? "#" : "",
                static_cast<char>(type == 'F' ? 'f' : type));
  // A stack buffer first; only huge results (%.500f of 1e300) are formatted twice.
  int n = std::snprintf(buf, sizeof buf, fmt, prec, x);
  if (n < static_cast<int>(sizeof buf)) return std::string(buf, static_cast<size_t>(n));
  std::string s(static_cast<size_t>(n) + 1, '\0');
  std::snprintf(s.data(), s.size(), fmt, prec, x);
  s.resize(static_cast<size_t>(n));
  return s;
}

bool IsNumberLike(Object* v) {
  Type* t = v->type;
  return t->nb_index != nullptr || t->nb_int != nullptr || t->nb_float != nullptr;
}

bool FormatInteger(StrBuilder& out, Object* v, char32_t type, unsigned flags, int64_t width,
                   int64_t prec) {
  Ref<> iobj;
  if (IsInt(v)) {
    iobj = NewRef(v);
  } else {
    if (IsNumberLike(v)) {
      iobj = (type == 'o' || type == 'x' || type == 'X') ? Index(v) : NumberLong(v);
      if (!iobj) {
        if (!ErrorMatches(&TypeErrorType)) return false;
        ClearError();
      }
    }
    if (!iobj || !IsInt(iobj.get())) {
      if (type == 'o' || type == 'x' || type == 'X') {
        SetErrorF(&TypeErrorType, "%%%c format: an integer is required, not %s",
                  static_cast<char>(type), TypeNameOf(v));
      } else {
        SetErrorF(&TypeErrorType, "%%%c format: a real number is required, not %s",
                  static_cast<char>(type), TypeNameOf(v));
      }
      return false;
    }
  }
  const bigint::BigInt& value = IntValue(iobj.get());
  const int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  std::string digits = value.ToString(base);
  const bool negative = !digits.empty() && digits[0] == '-';
  if (negative) digits.erase(0, 1);
  if (type == 'X') {
    for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (prec >= 0 && static_cast<int64_t>(digits.size()) < prec) {
    digits.insert(0, static_cast<size_t>(prec - digits.size()), '0');
  }
  std::string prefix = negative ? "-" : (flags & kSign) ? "+" : (flags & kBlank) ? " " : "";
  if (flags & kAlt) {
    if (type == 'o') prefix += "0o";
    if (type == 'x') prefix += "0x";
    if (type == 'X') prefix += "0X";
  }
  Emit(out, prefix, digits, width, flags, true);
  return true;
}

bool FormatFloatValue(StrBuilder& out, Object* v, char32_t type, unsigned flags, int64_t width,
                      int64_t prec) {
  double x;
  if (IsFloat(v)) {
    x = FloatValue(v);
  } else {
    Ref<> f;
    if (IsNumberLike(v)) f = NumberFloat(v);
    if (!f) {
      if (IsNumberLike(v)) return false;
      SetErrorF(&TypeErrorType, "must be real number, not %s", TypeNameOf(v));
      return false;
    }
    x = FloatValue(f.get());
  }
  if (prec < 0) prec = 6;
  const bool upper = type == 'E' || type == 'F' || type == 'G';
  std::string body;
  bool negative = std::signbit(x);
  if (std::isnan(x)) {
    body = upper ? "NAN" : "nan";
    negative = false;
  } else if (std::isinf(x)) {
    body = upper ? "INF" : "inf";
  } else {
    body = PrintfDouble(std::fabs(x), type, static_cast<int>(prec), (flags & kAlt) != 0);
  }
  std::string sign = negative ? "-" : (flags & kSign) ? "+" : (flags & kBlank) ? " " : "";
  Emit(out, sign, body, width, flags, std::isfinite(x));
  return true;
}

// Reads `*` or digits for a width/precision; -1 when absent.
bool ReadNumber(Str* fmt, int64_t& i, Context& ctx, int64_t* out, bool* from_star) {
  *from_star = false;
  if (i < fmt->length && StrAt(fmt, i) == '*') {
    ++i;
    *from_star = true;
    Object* v = NextArg(ctx);
    if (v == nullptr) return false;
    if (!IsInt(v)) {
      SetError(&TypeErrorType, "* wants int");
      return false;
    }
    if (!IntAsInt64(v, out)) return false;
    return true;
  }
  *out = -1;
  while (i < fmt->length && StrAt(fmt, i) >= '0' && StrAt(fmt, i) <= '9') {
    const int64_t d = StrAt(fmt, i) - '0';
    if (*out < 0) *out = 0;
    if (*out > (INT64_MAX - d) / 10) {
      SetError(&ValueErrorType, "width too big");
      return false;
    }
    *out = *out * 10 + d;
    ++i;
  }
  return true;
}

}  // namespace

Ref<> StrPercentFormat(Str* fmt, Object* args) {
  Context ctx{args, -1, -2};
  if (IsTuple(args)) {
    ctx.arglen = static_cast<Tuple*>(args)->size;
    ctx.argidx = 0;
  }
  if (args->type->subscript != nullptr && !IsTuple(args) && !IsStr(args)) ctx.dict = args;
  Ref<> keyed;  // owns ctx.args once a %(key) lookup replaced it
  StrBuilder out;
  const int64_t n = fmt->length;
  for (int64_t i = 0; i < n;) {
    if (StrAt(fmt, i) != '%') {
      // Copies the literal text up to the next '%' at once.
      int64_t j = i + 1;
      while (j < n && StrAt(fmt, j) != '%') ++j;
      out.AppendSlice(fmt, i, j);
      i = j;
      continue;
    }
    ++i;
    if (i >= n) {
      SetError(&ValueErrorType, "incomplete format");
      return nullptr;
    }
    if (StrAt(fmt, i) == '(') {
      if (ctx.dict == nullptr) {
        SetError(&TypeErrorType, "format requires a mapping");
        return nullptr;
      }
      int depth = 1;
      const int64_t key_start = ++i;
      while (i < n && depth > 0) {
        if (StrAt(fmt, i) == '(') ++depth;
        if (StrAt(fmt, i) == ')') --depth;
        ++i;
      }
      if (depth > 0) {
        SetError(&ValueErrorType, "incomplete format key");
        return nullptr;
      }
      Ref<Str> key = StrSubstring(fmt, key_start, i - 1);
      PY_RETURN_IF_NULL(key);
      // The value becomes the argument list, as CPython does: one more plain conversion after
      // it finds no arguments left.
      keyed = GetItem(ctx.dict, key.get());
      PY_RETURN_IF_NULL(keyed);
      ctx.args = keyed.get();
      ctx.arglen = -1;
      ctx.argidx = -2;
    }
    unsigned flags = 0;
    for (; i < n; ++i) {
      const char32_t f = StrAt(fmt, i);
      if (f == '-') {
        flags |= kLeft;
      } else if (f == '+') {
        flags |= kSign;
      } else if (f == ' ') {
        flags |= kBlank;
      } else if (f == '#') {
        flags |= kAlt;
      } else if (f == '0') {
        flags |= kZero;
      } else {
        break;
      }
    }
    int64_t width, prec = -1;
    bool star;
    if (!ReadNumber(fmt, i, ctx, &width, &star)) return nullptr;
    if (width < -1 || (star && width < 0)) {
      flags |= kLeft;
      width = -width;
    }
    if (i < n && StrAt(fmt, i) == '.') {
      ++i;
      if (!ReadNumber(fmt, i, ctx, &prec, &star)) return nullptr;
      if (prec < 0) prec = star ? -1 : 0;
      if (star && prec < 0) prec = 0;
    }
    while (i < n && (StrAt(fmt, i) == 'h' || StrAt(fmt, i) == 'l' || StrAt(fmt, i) == 'L')) ++i;
    if (i >= n) {
      SetError(&ValueErrorType, "incomplete format");
      return nullptr;
    }
    const char32_t type = StrAt(fmt, i);
    const int64_t type_index = i;
    ++i;
    if (type == '%') {
      out.Append(U'%');
      continue;
    }
    Object* v = NextArg(ctx);
    if (v == nullptr) return nullptr;
    switch (type) {
      case 's':
      case 'r':
      case 'a': {
        Ref<> text = type == 's' ? ToStr(v) : type == 'r' ? Repr(v) : Ascii(v);
        PY_RETURN_IF_NULL(text);
        Str* t = static_cast<Str*>(text.get());
        EmitText(out, t, prec >= 0 && t->length > prec ? prec : t->length, width, flags);
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        if (!FormatInteger(out, v, type, flags, width, prec)) return nullptr;
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        if (!FormatFloatValue(out, v, type, flags, width, prec)) return nullptr;
        break;
      case 'c': {
        char32_t ch;
        if (IsStr(v)) {
          if (static_cast<Str*>(v)->length != 1) {
            SetError(&TypeErrorType, "%c requires int or char");
            return nullptr;
          }
          ch = StrAt(static_cast<Str*>(v), 0);
        } else if (IsInt(v)) {
          std::optional<int64_t> x = IntSmall(v);
          if (!x || *x < 0 || *x > 0x10FFFF) {
            SetError(&OverflowErrorType, "%c arg not in range(0x110000)");
            return nullptr;
          }
          ch = static_cast<char32_t>(*x);
        } else {
          SetError(&TypeErrorType, "%c requires int or char");
          return nullptr;
        }
        const int64_t pad = width > 1 ? width - 1 : 0;
        if (!(flags & kLeft)) out.AppendRepeated(' ', pad);
        out.Append(ch);
        if (flags & kLeft) out.AppendRepeated(' ', pad);
        break;
      }
      default:
        SetErrorF(&ValueErrorType, "unsupported format character '%c' (0x%x) at index %lld",
                  (type >= 32 && type <= 126) ? static_cast<char>(type) : '?',
                  static_cast<unsigned>(type), static_cast<long long>(type_index));
        return nullptr;
    }
  }
  if (ctx.argidx < ctx.arglen && ctx.dict == nullptr) {
    SetError(&TypeErrorType, "not all arguments converted during string formatting");
    return nullptr;
  }
  return out.Finish();
}

}  // namespace pyrite::vm
