// The slot table (slots.def) at work: the wrappers through which Python calls a builtin type's
// slots (`int.__add__(1, 2)`), the generic slot functions of heap types that call the dunders a
// class defines in Python (slot_* in CPython's typeobject.c), and UpdateSlot, which keeps a heap
// type's slots in step with its dict.
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/descr.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/type.h"
#include "python/vm/type_internal.h"

namespace pyrite::vm {

// --- Calling dunders looked up on the type -----------------------------------------------------

Ref<> CallSpecialKw(Object* self, Str* name, Object* const* args, size_t nargs, Tuple* kwnames,
                    bool* found) {
  Type* t = self->type;
  Object* f = TypeLookup(t, name);
  if (f == nullptr) {
    *found = false;
    return nullptr;
  }
  *found = true;
  Ref<> keep = NewRef(f);
  size_t nkw = kwnames != nullptr ? static_cast<size_t>(kwnames->size) : 0;
  if (HasFlag(f->type, kMethodDescriptor)) {
    // self prepended to the arguments; a small fixed buffer covers nearly every dunder call.
    Object* small[8];
    std::vector<Object*> big;
    Object** stack = small;
    if (nargs + nkw + 1 > 8) {
      big.resize(nargs + nkw + 1);
      stack = big.data();
    }
    stack[0] = self;
    for (size_t i = 0; i < nargs + nkw; ++i) stack[i + 1] = args[i];
    return Call(f, stack, nargs + 1, kwnames);
  }
  if (f->type->descr_get != nullptr) {
    Ref<> bound = f->type->descr_get(f, self, t);
    PY_RETURN_IF_NULL(bound);
    return Call(bound.get(), args, nargs, kwnames);
  }
  return Call(f, args, nargs, kwnames);
}

Ref<> CallSpecial(Object* self, Str* name, Object* const* args, size_t nargs, bool* found) {
  return CallSpecialKw(self, name, args, nargs, nullptr, found);
}

namespace {

// A dunder that must exist (the slot was installed because it does): AttributeError otherwise.
Ref<> CallRequired(Object* self, Str* name, Object* const* args, size_t nargs,
                   Tuple* kwnames = nullptr) {
  bool found;
  Ref<> r = CallSpecialKw(self, name, args, nargs, kwnames, &found);
  if (!found && !ErrorOccurred()) {
    SetErrorF(&AttributeErrorType, "%s", std::string(StrUtf8(name)).c_str());
  }
  return r;
}

// A dunder that may be missing: NotImplemented then (vectorcall_maybe).
Ref<> CallMaybe(Object* self, Str* name, Object* const* args, size_t nargs) {
  bool found;
  Ref<> r = CallSpecial(self, name, args, nargs, &found);
  if (!found && !ErrorOccurred()) return NewNotImplemented();
  return r;
}

// Whether type(right) defines `name` differently from type(left) (method_is_overloaded).
bool MethodIsOverloaded(Object* left, Object* right, Str* name) {
  Object* b = TypeLookup(right->type, name);
  if (b == nullptr) return false;
  return TypeLookup(left->type, name) != b;
}

Str* S(const char* s) { return InternStr(s); }

// SLOT1BINFULL: a.__op__(b), or b.__rop__(a) when b's type is a different heap type with the same
// slot, trying b first when it is a subclass that overrides the reflected method.
template <typename Fn>
Ref<> BinarySlot(Object* self, Object* other, Fn Type::*field, Fn me, Str* lname, Str* rname) {
  bool do_other = self->type != other->type && other->type->*field == me;
  if (self->type->*field == me) {
    if (do_other && IsSubtype(other->type, self->type) &&
        MethodIsOverloaded(self, other, rname)) {
      Object* a[1] = {self};
      Ref<> r = CallMaybe(other, rname, a, 1);
      if (!r || r.get() != NotImplemented()) return r;
      do_other = false;
    }
    Object* a[1] = {other};
    Ref<> r = CallMaybe(self, lname, a, 1);
    if (!r || r.get() != NotImplemented() || other->type == self->type) return r;
  }
  if (do_other) {
    Object* a[1] = {self};
    return CallMaybe(other, rname, a, 1);
  }
  return NewNotImplemented();
}

#define BINARY_SLOT(Fn, field, lname, rname)                                 \
  Ref<> Fn(Object* self, Object* other) {                                    \
    static Str* l = S(lname);                                                \
    static Str* r = S(rname);                                                \
    return BinarySlot(self, other, &Type::field, &Fn, l, r);                 \
  }
BINARY_SLOT(SlotNbAdd, nb_add, "__add__", "__radd__")
BINARY_SLOT(SlotNbSubtract, nb_subtract, "__sub__", "__rsub__")
BINARY_SLOT(SlotNbMultiply, nb_multiply, "__mul__", "__rmul__")
BINARY_SLOT(SlotNbRemainder, nb_remainder, "__mod__", "__rmod__")
BINARY_SLOT(SlotNbDivmod, nb_divmod, "__divmod__", "__rdivmod__")
BINARY_SLOT(SlotNbLshift, nb_lshift, "__lshift__", "__rlshift__")
BINARY_SLOT(SlotNbRshift, nb_rshift, "__rshift__", "__rrshift__")
BINARY_SLOT(SlotNbAnd, nb_and, "__and__", "__rand__")
BINARY_SLOT(SlotNbXor, nb_xor, "__xor__", "__rxor__")
BINARY_SLOT(SlotNbOr, nb_or, "__or__", "__ror__")
BINARY_SLOT(SlotNbFloorDivide, nb_floor_divide, "__floordiv__", "__rfloordiv__")
BINARY_SLOT(SlotNbTrueDivide, nb_true_divide, "__truediv__", "__rtruediv__")
BINARY_SLOT(SlotNbMatrixMultiply, nb_matrix_multiply, "__matmul__", "__rmatmul__")
#undef BINARY_SLOT

Ref<> SlotNbPower(Object* self, Object* other, Object* mod) {
  static Str* l = S("__pow__");
  static Str* r = S("__rpow__");
  if (mod == nullptr || mod == None()) {
    // Binary form: the same dispatch as the other operators.
    return BinarySlot(self, other, &Type::nb_power, &SlotNbPower, l, r);
  }
  // Three-argument pow() calls only the left operand's __pow__ (no reflected form).
  if (self->type->nb_power == &SlotNbPower) {
    Object* a[2] = {other, mod};
    return CallMaybe(self, l, a, 2);
  }
  return NewNotImplemented();
}

#define INPLACE_SLOT(Fn, name)             \
  Ref<> Fn(Object* self, Object* other) {  \
    static Str* n = S(name);               \
    Object* a[1] = {other};                \
    return CallMaybe(self, n, a, 1);       \
  }
INPLACE_SLOT(SlotNbInplaceAdd, "__iadd__")
INPLACE_SLOT(SlotNbInplaceSubtract, "__isub__")
INPLACE_SLOT(SlotNbInplaceMultiply, "__imul__")
INPLACE_SLOT(SlotNbInplaceRemainder, "__imod__")
INPLACE_SLOT(SlotNbInplaceLshift, "__ilshift__")
INPLACE_SLOT(SlotNbInplaceRshift, "__irshift__")
INPLACE_SLOT(SlotNbInplaceAnd, "__iand__")
INPLACE_SLOT(SlotNbInplaceXor, "__ixor__")
INPLACE_SLOT(SlotNbInplaceOr, "__ior__")
INPLACE_SLOT(SlotNbInplaceFloorDivide, "__ifloordiv__")
INPLACE_SLOT(SlotNbInplaceTrueDivide, "__itruediv__")
INPLACE_SLOT(SlotNbInplaceMatrixMultiply, "__imatmul__")
#undef INPLACE_SLOT

Ref<> SlotNbInplacePower(Object* self, Object* other, Object* /*mod*/) {
  static Str* n = S("__ipow__");
  Object* a[1] = {other};
  return CallMaybe(self, n, a, 1);
}

#define UNARY_SLOT(Fn, name)          \
  Ref<> Fn(Object* self) {            \
    static Str* n = S(name);          \
    return CallRequired(self, n, nullptr, 0); \
  }
UNARY_SLOT(SlotRepr, "__repr__")
UNARY_SLOT(SlotStr, "__str__")
UNARY_SLOT(SlotNbNegative, "__neg__")
UNARY_SLOT(SlotNbPositive, "__pos__")
UNARY_SLOT(SlotNbAbsolute, "__abs__")
UNARY_SLOT(SlotNbInvert, "__invert__")
UNARY_SLOT(SlotNbInt, "__int__")
UNARY_SLOT(SlotNbFloat, "__float__")
UNARY_SLOT(SlotNbIndex, "__index__")
UNARY_SLOT(SlotAwait, "__await__")
UNARY_SLOT(SlotAiter, "__aiter__")
UNARY_SLOT(SlotAnext, "__anext__")
#undef UNARY_SLOT

Ref<> SlotIter(Object* self) {
  static Str* n = S("__iter__");
  Object* f = TypeLookup(self->type, n);
  if (f == None() || f == nullptr) {
    SetErrorF(&TypeErrorType, "'%s' object is not iterable", TypeNameOf(self));
    return nullptr;
  }
  return CallRequired(self, n, nullptr, 0);
}

Ref<> SlotIterNext(Object* self) {
  static Str* n = S("__next__");
  Ref<> r = CallRequired(self, n, nullptr, 0);
  return r;
}

int64_t SlotHash(Object* self) {
  static Str* n = S("__hash__");
  Object* f = TypeLookup(self->type, n);
  if (f == None()) {
    SetErrorF(&TypeErrorType, "unhashable type: '%s'", TypeNameOf(self));
    return -1;
  }
  Ref<> r = CallRequired(self, n, nullptr, 0);
  if (!r) return -1;
  if (!IsInt(r.get())) {
    SetError(&TypeErrorType, "__hash__ method should return an integer");
    return -1;
  }
  // Reduce big results the way int's hash does; -1 is reserved for errors.
  int64_t h = Hash(r.get());
  if (h == -1 && !ErrorOccurred()) h = -2;
  return h;
}

Ref<> SlotCall(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static Str* n = S("__call__");
  return CallRequired(self, n, args, nargs, kwnames);
}

Ref<> SlotRichCompare(Object* self, Object* other, CompareOp op) {
  static Str* names[6] = {S("__lt__"), S("__le__"), S("__eq__"),
                          S("__ne__"), S("__gt__"), S("__ge__")};
  Object* a[1] = {other};
  return CallMaybe(self, names[static_cast<int>(op)], a, 1);
}

Ref<> SlotGetAttrHook(Object* self, Str* name) {
  static Str* getattribute = S("__getattribute__");
  static Str* getattr = S("__getattr__");
  Type* t = self->type;
  Object* ga = TypeLookup(t, getattr);
  Object* gab = TypeLookup(t, getattribute);
  Ref<> keep_ga = ga != nullptr ? NewRef(ga) : nullptr;
  Ref<> res;
  if (gab == nullptr ||
      (IsWrapperDescriptor(gab) &&
       WrapperDescriptorFn(gab) == reinterpret_cast<AnyFn>(&GenericGetAttr))) {
    res = GenericGetAttr(self, name);
  } else {
    Object* a[1] = {name};
    res = CallRequired(self, getattribute, a, 1);
  }
  if (res || ga == nullptr) return res;
  if (!ErrorMatches(&AttributeErrorType)) return nullptr;
  ClearError();
  Object* a[1] = {name};
  return CallRequired(self, getattr, a, 1);
}

// self.<set>(key, value), or self.<del>(key) when value is null: 0, or -1 on error.
int CallSetOrDelete(Object* self, Str* set, Str* del, Object* key, Object* value) {
  Ref<> r;
  if (value != nullptr) {
    Object* a[2] = {key, value};
    r = CallRequired(self, set, a, 2);
  } else {
    Object* a[1] = {key};
    r = CallRequired(self, del, a, 1);
  }
  return r ? 0 : -1;
}

int SlotSetAttr(Object* self, Str* name, Object* value) {
  static Str* set = S("__setattr__");
  static Str* del = S("__delattr__");
  return CallSetOrDelete(self, set, del, name, value);
}

Ref<> SlotDescrGet(Object* self, Object* obj, Object* type) {
  static Str* n = S("__get__");
  Object* a[2] = {obj != nullptr ? obj : None(), type != nullptr ? type : None()};
  return CallRequired(self, n, a, 2);
}

int SlotDescrSet(Object* self, Object* obj, Object* value) {
  static Str* set = S("__set__");
  static Str* del = S("__delete__");
  return CallSetOrDelete(self, set, del, obj, value);
}

int SlotInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static Str* n = S("__init__");
  Ref<> r = CallRequired(self, n, args, nargs, kwnames);
  if (!r) return -1;
  if (r.get() != None()) {
    SetErrorF(&TypeErrorType, "__init__() should return None, not '%s'", TypeNameOf(r.get()));
    return -1;
  }
  return 0;
}

Ref<> SlotNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static Str* n = S("__new__");
  Ref<> f = GetAttr(type, n);
  PY_RETURN_IF_NULL(f);
  size_t nkw = kwnames != nullptr ? static_cast<size_t>(kwnames->size) : 0;
  std::vector<Object*> stack(nargs + nkw + 1);
  stack[0] = type;
  for (size_t i = 0; i < nargs + nkw; ++i) stack[i + 1] = args[i];
  return Call(f.get(), stack.data(), nargs + 1, kwnames);
}

void SlotFinalize(Object* self) {
  static Str* n = S("__del__");
  Object* f = TypeLookup(self->type, n);
  if (f == nullptr) return;
  Ref<> keep = NewRef(f);
  Ref<> saved = FetchError();
  bool found;
  Ref<> r = CallSpecial(self, n, nullptr, 0, &found);
  if (!r && ErrorOccurred()) WriteUnraisable(f);
  RestoreError(std::move(saved));
}

int64_t SlotLength(Object* self) {
  static Str* n = S("__len__");
  Ref<> r = CallRequired(self, n, nullptr, 0);
  if (!r) return -1;
  Ref<> i = Index(r.get());
  if (!i) return -1;
  if (IntValue(i.get()).Sign() < 0) {
    SetError(&ValueErrorType, "__len__() should return >= 0");
    return -1;
  }
  int64_t len;
  if (!AsSsize(i.get(), &OverflowErrorType, &len)) return -1;
  return len;
}

int SlotNbBool(Object* self) {
  static Str* b = S("__bool__");
  static Str* l = S("__len__");
  bool found;
  Ref<> r = CallSpecial(self, b, nullptr, 0, &found);
  if (found) {
    if (!r) return -1;
    if (!IsBool(r.get())) {
      SetErrorF(&TypeErrorType, "__bool__ should return bool, returned %s", TypeNameOf(r.get()));
      return -1;
    }
    return r.get() == True() ? 1 : 0;
  }
  if (ErrorOccurred()) return -1;
  if (TypeLookup(self->type, l) != nullptr) {
    int64_t n = SlotLength(self);
    return n < 0 ? -1 : (n > 0 ? 1 : 0);
  }
  return 1;
}

Ref<> SlotGetItem(Object* self, Object* key) {
  static Str* n = S("__getitem__");
  Object* a[1] = {key};
  return CallRequired(self, n, a, 1);
}

Ref<> SlotSqItem(Object* self, int64_t i) {
  Ref<> key = NewInt(i);
  PY_RETURN_IF_NULL(key);
  return SlotGetItem(self, key.get());
}

int SlotSetItem(Object* self, Object* key, Object* value) {
  static Str* set = S("__setitem__");
  static Str* del = S("__delitem__");
  return CallSetOrDelete(self, set, del, key, value);
}

int SlotContains(Object* self, Object* value) {
  static Str* n = S("__contains__");
  Object* f = TypeLookup(self->type, n);
  if (f == None()) {
    SetErrorF(&TypeErrorType, "'%s' object is not a container", TypeNameOf(self));
    return -1;
  }
  if (f != nullptr) {
    Object* a[1] = {value};
    Ref<> r = CallRequired(self, n, a, 1);
    if (!r) return -1;
    return IsTrue(r.get());
  }
  // No __contains__: search by iteration.
  Ref<> it = GetIter(self);
  if (!it) return -1;
  while (true) {
    Ref<> item = IterNext(it.get());
    if (!item) return ErrorOccurred() ? -1 : 0;
    int c = RichCompareBool(item.get(), value, CompareOp::kEq);
    if (c != 0) return c;
  }
}

// --- Wrappers: Python calling a builtin type's slot -----------------------------------------------

bool CheckArgs(size_t nargs, size_t n) {
  if (nargs == n) return true;
  SetErrorF(&TypeErrorType, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s", nargs);
  return false;
}

template <typename F>
F As(AnyFn fn) {
  return reinterpret_cast<F>(fn);
}

Ref<> WrapUnary(Object* self, AnyFn fn, const SlotDef*, Object* const*, size_t nargs, Tuple*) {
  if (!CheckArgs(nargs, 0)) return nullptr;
  return As<UnaryFn>(fn)(self);
}

Ref<> WrapNext(Object* self, AnyFn fn, const SlotDef*, Object* const*, size_t nargs, Tuple*) {
  if (!CheckArgs(nargs, 0)) return nullptr;
  Ref<> r = As<UnaryFn>(fn)(self);
  if (!r && !ErrorOccurred()) SetErrorObject(&StopIterationType);
  return r;
}

Ref<> WrapInquiry(Object* self, AnyFn fn, const SlotDef*, Object* const*, size_t nargs, Tuple*) {
  if (!CheckArgs(nargs, 0)) return nullptr;
  int r = As<InquiryFn>(fn)(self);
  if (r < 0) return nullptr;
  return NewBool(r != 0);
}

Ref<> WrapLen(Object* self, AnyFn fn, const SlotDef*, Object* const*, size_t nargs, Tuple*) {
  if (!CheckArgs(nargs, 0)) return nullptr;
  int64_t r = As<LenFn>(fn)(self);
  if (r < 0 && ErrorOccurred()) return nullptr;
  return NewInt(r);
}

Ref<> WrapHash(Object* self, AnyFn fn, const SlotDef*, Object* const*, size_t nargs, Tuple*) {
  if (!CheckArgs(nargs, 0)) return nullptr;
  int64_t r = As<HashFn>(fn)(self);
  if (r == -1 && ErrorOccurred()) return nullptr;
  return NewInt(r);
}

Ref<> WrapBinaryL(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
                  Tuple*) {
  if (!CheckArgs(nargs, 1)) return nullptr;
  return As<BinaryFn>(fn)(self, args[0]);
}

Ref<> WrapBinaryR(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
                  Tuple*) {
  if (!CheckArgs(nargs, 1)) return nullptr;
  return As<BinaryFn>(fn)(args[0], self);
}

Ref<> WrapTernary(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
                  Tuple*) {
  if (!CheckPositional("", nargs, 1, 2)) return nullptr;
  return As<TernaryFn>(fn)(self, args[0], nargs > 1 ? args[1] : None());
}

Ref<> WrapTernaryR(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
                   Tuple*) {
  if (!CheckPositional("", nargs, 1, 2)) return nullptr;
  return As<TernaryFn>(fn)(args[0], self, nargs > 1 ? args[1] : None());
}

template <CompareOp op>
Ref<> WrapCompare(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
                  Tuple*) {
  if (!CheckArgs(nargs, 1)) return nullptr;
  return As<RichCompareFn>(fn)(self, args[0], op);
}
constexpr WrapFn WrapLt = &WrapCompare<CompareOp::kLt>;
constexpr WrapFn WrapLe = &WrapCompare<CompareOp::kLe>;
constexpr WrapFn WrapEq = &WrapCompare<CompareOp::kEq>;
constexpr WrapFn WrapNe = &WrapCompare<CompareOp::kNe>;
constexpr WrapFn WrapGt = &WrapCompare<CompareOp::kGt>;
constexpr WrapFn WrapGe = &WrapCompare<CompareOp::kGe>;

bool CheckName(Object* name) {
  if (IsStr(name)) return true;
  SetErrorF(&TypeErrorType, "attribute name must be string, not '%s'", TypeNameOf(name));
  return false;
}

Ref<> WrapGetAttr(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
                  Tuple*) {
  if (!CheckArgs(nargs, 1) || !CheckName(args[0])) return nullptr;
  return As<GetAttrFn>(fn)(self, static_cast<Str*>(args[0]));
}

Ref<> WrapSetAttr(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
                  Tuple*) {
  if (!CheckPositional("", nargs, 2, 2) || !CheckName(args[0])) return nullptr;
  if (As<SetAttrFn>(fn)(self, static_cast<Str*>(args[0]), args[1]) < 0) return nullptr;
  return NewNone();
}

Ref<> WrapDelAttr(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
                  Tuple*) {
  if (!CheckArgs(nargs, 1) || !CheckName(args[0])) return nullptr;
  if (As<SetAttrFn>(fn)(self, static_cast<Str*>(args[0]), nullptr) < 0) return nullptr;
  return NewNone();
}

Ref<> WrapDescrGet(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
                   Tuple*) {
  if (!CheckPositional("", nargs, 1, 2)) return nullptr;
  Object* obj = args[0] == None() ? nullptr : args[0];
  Object* type = nargs > 1 && args[1] != None() ? args[1] : nullptr;
  if (obj == nullptr && type == nullptr) {
    SetError(&TypeErrorType, "__get__(None, None) is invalid");
    return nullptr;
  }
  return As<DescrGetFn>(fn)(self, obj, type);
}

Ref<> WrapInit(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
               Tuple* kwnames) {
  if (As<InitFn>(fn)(self, args, nargs, kwnames) < 0) return nullptr;
  return NewNone();
}

Ref<> WrapCall(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
               Tuple* kwnames) {
  return As<CallFn>(fn)(self, args, nargs, kwnames);
}

Ref<> WrapDel(Object* self, AnyFn fn, const SlotDef*, Object* const*, size_t nargs, Tuple*) {
  if (!CheckArgs(nargs, 0)) return nullptr;
  As<DestructorFn>(fn)(self);
  if (ErrorOccurred()) return nullptr;
  return NewNone();
}

Ref<> WrapSetItem(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
                  Tuple*) {
  if (!CheckPositional("", nargs, 2, 2)) return nullptr;
  if (As<ObjObjArgFn>(fn)(self, args[0], args[1]) < 0) return nullptr;
  return NewNone();
}

Ref<> WrapDelItem(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
                  Tuple*) {
  if (!CheckArgs(nargs, 1)) return nullptr;
  if (As<ObjObjArgFn>(fn)(self, args[0], nullptr) < 0) return nullptr;
  return NewNone();
}

// descr_set has ass_subscript's signature (a null value deletes), so __set__ and __delete__ wrap
// it as __setitem__ and __delitem__ do.
static_assert(std::is_same_v<DescrSetFn, ObjObjArgFn>);
constexpr WrapFn WrapDescrSet = &WrapSetItem;
constexpr WrapFn WrapDescrDelete = &WrapDelItem;

Ref<> WrapContains(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
                   Tuple*) {
  if (!CheckArgs(nargs, 1)) return nullptr;
  int r = As<ContainsFn>(fn)(self, args[0]);
  if (r < 0) return nullptr;
  return NewBool(r != 0);
}

Ref<> WrapSqItem(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
                 Tuple*) {
  if (!CheckArgs(nargs, 1)) return nullptr;
  int64_t i;
  if (!AsSsize(args[0], &IndexErrorType, &i)) return nullptr;
  if (i < 0 && self->type->length != nullptr) {
    int64_t n = self->type->length(self);
    if (n < 0) return nullptr;
    i += n;
  }
  return As<SizeArgFn>(fn)(self, i);
}

Ref<> WrapIndexArg(Object* self, AnyFn fn, const SlotDef*, Object* const* args, size_t nargs,
                   Tuple*) {
  if (!CheckArgs(nargs, 1)) return nullptr;
  int64_t i;
  if (!AsSsize(args[0], &OverflowErrorType, &i)) return nullptr;
  return As<SizeArgFn>(fn)(self, i);
}

constexpr WrapFn NoWrap = nullptr;
constexpr std::nullptr_t NoSlot = nullptr;

template <typename F>
AnyFn Erase(F f) {
  return reinterpret_cast<AnyFn>(f);
}
AnyFn Erase(std::nullptr_t) { return nullptr; }

struct Table {
  std::vector<SlotDef> defs;
  std::vector<Str*> names;  // interned, filled on first use
  Table() {
#define SLOT(field, name, wrap, slotfn)                                                        \
  defs.push_back(SlotDef{name, 0, wrap, Erase(slotfn),                                        \
                         [](Type* t) { return reinterpret_cast<AnyFn*>(&t->field); }, false});
#include "python/vm/slots.def"
#undef SLOT
    // Rows sharing a field get the index of the field's first row.
    Type probe;
    for (size_t i = 0; i < defs.size(); ++i) {
      defs[i].field = static_cast<int>(i);
      for (size_t j = 0; j < i; ++j) {
        if (defs[j].addr(&probe) == defs[i].addr(&probe)) {
          defs[i].field = defs[j].field;
          break;
        }
      }
      defs[i].keywords = defs[i].wrap == &WrapInit || defs[i].wrap == &WrapCall;
    }
  }
};

Table& GetTable() {
  static Table* t = new Table();
  return *t;
}

Str* NameOf(const SlotDef* d) {
  Table& t = GetTable();
  if (t.names.empty()) {
    for (const SlotDef& def : t.defs) t.names.push_back(InternStr(def.name));
  }
  return t.names[static_cast<size_t>(d - t.defs.data())];
}

bool IsNewWrapper(Object* o) {
  return o->type == &BuiltinFunctionType &&
         static_cast<BuiltinFunction*>(o)->def == &kTpNewWrapperDef;
}

// Recomputes one field of a heap type from what its MRO defines for the field's dunders.
void FixupField(Type* type, int field) {
  Table& t = GetTable();
  AnyFn specific = nullptr;
  AnyFn generic = nullptr;
  const SlotDef* first = nullptr;
  bool use_generic = false, inherit = false, any = false, unhashable = false;
  for (const SlotDef& d : t.defs) {
    if (d.field != field) continue;
    if (first == nullptr) first = &d;
    if (d.slot_fn != nullptr) generic = d.slot_fn;
    Object* descr = TypeLookup(type, NameOf(&d));
    if (descr == nullptr) continue;
    any = true;
    if (IsWrapperDescriptor(descr)) {
      const SlotDef* wd = WrapperDescriptorDef(descr);
      if (wd->field == field) {
        AnyFn f = WrapperDescriptorFn(descr);
        if (specific == nullptr || specific == f) {
          specific = f;
        } else {
          use_generic = true;
        }
      } else {
        inherit = true;
      }
    } else if (descr == None() && d.addr(type) == reinterpret_cast<AnyFn*>(&type->hash)) {
      unhashable = true;
    } else if (IsNewWrapper(descr)) {
      Object* owner = static_cast<BuiltinFunction*>(descr)->self;
      specific = reinterpret_cast<AnyFn>(static_cast<Type*>(owner)->new_);
    } else {
      use_generic = true;
    }
  }
  if (first == nullptr) return;
  AnyFn result;
  if (use_generic) {
    result = generic;
  } else if (unhashable) {
    result = nullptr;
  } else if (specific != nullptr) {
    result = specific;
  } else if (inherit && type->base != nullptr) {
    result = GetSlot(type->base, first);
  } else if (!any) {
    result = nullptr;
  } else {
    result = generic;
  }
  SetSlot(type, first, result);
}

void UpdateFieldRecursive(Type* type, int field) {
  if (HasFlag(type, kHeapType)) FixupField(type, field);
  for (Type* sub : type->subclasses) UpdateFieldRecursive(sub, field);
}

}  // namespace

const SlotDef* SlotDefs() { return GetTable().defs.data(); }
size_t NumSlotDefs() { return GetTable().defs.size(); }

Ref<> CallSlotWrapper(const SlotDef* def, AnyFn fn, Object* self, Object* const* args,
                      size_t nargs, Tuple* kwnames) {
  if (kwnames != nullptr && kwnames->size > 0 && !def->keywords) {
    SetErrorF(&TypeErrorType, "wrapper %s() takes no keyword arguments", def->name);
    return nullptr;
  }
  return def->wrap(self, fn, def, args, nargs, kwnames);
}

bool AddSlotWrappers(Type* type) {
  Dict* dict = static_cast<Dict*>(type->dict);
  Table& t = GetTable();
  for (const SlotDef& d : t.defs) {
    if (d.wrap == nullptr) continue;
    AnyFn fn = GetSlot(type, &d);
    if (fn == nullptr) continue;
    Str* name = NameOf(&d);
    if (DictGetItemStr(dict, name) != nullptr) continue;
    Ref<> w = NewWrapperDescriptor(type, &d, fn);
    PY_RETURN_VALUE_IF_NULL(w, false);
    if (DictSetItemStr(dict, name, w.get()) < 0) return false;
  }
  return true;
}

void FixupHeapSlots(Type* type) {
  Table& t = GetTable();
  std::vector<bool> done(t.defs.size(), false);
  for (const SlotDef& d : t.defs) {
    if (done[static_cast<size_t>(d.field)]) continue;
    done[static_cast<size_t>(d.field)] = true;
    FixupField(type, d.field);
  }
}

void UpdateSlot(Type* type, Str* name) {
  TypeModified(type);
  Table& t = GetTable();
  std::vector<int> fields;
  for (const SlotDef& d : t.defs) {
    if (NameOf(&d) == name || StrEqual(NameOf(&d), name)) fields.push_back(d.field);
  }
  for (int f : fields) UpdateFieldRecursive(type, f);
}

}  // namespace pyrite::vm
