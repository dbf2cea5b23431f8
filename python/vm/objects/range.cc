// range: an immutable arithmetic sequence with arbitrary-precision start/stop/step (bigint), O(1)
// length, indexing, slicing (giving a range) and membership for ints; its iterators (an int64 fast
// path and a bigint one). InitRangeTypes also sets up slice and the builtin iterator types.
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/containers_internal.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/range.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

using bigint::BigInt;

Type RangeType;
Type RangeIterType;
Type LongRangeIterType;

namespace {

struct RangeIter : Object {
  int64_t start;
  int64_t step;
  int64_t len;
  int64_t index;
};

struct LongRangeIter : Object {
  BigInt start;
  BigInt step;
  BigInt len;
  BigInt index;
};

const BigInt& V(Object* o) { return IntValue(o); }

// The number of items of range(lo, hi, step).
BigInt ComputeLength(const BigInt& lo, const BigInt& hi, const BigInt& step) {
  BigInt one = BigInt::FromInt64(1);
  if (step.Sign() > 0) {
    if (lo >= hi) return BigInt();
    return BigInt::FloorDiv(hi - lo - one, step).value() + one;
  }
  if (lo <= hi) return BigInt();
  return BigInt::FloorDiv(lo - hi - one, -step).value() + one;
}

Ref<> MakeRange(const BigInt& start, const BigInt& stop, const BigInt& step) {
  Ref<> a = NewInt(start);
  Ref<> b = NewInt(stop);
  Ref<> c = NewInt(step);
  Ref<> n = NewInt(ComputeLength(start, stop, step));
  if (!a || !b || !c || !n) return nullptr;
  Range* r = AllocObject<Range>(&RangeType, 0);
  if (r == nullptr) return nullptr;
  r->start = a.release();
  r->stop = b.release();
  r->step = c.release();
  r->length = n.release();
  return StealRef<Object>(r);
}

void RangeDealloc(Object* o) {
  Range* r = static_cast<Range*>(o);
  Xdecref(r->start);
  Xdecref(r->stop);
  Xdecref(r->step);
  Xdecref(r->length);
  FreeObject(o);
}

Ref<> RangeNew(Type*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("range", kwnames)) return nullptr;
  if (!CheckPositional("range", nargs, 1, 3)) return nullptr;
  Ref<> vals[3];
  for (size_t i = 0; i < nargs; ++i) {
    vals[i] = Index(args[i]);
    PY_RETURN_IF_NULL(vals[i]);
  }
  if (nargs == 1) return MakeRange(BigInt(), V(vals[0].get()), BigInt::FromInt64(1));
  BigInt step = nargs == 3 ? V(vals[2].get()) : BigInt::FromInt64(1);
  if (step.IsZero()) {
    SetError(&ValueErrorType, "range() arg 3 must not be zero");
    return nullptr;
  }
  return MakeRange(V(vals[0].get()), V(vals[1].get()), step);
}

Ref<> RangeRepr(Object* o) {
  Range* r = static_cast<Range*>(o);
  std::string s = "range(" + V(r->start).ToString() + ", " + V(r->stop).ToString();
  if (V(r->step) != BigInt::FromInt64(1)) s += ", " + V(r->step).ToString();
  s += ")";
  return NewStr(s);
}

int64_t RangeLength(Object* o) {
  std::optional<int64_t> n = V(static_cast<Range*>(o)->length).ToInt64();
  if (!n) {
    SetError(&OverflowErrorType, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return *n;
}

int RangeBool(Object* o) { return V(static_cast<Range*>(o)->length).IsZero() ? 0 : 1; }

Ref<> RangeItemBig(Range* r, const BigInt& i) {
  return NewInt(V(r->start) + i * V(r->step));
}

Ref<> RangeItem(Object* o, int64_t i) {
  Range* r = static_cast<Range*>(o);
  BigInt bi = BigInt::FromInt64(i);
  if (i < 0 || bi >= V(r->length)) {
    SetError(&IndexErrorType, "range object index out of range");
    return nullptr;
  }
  return RangeItemBig(r, bi);
}

Ref<> RangeSubscript(Object* o, Object* key) {
  Range* r = static_cast<Range*>(o);
  if (HasIndex(key)) {
    Ref<> i = Index(key);
    PY_RETURN_IF_NULL(i);
    BigInt bi = V(i.get());
    if (bi.Sign() < 0) bi = bi + V(r->length);
    if (bi.Sign() < 0 || bi >= V(r->length)) {
      SetError(&IndexErrorType, "range object index out of range");
      return nullptr;
    }
    return RangeItemBig(r, bi);
  }
  if (IsSliceObject(key)) {
    int64_t len = RangeLength(o);
    if (len < 0) return nullptr;
    int64_t start, stop, step;
    if (SliceIndicesFor(key, len, &start, &stop, &step) < 0) return nullptr;
    const BigInt& s0 = V(r->start);
    const BigInt& st = V(r->step);
    return MakeRange(s0 + BigInt::FromInt64(start) * st, s0 + BigInt::FromInt64(stop) * st,
                     st * BigInt::FromInt64(step));
  }
  SetErrorF(&TypeErrorType, "range indices must be integers or slices, not %s",
            TypeNameOf(key));
  return nullptr;
}

// For an int `x`: whether it is in the range.
bool IntInRange(Range* r, const BigInt& x) {
  const BigInt& start = V(r->start);
  const BigInt& stop = V(r->stop);
  const BigInt& step = V(r->step);
  if (step.Sign() > 0) {
    if (x < start || x >= stop) return false;
  } else {
    if (x > start || x <= stop) return false;
  }
  return BigInt::Mod(x - start, step).value().IsZero();
}

// Linear search by equality for non-int items: count of matches, or the first index (mode 1).
int64_t IterSearch(Object* o, Object* x, bool first) {
  Ref<> it = GetIter(o);
  if (!it) return -1;
  int64_t n = 0;
  for (int64_t i = 0;; ++i) {
    Ref<> item = IterNext(it.get());
    if (!item) return ErrorOccurred() ? -1 : first ? -2 : n;
    int k = RichCompareBool(item.get(), x, CompareOp::kEq);
    if (k < 0) return -1;
    if (k > 0) {
      if (first) return i;
      ++n;
    }
  }
}

int RangeContains(Object* o, Object* x) {
  Range* r = static_cast<Range*>(o);
  if (IsExactInt(x) || IsBool(x)) return IntInRange(r, V(x)) ? 1 : 0;
  int64_t n = IterSearch(o, x, true);
  if (n == -1) return -1;
  return n >= 0 ? 1 : 0;
}

Ref<> RangeIndexMethod(Object* self, Object* const* args, size_t, Tuple*) {
  Range* r = static_cast<Range*>(self);
  Object* x = args[0];
  if (IsExactInt(x) || IsBool(x)) {
    if (IntInRange(r, V(x))) {
      return NewInt(BigInt::FloorDiv(V(x) - V(r->start), V(r->step)).value());
    }
    Ref<> rep = Repr(x);
    PY_RETURN_IF_NULL(rep);
    SetErrorF(&ValueErrorType, "%s is not in range",
              std::string(StrUtf8(static_cast<Str*>(rep.get()))).c_str());
    return nullptr;
  }
  int64_t n = IterSearch(self, x, true);
  if (n == -1) return nullptr;
  if (n == -2) {
    SetError(&ValueErrorType, "sequence.index(x): x not in sequence");
    return nullptr;
  }
  return NewInt(n);
}

Ref<> RangeCountMethod(Object* self, Object* const* args, size_t, Tuple*) {
  Object* x = args[0];
  if (IsExactInt(x) || IsBool(x)) {
    return NewInt(IntInRange(static_cast<Range*>(self), V(x)) ? 1 : 0);
  }
  int64_t n = IterSearch(self, x, false);
  if (n < 0) return nullptr;
  return NewInt(n);
}

// Equal ranges produce the same sequence.
int RangeEquals(Range* a, Range* b) {
  if (a == b) return 1;
  if (V(a->length) != V(b->length)) return 0;
  if (V(a->length).IsZero()) return 1;
  if (V(a->start) != V(b->start)) return 0;
  if (V(a->length) == BigInt::FromInt64(1)) return 1;
  return V(a->step) == V(b->step) ? 1 : 0;
}

Ref<> RangeRichCompare(Object* a, Object* b, CompareOp op) {
  if (b->type != &RangeType || (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return NewNotImplemented();
  }
  int r = RangeEquals(static_cast<Range*>(a), static_cast<Range*>(b));
  return NewBool((r == 1) == (op == CompareOp::kEq));
}

int64_t RangeHash(Object* o) {
  Range* r = static_cast<Range*>(o);
  Ref<Tuple> t;
  if (V(r->length).IsZero()) {
    t = NewTupleFrom({r->length, None(), None()});
  } else if (V(r->length) == BigInt::FromInt64(1)) {
    t = NewTupleFrom({r->length, r->start, None()});
  } else {
    t = NewTupleFrom({r->length, r->start, r->step});
  }
  if (!t) return -1;
  return Hash(t.get());
}

Ref<> MakeIter(const BigInt& start, const BigInt& step, const BigInt& len) {
  std::optional<int64_t> s = start.ToInt64();
  std::optional<int64_t> st = step.ToInt64();
  std::optional<int64_t> n = len.ToInt64();
  // The int64 iterator needs every produced value to fit: start + (len-1)*step lies between start
  // and stop, so checking the end point suffices.
  if (s && st && n) {
    BigInt last = start + (len - BigInt::FromInt64(1)) * step;
    if (*n == 0 || last.ToInt64()) {
      if (!EnsureReady(&RangeIterType)) return nullptr;
      RangeIter* it = AllocObject<RangeIter>(&RangeIterType, 0);
      if (it == nullptr) return nullptr;
      it->start = *s;
      it->step = *st;
      it->len = *n;
      it->index = 0;
      return StealRef<Object>(it);
    }
  }
  if (!EnsureReady(&LongRangeIterType)) return nullptr;
  LongRangeIter* it = AllocObject<LongRangeIter>(&LongRangeIterType, 0);
  if (it == nullptr) return nullptr;
  it->start = start;
  it->step = step;
  it->len = len;
  it->index = BigInt();
  return StealRef<Object>(it);
}

Ref<> RangeIterOf(Object* o) {
  Range* r = static_cast<Range*>(o);
  return MakeIter(V(r->start), V(r->step), V(r->length));
}

Ref<> RangeReversedMethod(Object* self, Object* const*, size_t, Tuple*) {
  Range* r = static_cast<Range*>(self);
  const BigInt& len = V(r->length);
  BigInt last = V(r->start) + (len - BigInt::FromInt64(1)) * V(r->step);
  if (len.IsZero()) last = V(r->start);
  return MakeIter(last, -V(r->step), len);
}

Ref<> RangeReduceMethod(Object* self, Object* const*, size_t, Tuple*) {
  Range* r = static_cast<Range*>(self);
  Ref<Tuple> args = NewTupleFrom({r->start, r->stop, r->step});
  PY_RETURN_IF_NULL(args);
  return NewTupleFrom({self->type, args.get()});
}

Ref<> RangeGetStart(Object* o) { return NewRef(static_cast<Range*>(o)->start); }
Ref<> RangeGetStop(Object* o) { return NewRef(static_cast<Range*>(o)->stop); }
Ref<> RangeGetStep(Object* o) { return NewRef(static_cast<Range*>(o)->step); }

Ref<> RangeIterNext(Object* o) {
  RangeIter* it = static_cast<RangeIter*>(o);
  if (it->index >= it->len) return nullptr;
  int64_t v = it->start + it->index * it->step;
  it->index++;
  return NewInt(v);
}
Ref<> RangeIterLengthHint(Object* self, Object* const*, size_t, Tuple*) {
  RangeIter* it = static_cast<RangeIter*>(self);
  return NewSize(it->len - it->index);
}
Ref<> LongRangeIterNext(Object* o) {
  LongRangeIter* it = static_cast<LongRangeIter*>(o);
  if (it->index >= it->len) return nullptr;
  BigInt v = it->start + it->index * it->step;
  it->index = it->index + BigInt::FromInt64(1);
  return NewInt(std::move(v));
}
Ref<> LongRangeIterLengthHint(Object* self, Object* const*, size_t, Tuple*) {
  LongRangeIter* it = static_cast<LongRangeIter*>(self);
  return NewInt(it->len - it->index);
}

const MethodDef kRangeMethods[] = {
    {"index", &RangeIndexMethod, kMethO},
    {"count", &RangeCountMethod, kMethO},
    {"__reversed__", &RangeReversedMethod, kMethNoArgs},
    {"__reduce__", &RangeReduceMethod, kMethNoArgs},
    {nullptr, nullptr, 0}};
const GetSetDef kRangeGetSets[] = {{"start", &RangeGetStart},
                                   {"stop", &RangeGetStop},
                                   {"step", &RangeGetStep},
                                   {nullptr, nullptr}};
const MethodDef kRangeIterMethods[] = {
    {"__length_hint__", &RangeIterLengthHint, kMethNoArgs}, {nullptr, nullptr, 0}};
const MethodDef kLongRangeIterMethods[] = {
    {"__length_hint__", &LongRangeIterLengthHint, kMethNoArgs}, {nullptr, nullptr, 0}};

}  // namespace

void InitRangeTypes() {
  InitStaticType(&RangeType, {.name = "range",
                              .basicsize = sizeof(Range),
                              .flags = kSequence,
                              .methods = kRangeMethods,
                              .getsets = kRangeGetSets});
  RangeType.dealloc = &RangeDealloc;
  RangeType.new_ = &RangeNew;
  RangeType.repr = &RangeRepr;
  RangeType.hash = &RangeHash;
  RangeType.richcompare = &RangeRichCompare;
  RangeType.iter = &RangeIterOf;
  RangeType.length = &RangeLength;
  RangeType.nb_bool = &RangeBool;
  RangeType.subscript = &RangeSubscript;
  RangeType.contains = &RangeContains;
  RangeType.sq_item = &RangeItem;

  InitStaticType(&RangeIterType, {.name = "range_iterator",
                                  .basicsize = sizeof(RangeIter),
                                  .methods = kRangeIterMethods});
  RangeIterType.dealloc = &DestroyObject<RangeIter>;
  RangeIterType.iter = &SelfIter;
  RangeIterType.iternext = &RangeIterNext;

  InitStaticType(&LongRangeIterType, {.name = "longrange_iterator",
                                      .basicsize = sizeof(LongRangeIter),
                                      .methods = kLongRangeIterMethods});
  LongRangeIterType.dealloc = &DestroyObject<LongRangeIter>;
  LongRangeIterType.iter = &SelfIter;
  LongRangeIterType.iternext = &LongRangeIterNext;

  InitSliceType();
  InitIteratorTypes();
}

}  // namespace pyrite::vm
