// Inline caches of the evaluation loop: what an entry of Code::caches (or Code::name_caches)
// records for LOAD_GLOBAL, LOAD_NAME, LOAD_ATTR, LOAD_METHOD and STORE_ATTR, the inline checks
// that prove an entry still holds (eval.cc's fast paths), and the functions that fill entries
// after a generic lookup succeeded (eval_cache.cc). Internal to python/vm: only eval*.cc use it.
//
// Attribute entries record a type and its version. type.cc gives a type a fresh, never reused
// version whenever its dict or a base's dict changes (and TypeLookup assigns one to a type that
// has none), so a hit proves that the class-level facts the entry relies on are unchanged: which
// descriptor (if any) the MRO holds for the name, and where instances keep their dict or
// __slots__ values. Global entries record dict entry positions, checked against the key stored
// there, and dict versions (renewed whenever a dict gains or loses a key).
#ifndef PYRITE_PYTHON_VM_EVAL_CACHE_H_
#define PYRITE_PYTHON_VM_EVAL_CACHE_H_

#include <cstdint>

#include "python/vm/error.h"
#include "python/vm/object.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/function.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Str;

enum CacheKind : int32_t {
  kCacheNone = 0,
  // Globals: version2 is the entry position of the name in the globals (key1) or in the
  // builtins (key2; valid while the globals, whose version is version1, still lack the name).
  kCacheGlobal = 1,
  kCacheBuiltin = 2,
  // Attributes: key1 is the type, version1 its version; `offset` the byte offset of the
  // instance's dict slot or __slots__ value (fixed for types without a variable size).
  kCacheInstanceAttr = 11,       // LOAD_ATTR: no class attribute; version2: entry position hint
  kCacheMethod = 12,             // LOAD_METHOD: `value` is a method-like descriptor on the type;
                                 // offset 0 when instances have no dict
  kCacheStoreInstanceAttr = 13,  // STORE_ATTR: no class attribute; version2: entry position hint
  kCacheSlot = 14,               // LOAD_ATTR / STORE_ATTR: a __slots__ member
};

// The borrowed global the cache proves, or null.
inline Object* CachedGlobal(InlineCache* c, Dict* g, Dict* b, Str* name) {
  Object* key = reinterpret_cast<Object*>(name);
  if (c->kind == kCacheGlobal && c->key1 == g) return DictValueAtHint(g, c->version2, key);
  if (c->kind == kCacheBuiltin && c->key1 == g && c->key2 == b) {
    Object* v = DictValueAtHint(b, c->version2, key);
    if (v == nullptr) return nullptr;
    if (c->version1 != g->version) {
      // The globals gained or lost a key since the entry was made: the name must still be
      // absent there.
      if (DictGetItemStr(g, name) != nullptr || ErrorOccurred()) return nullptr;
      c->version1 = g->version;
    }
    return v;
  }
  return nullptr;
}

// LOAD_GLOBAL (and module-level LOAD_NAME): the value of `name` in the globals, else in the
// builtins (borrowed), through the cache `c` (may be null). Null with an error set (NameError
// when missing).
Object* LoadGlobalUncached(InlineCache* c, Dict* g, Dict* b, Str* name);
inline Object* LoadGlobal(InlineCache* c, Dict* g, Dict* b, Str* name) {
  if (c != nullptr) {
    if (Object* v = CachedGlobal(c, g, b, name)) return v;
  }
  return LoadGlobalUncached(c, g, b, name);
}

// STORE_NAME into the exact dict `d` (module and class bodies): replaces the value in place
// when the cache knows the name's entry. FillStoreNameCache records it after a generic store.
inline bool CachedStoreName(const InlineCache* c, Dict* d, Str* name, Object* value) {
  return c->kind == kCacheGlobal && c->key1 == d &&
         DictReplaceAtHint(d, c->version2, reinterpret_cast<Object*>(name), value);
}
void FillStoreNameCache(InlineCache* c, Dict* d, Str* name);

// The fast checks. `c` points at the instruction's kAttrCacheWays entries. Each returns null /
// false to say "take the generic path" (no error set unless said).

// The entry for owner's type, or null.
inline const InlineCache* AttrCacheFor(const InlineCache* c, const Object* owner) {
  for (size_t w = 0; w < kAttrCacheWays; ++w) {
    if (c[w].key1 == owner->type && c[w].version1 == owner->type->version) return &c[w];
  }
  return nullptr;
}
inline Object** InstanceSlotAt(Object* owner, int32_t offset) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + offset);
}

// LOAD_ATTR: a borrowed value.
inline Object* CachedLoadAttr(const InlineCache* c, Object* owner, Str* name) {
  const InlineCache* e = AttrCacheFor(c, owner);
  if (e == nullptr) return nullptr;
  Object* slot = *InstanceSlotAt(owner, e->offset);
  if (e->kind == kCacheSlot) return slot;
  if (e->kind != kCacheInstanceAttr || slot == nullptr) return nullptr;
  return DictValueAtHint(static_cast<Dict*>(slot), e->version2, reinterpret_cast<Object*>(name));
}

// LOAD_METHOD: the method when the instance has no attribute shadowing it. Null with an error
// set when the instance dict lookup raised (a key's __eq__): the caller checks ErrorOccurred().
inline Object* CachedMethod(const InlineCache* c, Object* owner, Str* name) {
  const InlineCache* e = AttrCacheFor(c, owner);
  if (e == nullptr || e->kind != kCacheMethod) return nullptr;
  if (e->offset != 0) {
    Object* dict = *InstanceSlotAt(owner, e->offset);
    if (dict != nullptr && (DictGetItemStr(static_cast<Dict*>(dict), name) != nullptr ||
                            ErrorOccurred())) {
      return nullptr;
    }
  }
  return e->value;
}

// STORE_ATTR: stores `value` (a new reference is taken) and returns true.
inline bool CachedStoreAttr(const InlineCache* c, Object* owner, Str* name, Object* value) {
  const InlineCache* e = AttrCacheFor(c, owner);
  if (e == nullptr) return false;
  Object** slot = InstanceSlotAt(owner, e->offset);
  if (e->kind == kCacheSlot) {
    Object* old = *slot;
    Incref(value);
    *slot = value;
    Xdecref(old);
    return true;
  }
  return e->kind == kCacheStoreInstanceAttr && *slot != nullptr &&
         DictReplaceAtHint(static_cast<Dict*>(*slot), e->version2, reinterpret_cast<Object*>(name),
                           value);
}

// Fill an entry after the generic operation succeeded on `owner`. False with an error set (a
// dict lookup raised).
[[nodiscard]] bool FillLoadAttrCache(InlineCache* c, Object* owner, Str* name);
[[nodiscard]] bool FillStoreAttrCache(InlineCache* c, Object* owner, Str* name);
void FillMethodCache(InlineCache* c, Object* owner, Str* name, Object* meth);

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_EVAL_CACHE_H_
