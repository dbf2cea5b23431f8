// The methods and attributes of float: is_integer, as_integer_ratio, hex/fromhex, __round__
// (correctly rounded, as CPython's dtoa-based float_round), __trunc__/__floor__/__ceil__,
// __format__, real/imag. The slots are in float.cc.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/formatter.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

using bigint::BigInt;

namespace {

Ref<> FloatIsInteger(Object* self, Object* const*, size_t, Tuple*) {
  double v = FloatValue(self);
  return NewBool(std::isfinite(v) && std::floor(v) == v);
}

Ref<> FloatConjugate(Object* self, Object* const*, size_t, Tuple*) {
  if (self->type == &FloatType) return NewRef(self);
  return NewFloat(FloatValue(self));
}

Ref<> FloatTrunc(Object* self, Object* const*, size_t, Tuple*) {
  return NewInt(BigInt::FromDouble(FloatValue(self)));
}
Ref<> FloatFloor(Object* self, Object* const*, size_t, Tuple*) {
  return NewInt(BigInt::FromDouble(std::floor(FloatValue(self))));
}
Ref<> FloatCeil(Object* self, Object* const*, size_t, Tuple*) {
  return NewInt(BigInt::FromDouble(std::ceil(FloatValue(self))));
}

Ref<> FloatAsIntegerRatio(Object* self, Object* const*, size_t, Tuple*) {
  double v = FloatValue(self);
  if (std::isinf(v)) {
    SetError(&OverflowErrorType, "cannot convert Infinity to integer ratio");
    return nullptr;
  }
  if (std::isnan(v)) {
    SetError(&ValueErrorType, "cannot convert NaN to integer ratio");
    return nullptr;
  }
  int e;
  double m = std::frexp(v, &e);
  for (int i = 0; i < 300 && m != std::floor(m); ++i) {
    m *= 2.0;
    --e;
  }
  BigInt num = BigInt::FromDouble(m).value();
  BigInt den = BigInt::FromInt64(1);
  if (e > 0) {
    num = BigInt::Shl(num, e).value();
  } else {
    den = BigInt::Shl(den, -e).value();
  }
  Ref<> n = NewInt(std::move(num));
  PY_RETURN_IF_NULL(n);
  Ref<> d = NewInt(std::move(den));
  PY_RETURN_IF_NULL(d);
  return NewTupleFrom({n.get(), d.get()});
}

Ref<> FloatHex(Object* self, Object* const*, size_t, Tuple*) {
  double v = FloatValue(self);
  if (std::isnan(v) || std::isinf(v)) return NewStr(FloatRepr(v));
  if (v == 0.0) return NewStr(std::signbit(v) ? "-0x0.0p+0" : "0x0.0p+0");
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.13a", v);
  return NewStr(buf);
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// float.fromhex(string) (classmethod).
Ref<> FloatFromHex(Object* cls, Object* const* args, size_t, Tuple*) {
  if (!IsStr(args[0])) {
    SetErrorF(&TypeErrorType, "bad argument type for built-in operation");
    return nullptr;
  }
  std::string_view s = StrUtf8(static_cast<Str*>(args[0]));
  auto is_space = [](char c) { return c == ' ' || (c >= 9 && c <= 13); };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  std::string text;
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  double v = 0.0;
  bool ok = false;
  std::string lower;
  for (char c : s) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower == "inf" || lower == "infinity") {
    v = HUGE_VAL;
    ok = true;
  } else if (lower == "nan") {
    v = std::nan("");
    ok = true;
  } else {
    std::string_view body = lower;
    if (body.starts_with("0x")) body.remove_prefix(2);
    // hex digits [. hex digits] [p [sign] decimal digits]
    size_t i = 0;
    size_t mant_digits = 0;
    while (i < body.size() && HexDigit(body[i]) >= 0) ++i, ++mant_digits;
    if (i < body.size() && body[i] == '.') {
      ++i;
      while (i < body.size() && HexDigit(body[i]) >= 0) ++i, ++mant_digits;
    }
    bool valid = mant_digits > 0;
    if (valid && i < body.size() && body[i] == 'p') {
      ++i;
      if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
      size_t exp_start = i;
      while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i;
      valid = i > exp_start;
    }
    if (valid && i == body.size()) {
      text = "0x" + std::string(body);
      if (text.find('p') == std::string::npos) text += "p0";
      v = std::strtod(text.c_str(), nullptr);
      if (std::isinf(v)) {
        SetError(&OverflowErrorType, "hexadecimal value too large to represent as a float");
        return nullptr;
      }
      ok = true;
    }
  }
  if (!ok) {
    SetError(&ValueErrorType, "invalid hexadecimal floating-point string");
    return nullptr;
  }
  if (neg) v = -v;
  Ref<> r = NewFloat(v);
  PY_RETURN_IF_NULL(r);
  if (cls == &FloatType) return r;
  return CallOneArg(cls, r.get());
}

// Rounds the exact decimal expansion of `v` to `ndigits` places after the point (negative:
// before it), half to even, and converts back.
double RoundDouble(double v, int ndigits) {
  if (ndigits >= 0) {
    char buf[1200];
    auto res = std::to_chars(buf, buf + sizeof buf - 1, v, std::chars_format::fixed, ndigits);
    *res.ptr = '\0';
    return std::strtod(buf, nullptr);
  }
  // Exact expansion of the integer part and the first fractional digit decide the rounding.
  static char buf[2048];
  auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::fixed, 1074);
  std::string s(buf, res.ptr);
  size_t point = s.find('.');
  std::string ip = s.substr(0, point);
  std::string frac = s.substr(point + 1);
  size_t keep_digits = -ndigits;
  if (ip.size() < keep_digits) {
    // |v| < 10**-ndigits / 1: only rounding up to 10**-ndigits is possible when >= half.
    std::string padded = std::string(keep_digits - ip.size(), '0') + ip;
    ip = padded;
  }
  size_t cut = ip.size() - keep_digits;
  std::string head = ip.substr(0, cut);
  std::string tail = ip.substr(cut) + frac;
  // Compare tail with "5000...".
  int cmp = 0;
  if (tail[0] > '5') {
    cmp = 1;
  } else if (tail[0] < '5') {
    cmp = -1;
  } else {
    cmp = tail.find_first_not_of('0', 1) != std::string::npos ? 1 : 0;
  }
  bool up = cmp > 0 || (cmp == 0 && !head.empty() && ((head.back() - '0') & 1));
  if (head.empty()) head = "0";
  if (up) {
    int i = static_cast<int>(head.size()) - 1;
    while (i >= 0 && head[i] == '9') head[i--] = '0';
    if (i < 0) {
      head.insert(head.begin(), '1');
    } else {
      ++head[i];
    }
  }
  std::string out = head + std::string(keep_digits, '0');
  double r = std::strtod(out.c_str(), nullptr);
  return std::copysign(r, v);
}

Ref<> FloatRound(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("__round__", nargs, 0, 1)) return nullptr;
  double x = FloatValue(self);
  if (nargs == 0 || args[0] == None()) {
    double rounded = std::round(x);
    if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
    return NewInt(BigInt::FromDouble(rounded));
  }
  int64_t nd;
  if (!AsSsize(args[0], nullptr, &nd)) return nullptr;
  if (!std::isfinite(x) || x == 0.0) return NewFloat(x);
  // Beyond these bounds the result is x itself or a zero (as CPython's NDIGITS_MAX/MIN).
  if (nd > 323) return NewFloat(x);
  if (nd < -308) return NewFloat(0.0 * x);
  double r = RoundDouble(x, static_cast<int>(nd));
  if (std::isinf(r)) {
    SetError(&OverflowErrorType, "rounded value too large to represent");
    return nullptr;
  }
  return NewFloat(r);
}

Ref<> FloatFormatMethod(Object* self, Object* const* args, size_t, Tuple*) {
  if (!IsStr(args[0])) {
    SetErrorF(&TypeErrorType, "__format__() argument must be str, not %s", TypeNameOf(args[0]));
    return nullptr;
  }
  // format(x, '') is str(x) (so a subclass's __str__ and bool's "True" show).
  if (static_cast<Str*>(args[0])->length == 0) return ToStr(self);
  return FormatFloat(FloatValue(self), static_cast<Str*>(args[0]));
}

Ref<> FloatGetNewArgs(Object* self, Object* const*, size_t, Tuple*) {
  Ref<> f = NewFloat(FloatValue(self));
  PY_RETURN_IF_NULL(f);
  return NewTupleFrom({f.get()});
}

Ref<> FloatGetFormat(Object*, Object* const* args, size_t, Tuple*) {
  if (!IsStr(args[0])) {
    SetErrorF(&TypeErrorType, "__getformat__() argument must be str, not %s", TypeNameOf(args[0]));
    return nullptr;
  }
  std::string_view s = StrUtf8(static_cast<Str*>(args[0]));
  if (s != "double" && s != "float") {
    SetError(&ValueErrorType, "__getformat__() argument 1 must be 'double' or 'float'");
    return nullptr;
  }
  return NewStr("IEEE, little-endian");
}

Ref<> GetReal(Object* self) { return NewFloat(FloatValue(self)); }
Ref<> GetImag(Object*) { return NewFloat(0.0); }

}  // namespace

extern const MethodDef kFloatMethods[];
const MethodDef kFloatMethods[] = {
    {"conjugate", &FloatConjugate, kMethNoArgs, "Return self, the complex conjugate of any float."},
    {"__trunc__", &FloatTrunc, kMethNoArgs, "Return the Integral closest to x between 0 and x."},
    {"__floor__", &FloatFloor, kMethNoArgs, "Return the floor as an Integral."},
    {"__ceil__", &FloatCeil, kMethNoArgs, "Return the ceiling as an Integral."},
    {"__round__", &FloatRound, kMethFastcall,
     "Return the Integral closest to x, rounding half "
     "toward even."},
    {"as_integer_ratio", &FloatAsIntegerRatio, kMethNoArgs, "Return integer ratio."},
    {"fromhex", &FloatFromHex, kMethO | kMethClass,
     "Create a floating-point number from a hexadecimal string."},
    {"hex", &FloatHex, kMethNoArgs,
     "Return a hexadecimal representation of a floating-point "
     "number."},
    {"is_integer", &FloatIsInteger, kMethNoArgs, "Return True if the float is an integer."},
    {"__getnewargs__", &FloatGetNewArgs, kMethNoArgs},
    {"__getformat__", &FloatGetFormat, kMethO | kMethClass},
    {"__format__", &FloatFormatMethod, kMethO, "Formats the float according to format_spec."},
    {nullptr}};

extern const GetSetDef kFloatGetSets[];
const GetSetDef kFloatGetSets[] = {
    {"real", &GetReal, nullptr, "the real part of a complex number"},
    {"imag", &GetImag, nullptr, "the imaginary part of a complex number"},
    {nullptr}};

}  // namespace pyrite::vm
