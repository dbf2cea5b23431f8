// float: IEEE doubles with CPython 3.11's arithmetic (floor division and modulo with the sign of
// the divisor, ** edge cases), exact comparisons with ints, the numeric hash shared with int and
// complex, the shortest round-trip repr and the float() constructor. Methods are in
// float_methods.cc.
#include "python/parser/constant_repr.h"
#include "python/vm/objects/float.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

using bigint::BigInt;

Type FloatType;

Ref<> NewFloat(double v) {
  Float* f = AllocFixedSizeObject<Float>(&FloatType);
  if (f == nullptr) return nullptr;
  f->value = v;
  return StealRef<Object>(f);
}

namespace {

// Floats are the most frequently freed objects in numeric code: an exact float is a fixed-size
// block with nothing to release, so it goes straight back to the allocator (subclass instances,
// which may carry a GcHead and extras, take the general path).
void FloatDealloc(Object* o) {
  if (o->type == &FloatType) [[likely]] {
    FreeFixedSizeObject(o, sizeof(Float));
    return;
  }
  FreeObject(o);
}

}  // namespace

Ref<> NewFloatOfType(Type* type, double v) {
  Float* f = AllocObject<Float>(type, 0);
  if (f == nullptr) return nullptr;
  f->value = v;
  return StealRef<Object>(f);
}

// --- repr -----------------------------------------------------------------------------------

std::string FloatRepr(double v) {
  std::string out;
  parser::AppendFloatRepr(v, out);
  return out;
}

// --- hash -----------------------------------------------------------------------------------

int64_t HashDouble(Object* obj, double v) {
  constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
  constexpr int kBits = 61;
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  if (std::isnan(v)) return HashPointer(obj);
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  // Consume the mantissa 28 bits at a time, reducing modulo 2**61 - 1 (multiplying by 2**28 is
  // a rotation there).
  uint64_t x = 0;
  while (m != 0) {
    x = ((x << 28) & kModulus) | x >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kModulus) | x >> (kBits - e);
  int64_t h = static_cast<int64_t>(x) * sign;
  if (h == -1) h = -2;
  return h;
}

// --- conversions ----------------------------------------------------------------------------

namespace {

// The operand as a double for arithmetic: float or int; *ok false means "not a number we take"
// (NotImplemented); an int too large raises OverflowError (returns false with *ok true).
bool ToDoubleOperand(Object* o, double* out, bool* ok) {
  *ok = IsFloat(o) || IsInt(o);
  return *ok && AsDouble(o, out);
}

}  // namespace

bool AsDouble(Object* o, double* out) {
  if (IsFloat(o)) {
    *out = FloatValue(o);
    return true;
  }
  if (IsInt(o)) {
    auto d = IntValue(o).ToDouble();
    if (!IntOk(d)) return false;
    *out = d.value();
    return true;
  }
  if (o->type->nb_float != nullptr) {
    Ref<> r = o->type->nb_float(o);
    if (!r) return false;
    if (!IsFloat(r.get())) {
      SetErrorF(&TypeErrorType, "%s.__float__ returned non-float (type %s)", TypeNameOf(o),
                TypeNameOf(r.get()));
      return false;
    }
    *out = FloatValue(r.get());
    return true;
  }
  if (o->type->nb_index != nullptr) {
    Ref<> i = Index(o);
    if (!i) return false;
    return AsDouble(i.get(), out);
  }
  SetErrorF(&TypeErrorType, "must be real number, not %s", TypeNameOf(o));
  return false;
}

namespace {

bool IsAsciiSpace(char c) { return c == ' ' || (c >= 9 && c <= 13); }

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != b[i]) return false;
  }
  return true;
}

}  // namespace

bool ParseDouble(std::string_view text, double* out) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  bool neg = false;
  std::string_view body = text;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (EqualsNoCase(body, "inf") || EqualsNoCase(body, "infinity")) {
    *out = neg ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (EqualsNoCase(body, "nan")) {
    *out = neg ? -std::nan("") : std::nan("");
    return true;
  }
  // digits [. digits] [e [sign] digits], at least one digit in the mantissa; an underscore only
  // between two digits.
  std::string clean;
  size_t i = 0;
  const size_t n = body.size();
  auto digits = [&](bool* any) {
    *any = false;
    while (i < n) {
      char c = body[i];
      if (c >= '0' && c <= '9') {
        clean.push_back(c);
        *any = true;
        ++i;
      } else if (c == '_' && *any && i + 1 < n && body[i + 1] >= '0' && body[i + 1] <= '9') {
        ++i;
      } else {
        break;
      }
    }
    return true;
  };
  bool int_digits = false, frac_digits = false;
  digits(&int_digits);
  if (i < n && body[i] == '.') {
    clean.push_back('.');
    ++i;
    digits(&frac_digits);
  }
  if (!int_digits && !frac_digits) return false;
  if (i < n && (body[i] == 'e' || body[i] == 'E')) {
    clean.push_back('e');
    ++i;
    if (i < n && (body[i] == '+' || body[i] == '-')) clean.push_back(body[i++]);
    bool exp_digits;
    digits(&exp_digits);
    if (!exp_digits) return false;
  }
  if (i != n) return false;
  errno = 0;
  double v = std::strtod(clean.c_str(), nullptr);
  *out = neg ? -v : v;
  return true;
}

namespace {

// float(x) for str / bytes / bytearray; *handled false for other objects.
Ref<> FloatFromText(Object* x, bool* handled) {
  *handled = true;
  std::string text;
  if (IsStr(x)) {
    text = TransformDecimalAndSpaceToAscii(static_cast<Str*>(x));
  } else if (IsBytes(x)) {
    text = std::string(static_cast<Bytes*>(x)->view());
  } else if (IsByteArray(x)) {
    text = static_cast<ByteArray*>(x)->buffer;
  } else {
    *handled = false;
    return nullptr;
  }
  double v;
  if (text.find('\0') == std::string::npos && ParseDouble(text, &v)) return NewFloat(v);
  Ref<> rep = Repr(x);
  PY_RETURN_IF_NULL(rep);
  SetErrorF(&ValueErrorType, "could not convert string to float: %s",
            std::string(StrUtf8(static_cast<Str*>(rep.get()))).c_str());
  return nullptr;
}

Ref<> FloatNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("float", kwnames)) return nullptr;
  if (!CheckPositional("float", nargs, 0, 1)) return nullptr;
  double v = 0.0;
  if (nargs == 1) {
    Object* x = args[0];
    if (x->type == &FloatType && type == &FloatType) return NewRef(x);
    if (IsExactStr(x) ||
        (x->type->nb_float == nullptr && x->type->nb_index == nullptr && !IsFloat(x))) {
      bool handled;
      Ref<> r = FloatFromText(x, &handled);
      if (!handled) {
        SetErrorF(&TypeErrorType, "float() argument must be a string or a real number, not '%s'",
                  TypeNameOf(x));
        return nullptr;
      }
      PY_RETURN_IF_NULL(r);
      v = FloatValue(r.get());
    } else if (!AsDouble(x, &v)) {
      return nullptr;
    }
  }
  if (type == &FloatType) return NewFloat(v);
  return NewFloatOfType(type, v);
}

// --- arithmetic -----------------------------------------------------------------------------

// False with ZeroDivisionError(message) when the divisor y is zero.
bool CheckDivisor(double y, const char* message) {
  if (y != 0.0) return true;
  SetError(&ZeroDivisionErrorType, message);
  return false;
}

// x and y: the operands as doubles, or return NotImplemented (not a float or int) or null (an
// int too large for a double).
#define FLOAT_OPERANDS(a, b)                                                   \
  double x, y;                                                                 \
  if (bool ok; !ToDoubleOperand(a, &x, &ok) || !ToDoubleOperand(b, &y, &ok)) { \
    return ok ? Ref<>() : NewNotImplemented();                                 \
  }

Ref<> FloatAdd(Object* a, Object* b) {
  FLOAT_OPERANDS(a, b);
  return NewFloat(x + y);
}
Ref<> FloatSub(Object* a, Object* b) {
  FLOAT_OPERANDS(a, b);
  return NewFloat(x - y);
}
Ref<> FloatMul(Object* a, Object* b) {
  FLOAT_OPERANDS(a, b);
  return NewFloat(x * y);
}
Ref<> FloatTrueDiv(Object* a, Object* b) {
  FLOAT_OPERANDS(a, b);
  if (!CheckDivisor(y, "float division by zero")) return nullptr;
  return NewFloat(x / y);
}

double FloatModValue(double x, double y) {
  double mod = std::fmod(x, y);
  if (mod != 0.0) {
    if ((y < 0) != (mod < 0)) mod += y;
  } else {
    mod = std::copysign(0.0, y);
  }
  return mod;
}

void FloatDivModValues(double x, double y, double* floordiv, double* mod) {
  double m = std::fmod(x, y);
  double div = (x - m) / y;
  if (m != 0.0) {
    if ((y < 0) != (m < 0)) {
      m += y;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, y);
  }
  double fd;
  if (div != 0.0) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, x / y);
  }
  *floordiv = fd;
  *mod = m;
}

Ref<> FloatMod(Object* a, Object* b) {
  FLOAT_OPERANDS(a, b);
  if (!CheckDivisor(y, "float modulo")) return nullptr;
  return NewFloat(FloatModValue(x, y));
}
Ref<> FloatFloorDiv(Object* a, Object* b) {
  FLOAT_OPERANDS(a, b);
  if (!CheckDivisor(y, "float floor division by zero")) return nullptr;
  double q, m;
  FloatDivModValues(x, y, &q, &m);
  return NewFloat(q);
}
Ref<> FloatDivMod(Object* a, Object* b) {
  FLOAT_OPERANDS(a, b);
  if (!CheckDivisor(y, "float divmod()")) return nullptr;
  double q, m;
  FloatDivModValues(x, y, &q, &m);
  Ref<> qo = NewFloat(q);
  PY_RETURN_IF_NULL(qo);
  Ref<> mo = NewFloat(m);
  PY_RETURN_IF_NULL(mo);
  return NewTupleFrom({qo.get(), mo.get()});
}
Ref<> FloatPowSlot(Object* a, Object* b, Object* m) {
  if (m != nullptr && m != None()) {
    if (!(IsFloat(a) || IsInt(a)) || !(IsFloat(b) || IsInt(b))) return NewNotImplemented();
    SetError(&TypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers");
    return nullptr;
  }
  FLOAT_OPERANDS(a, b);
  return FloatPow(x, y);
}
#undef FLOAT_OPERANDS

bool IsOddInteger(double v) { return std::fmod(std::fabs(v), 2.0) == 1.0; }

}  // namespace

// Defined in complex.cc.
Ref<> ComplexPowValues(double ar, double ai, double br, double bi);

Ref<> FloatPow(double iv, double iw) {
  if (iw == 0.0) return NewFloat(1.0);
  if (std::isnan(iv)) return NewFloat(iv);
  if (std::isnan(iw)) return NewFloat(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return NewFloat(1.0);
    if ((iw > 0.0) == (iv > 1.0)) return NewFloat(std::fabs(iw));
    return NewFloat(0.0);
  }
  if (std::isinf(iv)) {
    bool odd = IsOddInteger(iw);
    if (iw > 0.0) return NewFloat(odd ? iv : std::fabs(iv));
    return NewFloat(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    bool odd = IsOddInteger(iw);
    if (iw < 0.0) {
      SetError(&ZeroDivisionErrorType, "0.0 cannot be raised to a negative power");
      return nullptr;
    }
    return NewFloat(odd ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw)) return ComplexPowValues(iv, 0.0, iw, 0.0);
    iv = -iv;
    negate = IsOddInteger(iw);
  }
  if (iv == 1.0) return NewFloat(negate ? -1.0 : 1.0);
  double r = std::pow(iv, iw);
  if (negate) r = -r;
  if (std::isinf(r)) {
    Ref<> code = NewInt(34);
    Ref<> msg = NewStr("Numerical result out of range");
    Object* args[2] = {code.get(), msg.get()};
    Ref<> exc = NewException(&OverflowErrorType, args, 2);
    PY_RETURN_IF_NULL(exc);
    SetErrorObject(exc.get());
    return nullptr;
  }
  return NewFloat(r);
}

namespace {

Ref<> FloatNeg(Object* a) { return NewFloat(-FloatValue(a)); }
Ref<> FloatPos(Object* a) {
  if (a->type == &FloatType) return NewRef(a);
  return NewFloat(FloatValue(a));
}
Ref<> FloatAbs(Object* a) { return NewFloat(std::fabs(FloatValue(a))); }
int FloatBool(Object* a) { return FloatValue(a) != 0.0 ? 1 : 0; }
Ref<> FloatInt(Object* a) { return NewInt(BigInt::FromDouble(FloatValue(a))); }

// Compares a finite or infinite double with an int exactly: -1, 0, 1 (v must not be NaN).
int CompareDoubleInt(double v, const BigInt& w) {
  if (std::isinf(v)) return v > 0 ? 1 : -1;
  double t = std::trunc(v);
  auto ti = BigInt::FromDouble(t);
  // t is finite, so this cannot fail.
  const BigInt& tb = ti.value();
  auto c = tb <=> w;
  if (c < 0) return -1;
  if (c > 0) return 1;
  double frac = v - t;
  return frac > 0 ? 1 : frac < 0 ? -1 : 0;
}

Ref<> FloatRichCompare(Object* a, Object* b, CompareOp op) {
  double x = FloatValue(a);
  int c;
  if (IsFloat(b)) {
    double y = FloatValue(b);
    if (std::isnan(x) || std::isnan(y)) return NewBool(op == CompareOp::kNe);
    c = x < y ? -1 : x > y ? 1 : 0;
  } else if (IsInt(b)) {
    if (std::isnan(x)) return NewBool(op == CompareOp::kNe);
    c = CompareDoubleInt(x, IntValue(b));
  } else {
    return NewNotImplemented();
  }
  return NewBool(CompareOrder(c, op));
}

int64_t FloatHash(Object* a) { return HashDouble(a, FloatValue(a)); }

Ref<> FloatReprSlot(Object* a) { return NewStr(FloatRepr(FloatValue(a))); }

}  // namespace

// Defined in float_methods.cc.
extern const MethodDef kFloatMethods[];
extern const GetSetDef kFloatGetSets[];
// Defined in complex.cc.
void InitComplexType();

void InitFloatTypes() {
  InitStaticType(&FloatType, {.name = "float",
                              .basicsize = sizeof(Float),
                              .flags = kBaseType,
                              .methods = kFloatMethods,
                              .getsets = kFloatGetSets,
                              .doc = "Convert a string or number to a floating point number, if "
                                     "possible."});
  FloatType.dealloc = &FloatDealloc;
  FloatType.new_ = &FloatNew;
  FloatType.repr = &FloatReprSlot;
  FloatType.hash = &FloatHash;
  FloatType.richcompare = &FloatRichCompare;
  FloatType.nb_add = &FloatAdd;
  FloatType.nb_subtract = &FloatSub;
  FloatType.nb_multiply = &FloatMul;
  FloatType.nb_remainder = &FloatMod;
  FloatType.nb_divmod = &FloatDivMod;
  FloatType.nb_power = &FloatPowSlot;
  FloatType.nb_floor_divide = &FloatFloorDiv;
  FloatType.nb_true_divide = &FloatTrueDiv;
  FloatType.nb_negative = &FloatNeg;
  FloatType.nb_positive = &FloatPos;
  FloatType.nb_absolute = &FloatAbs;
  FloatType.nb_bool = &FloatBool;
  FloatType.nb_int = &FloatInt;
  FloatType.nb_float = &FloatPos;
  InitComplexType();
}

}  // namespace pyrite::vm
