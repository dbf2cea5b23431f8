// slice objects (slice(start, stop, step), repr, comparisons, indices()) and the index helpers
// every sequence uses: SliceUnpack/SliceAdjustIndices, plus small helpers shared by the container
// files (containers_internal.h).
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

Type SliceType;

namespace {

void SliceDealloc(Object* o) {
  GcUntrack(o);
  Slice* s = static_cast<Slice*>(o);
  Xdecref(s->start);
  Xdecref(s->stop);
  Xdecref(s->step);
  FreeObject(o);
}

void SliceTraverse(Object* o, VisitFn visit, void* arg) {
  Slice* s = static_cast<Slice*>(o);
  if (s->start != nullptr) visit(s->start, arg);
  if (s->stop != nullptr) visit(s->stop, arg);
  if (s->step != nullptr) visit(s->step, arg);
}

void SliceClear(Object* o) {
  Slice* s = static_cast<Slice*>(o);
  Object* a = s->start;
  Object* b = s->stop;
  Object* c = s->step;
  s->start = s->stop = s->step = nullptr;
  Xdecref(a);
  Xdecref(b);
  Xdecref(c);
}

Ref<> SliceNew(Type*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("slice", kwnames)) return nullptr;
  if (!CheckPositional("slice", nargs, 1, 3)) return nullptr;
  if (nargs == 1) return NewSlice(nullptr, args[0], nullptr);
  return NewSlice(args[0], args[1], nargs == 3 ? args[2] : nullptr);
}

Ref<> SliceRepr(Object* o) {
  Slice* s = static_cast<Slice*>(o);
  std::string r = "slice(";
  Object* parts[3] = {s->start, s->stop, s->step};
  for (int i = 0; i < 3; ++i) {
    if (i > 0) r += ", ";
    Ref<> p = Repr(parts[i]);
    PY_RETURN_IF_NULL(p);
    r += StrUtf8(static_cast<Str*>(p.get()));
  }
  r += ")";
  return NewStr(r);
}

Ref<> SliceRichCompare(Object* a, Object* b, CompareOp op) {
  if (a->type != &SliceType || b->type != &SliceType) return NewNotImplemented();
  if (a == b && (op == CompareOp::kEq || op == CompareOp::kNe)) {
    return NewBool(op == CompareOp::kEq);
  }
  Slice* x = static_cast<Slice*>(a);
  Slice* y = static_cast<Slice*>(b);
  Ref<Tuple> t1 = NewTupleFrom({x->start, x->stop, x->step});
  PY_RETURN_IF_NULL(t1);
  Ref<Tuple> t2 = NewTupleFrom({y->start, y->stop, y->step});
  PY_RETURN_IF_NULL(t2);
  return RichCompare(t1.get(), t2.get(), op);
}

Ref<> SliceIndicesMethod(Object* self, Object* const* args, size_t, Tuple*) {
  int64_t length;
  Ref<> len = Index(args[0]);
  PY_RETURN_IF_NULL(len);
  if (!AsSsize(len.get(), &OverflowErrorType, &length)) return nullptr;
  if (length < 0) {
    SetError(&ValueErrorType, "length should not be negative");
    return nullptr;
  }
  int64_t start, stop, step;
  if (!SliceUnpack(static_cast<Slice*>(self), &start, &stop, &step)) return nullptr;
  SliceAdjustIndices(length, &start, &stop, step);
  Ref<> a = NewInt(start);
  Ref<> b = NewInt(stop);
  Ref<> c = NewInt(step);
  if (!a || !b || !c) return nullptr;
  return NewTupleFrom({a.get(), b.get(), c.get()});
}

Ref<> SliceReduceMethod(Object* self, Object* const*, size_t, Tuple*) {
  Slice* s = static_cast<Slice*>(self);
  Ref<Tuple> args = NewTupleFrom({s->start, s->stop, s->step});
  PY_RETURN_IF_NULL(args);
  return NewTupleFrom({self->type, args.get()});
}

Ref<> SliceGetStart(Object* o) { return NewRef(static_cast<Slice*>(o)->start); }
Ref<> SliceGetStop(Object* o) { return NewRef(static_cast<Slice*>(o)->stop); }
Ref<> SliceGetStep(Object* o) { return NewRef(static_cast<Slice*>(o)->step); }

const MethodDef kSliceMethods[] = {
    {"indices", &SliceIndicesMethod, kMethO},
    {"__reduce__", &SliceReduceMethod, kMethNoArgs},
    {nullptr, nullptr, 0}};
const GetSetDef kSliceGetSets[] = {{"start", &SliceGetStart},
                                   {"stop", &SliceGetStop},
                                   {"step", &SliceGetStep},
                                   {nullptr, nullptr}};

// _PyEval_SliceIndex: None leaves *out unchanged; clamps to int64.
bool SliceIndex(Object* v, int64_t* out) {
  if (v == None()) return true;
  if (!HasIndex(v)) {
    SetError(&TypeErrorType,
             "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  return AsSsize(v, nullptr, out);
}

}  // namespace

Ref<> NewSlice(Object* start, Object* stop, Object* step) {
  Slice* s = AllocObject<Slice>(&SliceType, 0);
  if (s == nullptr) return nullptr;
  s->start = NewRef(start != nullptr ? start : None()).release();
  s->stop = NewRef(stop != nullptr ? stop : None()).release();
  s->step = NewRef(step != nullptr ? step : None()).release();
  return StealRef<Object>(s);
}

bool SliceUnpack(Slice* s, int64_t* start, int64_t* stop, int64_t* step) {
  *step = 1;
  if (s->step != None()) {
    if (!SliceIndex(s->step, step)) return false;
    if (*step == 0) {
      SetError(&ValueErrorType, "slice step cannot be zero");
      return false;
    }
    // Keep -step representable, as CPython does.
    if (*step < -INT64_MAX) *step = -INT64_MAX;
  }
  *start = *step < 0 ? INT64_MAX : 0;
  if (!SliceIndex(s->start, start)) return false;
  *stop = *step < 0 ? INT64_MIN : INT64_MAX;
  if (!SliceIndex(s->stop, stop)) return false;
  return true;
}

int64_t SliceAdjustIndices(int64_t length, int64_t* start, int64_t* stop, int64_t step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

// --- containers_internal.h helpers ---------------------------------------------------------------

bool IsSliceObject(Object* o) { return o->type == &SliceType; }

int64_t SliceIndicesFor(Object* slice, int64_t length, int64_t* start, int64_t* stop,
                        int64_t* step) {
  if (!SliceUnpack(static_cast<Slice*>(slice), start, stop, step)) return -1;
  return SliceAdjustIndices(length, start, stop, *step);
}

bool SliceIndexArg(Object* o, int64_t* out) {
  if (!HasIndex(o)) {
    SetError(&TypeErrorType, "slice indices must be integers or have an __index__ method");
    return false;
  }
  return AsSsize(o, nullptr, out);
}

Ref<> NewSize(int64_t n) { return NewInt(n); }

Ref<> SelfIter(Object* o) { return NewRef(o); }

void InitSliceType() {
  InitStaticType(&SliceType, {.name = "slice",
                              .basicsize = sizeof(Slice),
                              .flags = kHaveGc,
                              .methods = kSliceMethods,
                              .getsets = kSliceGetSets});
  SliceType.dealloc = &SliceDealloc;
  SliceType.traverse = &SliceTraverse;
  SliceType.clear = &SliceClear;
  SliceType.new_ = &SliceNew;
  SliceType.repr = &SliceRepr;
  SliceType.richcompare = &SliceRichCompare;
}

}  // namespace pyrite::vm
