// list.sort: a stable merge sort over (key, value) pairs. Keys are computed once per item; items
// are compared only with `<` as CPython does. While sorting, the list is emptied and its capacity
// set to -1 so that mutation by a key function or __lt__ is detected ("list modified during
// sort"); reverse=True reverses before and after a stable sort so that equal items keep their
// original order.
//
// Like CPython's listobject.c, a pass over the keys before sorting picks a specialised comparison
// when every key allows it: exact ints that fit 64 bits and exact floats are unboxed into the sort
// items (comparisons then touch no object memory at all), exact strs carry a prefix of their text
// and compare by code points, keys of one type call that type's richcompare slot directly, and
// exact non-empty tuples compare their first items with the specialisation chosen for those.
// Anything else takes the generic RichCompareBool path. The results are those of `<` in every
// case.
#include <algorithm>
#include <cstdlib>
#include <vector>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

namespace {

// A key as the chosen comparison reads it: the object, or its unboxed value.
union SortKey {
  Object* obj;  // borrowed from `value` or owned by ListSort's key list
  int64_t i;    // exact int that fits int64
  double d;     // exact float
};

struct SortItem {
  SortKey key;
  Object* value;  // owned by the saved item array
};

// How two key objects compare with `<`, chosen once for all keys (see ChooseObjectCompare).
enum class ObjectCompare { kGeneric, kSameType, kSmallInt, kFloat, kStr };

struct ObjectLess {
  ObjectCompare kind = ObjectCompare::kGeneric;
  RichCompareFn richcompare = nullptr;  // kSameType: the keys' type's slot

  // a < b: 1, 0, or -1 with an exception set.
  int Less(Object* a, Object* b) const {
    switch (kind) {
      case ObjectCompare::kSmallInt:
        return *IntSmall(a) < *IntSmall(b);
      case ObjectCompare::kFloat:
        return FloatValue(a) < FloatValue(b);
      case ObjectCompare::kStr:
        return StrCompare(static_cast<Str*>(a), static_cast<Str*>(b)) < 0;
      case ObjectCompare::kSameType:
        return SameTypeLess(a, b);
      case ObjectCompare::kGeneric:
        break;
    }
    return RichCompareBool(a, b, CompareOp::kLt);
  }

  // a == b as RichCompareBool(kEq) answers it (identity implies equality): 1, 0 or -1.
  int Equal(Object* a, Object* b) const {
    if (a == b) return 1;
    switch (kind) {
      case ObjectCompare::kSmallInt:
        return *IntSmall(a) == *IntSmall(b);
      case ObjectCompare::kFloat:
        return FloatValue(a) == FloatValue(b);
      case ObjectCompare::kStr:
        return StrEqual(static_cast<Str*>(a), static_cast<Str*>(b));
      case ObjectCompare::kSameType:
      case ObjectCompare::kGeneric:
        break;
    }
    return RichCompareBool(a, b, CompareOp::kEq);
  }

 private:
  // Both keys have the type whose slot is `richcompare`, so no reflected operation can take
  // precedence; NotImplemented still falls back to the full protocol (and its error message).
  int SameTypeLess(Object* a, Object* b) const {
    if (a->type->richcompare != richcompare) return RichCompareBool(a, b, CompareOp::kLt);
    Ref<> r = richcompare(a, b, CompareOp::kLt);
    if (!r) return -1;
    if (r.get() == NotImplemented()) return RichCompareBool(a, b, CompareOp::kLt);
    if (r.get() == True()) return 1;
    if (r.get() == False()) return 0;
    return IsTrue(r.get());
  }
};

// The comparison that is valid for every object in `objs` (n > 0).
template <typename Get>
ObjectLess ChooseObjectCompare(int64_t n, Get get) {
  Type* type = get(0)->type;
  bool small_ints = true;
  for (int64_t i = 0; i < n; ++i) {
    Object* o = get(i);
    if (o->type != type) return {};
    if (type == &IntType && small_ints) small_ints = IntValue(o).IsSmall();
  }
  if (type == &IntType && small_ints) return {ObjectCompare::kSmallInt};
  if (type == &FloatType) return {ObjectCompare::kFloat};
  if (type == &StrType) return {ObjectCompare::kStr};
  if (type->richcompare != nullptr) return {ObjectCompare::kSameType, type->richcompare};
  return {};
}

// Item comparators: each returns 1 (a < b), 0, or -1 with an exception set.
struct IntKeyLess {
  int operator()(const SortItem& a, const SortItem& b) const { return a.key.i < b.key.i; }
};
struct FloatKeyLess {
  int operator()(const SortItem& a, const SortItem& b) const { return a.key.d < b.key.d; }
};
struct ObjectKeyLess {
  ObjectLess less;
  int operator()(const SortItem& a, const SortItem& b) const {
    return less.Less(a.key.obj, b.key.obj);
  }
};
// Tuples compare item by item: the first position where they differ decides. `first` is the
// comparison chosen for the tuples' first items; later items use the generic protocol.
struct TupleKeyLess {
  ObjectLess first;
  int operator()(const SortItem& a, const SortItem& b) const {
    Tuple* x = static_cast<Tuple*>(a.key.obj);
    Tuple* y = static_cast<Tuple*>(b.key.obj);
    int64_t n = std::min(x->size, y->size);
    int64_t i = 0;
    for (; i < n; ++i) {
      int eq = i == 0 ? first.Equal(x->items[0], y->items[0])
                      : RichCompareBool(x->items[i], y->items[i], CompareOp::kEq);
      if (eq < 0) return -1;
      if (eq == 0) break;
    }
    if (i == n) return x->size < y->size;
    if (i == 0) return first.Less(x->items[0], y->items[0]);
    return RichCompareBool(x->items[i], y->items[i], CompareOp::kLt);
  }
};

template <typename Item, typename LessFn>
class Sorter {
 public:
  explicit Sorter(LessFn less) : less_(less) {}

  // True: a < b. Once a comparison failed, every later comparison returns false without calling
  // Python, so the sort finishes quickly with a permutation of the input.
  bool Less(const Item& a, const Item& b) {
    if (failed_) return false;
    int r = less_(a, b);
    if (r < 0) [[unlikely]] {
      failed_ = true;
      return false;
    }
    return r > 0;
  }

  // A natural merge sort in the spirit of CPython's timsort (without galloping): the input is
  // cut into runs (non-descending, or strictly descending and then reversed, which keeps the
  // sort stable), short runs are extended to kMinRun items by binary insertion, and adjacent
  // runs are merged pairwise until one is left. Sorted and reverse-sorted input costs n - 1
  // comparisons.
  void Sort(std::vector<Item>& v) {
    size_t n = v.size();
    if (n < 2) return;
    std::vector<size_t> bounds;  // run starts, then n
    size_t i = 0;
    while (i < n) {
      size_t j = i + 1;
      if (j < n) {
        if (Less(v[j], v[j - 1])) {
          while (j + 1 < n && Less(v[j + 1], v[j])) ++j;
          ++j;
          std::reverse(v.begin() + static_cast<ptrdiff_t>(i),
                       v.begin() + static_cast<ptrdiff_t>(j));
        } else {
          while (j + 1 < n && !Less(v[j + 1], v[j])) ++j;
          ++j;
        }
      }
      if (j - i < kMinRun && j < n) {
        size_t end = std::min(n, i + kMinRun);
        InsertionSort(v, i, j, end);
        j = end;
      }
      bounds.push_back(i);
      i = j;
    }
    bounds.push_back(n);
    std::vector<Item> tmp(n);
    while (bounds.size() > 2) {
      std::vector<size_t> next;
      size_t k = 0;
      for (; k + 2 < bounds.size(); k += 2) {
        Merge(v, tmp, bounds[k], bounds[k + 1], bounds[k + 2]);
        next.push_back(bounds[k]);
      }
      if (k + 1 < bounds.size()) next.push_back(bounds[k]);
      if (next.back() != n) next.push_back(n);
      bounds.swap(next);
    }
  }

  bool failed() const { return failed_; }

 private:
  static constexpr size_t kMinRun = 32;

  // Binary insertion of v[sorted_end..hi) into the sorted v[lo..sorted_end) (stable: an item
  // goes after the equal ones already placed).
  void InsertionSort(std::vector<Item>& v, size_t lo, size_t sorted_end, size_t hi) {
    for (size_t i = sorted_end; i < hi; ++i) {
      Item x = v[i];
      size_t l = lo, r = i;
      while (l < r) {
        size_t m = l + (r - l) / 2;
        if (Less(x, v[m])) {
          r = m;
        } else {
          l = m + 1;
        }
      }
      for (size_t j = i; j > l; --j) v[j] = v[j - 1];
      v[l] = x;
    }
  }

  // Merges the sorted ranges [lo, mid) and [mid, hi).
  void Merge(std::vector<Item>& v, std::vector<Item>& tmp, size_t lo, size_t mid, size_t hi) {
    // Already in order: nothing to do (common for nearly sorted input).
    if (!Less(v[mid], v[mid - 1])) return;
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
      // Take from the right only when strictly smaller: keeps the sort stable.
      if (Less(v[j], v[i])) {
        tmp[k++] = v[j++];
      } else {
        tmp[k++] = v[i++];
      }
    }
    while (i < mid) tmp[k++] = v[i++];
    while (j < hi) tmp[k++] = v[j++];
    std::copy(tmp.begin() + static_cast<ptrdiff_t>(lo), tmp.begin() + static_cast<ptrdiff_t>(hi),
              v.begin() + static_cast<ptrdiff_t>(lo));
  }

  LessFn less_;
  bool failed_ = false;
};

template <typename Item, typename LessFn>
bool RunSort(std::vector<Item>& v, LessFn less) {
  Sorter<Item, LessFn> sorter(less);
  sorter.Sort(v);
  return !sorter.failed();
}

// Exact str keys carry a 64-bit prefix that orders like the strings themselves whenever two
// prefixes differ, so most comparisons touch neither string. When every key is 1 byte per code
// point, the prefix is the first 7 code points (zero-padded) and then min(length, 8): equal
// prefixes with a length byte below 8 mean equal strings. Otherwise it is the first 3 code
// points, 21 bits each, and equal prefixes always fall back to comparing the strings.
struct StrItem {
  uint64_t prefix;
  Str* key;
  Object* value;
};

uint64_t StrPrefix(Str* s, bool latin1) {
  uint64_t p = 0;
  if (latin1) {
    const auto* d = static_cast<const uint8_t*>(s->data());
    for (int64_t i = 0; i < 7; ++i) p = (p << 8) | (i < s->length ? d[i] : 0);
    return (p << 8) | static_cast<uint64_t>(std::min<int64_t>(s->length, 8));
  }
  for (int64_t i = 0; i < 3; ++i) p = (p << 21) | (i < s->length ? StrAt(s, i) : 0);
  return p;
}

struct StrKeyLess {
  bool latin1;
  int operator()(const StrItem& a, const StrItem& b) const {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    if (latin1 && (a.prefix & 0xFF) < 8) return 0;  // equal strings
    return StrCompare(a.key, b.key) < 0;
  }
};

bool SortStrItems(std::vector<SortItem>& v) {
  bool latin1 = std::all_of(v.begin(), v.end(), [](const SortItem& item) {
    return static_cast<Str*>(item.key.obj)->kind == 1;
  });
  std::vector<StrItem> items(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    Str* s = static_cast<Str*>(v[i].key.obj);
    items[i] = {StrPrefix(s, latin1), s, v[i].value};
  }
  RunSort(items, StrKeyLess{latin1});  // cannot fail
  for (size_t i = 0; i < v.size(); ++i) v[i].value = items[i].value;
  return true;
}

// Picks the comparison for the keys (v[i].key.obj, n > 1), unboxing ints and floats into the
// items when they allow it, and sorts; afterwards the items' values are in order (keys may be
// stale). False when a comparison failed.
bool SortItems(std::vector<SortItem>& v) {
  const int64_t n = static_cast<int64_t>(v.size());
  ObjectLess keys = ChooseObjectCompare(n, [&](int64_t i) { return v[i].key.obj; });
  switch (keys.kind) {
    case ObjectCompare::kSmallInt:
      for (SortItem& item : v) item.key.i = *IntSmall(item.key.obj);
      return RunSort(v, IntKeyLess{});
    case ObjectCompare::kFloat:
      for (SortItem& item : v) item.key.d = FloatValue(item.key.obj);
      return RunSort(v, FloatKeyLess{});
    case ObjectCompare::kStr:
      return SortStrItems(v);
    case ObjectCompare::kSameType:
      if (v[0].key.obj->type == &TupleType) {
        bool nonempty = std::all_of(v.begin(), v.end(), [](const SortItem& item) {
          return static_cast<Tuple*>(item.key.obj)->size > 0;
        });
        if (nonempty) {
          ObjectLess first = ChooseObjectCompare(
              n, [&](int64_t i) { return static_cast<Tuple*>(v[i].key.obj)->items[0]; });
          return RunSort(v, TupleKeyLess{first});
        }
      }
      break;
    default:
      break;
  }
  return RunSort(v, ObjectKeyLess{keys});
}

}  // namespace

bool ListSort(List* l, Object* key, bool reverse) {
  // Take the items out of the list for the duration of the sort.
  Object** saved = l->items;
  int64_t n = l->size;
  int64_t saved_capacity = l->capacity;
  l->items = nullptr;
  l->size = 0;
  l->capacity = -1;

  std::vector<Ref<>> keys;  // owned keys (key function results)
  std::vector<SortItem> v(static_cast<size_t>(n));
  bool ok = true;
  for (int64_t i = 0; i < n; ++i) v[i] = {{.obj = saved[i]}, saved[i]};
  if (key != nullptr) {
    keys.reserve(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
      Ref<> k = CallOneArg(key, saved[i]);
      if (!k) {
        ok = false;
        break;
      }
      v[i].key.obj = k.get();
      keys.push_back(std::move(k));
    }
  }
  if (ok && n > 1) {
    if (reverse) std::reverse(v.begin(), v.end());
    ok = SortItems(v);
    if (reverse) std::reverse(v.begin(), v.end());
    for (int64_t i = 0; i < n; ++i) saved[i] = v[i].value;
  }
  keys.clear();

  // Put the (sorted) items back; anything the key function or __lt__ added is dropped.
  Object** final_items = l->items;
  int64_t final_size = l->size;
  bool modified = l->capacity != -1;
  l->items = saved;
  l->size = n;
  l->capacity = saved_capacity;
  if (final_items != nullptr) {
    for (int64_t i = 0; i < final_size; ++i) Xdecref(final_items[i]);
    std::free(final_items);
  }
  if (ok && modified) {
    SetError(&ValueErrorType, "list modified during sort");
    return false;
  }
  return ok;
}

}  // namespace pyrite::vm
