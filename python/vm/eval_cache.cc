// Filling the evaluation loop's inline caches (eval_cache.h describes the entries) and the
// cached global lookup shared by LOAD_GLOBAL and module-level LOAD_NAME.
#include "python/vm/eval_cache.h"

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/eval_internal.h"
#include "python/vm/gc.h"
#include "python/vm/objects/descr.h"
#include "python/vm/objects/str.h"

namespace pyrite::vm {

namespace {

// The entry position of `name` in `d`: dict entries are only ever appended, so a global found
// once stays at its position until the dict is resized or the key deleted.
int64_t FindEntry(Dict* d, Str* name) {
  for (int64_t i = d->nentries - 1; i >= 0; --i) {
    if (d->entries[i].key == name) return i;
  }
  return -1;
}

void FillGlobalCache(InlineCache* c, Dict* d, Dict* g, Str* name, CacheKind kind) {
  int64_t ix = FindEntry(d, name);
  if (ix < 0) {
    c->kind = kCacheNone;
    return;
  }
  c->kind = kind;
  c->key1 = g;
  c->version1 = g->version;
  c->key2 = d;
  c->version2 = static_cast<uint64_t>(ix);
}

bool GenericGetAttrType(Type* t) {
  return t->getattro == nullptr || t->getattro == &GenericGetAttr;
}
bool GenericSetAttrType(Type* t) {
  return t->setattro == nullptr || t->setattro == &GenericSetAttr;
}

// Offset of `slot` inside `owner` when instances of its type all have it there: types of variable
// size (tuple subclasses) put their extras after the items.
bool FixedOffset(Object* owner, Object** slot, int32_t* offset) {
  if (owner->type->varsize != nullptr) return false;
  *offset = static_cast<int32_t>(reinterpret_cast<char*>(slot) - reinterpret_cast<char*>(owner));
  return true;
}

// Records the type and where `name` lives in instances: a __slots__ member (when `descr` is
// one), or the instance dict (when the type has no attribute `name`). False with an error set.
bool FillInstanceCache(InlineCache* c, Object* owner, Str* name, CacheKind dict_kind) {
  Type* t = owner->type;
  Object* descr = TypeLookup(t, name);
  if (ErrorOccurred()) return false;
  if (t->version == 0) return true;
  int32_t offset;
  if (descr != nullptr) {
    if (descr->type != &MemberDescriptorType) return true;
    auto* m = static_cast<MemberDescriptor*>(descr);
    Object** extras = ExtrasOf(owner);
    if (extras == nullptr || m->index >= t->nextras || !TypeCheck(owner, m->owner)) return true;
    if (!FixedOffset(owner, extras + m->index, &offset)) return true;
    c->kind = kCacheSlot;
  } else {
    Object** dp = InstanceDictPtr(owner);
    if (dp == nullptr || *dp == nullptr || !FixedOffset(owner, dp, &offset)) return true;
    int64_t ix = DictEntryIndex(static_cast<Dict*>(*dp), name);
    if (ix < 0) return !ErrorOccurred();
    c->kind = dict_kind;
    c->version2 = static_cast<uint64_t>(ix);
  }
  c->key1 = t;
  c->version1 = t->version;
  c->offset = offset;
  return true;
}

// The entry of `c`'s ways to refill for owner's type: the one that type already has, else the
// most recently filled one, after moving it to the next way (the oldest entry is dropped).
InlineCache* EntryToFill(InlineCache* c, Object* owner) {
  for (size_t w = 0; w < kAttrCacheWays; ++w) {
    if (c[w].key1 == owner->type) {
      c[w].kind = kCacheNone;
      c[w].key1 = nullptr;
      return &c[w];
    }
  }
  for (size_t w = kAttrCacheWays - 1; w > 0; --w) c[w] = c[w - 1];
  c[0].kind = kCacheNone;
  c[0].key1 = nullptr;
  return &c[0];
}

}  // namespace

void FillStoreNameCache(InlineCache* c, Dict* d, Str* name) {
  FillGlobalCache(c, d, d, name, kCacheGlobal);
}

Object* LoadGlobalUncached(InlineCache* c, Dict* g, Dict* b, Str* name) {
  Object* v = DictGetItemStr(g, name);
  if (v != nullptr) {
    if (c != nullptr && IsExactDict(g)) FillGlobalCache(c, g, g, name, kCacheGlobal);
    return v;
  }
  if (ErrorOccurred()) return nullptr;
  v = DictGetItemStr(b, name);
  if (v == nullptr) {
    if (!ErrorOccurred()) RaiseNameError(name);
    return nullptr;
  }
  if (c != nullptr && IsExactDict(g) && IsExactDict(b)) {
    FillGlobalCache(c, b, g, name, kCacheBuiltin);
  }
  return v;
}

bool FillLoadAttrCache(InlineCache* c, Object* owner, Str* name) {
  if (!GenericGetAttrType(owner->type) || !name->interned) return true;
  return FillInstanceCache(EntryToFill(c, owner), owner, name, kCacheInstanceAttr);
}

bool FillStoreAttrCache(InlineCache* c, Object* owner, Str* name) {
  if (!GenericSetAttrType(owner->type) || !name->interned) return true;
  return FillInstanceCache(EntryToFill(c, owner), owner, name, kCacheStoreInstanceAttr);
}

void FillMethodCache(InlineCache* c, Object* owner, Str* name, Object* meth) {
  Type* t = owner->type;
  if (!GenericGetAttrType(t) || !name->interned) return;
  if (TypeLookup(t, name) != meth || t->version == 0) return;
  int32_t offset = 0;
  if (Object** dp = InstanceDictPtr(owner); dp != nullptr && !FixedOffset(owner, dp, &offset)) {
    return;
  }
  c = EntryToFill(c, owner);
  c->kind = kCacheMethod;
  c->key1 = t;
  c->version1 = t->version;
  c->value = meth;
  c->offset = offset;
}

}  // namespace pyrite::vm
