// The eval loop's fast paths for arithmetic, comparisons and stores on exact builtin types
// (float, small int, str, list), and the instruction fusions that go with them (a STORE_FAST or a
// conditional jump handled by the instruction before it). Inline, in a header of their own so
// that eval.cc keeps only EvalFrame; included by eval.cc alone. Every fast path falls back to the
// generic operation (abstract.h) for anything it does not handle, so semantics are unchanged.
#ifndef PYRITE_PYTHON_VM_EVAL_FAST_PATHS_H_
#define PYRITE_PYTHON_VM_EVAL_FAST_PATHS_H_

#include <cmath>
#include <cstdint>

#include "python/bytecode/opcodes.h"
#include "python/vm/abstract.h"
#include "python/vm/gc.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/runtime.h"

namespace pyrite::vm::eval_fast_paths {

using bytecode::Opcode;

// Results of the BINARY_OP fast paths. An operand of the result's exact type that nobody else can
// observe once the instruction pops it gives its storage to the result: one allocation and one
// free fewer. That is an operand whose only reference is the value stack's (a temporary such as
// `a * b` in `a * b + c`), or whose other one is the local the next instruction overwrites
// (`i += 1`, `x = x * y`: `dying_local` is that local's value, or null). Returns an owned
// reference (the reused operand gets +1 to balance the pops).
inline bool Disposable(Object* o, Object* dying_local) {
  return o->refcnt == 1 || (o == dying_local && o->refcnt == 2);
}
inline Object* FloatResultInto(Object* a, Object* b, Object* dying_local, double v) {
  Object* o = a->type == &FloatType && Disposable(a, dying_local)   ? a
              : b->type == &FloatType && Disposable(b, dying_local) ? b
                                                                    : nullptr;
  if (o == nullptr) return NewFloat(v).release();
  static_cast<Float*>(o)->value = v;
  Incref(o);
  return o;
}
// Both operands are exact ints. Results in -5..256 must be the cached small ints (NewInt), as
// CPython's are.
inline Object* IntResultInto(Object* a, Object* b, Object* dying_local, int64_t v) {
  if (v < -5 || v > 256) {
    for (Object* o : {a, b}) {
      if (Disposable(o, dying_local)) {
        static_cast<Int*>(o)->value = bigint::BigInt::FromInt64(v);
        Incref(o);
        return o;
      }
    }
  }
  return NewInt(v).release();
}

// BINARY_OP's operator with the in-place variants (`+=`) mapped to the plain ones, which the fast
// paths below compute identically.
inline BinaryOp PlainBinaryOp(int oparg) {
  constexpr int kInplace = static_cast<int>(BinaryOp::kInplaceOffset);
  return static_cast<BinaryOp>(oparg >= kInplace ? oparg - kInplace : oparg);
}

// int64 fast paths of BINARY_OP for exact ints and floats: the result as an owned pointer, or null
// (no error set) to take the generic path.
[[gnu::always_inline]] inline Object* SmallIntBinary(Object* a, Object* b, BinaryOp op,
                                                     Object* dying_local) {
  if (!IsExactInt(a) || !IsExactInt(b)) return nullptr;
  const bigint::BigInt& va = IntValue(a);
  const bigint::BigInt& vb = IntValue(b);
  if (!va.IsSmall() || !vb.IsSmall()) return nullptr;
  int64_t x = *va.ToInt64(), y = *vb.ToInt64();
  int64_t r;
  switch (op) {
    case BinaryOp::kAdd:
      if (__builtin_add_overflow(x, y, &r)) return nullptr;
      break;
    case BinaryOp::kSubtract:
      if (__builtin_sub_overflow(x, y, &r)) return nullptr;
      break;
    case BinaryOp::kMultiply:
      if (__builtin_mul_overflow(x, y, &r)) return nullptr;
      break;
    case BinaryOp::kAnd:
      r = x & y;
      break;
    case BinaryOp::kOr:
      r = x | y;
      break;
    case BinaryOp::kXor:
      r = x ^ y;
      break;
    case BinaryOp::kFloorDivide:
      if (y == 0 || (x == INT64_MIN && y == -1)) return nullptr;
      r = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) --r;
      break;
    case BinaryOp::kRemainder:
      if (y == 0 || y == -1) return nullptr;
      r = x % y;
      if (r != 0 && ((r < 0) != (y < 0))) r += y;
      break;
    default:
      return nullptr;
  }
  // Null only on MemoryError, which the generic path re-raises.
  return IntResultInto(a, b, dying_local, r);
}

// The double an exact int that fits int64 stands for in float arithmetic (float's slots convert
// such ints the same way: correctly rounded).
inline bool IntAsFloatOperand(Object* o, double* out) {
  if (o->type != &IntType || !IntValue(o).IsSmall()) return false;
  *out = static_cast<double>(*IntValue(o).ToInt64());
  return true;
}

// Float fast path of BINARY_OP: float with float, or a float mixed with an exact int (what
// float's slots compute for those). Null (no error set) takes the generic path, which also
// raises: division by zero, and ** unless the base is positive and everything stays finite.
[[gnu::always_inline]] inline Object* FloatBinary(Object* a, Object* b, BinaryOp op,
                                                  Object* dying_local) {
  double x, y, r;
  if (a->type == &FloatType) {
    x = FloatValue(a);
    if (b->type == &FloatType) {
      y = FloatValue(b);
    } else if (!IntAsFloatOperand(b, &y)) {
      return nullptr;
    }
  } else if (b->type == &FloatType && IntAsFloatOperand(a, &x)) {
    y = FloatValue(b);
  } else {
    return nullptr;
  }
  switch (op) {
    case BinaryOp::kAdd:
      r = x + y;
      break;
    case BinaryOp::kSubtract:
      r = x - y;
      break;
    case BinaryOp::kMultiply:
      r = x * y;
      break;
    case BinaryOp::kTrueDivide:
      if (y == 0) return nullptr;
      r = x / y;
      break;
    case BinaryOp::kPower:
      if (!(x > 0 && std::isfinite(x) && std::isfinite(y))) return nullptr;
      r = std::pow(x, y);
      if (!std::isfinite(r)) return nullptr;
      break;
    default:
      return nullptr;
  }
  return FloatResultInto(a, b, dying_local, r);
}

// STORE_SUBSCR for an exact list and an in-range exact int index (`v[0] -= d`): stores a new
// reference to v and drops the old item. False (nothing done) for every other case, including
// out-of-range indexes, which the generic path reports.
inline bool ListStoreFast(Object* container, Object* sub, Object* v) {
  if (!IsExactList(container) || !IsExactInt(sub) || !IntValue(sub).IsSmall()) return false;
  List* l = static_cast<List*>(container);
  int64_t i = *IntValue(sub).ToInt64();
  if (i < 0) i += l->size;
  if (i < 0 || i >= l->size) return false;
  Object* old = l->items[i];
  Incref(v);
  l->items[i] = v;
  Decref(old);
  return true;
}

// The value a STORE_FAST at `unit` overwrites (borrowed), or null if `unit` is something else.
inline Object* StoreFastTarget(uint16_t unit, Object** localsplus) {
  if (static_cast<Opcode>(unit & 0xFF) != Opcode::STORE_FAST) return nullptr;
  return localsplus[unit >> 8];
}

// Stores `v` (owned) into the local named by a STORE_FAST at *next_instr and steps past it, so that
// the instruction producing v (`x = a + b`, `for x in it`) need not push it for another dispatch
// to pop. False (nothing done) when the next unit is something else.
inline bool FuseStoreFast(uint16_t*& next_instr, Object** localsplus, Object* v) {
  uint16_t unit = *next_instr;
  if (static_cast<Opcode>(unit & 0xFF) != Opcode::STORE_FAST) return false;
  ++next_instr;
  Object*& slot = localsplus[unit >> 8];
  Object* old = slot;
  slot = v;
  Xdecref(old);
  return true;
}

// COMPARE_OP fast paths for exact operands: 1 or 0, or -1 to take the generic path. Ints and
// floats mix only while the int converts exactly (float comparisons with ints are exact).
inline int FastCompare(Object* a, Object* b, int op) {
  constexpr int64_t kExactDoubleInt = int64_t{1} << 53;
  double x, y;
  if (a->type == &IntType && IntValue(a).IsSmall()) {
    int64_t i = *IntValue(a).ToInt64();
    if (b->type == &IntType && IntValue(b).IsSmall()) {
      int64_t j = *IntValue(b).ToInt64();
      return CompareOrder(i < j ? -1 : (i > j), static_cast<CompareOp>(op));
    }
    if (b->type != &FloatType || i > kExactDoubleInt || i < -kExactDoubleInt) return -1;
    x = static_cast<double>(i);
    y = FloatValue(b);
  } else if (a->type == &FloatType) {
    x = FloatValue(a);
    if (b->type == &FloatType) {
      y = FloatValue(b);
    } else if (b->type == &IntType && IntValue(b).IsSmall()) {
      int64_t j = *IntValue(b).ToInt64();
      if (j > kExactDoubleInt || j < -kExactDoubleInt) return -1;
      y = static_cast<double>(j);
    } else {
      return -1;
    }
  } else if (a->type == &StrType && b->type == &StrType) {
    Str* sa = static_cast<Str*>(a);
    Str* sb = static_cast<Str*>(b);
    switch (static_cast<CompareOp>(op)) {
      case CompareOp::kEq: return StrEqual(sa, sb);
      case CompareOp::kNe: return !StrEqual(sa, sb);
      default: return CompareOrder(StrCompare(sa, sb), static_cast<CompareOp>(op));
    }
  } else {
    return -1;
  }
  switch (static_cast<CompareOp>(op)) {
    case CompareOp::kLt: return x < y;
    case CompareOp::kLe: return x <= y;
    case CompareOp::kEq: return x == y;
    case CompareOp::kNe: return x != y;
    case CompareOp::kGt: return x > y;
    case CompareOp::kGe: return x >= y;
  }
  return -1;
}

// A COMPARE_OP whose result feeds a conditional jump (`if a < b:`, `while i < n:`) can jump at
// once instead of pushing a bool for the jump to test and pop. For a POP_JUMP_*_IF_TRUE/FALSE
// unit, sets *delta to the distance to add past the jump's unit (0 when it falls through) and
// returns true; false for any other unit.
inline bool CompareJump(uint16_t unit, bool value, int* delta) {
  int arg = unit >> 8;
  switch (static_cast<Opcode>(unit & 0xFF)) {
    case Opcode::POP_JUMP_FORWARD_IF_FALSE: *delta = value ? 0 : arg; return true;
    case Opcode::POP_JUMP_FORWARD_IF_TRUE: *delta = value ? arg : 0; return true;
    case Opcode::POP_JUMP_BACKWARD_IF_FALSE: *delta = value ? 0 : -arg; return true;
    case Opcode::POP_JUMP_BACKWARD_IF_TRUE: *delta = value ? -arg : 0; return true;
    default: return false;
  }
}

}  // namespace pyrite::vm::eval_fast_paths

#endif  // PYRITE_PYTHON_VM_EVAL_FAST_PATHS_H_
