// int and bool: the object wrappers around bigint::BigInt, the small-int cache, the number slots
// (with CPython's coercions: true division and negative powers give floats), comparisons, hash,
// repr and the int()/bool() constructors. Methods and getsets live in int_methods.cc.
#include "python/vm/objects/int.h"

#include <cmath>
#include <string>
#include <utility>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

using bigint::BigInt;
using bigint::IntErrorKind;
using bigint::IntResult;

Type IntType;
Type BoolType;

int64_t int_max_str_digits = 4300;

namespace {

constexpr int64_t kSmallMin = -5;
constexpr int64_t kSmallMax = 256;

Int MakeStaticInt(Type* type, int64_t v) {
  Int i;
  i.refcnt = kImmortalRefcnt;
  i.type = type;
  i.value = BigInt::FromInt64(v);
  return i;
}

// The cache of -5..256, immortal like CPython's; built by a static constructor so that NewInt
// works even for types initialised before int.
struct SmallInts {
  Int values[kSmallMax - kSmallMin + 1];
  SmallInts() {
    for (int64_t v = kSmallMin; v <= kSmallMax; ++v) {
      values[v - kSmallMin] = MakeStaticInt(&IntType, v);
    }
  }
};
SmallInts small_ints;

}  // namespace

Int TrueObject = MakeStaticInt(&BoolType, 1);
Int FalseObject = MakeStaticInt(&BoolType, 0);

Ref<> NewInt(int64_t v) {
  if (v >= kSmallMin && v <= kSmallMax) {
    return NewRef<Object>(&small_ints.values[v - kSmallMin]);
  }
  Int* i = AllocFixedSizeObject<Int>(&IntType);
  if (i == nullptr) return nullptr;
  i->value = BigInt::FromInt64(v);
  return StealRef<Object>(i);
}

Ref<> NewInt(BigInt v) {
  if (auto s = v.ToInt64(); s && *s >= kSmallMin && *s <= kSmallMax) return NewInt(*s);
  Int* i = AllocFixedSizeObject<Int>(&IntType);
  if (i == nullptr) return nullptr;
  i->value = std::move(v);
  return StealRef<Object>(i);
}

Ref<> NewInt(IntResult<BigInt> r) {
  if (!IntOk(r)) return nullptr;
  return NewInt(std::move(r).value());
}

Ref<> NewIntOfType(Type* type, BigInt v) {
  if (type == &IntType) return NewInt(std::move(v));
  Int* i = AllocObject<Int>(type, 0);
  if (i == nullptr) return nullptr;
  i->value = std::move(v);
  return StealRef<Object>(i);
}

namespace {

// Exact ints are fixed-size blocks: after the value's destructor (which frees the digits of a big
// value) the block goes straight back to the allocator. bool's instances are immortal; subclass
// instances take the general path.
void IntDealloc(Object* o) {
  if (o->type == &IntType) [[likely]] {
    static_cast<Int*>(o)->~Int();
    FreeFixedSizeObject(o, sizeof(Int));
    return;
  }
  DestroyObject<Int>(o);
}

}  // namespace

void SetIntError(const bigint::IntError& e) {
  Type* t = &ValueErrorType;
  switch (e.kind) {
    case IntErrorKind::kZeroDivisionError:
      t = &ZeroDivisionErrorType;
      break;
    case IntErrorKind::kValueError:
      t = &ValueErrorType;
      break;
    case IntErrorKind::kOverflowError:
      t = &OverflowErrorType;
      break;
    case IntErrorKind::kMemoryError:
      t = &MemoryErrorType;
      break;
  }
  SetError(t, e.message);
}

bool IntAsInt64(Object* o, int64_t* out) {
  auto v = IntValue(o).ToInt64();
  if (!v) {
    SetError(&OverflowErrorType, "Python int too large to convert to C long");
    return false;
  }
  *out = *v;
  return true;
}

// --- Text conversion ------------------------------------------------------------------------

namespace {

// First code points of the Unicode runs of decimal digits 0..9 (category Nd), from CPython
// 3.11's unicodedata: every Nd character belongs to one such run.
constexpr char32_t kDigitZeros[] = {
    0x30,    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,
    0xc66,   0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,
    0x1810,  0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,
    0xa8d0,  0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066,
    0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0,
    0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2,
    0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0};

bool IsUnicodeSpace(char32_t c) {
  if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
  return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
         c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

int UnicodeDecimal(char32_t c) {
  for (char32_t z : kDigitZeros) {
    if (c >= z && c < z + 10) return static_cast<int>(c - z);
  }
  return -1;
}

}  // namespace

std::string TransformDecimalAndSpaceToAscii(Str* s) {
  if (s->ascii) return std::string(StrUtf8(s));
  std::string out;
  out.reserve(s->length);
  for (int64_t i = 0; i < s->length; ++i) {
    char32_t c = StrAt(s, i);
    if (c < 128) {
      out.push_back(static_cast<char>(c));
    } else if (IsUnicodeSpace(c)) {
      out.push_back(' ');
    } else if (int d = UnicodeDecimal(c); d >= 0) {
      out.push_back(static_cast<char>('0' + d));
    } else {
      out.push_back('?');
    }
  }
  return out;
}

namespace {

// Parses `text` in `base`; on an invalid literal the message shows repr(original) (at most 200
// characters of a str, as CPython's %.200R).
Ref<> ParseIntText(std::string_view text, int base, Object* original) {
  IntResult<BigInt> r = BigInt::FromString(text, base, static_cast<size_t>(int_max_str_digits));
  if (r.ok()) return NewInt(std::move(r).value());
  const bigint::IntError& e = r.error();
  if (e.kind == IntErrorKind::kValueError && e.message.starts_with("invalid literal") &&
      original != nullptr) {
    // %.200R: the repr, cut to 200 characters.
    Ref<> rep = Repr(original);
    PY_RETURN_IF_NULL(rep);
    if (static_cast<Str*>(rep.get())->length > 200) {
      rep = StrSubstring(static_cast<Str*>(rep.get()), 0, 200);
      PY_RETURN_IF_NULL(rep);
    }
    SetErrorF(&ValueErrorType, "invalid literal for int() with base %d: %s", base,
              std::string(StrUtf8(static_cast<Str*>(rep.get()))).c_str());
    return nullptr;
  }
  SetIntError(e);
  return nullptr;
}

// int(x, base) for str / bytes / bytearray `x`; null without an error when x is none of them.
Ref<> IntFromTextObject(Object* x, int base, bool* handled) {
  *handled = true;
  if (IsStr(x)) {
    return ParseIntText(TransformDecimalAndSpaceToAscii(static_cast<Str*>(x)), base, x);
  }
  if (IsBytes(x)) return ParseIntText(static_cast<Bytes*>(x)->view(), base, x);
  if (IsByteArray(x)) {
    std::string copy = static_cast<ByteArray*>(x)->buffer;
    return ParseIntText(copy, base, x);
  }
  *handled = false;
  return nullptr;
}

// Makes an exact int from an int subclass instance (the result of __int__ / __index__).
Ref<> ExactInt(Ref<> r) {
  if (IsExactInt(r.get())) return r;
  return NewInt(IntValue(r.get()));
}

}  // namespace

Ref<> IntFromString(std::string_view text, int base) { return ParseIntText(text, base, nullptr); }

Ref<> IntFromObject(Object* o) {
  if (IsExactInt(o)) return NewRef(o);
  Type* t = o->type;
  if (t->nb_int != nullptr) {
    Ref<> r = t->nb_int(o);
    PY_RETURN_IF_NULL(r);
    if (!IsInt(r.get())) {
      SetErrorF(&TypeErrorType, "__int__ returned non-int (type %s)", TypeNameOf(r.get()));
      return nullptr;
    }
    return ExactInt(std::move(r));
  }
  if (t->nb_index != nullptr) {
    Ref<> r = Index(o);
    PY_RETURN_IF_NULL(r);
    return ExactInt(std::move(r));
  }
  Ref<> trunc = LookupSpecial(o, InternStr("__trunc__"));
  if (trunc) {
    Ref<> r = CallNoArgs(trunc.get());
    PY_RETURN_IF_NULL(r);
    if (IsInt(r.get())) return ExactInt(std::move(r));
    if (r->type->nb_index == nullptr) {
      SetErrorF(&TypeErrorType, "__trunc__ returned non-Integral (type %s)", TypeNameOf(r.get()));
      return nullptr;
    }
    Ref<> i = Index(r.get());
    PY_RETURN_IF_NULL(i);
    return ExactInt(std::move(i));
  }
  if (ErrorOccurred()) return nullptr;
  bool handled;
  Ref<> r = IntFromTextObject(o, 10, &handled);
  if (handled) return r;
  SetErrorF(&TypeErrorType,
            "int() argument must be a string, a bytes-like object or a real number, not '%s'",
            TypeNameOf(o));
  return nullptr;
}

// --- Slots ----------------------------------------------------------------------------------

namespace {

#define INT_BINARY_PROLOGUE(a, b)                         \
  if (!IsInt(a) || !IsInt(b)) return NewNotImplemented(); \
  const BigInt& x = IntValue(a);                          \
  const BigInt& y = IntValue(b)

Ref<> IntAdd(Object* a, Object* b) {
  INT_BINARY_PROLOGUE(a, b);
  return NewInt(x + y);
}
Ref<> IntSub(Object* a, Object* b) {
  INT_BINARY_PROLOGUE(a, b);
  return NewInt(x - y);
}
Ref<> IntMul(Object* a, Object* b) {
  INT_BINARY_PROLOGUE(a, b);
  return NewInt(x * y);
}
Ref<> IntFloorDiv(Object* a, Object* b) {
  INT_BINARY_PROLOGUE(a, b);
  return NewInt(BigInt::FloorDiv(x, y));
}
Ref<> IntMod(Object* a, Object* b) {
  INT_BINARY_PROLOGUE(a, b);
  return NewInt(BigInt::Mod(x, y));
}
Ref<> IntDivMod(Object* a, Object* b) {
  INT_BINARY_PROLOGUE(a, b);
  auto r = BigInt::DivMod(x, y);
  if (!IntOk(r)) return nullptr;
  Ref<> q = NewInt(std::move(r.value().first));
  PY_RETURN_IF_NULL(q);
  Ref<> m = NewInt(std::move(r.value().second));
  PY_RETURN_IF_NULL(m);
  return NewTupleFrom({q.get(), m.get()});
}
Ref<> IntTrueDiv(Object* a, Object* b) {
  INT_BINARY_PROLOGUE(a, b);
  auto r = BigInt::TrueDiv(x, y);
  if (!IntOk(r)) return nullptr;
  return NewFloat(r.value());
}
Ref<> IntPow(Object* a, Object* b, Object* m) {
  if (!IsInt(a) || !IsInt(b)) return NewNotImplemented();
  const BigInt& x = IntValue(a);
  const BigInt& y = IntValue(b);
  if (m == nullptr || m == None()) {
    if (y.Sign() < 0) {
      auto fx = x.ToDouble();
      if (!IntOk(fx)) return nullptr;
      auto fy = y.ToDouble();
      if (!IntOk(fy)) return nullptr;
      return FloatPow(fx.value(), fy.value());
    }
    return NewInt(BigInt::Pow(x, y));
  }
  if (!IsInt(m)) return NewNotImplemented();
  return NewInt(BigInt::PowMod(x, y, IntValue(m)));
}
Ref<> IntLshift(Object* a, Object* b) {
  INT_BINARY_PROLOGUE(a, b);
  return NewInt(BigInt::Shl(x, y));
}
Ref<> IntRshift(Object* a, Object* b) {
  INT_BINARY_PROLOGUE(a, b);
  return NewInt(BigInt::Shr(x, y));
}
Ref<> IntAnd(Object* a, Object* b) {
  INT_BINARY_PROLOGUE(a, b);
  return NewInt(x & y);
}
Ref<> IntOr(Object* a, Object* b) {
  INT_BINARY_PROLOGUE(a, b);
  return NewInt(x | y);
}
Ref<> IntXor(Object* a, Object* b) {
  INT_BINARY_PROLOGUE(a, b);
  return NewInt(x ^ y);
}
#undef INT_BINARY_PROLOGUE

Ref<> IntNeg(Object* a) { return NewInt(-IntValue(a)); }
Ref<> IntPos(Object* a) { return ExactInt(NewRef(a)); }
Ref<> IntAbs(Object* a) { return NewInt(IntValue(a).Abs()); }
Ref<> IntInvert(Object* a) { return NewInt(~IntValue(a)); }
int IntBool(Object* a) { return IntValue(a).IsZero() ? 0 : 1; }
Ref<> IntFloat(Object* a) {
  auto d = IntValue(a).ToDouble();
  if (!IntOk(d)) return nullptr;
  return NewFloat(d.value());
}

Ref<> IntRichCompare(Object* a, Object* b, CompareOp op) {
  if (!IsInt(a) || !IsInt(b)) return NewNotImplemented();
  auto c = IntValue(a) <=> IntValue(b);
  return NewBool(CompareOrder(c, op));
}

int64_t IntHash(Object* a) { return IntValue(a).Hash(); }

Ref<> IntRepr(Object* a) {
  // Values that fit in 64 bits are far below the digit limit (and BigInt's limit check
  // misjudges 0).
  if (IntValue(a).IsSmall()) return NewStr(IntValue(a).ToString());
  auto s = IntValue(a).ToDecimalString(static_cast<size_t>(int_max_str_digits));
  if (!IntOk(s)) return nullptr;
  return NewStr(s.value());
}

// int(x=0, /, base=10)
Ref<> IntNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"int", {"", "base"}, /*posonly=*/1, /*required=*/0};
  Object* a[2];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  Ref<> r;
  if (a[0] == nullptr) {
    if (a[1] != nullptr) {
      SetError(&TypeErrorType, "int() missing string argument");
      return nullptr;
    }
    r = NewInt(0);
  } else if (a[1] == nullptr) {
    r = IntFromObject(a[0]);
  } else {
    int64_t base;
    Ref<> bi = Index(a[1]);
    PY_RETURN_IF_NULL(bi);
    auto small = IntSmall(bi.get());
    base = small ? *small : 100;
    if (base != 0 && (base < 2 || base > 36)) {
      SetError(&ValueErrorType, "int() base must be >= 2 and <= 36, or 0");
      return nullptr;
    }
    bool handled;
    r = IntFromTextObject(a[0], static_cast<int>(base), &handled);
    if (!handled) {
      SetError(&TypeErrorType, "int() can't convert non-string with explicit base");
      return nullptr;
    }
  }
  PY_RETURN_IF_NULL(r);
  if (type == &IntType) return r;
  return NewIntOfType(type, IntValue(r.get()));
}

// --- bool -----------------------------------------------------------------------------------

Ref<> BoolRepr(Object* a) { return NewStr(a == True() ? "True" : "False"); }

Ref<> BoolNew(Type*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("bool", kwnames)) return nullptr;
  if (!CheckPositional("bool", nargs, 0, 1)) return nullptr;
  if (nargs == 0) return NewBool(false);
  int t = IsTrue(args[0]);
  if (t < 0) return nullptr;
  return NewBool(t != 0);
}

Ref<> BoolAnd(Object* a, Object* b) {
  if (IsBool(a) && IsBool(b)) return NewBool(a == True() && b == True());
  return IntAnd(a, b);
}
Ref<> BoolOr(Object* a, Object* b) {
  if (IsBool(a) && IsBool(b)) return NewBool(a == True() || b == True());
  return IntOr(a, b);
}
Ref<> BoolXor(Object* a, Object* b) {
  if (IsBool(a) && IsBool(b)) return NewBool((a == True()) != (b == True()));
  return IntXor(a, b);
}

}  // namespace

// Defined in int_methods.cc.
extern const MethodDef kIntMethods[];
extern const GetSetDef kIntGetSets[];

void InitIntTypes() {
  InitStaticType(&IntType, {.name = "int",
                            .basicsize = sizeof(Int),
                            .flags = kBaseType,
                            .methods = kIntMethods,
                            .getsets = kIntGetSets,
                            .doc = "int([x]) -> integer\nint(x, base=10) -> integer"});
  IntType.dealloc = &IntDealloc;
  IntType.new_ = &IntNew;
  IntType.repr = &IntRepr;
  IntType.hash = &IntHash;
  IntType.richcompare = &IntRichCompare;
  IntType.nb_add = &IntAdd;
  IntType.nb_subtract = &IntSub;
  IntType.nb_multiply = &IntMul;
  IntType.nb_remainder = &IntMod;
  IntType.nb_divmod = &IntDivMod;
  IntType.nb_power = &IntPow;
  IntType.nb_lshift = &IntLshift;
  IntType.nb_rshift = &IntRshift;
  IntType.nb_and = &IntAnd;
  IntType.nb_xor = &IntXor;
  IntType.nb_or = &IntOr;
  IntType.nb_floor_divide = &IntFloorDiv;
  IntType.nb_true_divide = &IntTrueDiv;
  IntType.nb_negative = &IntNeg;
  IntType.nb_positive = &IntPos;
  IntType.nb_absolute = &IntAbs;
  IntType.nb_invert = &IntInvert;
  IntType.nb_bool = &IntBool;
  IntType.nb_int = &IntPos;
  IntType.nb_float = &IntFloat;
  IntType.nb_index = &IntPos;

  InitStaticType(&BoolType, {.name = "bool",
                             .basicsize = sizeof(Int),
                             .flags = 0,
                             .base = &IntType,
                             .doc = "bool(x) -> bool"});
  BoolType.dealloc = &IntDealloc;
  BoolType.new_ = &BoolNew;
  BoolType.repr = &BoolRepr;
  BoolType.nb_and = &BoolAnd;
  BoolType.nb_or = &BoolOr;
  BoolType.nb_xor = &BoolXor;
}

}  // namespace pyrite::vm
