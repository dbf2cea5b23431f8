// The number protocol (CPython's binary_op1 / ternary_op and friends in Objects/abstract.c).
//
// A binary operator tries the left operand's slot, then the right operand's (the slot functions
// receive (a, b) either way and decide which side they serve). If the right operand's type is a
// proper subclass of the left's and fills the slot differently, it goes first, so that subclasses
// can override operators of their bases. A slot answering NotImplemented passes the turn. `+` and
// `*` then fall back to the sequence slots (concatenation, repetition), and in-place operators
// first try the in-place slot of the left operand.
#include <cstring>
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/objects/descr.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"

namespace pyrite::vm {
namespace {

constexpr int kInplace = static_cast<int>(BinaryOp::kInplaceOffset);

struct OpInfo {
  BinaryFn Type::*slot;
  BinaryFn Type::*islot;
  const char* symbol;
  const char* isymbol;
};

// Indexed by BinaryOp (CPython's NB_* order).
const OpInfo kOps[] = {
    {&Type::nb_add, &Type::nb_inplace_add, "+", "+="},
    {&Type::nb_and, &Type::nb_inplace_and, "&", "&="},
    {&Type::nb_floor_divide, &Type::nb_inplace_floor_divide, "//", "//="},
    {&Type::nb_lshift, &Type::nb_inplace_lshift, "<<", "<<="},
    {&Type::nb_matrix_multiply, &Type::nb_inplace_matrix_multiply, "@", "@="},
    {&Type::nb_multiply, &Type::nb_inplace_multiply, "*", "*="},
    {&Type::nb_remainder, &Type::nb_inplace_remainder, "%", "%="},
    {&Type::nb_or, &Type::nb_inplace_or, "|", "|="},
    {nullptr, nullptr, "** or pow()", "**="},  // power: ternary slots
    {&Type::nb_rshift, &Type::nb_inplace_rshift, ">>", ">>="},
    {&Type::nb_subtract, &Type::nb_inplace_subtract, "-", "-="},
    {&Type::nb_true_divide, &Type::nb_inplace_true_divide, "/", "/="},
    {&Type::nb_xor, &Type::nb_inplace_xor, "^", "^="},
};
static_assert(sizeof(kOps) / sizeof(kOps[0]) == kInplace);

bool IsNI(const Ref<>& r) { return r.get() == NotImplemented(); }

// binary_op1: NotImplemented (a new reference) when neither operand handles it.
Ref<> BinaryOp1(Object* a, Object* b, BinaryFn Type::*slot) {
  BinaryFn slota = a->type->*slot;
  BinaryFn slotb = nullptr;
  if (b->type != a->type) {
    slotb = b->type->*slot;
    if (slotb == slota) slotb = nullptr;
  }
  if (slota != nullptr) {
    if (slotb != nullptr && IsSubtype(b->type, a->type)) {
      Ref<> x = slotb(a, b);
      if (!IsNI(x)) return x;
      slotb = nullptr;
    }
    Ref<> x = slota(a, b);
    if (!IsNI(x)) return x;
  }
  if (slotb != nullptr) {
    Ref<> x = slotb(a, b);
    if (!IsNI(x)) return x;
  }
  return NewNotImplemented();
}

// ternary_op for pow(): the third operand's slot is tried last.
Ref<> TernaryOp1(Object* a, Object* b, Object* c, TernaryFn Type::*slot) {
  TernaryFn slota = a->type->*slot;
  TernaryFn slotb = nullptr;
  if (b->type != a->type) {
    slotb = b->type->*slot;
    if (slotb == slota) slotb = nullptr;
  }
  if (slota != nullptr) {
    if (slotb != nullptr && IsSubtype(b->type, a->type)) {
      Ref<> x = slotb(a, b, c);
      if (!IsNI(x)) return x;
      slotb = nullptr;
    }
    Ref<> x = slota(a, b, c);
    if (!IsNI(x)) return x;
  }
  if (slotb != nullptr) {
    Ref<> x = slotb(a, b, c);
    if (!IsNI(x)) return x;
  }
  if (c != None()) {
    TernaryFn slotc = c->type->*slot;
    if (slotc != nullptr && slotc != slota && slotc != slotb) {
      Ref<> x = slotc(a, b, c);
      if (!IsNI(x)) return x;
    }
  }
  return NewNotImplemented();
}

void RaiseUnsupported(Object* a, Object* b, const char* symbol) {
  // CPython's hint for Python 2's `print >> f, x`.
  if (std::strcmp(symbol, ">>") == 0 && a->type == &BuiltinFunctionType &&
      std::strcmp(static_cast<BuiltinFunction*>(a)->def->name, "print") == 0) {
    SetErrorF(&TypeErrorType,
              "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'. Did you mean "
              "\"print(<message>, file=<output_stream>)\"?",
              symbol, TypeNameOf(a), TypeNameOf(b));
    return;
  }
  SetErrorF(&TypeErrorType, "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'", symbol,
            TypeNameOf(a), TypeNameOf(b));
}

Ref<> SequenceRepeat(SizeArgFn repeat, Object* seq, Object* n) {
  if (n->type->nb_index == nullptr) {
    SetErrorF(&TypeErrorType, "can't multiply sequence by non-int of type '%.200s'", TypeNameOf(n));
    return nullptr;
  }
  int64_t count;
  if (!AsSsize(n, &OverflowErrorType, &count)) return nullptr;
  return repeat(seq, count);
}

Ref<> PowerOp(Object* a, Object* b, Object* c, bool inplace) {
  if (inplace && a->type->nb_inplace_power != nullptr) {
    Ref<> x = a->type->nb_inplace_power(a, b, c);
    if (!IsNI(x)) return x;
  }
  Ref<> x = TernaryOp1(a, b, c, &Type::nb_power);
  if (!IsNI(x)) return x;
  if (c == None()) {
    SetErrorF(&TypeErrorType, "unsupported operand type(s) for %s: '%.100s' and '%.100s'",
              inplace ? "**=" : "** or pow()", TypeNameOf(a), TypeNameOf(b));
  } else {
    SetErrorF(&TypeErrorType,
              "unsupported operand type(s) for ** or pow(): '%.100s', '%.100s', '%.100s'",
              TypeNameOf(a), TypeNameOf(b), TypeNameOf(c));
  }
  return nullptr;
}

Ref<> UnaryOp(Object* o, UnaryFn Type::*slot, const char* what) {
  UnaryFn f = o->type->*slot;
  if (f == nullptr) {
    SetErrorF(&TypeErrorType, "bad operand type for %s: '%.200s'", what, TypeNameOf(o));
    return nullptr;
  }
  return f(o);
}

}  // namespace

Ref<> BinaryOperation(Object* a, Object* b, int op) {
  bool inplace = op >= kInplace;
  int base = inplace ? op - kInplace : op;
  if (base < 0 || base >= kInplace) {
    SetErrorF(&SystemErrorType, "bad BINARY_OP argument %d", op);
    return nullptr;
  }
  if (base == static_cast<int>(BinaryOp::kPower)) return PowerOp(a, b, None(), inplace);
  const OpInfo& info = kOps[base];
  if (inplace) {
    BinaryFn islot = a->type->*info.islot;
    if (islot != nullptr) {
      Ref<> x = islot(a, b);
      if (!IsNI(x)) return x;
    }
  }
  Ref<> x = BinaryOp1(a, b, info.slot);
  if (!IsNI(x)) return x;
  if (base == static_cast<int>(BinaryOp::kAdd)) {
    BinaryFn concat = inplace && a->type->sq_inplace_concat != nullptr ? a->type->sq_inplace_concat
                                                                       : a->type->sq_concat;
    if (concat != nullptr) return concat(a, b);
  } else if (base == static_cast<int>(BinaryOp::kMultiply)) {
    SizeArgFn repeat_a = inplace && a->type->sq_inplace_repeat != nullptr
                             ? a->type->sq_inplace_repeat
                             : a->type->sq_repeat;
    if (repeat_a != nullptr) return SequenceRepeat(repeat_a, a, b);
    if (b->type->sq_repeat != nullptr) return SequenceRepeat(b->type->sq_repeat, b, a);
  }
  RaiseUnsupported(a, b, inplace ? info.isymbol : info.symbol);
  return nullptr;
}

Ref<> Divmod(Object* a, Object* b) {
  Ref<> x = BinaryOp1(a, b, &Type::nb_divmod);
  if (!IsNI(x)) return x;
  RaiseUnsupported(a, b, "divmod()");
  return nullptr;
}

Ref<> Power(Object* base, Object* exp, Object* mod) {
  return PowerOp(base, exp, mod == nullptr ? None() : mod, false);
}

Ref<> UnaryNegative(Object* o) { return UnaryOp(o, &Type::nb_negative, "unary -"); }
Ref<> UnaryPositive(Object* o) { return UnaryOp(o, &Type::nb_positive, "unary +"); }
Ref<> UnaryInvert(Object* o) { return UnaryOp(o, &Type::nb_invert, "unary ~"); }
Ref<> Absolute(Object* o) { return UnaryOp(o, &Type::nb_absolute, "abs()"); }

Ref<> Index(Object* o) {
  if (IsInt(o)) return NewRef(o);
  if (o->type->nb_index == nullptr) {
    SetErrorF(&TypeErrorType, "'%.200s' object cannot be interpreted as an integer", TypeNameOf(o));
    return nullptr;
  }
  Ref<> r = o->type->nb_index(o);
  if (!r) return nullptr;
  if (!IsInt(r.get())) {
    SetErrorF(&TypeErrorType, "__index__ returned non-int (type %.200s)", TypeNameOf(r.get()));
    return nullptr;
  }
  return r;
}

bool AsSsize(Object* o, Type* overflow_error, int64_t* out) {
  Ref<> i = Index(o);
  if (!i) return false;
  std::optional<int64_t> v = IntSmall(i.get());
  if (v.has_value()) {
    *out = *v;
    return true;
  }
  if (overflow_error == nullptr) {
    *out = IntValue(i.get()).Sign() < 0 ? INT64_MIN : INT64_MAX;
    return true;
  }
  SetErrorF(overflow_error, "cannot fit '%.200s' into an index-sized integer", TypeNameOf(o));
  return false;
}

Ref<> NumberLong(Object* o) {
  if (IsExactInt(o)) return NewRef(o);
  return CallOneArg(&IntType, o);
}

Ref<> NumberFloat(Object* o) {
  if (o->type == &FloatType) return NewRef(o);
  return CallOneArg(&FloatType, o);
}

}  // namespace pyrite::vm
