// list: storage growth (CPython's over-allocation), the sequence slots including slice
// assignment, the list methods (sort lives in list_sort.cc) and the list iterators.
#include "python/vm/objects/list.h"

#include <cstdlib>
#include <cstring>
#include <vector>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/containers_internal.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/one_ref_slots.h"
#include "python/vm/objects/range.h"
#include "python/vm/objects/repr_guard.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/trashcan.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"

namespace pyrite::vm {

Type ListType;
// Instances may be allocated before Init*Type runs (start-up order); they must get a GcHead like
// every later instance, so the flag is set during static initialisation already.
[[maybe_unused]] static const bool list_gc_flag = (ListType.flags |= kHaveGc, true);
Type ListIterType;
Type ListRevIterType;

List::~List() {
  Object** items_copy = items;
  int64_t n = size;
  items = nullptr;
  size = 0;
  capacity = 0;
  for (int64_t i = 0; i < n; ++i) Xdecref(items_copy[i]);
  std::free(items_copy);
}

namespace {

struct ListIter : Object {
  int64_t index;
  Object* seq;  // owned List; null when exhausted
};

// Resizes the item array to hold `newsize` items, over-allocating like CPython so that appends
// are amortised O(1): about 1/8 extra plus a little, rounded to a multiple of 4. New slots are
// not initialised; `size` is set to newsize.
bool ListResize(List* l, int64_t newsize) {
  if (l->capacity >= newsize && newsize >= (l->capacity >> 1)) {
    l->size = newsize;
    return true;
  }
  uint64_t want = (static_cast<uint64_t>(newsize) + (static_cast<uint64_t>(newsize) >> 3) + 6) &
                  ~uint64_t{3};
  if (static_cast<uint64_t>(newsize - l->size) > want - static_cast<uint64_t>(newsize)) {
    want = (static_cast<uint64_t>(newsize) + 3) & ~uint64_t{3};
  }
  if (newsize == 0) want = 0;
  if (want > (uint64_t{1} << 60) / sizeof(Object*)) {
    SetNoMemory();
    return false;
  }
  Object** p = static_cast<Object**>(std::realloc(l->items, want * sizeof(Object*)));
  if (p == nullptr && want != 0) {
    SetNoMemory();
    return false;
  }
  l->items = p;
  l->size = newsize;
  l->capacity = static_cast<int64_t>(want);
  return true;
}

// Ensures capacity for `n` items without changing the size.
bool ListReserve(List* l, int64_t n) {
  if (n <= l->capacity) return true;
  Object** p = static_cast<Object**>(std::realloc(l->items, static_cast<size_t>(n) * sizeof(Object*)));
  if (p == nullptr) {
    SetNoMemory();
    return false;
  }
  l->items = p;
  l->capacity = n;
  return true;
}

void ListDealloc(Object* o) {
  if (TrashcanBegin(o, &ListDealloc)) return;
  DestroyObject<List>(o);
  TrashcanEnd();
}

void ListTraverse(Object* o, VisitFn visit, void* arg) {
  List* l = static_cast<List*>(o);
  for (int64_t i = 0; i < l->size; ++i) {
    if (l->items[i] != nullptr) visit(l->items[i], arg);
  }
}

void ListClearSlot(Object* o) {
  List* l = static_cast<List*>(o);
  Object** items = l->items;
  int64_t n = l->size;
  l->items = nullptr;
  l->size = 0;
  l->capacity = 0;
  for (int64_t i = 0; i < n; ++i) Xdecref(items[i]);
  std::free(items);
}

Ref<> ListRepr(Object* o) {
  List* l = static_cast<List*>(o);
  if (l->size == 0) return NewStr("[]");
  ReprGuard guard(o);
  if (guard.state() != 0) return guard.state() > 0 ? Ref<>(NewStr("[...]")) : nullptr;
  StrBuilder b;
  b.Append(U'[');
  for (int64_t i = 0; i < l->size; ++i) {
    if (i > 0) b.AppendAscii(", ");
    Ref<> item = NewRef(l->items[i]);
    if (!EnterRecursiveCall(" while getting the repr of an object")) return nullptr;
    Ref<> r = Repr(item.get());
    LeaveRecursiveCall();
    if (!r) return nullptr;
    b.Append(static_cast<Str*>(r.get()));
  }
  b.Append(U']');
  return b.Finish();
}

Ref<> ListRichCompare(Object* a, Object* b, CompareOp op) {
  if (!IsList(a) || !IsList(b)) return NewNotImplemented();
  List* v = static_cast<List*>(a);
  List* w = static_cast<List*>(b);
  if (v->size != w->size && (op == CompareOp::kEq || op == CompareOp::kNe)) {
    return NewBool(op == CompareOp::kNe);
  }
  int64_t i = 0;
  for (; i < v->size && i < w->size; ++i) {
    Ref<> x = NewRef(v->items[i]);
    Ref<> y = NewRef(w->items[i]);
    if (x.get() == y.get()) continue;
    int k = RichCompareBool(x.get(), y.get(), CompareOp::kEq);
    if (k < 0) return nullptr;
    if (k == 0) break;
  }
  if (i >= v->size || i >= w->size) {
    bool r = false;
    switch (op) {
      case CompareOp::kLt: r = v->size < w->size; break;
      case CompareOp::kLe: r = v->size <= w->size; break;
      case CompareOp::kEq: r = v->size == w->size; break;
      case CompareOp::kNe: r = v->size != w->size; break;
      case CompareOp::kGt: r = v->size > w->size; break;
      case CompareOp::kGe: r = v->size >= w->size; break;
    }
    return NewBool(r);
  }
  if (op == CompareOp::kEq) return NewBool(false);
  if (op == CompareOp::kNe) return NewBool(true);
  Ref<> x = NewRef(v->items[i]);
  Ref<> y = NewRef(w->items[i]);
  return RichCompare(x.get(), y.get(), op);
}

int64_t ListLength(Object* o) { return static_cast<List*>(o)->size; }

Ref<> ListItem(Object* o, int64_t i) {
  List* l = static_cast<List*>(o);
  if (i < 0 || i >= l->size) {
    SetError(&IndexErrorType, "list index out of range");
    return nullptr;
  }
  return NewRef(l->items[i]);
}

Ref<> ListSliceNew(List* l, int64_t lo, int64_t hi) {
  if (lo < 0) lo = 0;
  if (hi > l->size) hi = l->size;
  if (hi < lo) hi = lo;
  Ref<List> r = NewListSized(hi - lo);
  PY_RETURN_IF_NULL(r);
  for (int64_t i = lo; i < hi; ++i) ListInit(r.get(), i - lo, NewRef(l->items[i]));
  return r;
}

Ref<> ListSubscript(Object* o, Object* key) {
  List* l = static_cast<List*>(o);
  if (HasIndex(key)) {
    int64_t i;
    if (!AsSsize(key, &IndexErrorType, &i)) return nullptr;
    if (i < 0) i += l->size;
    return ListItem(o, i);
  }
  if (IsSliceObject(key)) {
    int64_t start, stop, step;
    int64_t n = SliceIndicesFor(key, l->size, &start, &stop, &step);
    if (n < 0) return nullptr;
    if (step == 1) return ListSliceNew(l, start, start + n);
    Ref<List> r = NewListSized(n);
    PY_RETURN_IF_NULL(r);
    for (int64_t i = 0, cur = start; i < n; ++i, cur += step) {
      ListInit(r.get(), i, NewRef(l->items[cur]));
    }
    return r;
  }
  SetErrorF(&TypeErrorType, "list indices must be integers or slices, not %s", TypeNameOf(key));
  return nullptr;
}

// A list or tuple holding the items of `v` (PySequence_Fast): `v` itself when it is one.
Ref<> SequenceFast(Object* v, const char* message) {
  if (IsList(v) || IsTuple(v)) return NewRef(v);
  Ref<> it = GetIter(v);
  if (!it) {
    if (ErrorMatches(&TypeErrorType)) SetError(&TypeErrorType, message);
    return nullptr;
  }
  Ref<List> l = NewList();
  PY_RETURN_IF_NULL(l);
  while (true) {
    Ref<> item = IterNext(it.get());
    if (!item) {
      if (ErrorOccurred()) return nullptr;
      break;
    }
    if (!ListAppend(l.get(), item.get())) return nullptr;
  }
  return l;
}

void FastItems(Object* seq, Object*** items, int64_t* n) {
  if (IsList(seq)) {
    *items = static_cast<List*>(seq)->items;
    *n = static_cast<List*>(seq)->size;
  } else {
    *items = static_cast<Tuple*>(seq)->items;
    *n = static_cast<Tuple*>(seq)->size;
  }
}

// l[lo:hi] = v (v null: delete), CPython's list_ass_slice.
int ListAssSlice(List* l, int64_t lo, int64_t hi, Object* v) {
  Ref<> seq;
  Object** vitems = nullptr;
  int64_t n = 0;
  if (v != nullptr) {
    if (v == l) {
      seq = ListSliceNew(l, 0, l->size);
    } else {
      seq = SequenceFast(v, "can only assign an iterable");
    }
    if (!seq) return -1;
    FastItems(seq.get(), &vitems, &n);
  }
  if (lo < 0) lo = 0;
  if (lo > l->size) lo = l->size;
  if (hi < lo) hi = lo;
  if (hi > l->size) hi = l->size;
  int64_t removed = hi - lo;
  // Keep the removed items alive until the list is consistent again (their __del__ may look).
  std::vector<Object*> old(l->items + lo, l->items + hi);
  int64_t delta = n - removed;
  int64_t oldsize = l->size;
  if (delta < 0) {
    std::memmove(l->items + hi + delta, l->items + hi,
                 static_cast<size_t>(oldsize - hi) * sizeof(Object*));
    if (!ListResize(l, oldsize + delta)) return -1;
  } else if (delta > 0) {
    if (!ListResize(l, oldsize + delta)) return -1;
    std::memmove(l->items + hi + delta, l->items + hi,
                 static_cast<size_t>(oldsize - hi) * sizeof(Object*));
  }
  for (int64_t k = 0; k < n; ++k) l->items[lo + k] = NewRef(vitems[k]).release();
  for (Object* o : old) Xdecref(o);
  return 0;
}

int ListAssItem(List* l, int64_t i, Object* v) {
  if (i < 0 || i >= l->size) {
    SetError(&IndexErrorType, "list assignment index out of range");
    return -1;
  }
  if (v == nullptr) return ListAssSlice(l, i, i + 1, nullptr);
  Object* old = l->items[i];
  l->items[i] = NewRef(v).release();
  Xdecref(old);
  return 0;
}

int ListAssSubscript(Object* o, Object* key, Object* value) {
  List* l = static_cast<List*>(o);
  if (HasIndex(key)) {
    int64_t i;
    if (!AsSsize(key, &IndexErrorType, &i)) return -1;
    if (i < 0) i += l->size;
    return ListAssItem(l, i, value);
  }
  if (!IsSliceObject(key)) {
    SetErrorF(&TypeErrorType, "list indices must be integers or slices, not %s",
              TypeNameOf(key));
    return -1;
  }
  int64_t start, stop, step;
  int64_t n = SliceIndicesFor(key, l->size, &start, &stop, &step);
  if (n < 0) return -1;
  if (step == 1) return ListAssSlice(l, start, stop, value);
  if (value == nullptr) {
    if (n <= 0) return 0;
    // Delete every step-th item: compact the kept ones in place.
    std::vector<char> drop(static_cast<size_t>(l->size), 0);
    for (int64_t i = 0, cur = start; i < n; ++i, cur += step) drop[cur] = 1;
    std::vector<Object*> removed;
    removed.reserve(static_cast<size_t>(n));
    int64_t w = 0;
    for (int64_t r = 0; r < l->size; ++r) {
      if (drop[r]) {
        removed.push_back(l->items[r]);
      } else {
        l->items[w++] = l->items[r];
      }
    }
    if (!ListResize(l, w)) return -1;
    for (Object* x : removed) Decref(x);
    return 0;
  }
  Ref<> seq;
  if (value == o) {
    seq = ListSliceNew(l, 0, l->size);
  } else {
    seq = SequenceFast(value, "must assign iterable to extended slice");
  }
  if (!seq) return -1;
  Object** vitems;
  int64_t vn;
  FastItems(seq.get(), &vitems, &vn);
  if (vn != n) {
    SetErrorF(&ValueErrorType, "attempt to assign sequence of size %lld to extended slice of size %lld",
              static_cast<long long>(vn), static_cast<long long>(n));
    return -1;
  }
  if (n == 0) return 0;
  std::vector<Object*> old;
  old.reserve(static_cast<size_t>(n));
  for (int64_t i = 0, cur = start; i < n; ++i, cur += step) {
    old.push_back(l->items[cur]);
    l->items[cur] = NewRef(vitems[i]).release();
  }
  for (Object* x : old) Decref(x);
  return 0;
}

int ListContains(Object* o, Object* item) {
  List* l = static_cast<List*>(o);
  for (int64_t i = 0; i < l->size; ++i) {
    Ref<> x = NewRef(l->items[i]);
    int k = RichCompareBool(x.get(), item, CompareOp::kEq);
    if (k != 0) return k;
  }
  return 0;
}

Ref<> ListConcat(Object* a, Object* b) {
  if (!IsList(b)) {
    SetErrorF(&TypeErrorType, "can only concatenate list (not \"%s\") to list", TypeNameOf(b));
    return nullptr;
  }
  List* x = static_cast<List*>(a);
  List* y = static_cast<List*>(b);
  Ref<List> r = NewListSized(x->size + y->size);
  PY_RETURN_IF_NULL(r);
  for (int64_t i = 0; i < x->size; ++i) ListInit(r.get(), i, NewRef(x->items[i]));
  for (int64_t i = 0; i < y->size; ++i) ListInit(r.get(), x->size + i, NewRef(y->items[i]));
  return r;
}

Ref<> ListRepeat(Object* o, int64_t n) {
  List* l = static_cast<List*>(o);
  if (n < 0) n = 0;
  int64_t size = l->size;
  if (size == 0 || n == 0) return NewList();
  if (n > INT64_MAX / 16 / size) {
    SetNoMemory();
    return nullptr;
  }
  Ref<List> r = NewListSized(size * n);
  PY_RETURN_IF_NULL(r);
  int64_t k = 0;
  for (int64_t j = 0; j < n; ++j) {
    for (int64_t i = 0; i < size; ++i) ListInit(r.get(), k++, NewRef(l->items[i]));
  }
  return r;
}

Ref<> ListInplaceConcat(Object* a, Object* b) {
  if (!ListExtend(static_cast<List*>(a), b)) return nullptr;
  return NewRef(a);
}

Ref<> ListInplaceRepeat(Object* o, int64_t n) {
  List* l = static_cast<List*>(o);
  int64_t size = l->size;
  if (size == 0 || n == 1) return NewRef(o);
  if (n < 1) {
    ListClearSlot(o);
    return NewRef(o);
  }
  if (n > INT64_MAX / 16 / size) {
    SetNoMemory();
    return nullptr;
  }
  if (!ListResize(l, size * n)) return nullptr;
  for (int64_t j = 1; j < n; ++j) {
    for (int64_t i = 0; i < size; ++i) l->items[j * size + i] = NewRef(l->items[i]).release();
  }
  return NewRef(o);
}

Ref<> ListIterOf(Object* o) {
  if (!EnsureReady(&ListIterType)) return nullptr;
  ListIter* it = AllocObject<ListIter>(&ListIterType, 0);
  if (it == nullptr) return nullptr;
  it->index = 0;
  it->seq = NewRef(o).release();
  return StealRef<Object>(it);
}

Ref<> ListNew(Type* type, Object* const*, size_t, Tuple*) {
  List* l = AllocObject<List>(type, 0);
  if (l == nullptr) return nullptr;
  return StealRef<Object>(l);
}

int ListInitSlot(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (self->type == &ListType && !CheckNoKwargs("list", kwnames)) return -1;
  if (!CheckPositional("list", nargs, 0, 1)) return -1;
  List* l = static_cast<List*>(self);
  if (l->size > 0) ListClearSlot(self);
  if (nargs == 1 && !ListExtend(l, args[0])) return -1;
  return 0;
}

// --- methods -----------------------------------------------------------------------------------

Ref<> ListAppendMethod(Object* self, Object* const* args, size_t, Tuple*) {
  if (!ListAppend(static_cast<List*>(self), args[0])) return nullptr;
  return NewNone();
}

Ref<> ListExtendMethod(Object* self, Object* const* args, size_t, Tuple*) {
  if (!ListExtend(static_cast<List*>(self), args[0])) return nullptr;
  return NewNone();
}

bool ListInsertAt(List* l, int64_t where, Object* v) {
  int64_t n = l->size;
  if (!ListResize(l, n + 1)) return false;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  std::memmove(l->items + where + 1, l->items + where,
               static_cast<size_t>(n - where) * sizeof(Object*));
  l->items[where] = NewRef(v).release();
  return true;
}

Ref<> ListInsertMethod(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("insert", kwnames)) return nullptr;
  if (nargs != 2) {
    SetErrorF(&TypeErrorType, "insert expected 2 arguments, got %zu", nargs);
    return nullptr;
  }
  int64_t where;
  if (!AsSsize(args[0], &OverflowErrorType, &where)) return nullptr;
  if (!ListInsertAt(static_cast<List*>(self), where, args[1])) return nullptr;
  return NewNone();
}

Ref<> ListPopMethod(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("pop", kwnames)) return nullptr;
  if (nargs > 1) {
    SetErrorF(&TypeErrorType, "pop expected at most 1 argument, got %zu", nargs);
    return nullptr;
  }
  List* l = static_cast<List*>(self);
  int64_t i = -1;
  if (nargs == 1 && !AsSsize(args[0], &OverflowErrorType, &i)) return nullptr;
  if (l->size == 0) {
    SetError(&IndexErrorType, "pop from empty list");
    return nullptr;
  }
  if (i < 0) i += l->size;
  if (i < 0 || i >= l->size) {
    SetError(&IndexErrorType, "pop index out of range");
    return nullptr;
  }
  Ref<> v = StealRef(l->items[i]);
  std::memmove(l->items + i, l->items + i + 1,
               static_cast<size_t>(l->size - i - 1) * sizeof(Object*));
  if (!ListResize(l, l->size - 1)) return nullptr;
  return v;
}

Ref<> ListRemoveMethod(Object* self, Object* const* args, size_t, Tuple*) {
  List* l = static_cast<List*>(self);
  for (int64_t i = 0; i < l->size; ++i) {
    Ref<> x = NewRef(l->items[i]);
    int k = RichCompareBool(x.get(), args[0], CompareOp::kEq);
    if (k < 0) return nullptr;
    if (k > 0) {
      if (i < l->size && ListAssSlice(l, i, i + 1, nullptr) < 0) return nullptr;
      return NewNone();
    }
  }
  SetError(&ValueErrorType, "list.remove(x): x not in list");
  return nullptr;
}

Ref<> ListIndexMethod(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("index", kwnames)) return nullptr;
  if (!CheckPositional("index", nargs, 1, 3)) return nullptr;
  List* l = static_cast<List*>(self);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !SliceIndexArg(args[1], &start)) return nullptr;
  if (nargs > 2 && !SliceIndexArg(args[2], &stop)) return nullptr;
  if (start < 0) {
    start += l->size;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += l->size;
    if (stop < 0) stop = 0;
  }
  for (int64_t i = start; i < stop && i < l->size; ++i) {
    Ref<> x = NewRef(l->items[i]);
    int k = RichCompareBool(x.get(), args[0], CompareOp::kEq);
    if (k < 0) return nullptr;
    if (k > 0) return NewInt(i);
  }
  Ref<> r = Repr(args[0]);
  PY_RETURN_IF_NULL(r);
  SetErrorF(&ValueErrorType, "%s is not in list",
            std::string(StrUtf8(static_cast<Str*>(r.get()))).c_str());
  return nullptr;
}

Ref<> ListCountMethod(Object* self, Object* const* args, size_t, Tuple*) {
  List* l = static_cast<List*>(self);
  int64_t n = 0;
  for (int64_t i = 0; i < l->size; ++i) {
    Ref<> x = NewRef(l->items[i]);
    int k = RichCompareBool(x.get(), args[0], CompareOp::kEq);
    if (k < 0) return nullptr;
    n += k;
  }
  return NewInt(n);
}

Ref<> ListClearMethod(Object* self, Object* const*, size_t, Tuple*) {
  ListClearSlot(self);
  return NewNone();
}

Ref<> ListCopyMethod(Object* self, Object* const*, size_t, Tuple*) {
  List* l = static_cast<List*>(self);
  return ListSliceNew(l, 0, l->size);
}

Ref<> ListReverseMethod(Object* self, Object* const*, size_t, Tuple*) {
  List* l = static_cast<List*>(self);
  for (int64_t i = 0, j = l->size - 1; i < j; ++i, --j) std::swap(l->items[i], l->items[j]);
  return NewNone();
}

Ref<> ListSortMethod(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (nargs > 0) {
    SetError(&TypeErrorType, "sort() takes no positional arguments");
    return nullptr;
  }
  static const Params kSort{"sort", {"key", "reverse"}, 0, 0, 0};
  Object* a[2] = {nullptr, nullptr};
  if (!ParseArgs(kSort, args, nargs, kwnames, a)) return nullptr;
  int64_t reverse = 0;
  if (a[1] != nullptr) {
    if (!AsSsize(a[1], &OverflowErrorType, &reverse)) return nullptr;
  }
  Object* key = a[0];
  if (key == None()) key = nullptr;
  if (!ListSort(static_cast<List*>(self), key, reverse != 0)) return nullptr;
  return NewNone();
}

Ref<> ListReversedMethod(Object* self, Object* const*, size_t, Tuple*) {
  return NewListReverseIter(self);
}

// --- iterators ---------------------------------------------------------------------------------

Ref<> ListIterNext(Object* o) {
  ListIter* it = static_cast<ListIter*>(o);
  List* l = static_cast<List*>(it->seq);
  if (l == nullptr) return nullptr;
  if (it->index < l->size) return NewRef(l->items[it->index++]);
  it->seq = nullptr;
  Decref(l);
  return nullptr;
}
Ref<> ListIterLengthHint(Object* self, Object* const*, size_t, Tuple*) {
  ListIter* it = static_cast<ListIter*>(self);
  List* l = static_cast<List*>(it->seq);
  int64_t n = l == nullptr ? 0 : l->size - it->index;
  return NewSize(n < 0 ? 0 : n);
}
Ref<> ListRevIterNext(Object* o) {
  ListIter* it = static_cast<ListIter*>(o);
  List* l = static_cast<List*>(it->seq);
  if (l == nullptr) return nullptr;
  if (it->index >= 0 && it->index < l->size) return NewRef(l->items[it->index--]);
  it->index = -1;
  it->seq = nullptr;
  Decref(l);
  return nullptr;
}
Ref<> ListRevIterLengthHint(Object* self, Object* const*, size_t, Tuple*) {
  ListIter* it = static_cast<ListIter*>(self);
  List* l = static_cast<List*>(it->seq);
  if (l == nullptr || it->index >= l->size) return NewSize(0);
  return NewSize(it->index + 1);
}

const MethodDef kListMethods[] = {
    {"append", &ListAppendMethod, kMethO},
    {"extend", &ListExtendMethod, kMethO},
    {"insert", &ListInsertMethod, kMethFastcall | kMethKeywords},
    {"pop", &ListPopMethod, kMethFastcall | kMethKeywords},
    {"remove", &ListRemoveMethod, kMethO},
    {"index", &ListIndexMethod, kMethFastcall | kMethKeywords},
    {"count", &ListCountMethod, kMethO},
    {"clear", &ListClearMethod, kMethNoArgs},
    {"copy", &ListCopyMethod, kMethNoArgs},
    {"reverse", &ListReverseMethod, kMethNoArgs},
    {"sort", &ListSortMethod, kMethKeywords},
    {"__reversed__", &ListReversedMethod, kMethNoArgs},
    {"__class_getitem__", &ContainerClassGetItem, kMethO | kMethClass},
    {nullptr, nullptr, 0}};

const MethodDef kListIterMethods[] = {
    {"__length_hint__", &ListIterLengthHint, kMethNoArgs}, {nullptr, nullptr, 0}};
const MethodDef kListRevIterMethods[] = {
    {"__length_hint__", &ListRevIterLengthHint, kMethNoArgs}, {nullptr, nullptr, 0}};

}  // namespace

Ref<> NewListReverseIter(Object* list) {
  if (!EnsureReady(&ListRevIterType)) return nullptr;
  ListIter* it = AllocObject<ListIter>(&ListRevIterType, 0);
  if (it == nullptr) return nullptr;
  it->index = static_cast<List*>(list)->size - 1;
  it->seq = NewRef(list).release();
  return StealRef<Object>(it);
}

Ref<List> NewList(int64_t reserve) {
  List* l = AllocObject<List>(&ListType, 0);
  if (l == nullptr) return nullptr;
  Ref<List> r = StealRef(l);
  if (reserve > 0 && !ListReserve(l, reserve)) return nullptr;
  return r;
}

Ref<List> NewListSized(int64_t n) {
  Ref<List> r = NewList(n);
  PY_RETURN_IF_NULL(r);
  if (n > 0) {
    std::memset(r->items, 0, static_cast<size_t>(n) * sizeof(Object*));
    r->size = n;
  }
  return r;
}

bool ListAppend(List* l, Object* item) {
  int64_t n = l->size;
  if (n < l->capacity) {
    l->items[n] = NewRef(item).release();
    l->size = n + 1;
    return true;
  }
  if (!ListResize(l, n + 1)) return false;
  l->items[n] = NewRef(item).release();
  return true;
}

bool ListExtend(List* l, Object* iterable) {
  if (IsList(iterable) || IsTuple(iterable)) {
    Object** src;
    int64_t n;
    FastItems(iterable, &src, &n);
    if (n == 0) return true;
    int64_t old = l->size;
    if (!ListResize(l, old + n)) return false;
    // Re-read: when extending a list by itself, src may have moved with the realloc.
    FastItems(iterable, &src, &n);
    if (iterable == l) n = old;
    for (int64_t i = 0; i < n; ++i) l->items[old + i] = NewRef(src[i]).release();
    return true;
  }
  Ref<> it = GetIter(iterable);
  if (!it) return false;
  while (true) {
    Ref<> item = IterNext(it.get());
    if (!item) return !ErrorOccurred();
    if (!ListAppend(l, item.get())) return false;
  }
}

Ref<> ListAsTuple(List* l) { return NewTupleFromArray(l->items, l->size); }

void InitListType() {
  InitStaticType(&ListType, {.name = "list",
                             .basicsize = sizeof(List),
                             .flags = kBaseType | kHaveGc | kSequence | kListSubclass,
                             .methods = kListMethods});
  ListType.dealloc = &ListDealloc;
  ListType.traverse = &ListTraverse;
  ListType.clear = &ListClearSlot;
  ListType.new_ = &ListNew;
  ListType.init = &ListInitSlot;
  ListType.repr = &ListRepr;
  ListType.richcompare = &ListRichCompare;
  ListType.iter = &ListIterOf;
  ListType.length = &ListLength;
  ListType.subscript = &ListSubscript;
  ListType.ass_subscript = &ListAssSubscript;
  ListType.contains = &ListContains;
  ListType.sq_concat = &ListConcat;
  ListType.sq_repeat = &ListRepeat;
  ListType.sq_inplace_concat = &ListInplaceConcat;
  ListType.sq_inplace_repeat = &ListInplaceRepeat;
  ListType.sq_item = &ListItem;

  InitStaticType(&ListIterType, {.name = "list_iterator",
                                 .basicsize = sizeof(ListIter),
                                 .flags = kHaveGc,
                                 .methods = kListIterMethods});
  SetOneRefGcSlots<ListIter, &ListIter::seq>(&ListIterType);
  ListIterType.iter = &SelfIter;
  ListIterType.iternext = &ListIterNext;

  InitStaticType(&ListRevIterType, {.name = "list_reverseiterator",
                                    .basicsize = sizeof(ListIter),
                                    .flags = kHaveGc,
                                    .methods = kListRevIterMethods});
  SetOneRefGcSlots<ListIter, &ListIter::seq>(&ListRevIterType);
  ListRevIterType.iter = &SelfIter;
  ListRevIterType.iternext = &ListRevIterNext;
}

}  // namespace pyrite::vm
