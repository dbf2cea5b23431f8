// set and frozenset: open-addressing hash tables of (hash, key), insertion order irrelevant
// (iteration order follows the table as CPython's does for small ints and strings' hashes).
#ifndef PYRITE_PYTHON_VM_OBJECTS_SET_H_
#define PYRITE_PYTHON_VM_OBJECTS_SET_H_

#include <cstdint>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct SetEntry {
  int64_t hash;
  Object* key;  // owned; null: empty; a dummy marker: deleted
};

struct Set : Object {
  int64_t used = 0;   // live keys
  int64_t fill = 0;   // live + deleted
  int64_t mask = 0;   // table size - 1
  SetEntry* table = nullptr;
  int64_t hash = -1;  // frozenset's cached hash
  int64_t finger = 0; // where pop() resumes its search
  Object* weaklist = nullptr;
  ~Set();
};

extern Type SetType;
extern Type FrozenSetType;
extern Type SetIterType;

inline bool IsAnySet(Object* o) { return HasFlag(o->type, kSetSubclass); }

Ref<Set> NewSet(Object* iterable = nullptr);        // null: empty
Ref<Set> NewFrozenSet(Object* iterable = nullptr);
[[nodiscard]] int SetAdd(Set* s, Object* key);      // 0 / -1
int SetContains(Set* s, Object* key);               // 1 / 0 / -1
[[nodiscard]] int SetDiscard(Set* s, Object* key);  // 1 removed / 0 / -1
bool SetNext(Set* s, int64_t* pos, Object** key);   // borrowed
// s.update(iterable) with CPython's fast paths for sets and dicts (pre-sizing, table copy), which
// decide the table size and so the iteration order: SET_UPDATE must use this, not SetAdd in a
// loop, for `{*a}` and set displays to print in CPython's order.
[[nodiscard]] bool SetUpdate(Set* s, Object* iterable);

void InitSetTypes();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_SET_H_
