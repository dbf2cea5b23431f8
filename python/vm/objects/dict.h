// dict: CPython's compact ordered layout. An index table (1, 2, 4 or 8-byte slots, open
// addressing with the perturbed probe sequence) points into a dense array of entries
// (hash, key, value) kept in insertion order; deleted entries leave a hole until the next resize.
// Lookups by str keys compare pointers, then hashes, before calling __eq__, and Eq errors
// propagate. Mutation during iteration is detected by a version counter.
#ifndef PYRITE_PYTHON_VM_OBJECTS_DICT_H_
#define PYRITE_PYTHON_VM_OBJECTS_DICT_H_

#include <cstdint>
#include <string_view>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Str;

struct DictEntry {
  int64_t hash;
  Object* key;    // owned; null: deleted
  Object* value;  // owned
};

struct Dict : Object {
  int64_t used = 0;          // live entries
  int64_t nentries = 0;      // entries used in `entries` (live + deleted)
  int64_t entries_cap = 0;
  DictEntry* entries = nullptr;
  uint8_t log2_index_size = 0;
  void* index = nullptr;     // 2**log2_index_size slots
  uint64_t version = 0;      // renewed (globally unique) whenever a key is added or removed
  ~Dict();
};

extern Type DictType;
// Views and iterators (dict_views.cc); readied on first use.
extern Type DictKeysType;
extern Type DictValuesType;
extern Type DictItemsType;
extern Type DictKeyIterType;
extern Type DictValueIterType;
extern Type DictItemIterType;
extern Type DictRevKeyIterType;
extern Type DictRevValueIterType;
extern Type DictRevItemIterType;

inline bool IsDict(Object* o) { return HasFlag(o->type, kDictSubclass); }
inline bool IsExactDict(Object* o) { return o->type == &DictType; }

Ref<Dict> NewDict();
// Fills an object's owned dict field (a lazily made __dict__) with a new dict if it is null;
// false on memory error.
[[nodiscard]] bool EnsureDict(Object** field);
// Borrowed value or null: null with ErrorOccurred() means the key's hash/eq raised.
Object* DictGetItem(Dict* d, Object* key);
Object* DictGetItemStr(Dict* d, Str* key);
Object* DictGetItemUtf8(Dict* d, std::string_view key);
// With a precomputed hash.
Object* DictGetItemHash(Dict* d, Object* key, int64_t hash);
[[nodiscard]] int DictSetItem(Dict* d, Object* key, Object* value);  // 0 / -1
[[nodiscard]] int DictSetItemStr(Dict* d, Str* key, Object* value);
[[nodiscard]] int DictSetItemUtf8(Dict* d, std::string_view key, Object* value);
// 1 removed, 0 missing (no error), -1 error.
[[nodiscard]] int DictDelItem(Dict* d, Object* key);
// Iteration: start with *pos = 0; returns false at the end. Borrowed key/value.
bool DictNext(Dict* d, int64_t* pos, Object** key, Object** value);
inline int64_t DictSize(Dict* d) { return d->used; }
void DictClear(Dict* d);
Ref<Dict> DictCopy(Dict* d);
// d.update(other) (a mapping or an iterable of pairs); Merge: mapping only, `override` controls
// whether existing keys are replaced.
[[nodiscard]] bool DictUpdate(Dict* d, Object* other);
[[nodiscard]] bool DictMerge(Dict* d, Object* mapping, bool override);
Ref<> DictKeys(Dict* d);    // a list of the keys

// Inline-cache support (eval.cc). A cache remembers the entry position of a key: instance dicts
// of one class usually share their insertion order, and module dicts keep positions stable.
// DictEntryIndex: the position of `key`, or -1 when missing or on error (check ErrorOccurred()).
int64_t DictEntryIndex(Dict* d, Str* key);
// The value at entry `ix` when that entry still holds `key` (the same object), else null.
inline Object* DictValueAtHint(Dict* d, uint64_t ix, Object* key) {
  if (ix >= static_cast<uint64_t>(d->nentries) || d->entries[ix].key != key) return nullptr;
  return d->entries[ix].value;
}
// Replaces the value at entry `ix` when it holds `key` (a new reference is taken); false when
// the entry holds another key. Keys do not change, so the version does not move.
inline bool DictReplaceAtHint(Dict* d, uint64_t ix, Object* key, Object* value) {
  if (ix >= static_cast<uint64_t>(d->nentries) || d->entries[ix].key != key) return false;
  Object* old = d->entries[ix].value;
  Incref(value);
  d->entries[ix].value = value;
  Decref(old);
  return true;
}

void InitDictTypes();  // dict, dict views and iterators

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_DICT_H_
