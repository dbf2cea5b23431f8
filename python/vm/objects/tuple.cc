// tuple: construction (the immortal empty tuple), the sequence slots, hashing (CPython's
// xxHash-based tuplehash, so hash((1, 2)) matches CPython), comparison, index/count, and the tuple
// iterator.
#include "python/vm/objects/tuple.h"

#include <cstring>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/containers_internal.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/one_ref_slots.h"
#include "python/vm/objects/range.h"
#include "python/vm/objects/repr_guard.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/trashcan.h"
#include "python/vm/runtime.h"

namespace pyrite::vm {

Type TupleType;
// Instances may be allocated before Init*Type runs (start-up order); they must get a GcHead like
// every later instance, so the flag is set during static initialisation already.
[[maybe_unused]] static const bool tuple_gc_flag = (TupleType.flags |= kHaveGc, true);
Type TupleIterType;

namespace {

struct TupleIter : Object {
  int64_t index;
  Object* seq;  // owned Tuple; null when exhausted
};

Tuple* empty_tuple = nullptr;

Tuple* AllocTuple(Type* type, int64_t n) {
  Tuple* t = AllocObject<Tuple>(type, static_cast<size_t>(n) * sizeof(Object*));
  if (t == nullptr) return nullptr;
  t->size = n;
  return t;
}

void TupleDealloc(Object* o) {
  if (TrashcanBegin(o, &TupleDealloc)) return;
  GcUntrack(o);
  Tuple* t = static_cast<Tuple*>(o);
  for (int64_t i = 0; i < t->size; ++i) Xdecref(t->items[i]);
  FreeObject(o);
  TrashcanEnd();
}

void TupleTraverse(Object* o, VisitFn visit, void* arg) {
  Tuple* t = static_cast<Tuple*>(o);
  for (int64_t i = 0; i < t->size; ++i) {
    if (t->items[i] != nullptr) visit(t->items[i], arg);
  }
}

void TupleClear(Object* o) {
  Tuple* t = static_cast<Tuple*>(o);
  for (int64_t i = 0; i < t->size; ++i) {
    Object* item = t->items[i];
    t->items[i] = nullptr;
    Xdecref(item);
  }
}

size_t TupleVarSize(Object* o) {
  return sizeof(Tuple) + static_cast<size_t>(static_cast<Tuple*>(o)->size) * sizeof(Object*);
}

Ref<> TupleRepr(Object* o) {
  Tuple* t = static_cast<Tuple*>(o);
  if (t->size == 0) return NewStr("()");
  ReprGuard guard(o);
  if (guard.state() != 0) return guard.state() > 0 ? Ref<>(NewStr("(...)")) : nullptr;
  StrBuilder b;
  b.Append(U'(');
  for (int64_t i = 0; i < t->size; ++i) {
    if (i > 0) b.AppendAscii(", ");
    if (!EnterRecursiveCall(" while getting the repr of an object")) return nullptr;
    Ref<> r = Repr(t->items[i]);
    LeaveRecursiveCall();
    if (!r) return nullptr;
    b.Append(static_cast<Str*>(r.get()));
  }
  if (t->size == 1) b.Append(U',');
  b.Append(U')');
  return b.Finish();
}

// CPython's tuplehash (xxHash's round structure over the items' hashes).
int64_t TupleHash(Object* o) {
  constexpr uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr uint64_t kPrime2 = 14029467366897019727ULL;
  constexpr uint64_t kPrime5 = 2870177450012600261ULL;
  Tuple* t = static_cast<Tuple*>(o);
  uint64_t acc = kPrime5;
  for (int64_t i = 0; i < t->size; ++i) {
    int64_t h = Hash(t->items[i]);
    if (h == -1) return -1;
    acc += static_cast<uint64_t>(h) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += static_cast<uint64_t>(t->size) ^ (kPrime5 ^ 3527539ULL);
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}

Ref<> TupleRichCompare(Object* a, Object* b, CompareOp op) {
  if (!IsTuple(a) || !IsTuple(b)) return NewNotImplemented();
  Tuple* v = static_cast<Tuple*>(a);
  Tuple* w = static_cast<Tuple*>(b);
  int64_t i = 0;
  for (; i < v->size && i < w->size; ++i) {
    int k = RichCompareBool(v->items[i], w->items[i], CompareOp::kEq);
    if (k < 0) return nullptr;
    if (k == 0) break;
  }
  if (i >= v->size || i >= w->size) {
    return NewBool(CompareOrder(v->size <=> w->size, op));
  }
  if (op == CompareOp::kEq) return NewBool(false);
  if (op == CompareOp::kNe) return NewBool(true);
  return RichCompare(v->items[i], w->items[i], op);
}

int64_t TupleLength(Object* o) { return static_cast<Tuple*>(o)->size; }

Ref<> TupleItem(Object* o, int64_t i) {
  Tuple* t = static_cast<Tuple*>(o);
  if (i < 0 || i >= t->size) {
    SetError(&IndexErrorType, "tuple index out of range");
    return nullptr;
  }
  return NewRef(t->items[i]);
}

Ref<> TupleSubscript(Object* o, Object* key) {
  Tuple* t = static_cast<Tuple*>(o);
  if (HasIndex(key)) {
    int64_t i;
    if (!AsSsize(key, &IndexErrorType, &i)) return nullptr;
    if (i < 0) i += t->size;
    return TupleItem(o, i);
  }
  if (IsSliceObject(key)) {
    int64_t start, stop, step;
    int64_t n = SliceIndicesFor(key, t->size, &start, &stop, &step);
    if (n < 0) return nullptr;
    if (step == 1) {
      if (start == 0 && n == t->size && IsExactTuple(o)) return NewRef<Object>(o);
      return TupleSlice(t, start, start + n);
    }
    Ref<Tuple> r = NewTuple(n);
    PY_RETURN_IF_NULL(r);
    for (int64_t i = 0, cur = start; i < n; ++i, cur += step) {
      TupleInit(r.get(), i, NewRef(t->items[cur]));
    }
    return r;
  }
  SetErrorF(&TypeErrorType, "tuple indices must be integers or slices, not %s", TypeNameOf(key));
  return nullptr;
}

int TupleContains(Object* o, Object* item) {
  Tuple* t = static_cast<Tuple*>(o);
  for (int64_t i = 0; i < t->size; ++i) {
    int k = RichCompareBool(t->items[i], item, CompareOp::kEq);
    if (k != 0) return k;
  }
  return 0;
}

Ref<> TupleConcat(Object* a, Object* b) {
  if (!IsTuple(b)) {
    SetErrorF(&TypeErrorType, "can only concatenate tuple (not \"%s\") to tuple", TypeNameOf(b));
    return nullptr;
  }
  Tuple* x = static_cast<Tuple*>(a);
  Tuple* y = static_cast<Tuple*>(b);
  if (y->size == 0 && IsExactTuple(a)) return NewRef<Object>(a);
  if (x->size == 0 && IsExactTuple(b)) return NewRef<Object>(b);
  Ref<Tuple> r = NewTuple(x->size + y->size);
  PY_RETURN_IF_NULL(r);
  for (int64_t i = 0; i < x->size; ++i) TupleInit(r.get(), i, NewRef(x->items[i]));
  for (int64_t i = 0; i < y->size; ++i) TupleInit(r.get(), x->size + i, NewRef(y->items[i]));
  return r;
}

Ref<> TupleRepeat(Object* o, int64_t n) {
  Tuple* t = static_cast<Tuple*>(o);
  if (n < 0) n = 0;
  if (t->size == 0 || n == 1) {
    if (IsExactTuple(o)) return NewRef<Object>(o);
  }
  if (t->size == 0 || n == 0) return NewTuple(0);
  if (n > INT64_MAX / 16 / t->size) {
    SetNoMemory();
    return nullptr;
  }
  Ref<Tuple> r = NewTuple(t->size * n);
  PY_RETURN_IF_NULL(r);
  int64_t k = 0;
  for (int64_t j = 0; j < n; ++j) {
    for (int64_t i = 0; i < t->size; ++i) TupleInit(r.get(), k++, NewRef(t->items[i]));
  }
  return r;
}

Ref<> TupleIterOf(Object* o) {
  if (!EnsureReady(&TupleIterType)) return nullptr;
  TupleIter* it = AllocObject<TupleIter>(&TupleIterType, 0);
  if (it == nullptr) return nullptr;
  it->index = 0;
  it->seq = NewRef(o).release();
  return StealRef<Object>(it);
}

Ref<> TupleNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (type == &TupleType && !CheckNoKwargs("tuple", kwnames)) return nullptr;
  if (!CheckPositional("tuple", nargs, 0, 1)) return nullptr;
  Ref<> base;
  if (nargs == 0) {
    base = NewTuple(0);
  } else if (IsExactTuple(args[0])) {
    base = NewRef(args[0]);
  } else {
    base = SequenceTuple(args[0]);
  }
  PY_RETURN_IF_NULL(base);
  if (type == &TupleType) return base;
  Tuple* src = static_cast<Tuple*>(base.get());
  Tuple* t = AllocTuple(type, src->size);
  if (t == nullptr) return nullptr;
  for (int64_t i = 0; i < src->size; ++i) t->items[i] = NewRef(src->items[i]).release();
  return StealRef<Object>(t);
}

Ref<> TupleIndexMethod(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("index", kwnames)) return nullptr;
  if (!CheckPositional("index", nargs, 1, 3)) return nullptr;
  Tuple* t = static_cast<Tuple*>(self);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !SliceIndexArg(args[1], &start)) return nullptr;
  if (nargs > 2 && !SliceIndexArg(args[2], &stop)) return nullptr;
  if (start < 0) {
    start += t->size;
    if (start < 0) start = 0;
  }
  if (stop < 0) stop += t->size;
  for (int64_t i = start; i < stop && i < t->size; ++i) {
    int k = RichCompareBool(t->items[i], args[0], CompareOp::kEq);
    if (k < 0) return nullptr;
    if (k > 0) return NewInt(i);
  }
  SetError(&ValueErrorType, "tuple.index(x): x not in tuple");
  return nullptr;
}

Ref<> TupleCountMethod(Object* self, Object* const* args, size_t, Tuple*) {
  Tuple* t = static_cast<Tuple*>(self);
  int64_t n = 0;
  for (int64_t i = 0; i < t->size; ++i) {
    int k = RichCompareBool(t->items[i], args[0], CompareOp::kEq);
    if (k < 0) return nullptr;
    n += k;
  }
  return NewInt(n);
}

Ref<> TupleGetNewArgs(Object* self, Object* const*, size_t, Tuple*) {
  Tuple* t = static_cast<Tuple*>(self);
  Ref<Tuple> copy = TupleSlice(t, 0, t->size);
  PY_RETURN_IF_NULL(copy);
  return NewTupleFrom({copy.get()});
}

// --- tuple iterator ----------------------------------------------------------------------------

Ref<> TupleIterNext(Object* o) {
  TupleIter* it = static_cast<TupleIter*>(o);
  Tuple* t = static_cast<Tuple*>(it->seq);
  if (t == nullptr) return nullptr;
  if (it->index < t->size) return NewRef(t->items[it->index++]);
  it->seq = nullptr;
  Decref(t);
  return nullptr;
}
Ref<> TupleIterLengthHint(Object* self, Object* const*, size_t, Tuple*) {
  TupleIter* it = static_cast<TupleIter*>(self);
  Tuple* t = static_cast<Tuple*>(it->seq);
  return NewSize(t == nullptr ? 0 : t->size - it->index);
}

const MethodDef kTupleMethods[] = {
    {"index", &TupleIndexMethod, kMethFastcall | kMethKeywords},
    {"count", &TupleCountMethod, kMethO},
    {"__getnewargs__", &TupleGetNewArgs, kMethNoArgs},
    {"__class_getitem__", &ContainerClassGetItem, kMethO | kMethClass},
    {nullptr, nullptr, 0}};

const MethodDef kTupleIterMethods[] = {
    {"__length_hint__", &TupleIterLengthHint, kMethNoArgs}, {nullptr, nullptr, 0}};

}  // namespace

Ref<Tuple> NewTuple(int64_t n) {
  if (n == 0) {
    if (empty_tuple == nullptr) {
      // The empty tuple may be asked for before InitTupleType runs; it must be allocated with a
      // GcHead like every other tuple, so the flag is set early.
      TupleType.flags |= kHaveGc;
      empty_tuple = AllocTuple(&TupleType, 0);
      if (empty_tuple == nullptr) return nullptr;
      GcUntrack(empty_tuple);
      empty_tuple->refcnt = kImmortalRefcnt;
    }
    return NewRef(empty_tuple);
  }
  return StealRef(AllocTuple(&TupleType, n));
}

Ref<Tuple> NewTupleFrom(std::initializer_list<Object*> items) {
  Ref<Tuple> t = NewTuple(static_cast<int64_t>(items.size()));
  PY_RETURN_IF_NULL(t);
  int64_t i = 0;
  for (Object* o : items) TupleInit(t.get(), i++, NewRef(o));
  return t;
}

Ref<Tuple> NewTupleFromArray(Object* const* items, int64_t n) {
  Ref<Tuple> t = NewTuple(n);
  PY_RETURN_IF_NULL(t);
  for (int64_t i = 0; i < n; ++i) TupleInit(t.get(), i, NewRef(items[i]));
  return t;
}

Ref<Tuple> TupleSlice(Tuple* t, int64_t start, int64_t end) {
  if (start < 0) start = 0;
  if (end > t->size) end = t->size;
  if (end < start) end = start;
  if (start == 0 && end == t->size && IsExactTuple(t)) return NewRef(t);
  return NewTupleFromArray(t->items + start, end - start);
}

void InitTupleType() {
  InitStaticType(&TupleType, {.name = "tuple",
                              .basicsize = sizeof(Tuple),
                              .flags = kBaseType | kHaveGc | kSequence | kTupleSubclass,
                              .methods = kTupleMethods});
  TupleType.varsize = &TupleVarSize;
  TupleType.dealloc = &TupleDealloc;
  TupleType.traverse = &TupleTraverse;
  TupleType.clear = &TupleClear;
  TupleType.new_ = &TupleNew;
  TupleType.repr = &TupleRepr;
  TupleType.hash = &TupleHash;
  TupleType.richcompare = &TupleRichCompare;
  TupleType.iter = &TupleIterOf;
  TupleType.length = &TupleLength;
  TupleType.subscript = &TupleSubscript;
  TupleType.contains = &TupleContains;
  TupleType.sq_concat = &TupleConcat;
  TupleType.sq_repeat = &TupleRepeat;
  TupleType.sq_item = &TupleItem;

  InitStaticType(&TupleIterType, {.name = "tuple_iterator",
                                  .basicsize = sizeof(TupleIter),
                                  .flags = kHaveGc,
                                  .methods = kTupleIterMethods});
  SetOneRefGcSlots<TupleIter, &TupleIter::seq>(&TupleIterType);
  TupleIterType.iter = &SelfIter;
  TupleIterType.iternext = &TupleIterNext;

  InitGenericAliasType();
}

}  // namespace pyrite::vm
