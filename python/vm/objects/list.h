// list: a growable array of references (over-allocating as CPython does) and its stable sort
// (a merge sort over precomputed keys, honouring `key` and `reverse`).
#ifndef PYRITE_PYTHON_VM_OBJECTS_LIST_H_
#define PYRITE_PYTHON_VM_OBJECTS_LIST_H_

#include <cstdint>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct List : Object {
  Object** items = nullptr;  // owned references
  int64_t size = 0;
  int64_t capacity = 0;
  ~List();
};

extern Type ListType;
extern Type ListIterType;     // list_iterator; readied on first use
extern Type ListRevIterType;  // list_reverseiterator

inline bool IsList(Object* o) { return HasFlag(o->type, kListSubclass); }
inline bool IsExactList(Object* o) { return o->type == &ListType; }

Ref<List> NewList(int64_t reserve = 0);
// A list of n null items for the caller to fill with ListInit.
Ref<List> NewListSized(int64_t n);
inline void ListInit(List* l, int64_t i, Ref<> item) { l->items[i] = item.release(); }
[[nodiscard]] bool ListAppend(List* l, Object* item);  // +1 on item
[[nodiscard]] bool ListExtend(List* l, Object* iterable);
// list.sort(key=key, reverse=reverse); key may be null.
[[nodiscard]] bool ListSort(List* l, Object* key, bool reverse);
Ref<> ListAsTuple(List* l);

void InitListType();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_LIST_H_
