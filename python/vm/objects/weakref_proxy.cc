// weakref.proxy (weakref.ProxyType and weakref.CallableProxyType): a weak reference that stands
// in for its referent. Every slot unwraps the proxies among its operands and performs the same
// operation on the referents through abstract.h; once the referent is dead, each operation raises
// ReferenceError. The struct, list management and lifecycle are weakref.cc's.
#include <cstdio>
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/objects/weakref.h"

namespace pyrite::vm {

Type WeakProxyType;
Type WeakCallableProxyType;

namespace {

// *out = the referent when `o` is a proxy, else `o` itself (a new reference either way). False
// with ReferenceError when the proxy is dead.
bool Unwrap(Object* o, Ref<>* out) {
  if (IsWeakProxy(o)) {
    Object* referent = static_cast<WeakRef*>(o)->referent;
    if (referent == nullptr) {
      SetError(&ReferenceErrorType, "weakly-referenced object no longer exists");
      return false;
    }
    *out = NewRef(referent);
    return true;
  }
  *out = NewRef(o);
  return true;
}

Ref<> ProxyGetAttr(Object* self, Str* name) {
  Ref<> r;
  if (!Unwrap(self, &r)) return nullptr;
  return GetAttr(r.get(), name);
}

int ProxySetAttr(Object* self, Str* name, Object* value) {
  Ref<> r;
  if (!Unwrap(self, &r)) return -1;
  return SetAttr(r.get(), name, value);
}

Ref<> ProxyRepr(Object* self) {
  Object* referent = static_cast<WeakRef*>(self)->referent;
  Object* shown = referent != nullptr ? referent : None();
  char buf[200];
  std::snprintf(buf, sizeof buf, "<weakproxy at %p to %.100s at %p>", static_cast<void*>(self),
                TypeNameOf(shown), static_cast<void*>(shown));
  return NewStr(buf);
}

Ref<> ProxyStr(Object* self) {
  Ref<> r;
  if (!Unwrap(self, &r)) return nullptr;
  return ToStr(r.get());
}

Ref<> ProxyCall(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  Ref<> r;
  if (!Unwrap(self, &r)) return nullptr;
  return Call(r.get(), args, nargs, kwnames);
}

Ref<> ProxyRichCompare(Object* a, Object* b, CompareOp op) {
  Ref<> ua;
  Ref<> ub;
  if (!Unwrap(a, &ua) || !Unwrap(b, &ub)) return nullptr;
  return RichCompare(ua.get(), ub.get(), op);
}

int ProxyBool(Object* self) {
  Ref<> r;
  if (!Unwrap(self, &r)) return -1;
  return IsTrue(r.get());
}

int64_t ProxyLength(Object* self) {
  Ref<> r;
  if (!Unwrap(self, &r)) return -1;
  return Length(r.get());
}

Ref<> ProxyGetItem(Object* self, Object* key) {
  Ref<> r;
  if (!Unwrap(self, &r)) return nullptr;
  return GetItem(r.get(), key);
}

int ProxySetItem(Object* self, Object* key, Object* value) {
  Ref<> r;
  if (!Unwrap(self, &r)) return -1;
  return value != nullptr ? SetItem(r.get(), key, value) : DelItem(r.get(), key);
}

int ProxyContains(Object* self, Object* item) {
  Ref<> r;
  if (!Unwrap(self, &r)) return -1;
  return Contains(r.get(), item);
}

Ref<> ProxyIter(Object* self) {
  Ref<> r;
  if (!Unwrap(self, &r)) return nullptr;
  return GetIter(r.get());
}

Ref<> ProxyIterNext(Object* self) {
  Ref<> r;
  if (!Unwrap(self, &r)) return nullptr;
  if (r->type->iternext == nullptr) {
    SetErrorF(&TypeErrorType, "Weakref proxy referenced a non-iterator '%.200s' object",
              TypeNameOf(r.get()));
    return nullptr;
  }
  return r->type->iternext(r.get());
}

template <BinaryOp kOp, bool kInplace>
Ref<> ProxyBinary(Object* a, Object* b) {
  Ref<> ua;
  Ref<> ub;
  if (!Unwrap(a, &ua) || !Unwrap(b, &ub)) return nullptr;
  int op = static_cast<int>(kOp) + (kInplace ? static_cast<int>(BinaryOp::kInplaceOffset) : 0);
  return BinaryOperation(ua.get(), ub.get(), op);
}

Ref<> ProxyPower(Object* a, Object* b, Object* c) {
  Ref<> ua;
  Ref<> ub;
  Ref<> uc;
  if (!Unwrap(a, &ua) || !Unwrap(b, &ub) || !Unwrap(c, &uc)) return nullptr;
  return Power(ua.get(), ub.get(), uc.get());
}

Ref<> ProxyInplacePower(Object* a, Object* b, Object* c) {
  if (c != None()) return ProxyPower(a, b, c);
  return ProxyBinary<BinaryOp::kPower, true>(a, b);
}

Ref<> ProxyDivmod(Object* a, Object* b) {
  Ref<> ua;
  Ref<> ub;
  if (!Unwrap(a, &ua) || !Unwrap(b, &ub)) return nullptr;
  return Divmod(ua.get(), ub.get());
}

template <Ref<> (*kFn)(Object*)>
Ref<> ProxyUnary(Object* self) {
  Ref<> r;
  if (!Unwrap(self, &r)) return nullptr;
  return kFn(r.get());
}

void FillSlots(Type* t) {
  t->dealloc = &WeakRefDeallocSlot;
  t->traverse = &WeakRefTraverseSlot;
  t->clear = &WeakRefClearSlot;
  t->getattro = &ProxyGetAttr;
  t->setattro = &ProxySetAttr;
  t->repr = &ProxyRepr;
  t->str = &ProxyStr;
  t->richcompare = &ProxyRichCompare;
  t->iter = &ProxyIter;
  t->iternext = &ProxyIterNext;
  t->nb_bool = &ProxyBool;
  t->length = &ProxyLength;
  t->subscript = &ProxyGetItem;
  t->ass_subscript = &ProxySetItem;
  t->contains = &ProxyContains;

  t->nb_add = &ProxyBinary<BinaryOp::kAdd, false>;
  t->nb_subtract = &ProxyBinary<BinaryOp::kSubtract, false>;
  t->nb_multiply = &ProxyBinary<BinaryOp::kMultiply, false>;
  t->nb_remainder = &ProxyBinary<BinaryOp::kRemainder, false>;
  t->nb_divmod = &ProxyDivmod;
  t->nb_power = &ProxyPower;
  t->nb_lshift = &ProxyBinary<BinaryOp::kLshift, false>;
  t->nb_rshift = &ProxyBinary<BinaryOp::kRshift, false>;
  t->nb_and = &ProxyBinary<BinaryOp::kAnd, false>;
  t->nb_xor = &ProxyBinary<BinaryOp::kXor, false>;
  t->nb_or = &ProxyBinary<BinaryOp::kOr, false>;
  t->nb_floor_divide = &ProxyBinary<BinaryOp::kFloorDivide, false>;
  t->nb_true_divide = &ProxyBinary<BinaryOp::kTrueDivide, false>;
  t->nb_matrix_multiply = &ProxyBinary<BinaryOp::kMatrixMultiply, false>;
  t->nb_inplace_add = &ProxyBinary<BinaryOp::kAdd, true>;
  t->nb_inplace_subtract = &ProxyBinary<BinaryOp::kSubtract, true>;
  t->nb_inplace_multiply = &ProxyBinary<BinaryOp::kMultiply, true>;
  t->nb_inplace_remainder = &ProxyBinary<BinaryOp::kRemainder, true>;
  t->nb_inplace_power = &ProxyInplacePower;
  t->nb_inplace_lshift = &ProxyBinary<BinaryOp::kLshift, true>;
  t->nb_inplace_rshift = &ProxyBinary<BinaryOp::kRshift, true>;
  t->nb_inplace_and = &ProxyBinary<BinaryOp::kAnd, true>;
  t->nb_inplace_xor = &ProxyBinary<BinaryOp::kXor, true>;
  t->nb_inplace_or = &ProxyBinary<BinaryOp::kOr, true>;
  t->nb_inplace_floor_divide = &ProxyBinary<BinaryOp::kFloorDivide, true>;
  t->nb_inplace_true_divide = &ProxyBinary<BinaryOp::kTrueDivide, true>;
  t->nb_inplace_matrix_multiply = &ProxyBinary<BinaryOp::kMatrixMultiply, true>;
  t->nb_negative = &ProxyUnary<&UnaryNegative>;
  t->nb_positive = &ProxyUnary<&UnaryPositive>;
  t->nb_absolute = &ProxyUnary<&Absolute>;
  t->nb_invert = &ProxyUnary<&UnaryInvert>;
  t->nb_int = &ProxyUnary<&NumberLong>;
  t->nb_float = &ProxyUnary<&NumberFloat>;
  t->nb_index = &ProxyUnary<&Index>;
}

}  // namespace

void InitWeakProxyTypes() {
  // Not subclassable and unhashable (hash stays null), as in CPython.
  InitStaticType(&WeakProxyType,
                 {.name = "weakref.ProxyType", .basicsize = sizeof(WeakRef), .flags = kHaveGc});
  FillSlots(&WeakProxyType);
  InitStaticType(
      &WeakCallableProxyType,
      {.name = "weakref.CallableProxyType", .basicsize = sizeof(WeakRef), .flags = kHaveGc});
  FillSlots(&WeakCallableProxyType);
  WeakCallableProxyType.call = &ProxyCall;
}

}  // namespace pyrite::vm
