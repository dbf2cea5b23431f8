// complex: pairs of doubles with CPython 3.11's arithmetic (Smith's division, integer powers by
// repeated squaring), equality-only comparisons, the hash that agrees with int and float, the
// repr "(1+2j)" and the complex() constructor (numbers, __complex__ and strings).
#include <cmath>
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/formatter.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

Type ComplexType;

namespace {

struct C {
  double re;
  double im;
};

Ref<> NewComplexOfType(Type* type, double re, double im) {
  Complex* c = AllocObject<Complex>(type, 0);
  if (c == nullptr) return nullptr;
  c->real = re;
  c->imag = im;
  return StealRef<Object>(c);
}

C Value(Object* o) {
  auto* c = static_cast<Complex*>(o);
  return {c->real, c->imag};
}

C Mul(C a, C b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

// Smith's algorithm with CPython's handling of NaNs and infinities; *zero set on division by 0.
C Quot(C a, C b, bool* zero) {
  *zero = false;
  double abs_breal = std::fabs(b.re);
  double abs_bimag = std::fabs(b.im);
  C r;
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) {
      *zero = true;
      return {0.0, 0.0};
    }
    double ratio = b.im / b.re;
    double denom = b.re + b.im * ratio;
    r.re = (a.re + a.im * ratio) / denom;
    r.im = (a.im - a.re * ratio) / denom;
  } else if (abs_bimag >= abs_breal) {
    double ratio = b.re / b.im;
    double denom = b.re * ratio + b.im;
    r.re = (a.re * ratio + a.im) / denom;
    r.im = (a.im * ratio - a.re) / denom;
  } else {
    r.re = r.im = std::nan("");
  }
  return r;
}

C PowU(C x, uint64_t n) {
  C r{1.0, 0.0};
  uint64_t mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = Mul(r, x);
    mask <<= 1;
    x = Mul(x, x);
  }
  return r;
}

}  // namespace

Ref<> NewComplex(double real, double imag) { return NewComplexOfType(&ComplexType, real, imag); }

Ref<> ComplexPowValues(double ar, double ai, double br, double bi) {
  C a{ar, ai}, b{br, bi};
  C r;
  if (b.im == 0.0 && b.re == std::floor(b.re) && std::fabs(b.re) <= 100.0) {
    int64_t n = static_cast<int64_t>(b.re);
    if (n >= 0) {
      r = PowU(a, static_cast<uint64_t>(n));
    } else {
      bool zero;
      r = Quot({1.0, 0.0}, PowU(a, static_cast<uint64_t>(-n)), &zero);
      if (zero) {
        SetError(&ZeroDivisionErrorType, "0.0 to a negative or complex power");
        return nullptr;
      }
    }
  } else if (b.re == 0.0 && b.im == 0.0) {
    r = {1.0, 0.0};
  } else if (a.re == 0.0 && a.im == 0.0) {
    if (b.im != 0.0 || b.re < 0.0) {
      SetError(&ZeroDivisionErrorType, "0.0 to a negative or complex power");
      return nullptr;
    }
    r = {0.0, 0.0};
  } else {
    double vabs = std::hypot(a.re, a.im);
    double len = std::pow(vabs, b.re);
    double at = std::atan2(a.im, a.re);
    double phase = at * b.re;
    if (b.im != 0.0) {
      len /= std::exp(at * b.im);
      phase += b.im * std::log(vabs);
    }
    r = {len * std::cos(phase), len * std::sin(phase)};
  }
  if (std::isinf(r.re) || std::isinf(r.im)) {
    SetError(&OverflowErrorType, "complex exponentiation");
    return nullptr;
  }
  return NewComplex(r.re, r.im);
}

namespace {

// The operand as a complex: complex, float or int. *ok false: NotImplemented.
bool ToComplexOperand(Object* o, C* out, bool* ok) {
  *ok = true;
  if (IsComplex(o)) {
    *out = Value(o);
    return true;
  }
  if (IsFloat(o)) {
    *out = {FloatValue(o), 0.0};
    return true;
  }
  if (IsInt(o)) {
    double d;
    if (!AsDouble(o, &d)) return false;
    *out = {d, 0.0};
    return true;
  }
  *ok = false;
  return false;
}

#define COMPLEX_OPERANDS(a, b)             \
  C x, y;                                  \
  {                                        \
    bool ok;                               \
    if (!ToComplexOperand(a, &x, &ok)) {   \
      if (!ok) return NewNotImplemented(); \
      return nullptr;                      \
    }                                      \
    if (!ToComplexOperand(b, &y, &ok)) {   \
      if (!ok) return NewNotImplemented(); \
      return nullptr;                      \
    }                                      \
  }

Ref<> ComplexAdd(Object* a, Object* b) {
  COMPLEX_OPERANDS(a, b);
  return NewComplex(x.re + y.re, x.im + y.im);
}
Ref<> ComplexSub(Object* a, Object* b) {
  COMPLEX_OPERANDS(a, b);
  return NewComplex(x.re - y.re, x.im - y.im);
}
Ref<> ComplexMul(Object* a, Object* b) {
  COMPLEX_OPERANDS(a, b);
  C r = Mul(x, y);
  return NewComplex(r.re, r.im);
}
Ref<> ComplexDiv(Object* a, Object* b) {
  COMPLEX_OPERANDS(a, b);
  bool zero;
  C r = Quot(x, y, &zero);
  if (zero) {
    SetError(&ZeroDivisionErrorType, "complex division by zero");
    return nullptr;
  }
  return NewComplex(r.re, r.im);
}
Ref<> ComplexPow(Object* a, Object* b, Object* m) {
  COMPLEX_OPERANDS(a, b);
  if (m != nullptr && m != None()) {
    SetError(&ValueErrorType, "complex modulo");
    return nullptr;
  }
  return ComplexPowValues(x.re, x.im, y.re, y.im);
}
#undef COMPLEX_OPERANDS

Ref<> ComplexNeg(Object* a) {
  C v = Value(a);
  return NewComplex(-v.re, -v.im);
}
Ref<> ComplexPos(Object* a) {
  if (a->type == &ComplexType) return NewRef(a);
  C v = Value(a);
  return NewComplex(v.re, v.im);
}
Ref<> ComplexAbs(Object* a) {
  C v = Value(a);
  if (std::isinf(v.re) || std::isinf(v.im)) return NewFloat(HUGE_VAL);
  if (std::isnan(v.re) || std::isnan(v.im)) return NewFloat(std::nan(""));
  double r = std::hypot(v.re, v.im);
  if (std::isinf(r)) {
    SetError(&OverflowErrorType, "absolute value too large");
    return nullptr;
  }
  return NewFloat(r);
}
int ComplexBool(Object* a) {
  C v = Value(a);
  return v.re != 0.0 || v.im != 0.0;
}

Ref<> ComplexRichCompare(Object* a, Object* b, CompareOp op) {
  if (op != CompareOp::kEq && op != CompareOp::kNe) return NewNotImplemented();
  C v = Value(a);
  bool equal;
  if (IsInt(b)) {
    if (v.im != 0.0) {
      equal = false;
    } else {
      // Exact comparison of the real part with the int, as float == int.
      Ref<> f = NewFloat(v.re);
      PY_RETURN_IF_NULL(f);
      int r = RichCompareBool(f.get(), b, CompareOp::kEq);
      if (r < 0) return nullptr;
      equal = r != 0;
    }
  } else if (IsFloat(b)) {
    equal = v.re == FloatValue(b) && v.im == 0.0;
  } else if (IsComplex(b)) {
    C w = Value(b);
    equal = v.re == w.re && v.im == w.im;
  } else {
    return NewNotImplemented();
  }
  return NewBool(op == CompareOp::kEq ? equal : !equal);
}

int64_t ComplexHash(Object* a) {
  C v = Value(a);
  uint64_t hr = static_cast<uint64_t>(HashDouble(a, v.re));
  uint64_t hi = static_cast<uint64_t>(HashDouble(a, v.im));
  int64_t h = static_cast<int64_t>(hr + 1000003ULL * hi);
  if (h == -1) h = -2;
  return h;
}

// A component as repr shows it: the float repr without a trailing ".0".
std::string Component(double v) {
  std::string s = FloatRepr(v);
  if (s.size() > 2 && s.ends_with(".0")) s.resize(s.size() - 2);
  return s;
}

Ref<> ComplexRepr(Object* a) {
  C v = Value(a);
  std::string out;
  std::string im = Component(v.im);
  if (v.re == 0.0 && !std::signbit(v.re)) {
    out = im + "j";
  } else {
    out = "(" + Component(v.re);
    if (im[0] != '-') out += "+";
    out += im + "j)";
  }
  return NewStr(out);
}

// --- complex() ------------------------------------------------------------------------------

bool IsAsciiSpace(char c) { return c == ' ' || (c >= 9 && c <= 13); }

// Scans a float (sign, digits with underscores, point, exponent, or inf/infinity/nan) at s[*i];
// advances *i past it and stores the value. False if none there.
bool ScanFloat(std::string_view s, size_t* i, double* out) {
  size_t start = *i, j = *i;
  if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
  auto word = [&](std::string_view w) {
    if (s.size() - j < w.size()) return false;
    for (size_t k = 0; k < w.size(); ++k) {
      if ((s[j + k] | 0x20) != w[k]) return false;
    }
    return true;
  };
  if (word("infinity")) {
    j += 8;
  } else if (word("inf") || word("nan")) {
    j += 3;
  } else {
    size_t digits_start = j;
    while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == '_' || s[j] == '.')) ++j;
    if (j == digits_start) return false;
    if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
      size_t k = j + 1;
      if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
      if (k < s.size() && s[k] >= '0' && s[k] <= '9') {
        while (k < s.size() && ((s[k] >= '0' && s[k] <= '9') || s[k] == '_')) ++k;
        j = k;
      }
    }
  }
  if (!ParseDouble(s.substr(start, j - start), out)) return false;
  *i = j;
  return true;
}

bool ParseComplexText(std::string_view s, double* re, double* im) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  if (!s.empty() && s.front() == '(') {
    if (s.back() != ')') return false;
    s = s.substr(1, s.size() - 2);
    while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  }
  if (s.empty()) return false;
  size_t i = 0;
  double x;
  auto is_j = [&](size_t k) { return k < s.size() && (s[k] == 'j' || s[k] == 'J'); };
  if (ScanFloat(s, &i, &x)) {
    if (i == s.size()) {
      *re = x;
      *im = 0.0;
      return true;
    }
    if (is_j(i)) {
      if (i + 1 != s.size()) return false;
      *re = 0.0;
      *im = x;
      return true;
    }
    if (s[i] != '+' && s[i] != '-') return false;
    double y;
    size_t k = i;
    if (ScanFloat(s, &k, &y)) {
      if (!is_j(k) || k + 1 != s.size()) return false;
      *re = x;
      *im = y;
      return true;
    }
    if (is_j(i + 1) && i + 2 == s.size()) {
      *re = x;
      *im = s[i] == '-' ? -1.0 : 1.0;
      return true;
    }
    return false;
  }
  // "j", "+j", "-j"
  double sign = 1.0;
  if (s[0] == '+' || s[0] == '-') {
    sign = s[0] == '-' ? -1.0 : 1.0;
    i = 1;
  }
  if (is_j(i) && i + 1 == s.size()) {
    *re = 0.0;
    *im = sign;
    return true;
  }
  return false;
}

bool IsNumberLike(Object* o) {
  return IsComplex(o) || o->type->nb_float != nullptr || o->type->nb_index != nullptr;
}

// complex(real=0, imag=0)
Ref<> ComplexNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"complex", {"real", "imag"}, 0, 0};
  Object* a[2];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  Object* r = a[0];
  Object* i = a[1];
  if (r == nullptr) {
    if (i == nullptr) return NewComplexOfType(type, 0.0, 0.0);
    r = nullptr;
  }
  if (r != nullptr && IsStr(r)) {
    if (i != nullptr) {
      SetError(&TypeErrorType, "complex() can't take second arg if first is a string");
      return nullptr;
    }
    double re, im;
    std::string text = TransformDecimalAndSpaceToAscii(static_cast<Str*>(r));
    if (text.find('\0') != std::string::npos || !ParseComplexText(text, &re, &im)) {
      SetError(&ValueErrorType, "complex() arg is a malformed string");
      return nullptr;
    }
    return NewComplexOfType(type, re, im);
  }
  if (i != nullptr && IsStr(i)) {
    SetError(&TypeErrorType, "complex() second arg can't be a string");
    return nullptr;
  }
  C cr{0.0, 0.0}, ci{0.0, 0.0};
  bool cr_is_complex = false, ci_is_complex = false;
  Ref<> holder;
  if (r != nullptr) {
    Ref<> conv = LookupSpecial(r, InternStr("__complex__"));
    if (conv) {
      holder = CallNoArgs(conv.get());
      PY_RETURN_IF_NULL(holder);
      if (!IsComplex(holder.get())) {
        SetErrorF(&TypeErrorType, "__complex__ returned non-complex (type %s)",
                  TypeNameOf(holder.get()));
        return nullptr;
      }
      if (i == nullptr && type == &ComplexType && holder->type == &ComplexType) return holder;
      r = holder.get();
    } else if (ErrorOccurred()) {
      return nullptr;
    }
    if (!IsNumberLike(r)) {
      SetErrorF(&TypeErrorType, "complex() first argument must be a string or a number, not '%s'",
                TypeNameOf(r));
      return nullptr;
    }
    if (IsComplex(r)) {
      if (i == nullptr && type == &ComplexType && r->type == &ComplexType) return NewRef(r);
      cr = Value(r);
      cr_is_complex = true;
    } else if (!AsDouble(r, &cr.re)) {
      return nullptr;
    }
  }
  if (i != nullptr) {
    if (!IsNumberLike(i)) {
      SetErrorF(&TypeErrorType, "complex() second argument must be a number, not '%s'",
                TypeNameOf(i));
      return nullptr;
    }
    if (IsComplex(i)) {
      ci = Value(i);
      ci_is_complex = true;
    } else if (!AsDouble(i, &ci.re)) {
      return nullptr;
    }
  }
  // (a + bj) + (c + dj) * 1j, keeping the signs of zeros as CPython does.
  if (ci_is_complex) cr.re -= ci.im;
  if (cr_is_complex && i != nullptr) ci.re += cr.im;
  if (i == nullptr) ci.re = cr_is_complex ? cr.im : 0.0;
  return NewComplexOfType(type, cr.re, ci.re);
}

Ref<> ComplexConjugate(Object* self, Object* const*, size_t, Tuple*) {
  C v = Value(self);
  return NewComplex(v.re, -v.im);
}
Ref<> ComplexGetNewArgs(Object* self, Object* const*, size_t, Tuple*) {
  C v = Value(self);
  Ref<> re = NewFloat(v.re);
  PY_RETURN_IF_NULL(re);
  Ref<> im = NewFloat(v.im);
  PY_RETURN_IF_NULL(im);
  return NewTupleFrom({re.get(), im.get()});
}
Ref<> ComplexComplex(Object* self, Object* const*, size_t, Tuple*) { return ComplexPos(self); }
Ref<> ComplexFormatMethod(Object* self, Object* const* args, size_t, Tuple*) {
  if (!IsStr(args[0])) {
    SetErrorF(&TypeErrorType, "__format__() argument must be str, not %s", TypeNameOf(args[0]));
    return nullptr;
  }
  // format(x, '') is str(x) (so a subclass's __str__ and bool's "True" show).
  if (static_cast<Str*>(args[0])->length == 0) return ToStr(self);
  C v = Value(self);
  return FormatComplex(v.re, v.im, static_cast<Str*>(args[0]));
}
Ref<> GetReal(Object* self) { return NewFloat(Value(self).re); }
Ref<> GetImag(Object* self) { return NewFloat(Value(self).im); }

const MethodDef kComplexMethods[] = {
    {"conjugate", &ComplexConjugate, kMethNoArgs, "Return the complex conjugate of its argument."},
    {"__getnewargs__", &ComplexGetNewArgs, kMethNoArgs},
    {"__format__", &ComplexFormatMethod, kMethO, "Convert to a string according to format_spec."},
    {"__complex__", &ComplexComplex, kMethNoArgs, "Convert this value to exact type complex."},
    {nullptr}};

const GetSetDef kComplexGetSets[] = {
    {"real", &GetReal, nullptr, "the real part of a complex number"},
    {"imag", &GetImag, nullptr, "the imaginary part of a complex number"},
    {nullptr}};

}  // namespace

void InitComplexType() {
  InitStaticType(&ComplexType,
                 {.name = "complex",
                  .basicsize = sizeof(Complex),
                  .flags = kBaseType,
                  .methods = kComplexMethods,
                  .getsets = kComplexGetSets,
                  .doc = "Create a complex number from a real part and an optional imaginary "
                         "part."});
  ComplexType.dealloc = &DestroyObject<Complex>;
  ComplexType.new_ = &ComplexNew;
  ComplexType.repr = &ComplexRepr;
  ComplexType.hash = &ComplexHash;
  ComplexType.richcompare = &ComplexRichCompare;
  ComplexType.nb_add = &ComplexAdd;
  ComplexType.nb_subtract = &ComplexSub;
  ComplexType.nb_multiply = &ComplexMul;
  ComplexType.nb_true_divide = &ComplexDiv;
  ComplexType.nb_power = &ComplexPow;
  ComplexType.nb_negative = &ComplexNeg;
  ComplexType.nb_positive = &ComplexPos;
  ComplexType.nb_absolute = &ComplexAbs;
  ComplexType.nb_bool = &ComplexBool;
}

}  // namespace pyrite::vm
