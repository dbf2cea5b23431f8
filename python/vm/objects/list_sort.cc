// list.sort: a stable merge sort over (key, value) pairs. Keys are computed once per item; items
// are compared only with `<` (RichCompareBool Lt) as CPython does. While sorting, the list is
// emptied and its capacity set to -1 so that mutation by a key function or __lt__ is detected
// ("list modified during sort"); reverse=True reverses before and after a stable sort so that equal
// items keep their original order.
#include <algorithm>
#include <cstdlib>
#include <vector>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/objects/list.h"

namespace pyrite::vm {

namespace {

struct SortItem {
  Object* key;    // borrowed from `value` or owned in `keys`
  Object* value;  // owned by the saved item array
};

class Sorter {
 public:
  // True: a < b. Once a comparison failed, every later comparison returns false without calling
  // Python, so the sort finishes quickly with a permutation of the input.
  bool Less(const SortItem& a, const SortItem& b) {
    if (failed_) return false;
    int r = RichCompareBool(a.key, b.key, CompareOp::kLt);
    if (r < 0) {
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
  void Sort(std::vector<SortItem>& v) {
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
          std::reverse(v.begin() + static_cast<ptrdiff_t>(i), v.begin() + static_cast<ptrdiff_t>(j));
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
    std::vector<SortItem> tmp(n);
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
  void InsertionSort(std::vector<SortItem>& v, size_t lo, size_t sorted_end, size_t hi) {
    for (size_t i = sorted_end; i < hi; ++i) {
      SortItem x = v[i];
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
  void Merge(std::vector<SortItem>& v, std::vector<SortItem>& tmp, size_t lo, size_t mid,
             size_t hi) {
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

  bool failed_ = false;
};

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
  for (int64_t i = 0; i < n; ++i) v[i] = {saved[i], saved[i]};
  if (key != nullptr) {
    keys.reserve(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
      Ref<> k = CallOneArg(key, saved[i]);
      if (!k) {
        ok = false;
        break;
      }
      v[i].key = k.get();
      keys.push_back(std::move(k));
    }
  }
  if (ok && n > 1) {
    if (reverse) std::reverse(v.begin(), v.end());
    Sorter sorter;
    sorter.Sort(v);
    if (sorter.failed()) ok = false;
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
