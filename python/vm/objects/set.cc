// set and frozenset: an open-addressing table of (hash, key) probed like CPython's (a short linear
// run, then the perturbed jump), with the same sizes and resize points so that iteration order
// matches CPython's. Deleted slots hold a dummy marker. Operators, methods and the set iterator.
#include "python/vm/objects/set.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/containers_internal.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/one_ref_slots.h"
#include "python/vm/objects/repr_guard.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/trashcan.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/objects/weakref.h"

namespace pyrite::vm {

Type SetType;
Type FrozenSetType;
Type SetIterType;

namespace {

constexpr int64_t kMinSize = 8;
constexpr uint64_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

// The deleted-slot marker (never a real object: not refcounted, never visited).
Object dummy_storage{kImmortalRefcnt, nullptr};
Object* const kDummy = &dummy_storage;

bool IsLive(const SetEntry& e) { return e.key != nullptr && e.key != kDummy; }

struct SetIter : Object {
  Object* set;  // owned; null when exhausted
  int64_t used;
  int64_t pos;
  int64_t remaining;
};

int64_t KeyHash(Object* key) {
  if (IsExactStr(key)) return StrHash(static_cast<Str*>(key));
  return Hash(key);
}

bool EnsureTable(Set* s) {
  if (s->table != nullptr) return true;
  s->table = static_cast<SetEntry*>(std::calloc(kMinSize, sizeof(SetEntry)));
  if (s->table == nullptr) {
    SetNoMemory();
    return false;
  }
  s->mask = kMinSize - 1;
  return true;
}

// Inserts into a table known to have no dummies and not to contain the key.
void InsertClean(SetEntry* table, uint64_t mask, Object* key, int64_t hash) {
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (true) {
    SetEntry* e = &table[i];
    if (e->key == nullptr) {
      e->key = key;
      e->hash = hash;
      return;
    }
    if (i + kLinearProbes <= mask) {
      for (uint64_t j = 0; j < kLinearProbes; ++j) {
        ++e;
        if (e->key == nullptr) {
          e->key = key;
          e->hash = hash;
          return;
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

bool TableResize(Set* s, int64_t minused) {
  int64_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  SetEntry* table = static_cast<SetEntry*>(std::calloc(static_cast<size_t>(newsize), sizeof(SetEntry)));
  if (table == nullptr) {
    SetNoMemory();
    return false;
  }
  SetEntry* old = s->table;
  int64_t oldsize = old == nullptr ? 0 : s->mask + 1;
  uint64_t mask = static_cast<uint64_t>(newsize - 1);
  for (int64_t i = 0; i < oldsize; ++i) {
    if (IsLive(old[i])) InsertClean(table, mask, old[i].key, old[i].hash);
  }
  std::free(old);
  s->table = table;
  s->mask = newsize - 1;
  s->fill = s->used;
  return true;
}

// Whether the live entry `e` (whose hash equals key's) holds `key`: 1 yes, 0 no, -1 error.
// *changed is set when a comparison by __eq__ mutated the table under the probe (the caller
// decides, as CPython's lookkey and add_entry do, whether that restarts the probe).
inline int EntryHoldsKey(Set* s, SetEntry* e, Object* key, bool* changed) {
  *changed = false;
  Object* start = e->key;
  if (start == key) return 1;
  if (IsExactStr(start) && IsExactStr(key)) {
    return StrEqual(static_cast<Str*>(start), static_cast<Str*>(key)) ? 1 : 0;
  }
  SetEntry* table = s->table;
  Incref(start);
  int cmp = RichCompareBool(start, key, CompareOp::kEq);
  Decref(start);
  *changed = table != s->table || e->key != start;
  return cmp;
}

// Finds the live entry for key: returns it, or null (not found; *err set on error).
SetEntry* FindEntry(Set* s, Object* key, int64_t hash, bool* err) {
  *err = false;
restart:
  if (s->table == nullptr) return nullptr;
  uint64_t mask = static_cast<uint64_t>(s->mask);
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (true) {
    SetEntry* e = &s->table[i];
    uint64_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    while (true) {
      if (e->key == nullptr) return nullptr;
      if (e->hash == hash && e->key != kDummy) {
        bool changed;
        int cmp = EntryHoldsKey(s, e, key, &changed);
        if (cmp < 0) {
          *err = true;
          return nullptr;
        }
        if (changed) goto restart;
        if (cmp > 0) return e;
        mask = static_cast<uint64_t>(s->mask);
      }
      if (probes-- == 0) break;
      ++e;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// Adds key (borrowed; increfs when inserted).
int AddEntry(Set* s, Object* key, int64_t hash) {
  if (!EnsureTable(s)) return -1;
  Ref<> keep = NewRef(key);
restart:
  uint64_t mask = static_cast<uint64_t>(s->mask);
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  SetEntry* freeslot = nullptr;
  SetEntry* e;
  while (true) {
    e = &s->table[i];
    uint64_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    while (true) {
      if (e->key == nullptr) goto found_unused;
      if (e->key == kDummy) {
        freeslot = e;  // the last deleted slot on the probe path is reused, as in CPython
      } else if (e->hash == hash) {
        bool changed;
        int cmp = EntryHoldsKey(s, e, key, &changed);
        if (cmp != 0) return cmp > 0 ? 0 : -1;
        if (changed) goto restart;
        mask = static_cast<uint64_t>(s->mask);
      }
      if (probes-- == 0) break;
      ++e;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused:
  if (freeslot != nullptr) {
    freeslot->key = keep.release();
    freeslot->hash = hash;
    s->used++;
    return 0;
  }
  e->key = keep.release();
  e->hash = hash;
  s->fill++;
  s->used++;
  if (static_cast<uint64_t>(s->fill) * 5 < mask * 3) return 0;
  return TableResize(s, s->used > 50000 ? s->used * 2 : s->used * 4) ? 0 : -1;
}

int AddKey(Set* s, Object* key) {
  int64_t hash = KeyHash(key);
  if (hash == -1) return -1;
  return AddEntry(s, key, hash);
}

// 1 removed, 0 missing, -1 error.
int DiscardEntry(Set* s, Object* key, int64_t hash) {
  bool err;
  SetEntry* e = FindEntry(s, key, hash, &err);
  if (err) return -1;
  if (e == nullptr) return 0;
  Object* old = e->key;
  e->key = kDummy;
  e->hash = -1;
  s->used--;
  Decref(old);
  return 1;
}

int ContainsEntry(Set* s, Object* key, int64_t hash) {
  bool err;
  SetEntry* e = FindEntry(s, key, hash, &err);
  if (err) return -1;
  return e != nullptr ? 1 : 0;
}

int ContainsKey(Set* s, Object* key) {
  int64_t hash = KeyHash(key);
  if (hash == -1) return -1;
  return ContainsEntry(s, key, hash);
}

void ClearTable(Set* s) {
  SetEntry* table = s->table;
  int64_t size = table == nullptr ? 0 : s->mask + 1;
  s->table = nullptr;
  s->mask = 0;
  s->used = 0;
  s->fill = 0;
  for (int64_t i = 0; i < size; ++i) {
    if (IsLive(table[i])) Decref(table[i].key);
  }
  std::free(table);
}

// The next live entry at or after *pos.
SetEntry* NextEntry(Set* s, int64_t* pos) {
  if (s->table == nullptr) return nullptr;
  int64_t i = *pos;
  while (i <= s->mask && !IsLive(s->table[i])) ++i;
  *pos = i + 1;
  if (i > s->mask) return nullptr;
  return &s->table[i];
}

bool MergeSet(Set* s, Set* other) {
  if (other == s || other->used == 0) return true;
  // A new set starts with CPython's 8-slot table; the size decisions below depend on it.
  if (!EnsureTable(s)) return false;
  if ((s->fill + other->used) * 5 >= s->mask * 3) {
    if (!TableResize(s, (s->used + other->used) * 2)) return false;
  }
  if (s->fill == 0 && s->mask == other->mask && other->fill == other->used) {
    // Same size, no dummies: copy the table as is (keeps CPython's order).
    for (int64_t i = 0; i <= other->mask; ++i) {
      SetEntry& e = other->table[i];
      if (e.key != nullptr) {
        s->table[i].key = NewRef(e.key).release();
        s->table[i].hash = e.hash;
      }
    }
    s->fill = other->fill;
    s->used = other->used;
    return true;
  }
  if (s->fill == 0) {
    for (int64_t i = 0; i <= other->mask; ++i) {
      SetEntry& e = other->table[i];
      if (IsLive(e)) InsertClean(s->table, static_cast<uint64_t>(s->mask), NewRef(e.key).release(), e.hash);
    }
    s->fill = other->used;
    s->used = other->used;
    return true;
  }
  for (int64_t i = 0; other->table != nullptr && i <= other->mask; ++i) {
    SetEntry e = other->table[i];
    if (!IsLive(e)) continue;
    Ref<> key = NewRef(e.key);
    if (AddEntry(s, key.get(), e.hash) < 0) return false;
  }
  return true;
}

bool UpdateInternal(Set* s, Object* other) {
  if (IsAnySet(other)) return MergeSet(s, static_cast<Set*>(other));
  if (!EnsureTable(s)) return false;
  if (IsExactDict(other)) {
    Dict* d = static_cast<Dict*>(other);
    if ((s->fill + d->used) * 5 >= s->mask * 3) {
      if (!TableResize(s, (s->used + d->used) * 2)) return false;
    }
    for (int64_t i = 0; i < d->nentries; ++i) {
      DictEntry e = d->entries[i];
      if (e.key == nullptr) continue;
      Ref<> key = NewRef(e.key);
      if (AddEntry(s, key.get(), e.hash) < 0) return false;
    }
    return true;
  }
  Ref<> it = GetIter(other);
  if (!it) return false;
  while (true) {
    Ref<> key = IterNext(it.get());
    if (!key) return !ErrorOccurred();
    if (AddKey(s, key.get()) < 0) return false;
  }
}

Set* AllocSet(Type* type) { return AllocObject<Set>(type, 0); }

Ref<Set> MakeNewSet(Type* type, Object* iterable) {
  Set* s = AllocSet(type);
  if (s == nullptr) return nullptr;
  Ref<Set> r = StealRef(s);
  if (iterable != nullptr && !UpdateInternal(s, iterable)) return nullptr;
  return r;
}

// set for set and its subclasses, frozenset otherwise (CPython's make_new_set_basetype).
Ref<Set> MakeNewSetBaseType(Type* type, Object* iterable) {
  return MakeNewSet(IsSubtype(type, &SetType) ? &SetType : &FrozenSetType, iterable);
}

Ref<Set> SetCopyOf(Set* s) { return MakeNewSetBaseType(s->type, s); }

// A key lookup that retries a set key as a frozenset (`{1} in {frozenset({1})}`).
template <typename F>
int WithFrozenRetry(Object* key, F f) {
  int r = f(key);
  if (r < 0 && IsAnySet(key) && ErrorMatches(&TypeErrorType)) {
    ClearError();
    Ref<Set> tmp = MakeNewSet(&FrozenSetType, key);
    if (!tmp) return -1;
    r = f(tmp.get());
  }
  return r;
}

// --- set algebra -------------------------------------------------------------------------------

Ref<Set> Intersection(Set* s, Object* other) {
  Ref<Set> result = MakeNewSetBaseType(s->type, nullptr);
  PY_RETURN_IF_NULL(result);
  if (IsAnySet(other)) {
    Set* a = s;
    Set* b = static_cast<Set*>(other);
    if (b->used > a->used) std::swap(a, b);
    int64_t pos = 0;
    while (SetEntry* e = NextEntry(b, &pos)) {
      Ref<> key = NewRef(e->key);
      int64_t hash = e->hash;
      int r = ContainsEntry(a, key.get(), hash);
      if (r < 0) return nullptr;
      if (r > 0 && AddEntry(result.get(), key.get(), hash) < 0) return nullptr;
    }
    return result;
  }
  Ref<> it = GetIter(other);
  PY_RETURN_IF_NULL(it);
  while (true) {
    Ref<> key = IterNext(it.get());
    if (!key) {
      if (ErrorOccurred()) return nullptr;
      return result;
    }
    int64_t hash = KeyHash(key.get());
    if (hash == -1) return nullptr;
    int r = ContainsEntry(s, key.get(), hash);
    if (r < 0) return nullptr;
    if (r > 0 && AddEntry(result.get(), key.get(), hash) < 0) return nullptr;
  }
}

bool DifferenceUpdateInternal(Set* s, Object* other) {
  if (other == s) {
    ClearTable(s);
    return true;
  }
  if (IsAnySet(other)) {
    Ref<> o = NewRef(other);
    if ((static_cast<Set*>(other)->used >> 3) > s->used) {
      o = Intersection(s, other);
      if (!o) return false;
    }
    Set* os = static_cast<Set*>(o.get());
    int64_t pos = 0;
    while (SetEntry* e = NextEntry(os, &pos)) {
      Ref<> key = NewRef(e->key);
      if (DiscardEntry(s, key.get(), e->hash) < 0) return false;
    }
  } else {
    Ref<> it = GetIter(other);
    if (!it) return false;
    while (true) {
      Ref<> key = IterNext(it.get());
      if (!key) {
        if (ErrorOccurred()) return false;
        break;
      }
      int64_t hash = KeyHash(key.get());
      if (hash == -1) return false;
      if (DiscardEntry(s, key.get(), hash) < 0) return false;
    }
  }
  // Squeeze out the dummies when more than a quarter of the table is deleted slots.
  if (s->fill - s->used <= s->mask / 4) return true;
  return TableResize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

Ref<Set> Difference(Set* s, Object* other) {
  // Copy and discard, unless `other` is a set or dict not much smaller than `s`: then build the
  // result from the keys of `s` missing from `other`.
  int64_t other_size = IsAnySet(other)      ? static_cast<Set*>(other)->used
                       : IsExactDict(other) ? static_cast<Dict*>(other)->used
                                            : -1;
  if (other_size < 0 || (s->used >> 2) > other_size) {
    Ref<Set> r = SetCopyOf(s);
    PY_RETURN_IF_NULL(r);
    if (!DifferenceUpdateInternal(r.get(), other)) return nullptr;
    return r;
  }
  Ref<Set> result = MakeNewSetBaseType(s->type, nullptr);
  PY_RETURN_IF_NULL(result);
  int64_t pos = 0;
  while (SetEntry* e = NextEntry(s, &pos)) {
    Ref<> key = NewRef(e->key);
    int64_t hash = e->hash;
    int r;
    if (IsAnySet(other)) {
      r = ContainsEntry(static_cast<Set*>(other), key.get(), hash);
    } else {
      Object* v = DictGetItemHash(static_cast<Dict*>(other), key.get(), hash);
      r = v != nullptr ? 1 : ErrorOccurred() ? -1 : 0;
    }
    if (r < 0) return nullptr;
    if (r == 0 && AddEntry(result.get(), key.get(), hash) < 0) return nullptr;
  }
  return result;
}

bool SymmetricDifferenceUpdate(Set* s, Object* other) {
  if (other == s) {
    ClearTable(s);
    return true;
  }
  Ref<Set> otherset;
  if (IsAnySet(other)) {
    otherset = NewRef(static_cast<Set*>(other));
  } else {
    otherset = MakeNewSetBaseType(s->type, other);
    if (!otherset) return false;
  }
  int64_t pos = 0;
  while (SetEntry* e = NextEntry(otherset.get(), &pos)) {
    Ref<> key = NewRef(e->key);
    int64_t hash = e->hash;
    int r = DiscardEntry(s, key.get(), hash);
    if (r < 0) return false;
    if (r == 0 && AddEntry(s, key.get(), hash) < 0) return false;
  }
  return true;
}

Ref<Set> SymmetricDifference(Set* s, Object* other) {
  Ref<Set> r = MakeNewSetBaseType(s->type, other);
  PY_RETURN_IF_NULL(r);
  if (!SymmetricDifferenceUpdate(r.get(), s)) return nullptr;
  return r;
}

// 1 / 0 / -1.
int IsSubset(Set* s, Object* other) {
  if (!IsAnySet(other)) {
    Ref<Set> tmp = MakeNewSet(&SetType, other);
    if (!tmp) return -1;
    return IsSubset(s, tmp.get());
  }
  Set* o = static_cast<Set*>(other);
  if (s->used > o->used) return 0;
  int64_t pos = 0;
  while (SetEntry* e = NextEntry(s, &pos)) {
    Ref<> key = NewRef(e->key);
    int r = ContainsEntry(o, key.get(), e->hash);
    if (r <= 0) return r;
  }
  return 1;
}

int IsSuperset(Set* s, Object* other) {
  if (IsAnySet(other)) return IsSubset(static_cast<Set*>(other), s);
  Ref<> it = GetIter(other);
  if (!it) return -1;
  while (true) {
    Ref<> key = IterNext(it.get());
    if (!key) return ErrorOccurred() ? -1 : 1;
    int r = ContainsKey(s, key.get());
    if (r <= 0) return r;
  }
}

// --- slots -------------------------------------------------------------------------------------

void SetTraverse(Object* o, VisitFn visit, void* arg) {
  Set* s = static_cast<Set*>(o);
  if (s->table == nullptr) return;
  for (int64_t i = 0; i <= s->mask; ++i) {
    if (IsLive(s->table[i])) visit(s->table[i].key, arg);
  }
}

void SetClearSlot(Object* o) { ClearTable(static_cast<Set*>(o)); }

Ref<> SetRepr(Object* o) {
  Set* s = static_cast<Set*>(o);
  const char* name = TypeNameOf(o);
  if (s->used == 0) return NewStr(std::string(name) + "()");
  ReprGuard guard(o);
  if (guard.state() != 0) {
    return guard.state() > 0 ? Ref<>(NewStr(std::string(name) + "(...)")) : nullptr;
  }
  Ref<> keys = SequenceList(o);
  PY_RETURN_IF_NULL(keys);
  Ref<> lr = Repr(keys.get());
  PY_RETURN_IF_NULL(lr);
  std::string_view l = StrUtf8(static_cast<Str*>(lr.get()));
  std::string body = "{" + std::string(l.substr(1, l.size() - 2)) + "}";
  if (o->type == &SetType) return NewStr(body);
  return NewStr(std::string(name) + "(" + body + ")");
}

int64_t SetLength(Object* o) { return static_cast<Set*>(o)->used; }

int SetContainsSlot(Object* o, Object* key) {
  Set* s = static_cast<Set*>(o);
  return WithFrozenRetry(key, [s](Object* k) { return ContainsKey(s, k); });
}

Ref<> SetRichCompare(Object* a, Object* b, CompareOp op) {
  if (!IsAnySet(b)) return NewNotImplemented();
  Set* s = static_cast<Set*>(a);
  Set* o = static_cast<Set*>(b);
  int r = 0;
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNe:
      if (s->used != o->used) {
        r = 0;
      } else if (s->hash != -1 && o->hash != -1 && s->hash != o->hash) {
        r = 0;
      } else {
        r = IsSubset(s, b);
      }
      if (r >= 0 && op == CompareOp::kNe) r = !r;
      break;
    case CompareOp::kLe: r = IsSubset(s, b); break;
    case CompareOp::kGe: r = IsSuperset(s, b); break;
    case CompareOp::kLt: r = s->used < o->used ? IsSubset(s, b) : 0; break;
    case CompareOp::kGt: r = s->used > o->used ? IsSuperset(s, b) : 0; break;
  }
  if (r < 0) return nullptr;
  return NewBool(r != 0);
}

uint64_t ShuffleBits(uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; }

int64_t FrozenSetHash(Object* o) {
  Set* s = static_cast<Set*>(o);
  if (s->hash != -1) return s->hash;
  uint64_t hash = 0;
  int64_t pos = 0;
  while (SetEntry* e = NextEntry(s, &pos)) hash ^= ShuffleBits(static_cast<uint64_t>(e->hash));
  hash ^= (static_cast<uint64_t>(s->used) + 1) * 1927868237ULL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923ULL;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713ULL;
  s->hash = static_cast<int64_t>(hash);
  return s->hash;
}

Ref<> SetIterOf(Object* o) {
  if (!EnsureReady(&SetIterType)) return nullptr;
  SetIter* it = AllocObject<SetIter>(&SetIterType, 0);
  if (it == nullptr) return nullptr;
  Set* s = static_cast<Set*>(o);
  it->set = NewRef(o).release();
  it->used = s->used;
  it->pos = 0;
  it->remaining = s->used;
  return StealRef<Object>(it);
}

Ref<> SetOr(Object* a, Object* b) {
  if (!IsAnySet(a) || !IsAnySet(b)) return NewNotImplemented();
  Ref<Set> r = SetCopyOf(static_cast<Set*>(a));
  PY_RETURN_IF_NULL(r);
  if (a != b && !UpdateInternal(r.get(), b)) return nullptr;
  return r;
}
Ref<> SetAnd(Object* a, Object* b) {
  if (!IsAnySet(a) || !IsAnySet(b)) return NewNotImplemented();
  return Intersection(static_cast<Set*>(a), b);
}
Ref<> SetSub(Object* a, Object* b) {
  if (!IsAnySet(a) || !IsAnySet(b)) return NewNotImplemented();
  return Difference(static_cast<Set*>(a), b);
}
Ref<> SetXor(Object* a, Object* b) {
  if (!IsAnySet(a) || !IsAnySet(b)) return NewNotImplemented();
  return SymmetricDifference(static_cast<Set*>(a), b);
}
Ref<> SetIor(Object* a, Object* b) {
  if (!IsAnySet(b)) return NewNotImplemented();
  if (!UpdateInternal(static_cast<Set*>(a), b)) return nullptr;
  return NewRef(a);
}
// Replaces the contents of `s` by those of `t` (swapping tables), as set_swap_bodies.
void SwapBodies(Set* s, Set* t) {
  std::swap(s->table, t->table);
  std::swap(s->mask, t->mask);
  std::swap(s->used, t->used);
  std::swap(s->fill, t->fill);
  std::swap(s->hash, t->hash);
}
Ref<> SetIand(Object* a, Object* b) {
  if (!IsAnySet(b)) return NewNotImplemented();
  Ref<Set> tmp = Intersection(static_cast<Set*>(a), b);
  PY_RETURN_IF_NULL(tmp);
  SwapBodies(static_cast<Set*>(a), tmp.get());
  return NewRef(a);
}
Ref<> SetIsub(Object* a, Object* b) {
  if (!IsAnySet(b)) return NewNotImplemented();
  if (!DifferenceUpdateInternal(static_cast<Set*>(a), b)) return nullptr;
  return NewRef(a);
}
Ref<> SetIxor(Object* a, Object* b) {
  if (!IsAnySet(b)) return NewNotImplemented();
  if (!SymmetricDifferenceUpdate(static_cast<Set*>(a), b)) return nullptr;
  return NewRef(a);
}

Ref<> SetNewSlot(Type* type, Object* const*, size_t, Tuple* kwnames) {
  if (type == &SetType && !CheckNoKwargs("set", kwnames)) return nullptr;
  Set* s = AllocSet(type);
  if (s == nullptr) return nullptr;
  return StealRef<Object>(s);
}

int SetInitSlot(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (self->type == &SetType && !CheckNoKwargs("set", kwnames)) return -1;
  if (!CheckPositional("set", nargs, 0, 1)) return -1;
  Set* s = static_cast<Set*>(self);
  if (s->fill > 0) ClearTable(s);
  s->hash = -1;
  if (nargs == 1 && !UpdateInternal(s, args[0])) return -1;
  return 0;
}

Ref<> FrozenSetNewSlot(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (type == &FrozenSetType && !CheckNoKwargs("frozenset", kwnames)) return nullptr;
  if (!CheckPositional("frozenset", nargs, 0, 1)) return nullptr;
  if (type == &FrozenSetType && nargs == 1 && args[0]->type == &FrozenSetType) {
    return NewRef(args[0]);
  }
  return MakeNewSet(type, nargs == 1 ? args[0] : nullptr);
}

// --- methods -----------------------------------------------------------------------------------

Set* AsSet(Object* o) { return static_cast<Set*>(o); }

Ref<> SetAddMethod(Object* self, Object* const* args, size_t, Tuple*) {
  if (AddKey(AsSet(self), args[0]) < 0) return nullptr;
  return NewNone();
}

Ref<> SetClearMethod(Object* self, Object* const*, size_t, Tuple*) {
  ClearTable(AsSet(self));
  return NewNone();
}

Ref<> SetCopyMethod(Object* self, Object* const*, size_t, Tuple*) {
  return SetCopyOf(AsSet(self));
}

Ref<> FrozenSetCopyMethod(Object* self, Object* const*, size_t, Tuple*) {
  if (self->type == &FrozenSetType) return NewRef(self);
  return SetCopyOf(AsSet(self));
}

// discard/remove: 1 removed, 0 missing, -1 error (a set key is retried as a frozenset).
int DiscardKey(Object* self, Object* key) {
  Set* s = AsSet(self);
  return WithFrozenRetry(key, [s](Object* k) {
    int64_t hash = KeyHash(k);
    if (hash == -1) return -1;
    return DiscardEntry(s, k, hash);
  });
}

Ref<> SetDiscardMethod(Object* self, Object* const* args, size_t, Tuple*) {
  if (DiscardKey(self, args[0]) < 0) return nullptr;
  return NewNone();
}

Ref<> SetRemoveMethod(Object* self, Object* const* args, size_t, Tuple*) {
  int r = DiscardKey(self, args[0]);
  if (r < 0) return nullptr;
  if (r == 0) {
    SetErrorWithValue(&KeyErrorType, args[0]);
    return nullptr;
  }
  return NewNone();
}

Ref<> SetPopMethod(Object* self, Object* const*, size_t, Tuple*) {
  Set* s = AsSet(self);
  if (s->used == 0) {
    SetError(&KeyErrorType, "pop from an empty set");
    return nullptr;
  }
  int64_t i = s->finger & s->mask;
  while (!IsLive(s->table[i])) {
    ++i;
    if (i > s->mask) i = 0;
  }
  Object* key = s->table[i].key;
  s->table[i].key = kDummy;
  s->table[i].hash = -1;
  s->used--;
  s->finger = i + 1;
  return StealRef(key);
}

Ref<> SetUpdateMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  for (size_t i = 0; i < nargs; ++i) {
    if (!UpdateInternal(AsSet(self), args[i])) return nullptr;
  }
  return NewNone();
}

Ref<> SetUnionMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  Ref<Set> r = SetCopyOf(AsSet(self));
  PY_RETURN_IF_NULL(r);
  for (size_t i = 0; i < nargs; ++i) {
    if (args[i] == self) continue;
    if (!UpdateInternal(r.get(), args[i])) return nullptr;
  }
  return r;
}

Ref<Set> IntersectionMulti(Object* self, Object* const* args, size_t nargs) {
  if (nargs == 0) return SetCopyOf(AsSet(self));
  Ref<Set> r = NewRef(AsSet(self));
  for (size_t i = 0; i < nargs; ++i) {
    r = Intersection(r.get(), args[i]);
    PY_RETURN_IF_NULL(r);
  }
  return r;
}

Ref<> SetIntersectionMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return IntersectionMulti(self, args, nargs);
}

Ref<> SetIntersectionUpdateMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  Ref<Set> tmp = IntersectionMulti(self, args, nargs);
  PY_RETURN_IF_NULL(tmp);
  SwapBodies(AsSet(self), tmp.get());
  return NewNone();
}

Ref<> SetDifferenceMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (nargs == 0) return SetCopyOf(AsSet(self));
  Ref<Set> r = Difference(AsSet(self), args[0]);
  PY_RETURN_IF_NULL(r);
  for (size_t i = 1; i < nargs; ++i) {
    if (!DifferenceUpdateInternal(r.get(), args[i])) return nullptr;
  }
  return r;
}

Ref<> SetDifferenceUpdateMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  for (size_t i = 0; i < nargs; ++i) {
    if (!DifferenceUpdateInternal(AsSet(self), args[i])) return nullptr;
  }
  return NewNone();
}

Ref<> SetSymDiffMethod(Object* self, Object* const* args, size_t, Tuple*) {
  return SymmetricDifference(AsSet(self), args[0]);
}

Ref<> SetSymDiffUpdateMethod(Object* self, Object* const* args, size_t, Tuple*) {
  if (!SymmetricDifferenceUpdate(AsSet(self), args[0])) return nullptr;
  return NewNone();
}

Ref<> SetIsSubsetMethod(Object* self, Object* const* args, size_t, Tuple*) {
  int r = IsSubset(AsSet(self), args[0]);
  if (r < 0) return nullptr;
  return NewBool(r != 0);
}

Ref<> SetIsSupersetMethod(Object* self, Object* const* args, size_t, Tuple*) {
  int r = IsSuperset(AsSet(self), args[0]);
  if (r < 0) return nullptr;
  return NewBool(r != 0);
}

Ref<> SetIsDisjointMethod(Object* self, Object* const* args, size_t, Tuple*) {
  Set* s = AsSet(self);
  Object* other = args[0];
  if (other == self) return NewBool(s->used == 0);
  if (IsAnySet(other)) {
    Set* a = s;
    Set* b = static_cast<Set*>(other);
    if (b->used > a->used) std::swap(a, b);
    int64_t pos = 0;
    while (SetEntry* e = NextEntry(b, &pos)) {
      Ref<> key = NewRef(e->key);
      int r = ContainsEntry(a, key.get(), e->hash);
      if (r < 0) return nullptr;
      if (r > 0) return NewBool(false);
    }
    return NewBool(true);
  }
  Ref<> it = GetIter(other);
  PY_RETURN_IF_NULL(it);
  while (true) {
    Ref<> key = IterNext(it.get());
    if (!key) {
      if (ErrorOccurred()) return nullptr;
      return NewBool(true);
    }
    int r = ContainsKey(s, key.get());
    if (r < 0) return nullptr;
    if (r > 0) return NewBool(false);
  }
}

Ref<> SetReduceMethod(Object* self, Object* const*, size_t, Tuple*) {
  Ref<> keys = SequenceList(self);
  PY_RETURN_IF_NULL(keys);
  Ref<Tuple> args = NewTupleFrom({keys.get()});
  PY_RETURN_IF_NULL(args);
  static Str* dict_name = InternStr("__dict__");
  Ref<> state = LookupAttr(self, dict_name);
  if (!state) {
    if (ErrorOccurred()) return nullptr;
    state = NewNone();
  }
  return NewTupleFrom({self->type, args.get(), state.get()});
}

// --- iterator ----------------------------------------------------------------------------------

Ref<> SetIterNext(Object* o) {
  SetIter* it = static_cast<SetIter*>(o);
  Set* s = static_cast<Set*>(it->set);
  if (s == nullptr) return nullptr;
  if (it->used != s->used) {
    SetError(&RuntimeErrorType, "Set changed size during iteration");
    it->used = -1;
    return nullptr;
  }
  SetEntry* e = NextEntry(s, &it->pos);
  if (e == nullptr) {
    it->set = nullptr;
    Decref(s);
    return nullptr;
  }
  it->remaining--;
  return NewRef(e->key);
}
Ref<> SetIterLengthHint(Object* self, Object* const*, size_t, Tuple*) {
  SetIter* it = static_cast<SetIter*>(self);
  Set* s = static_cast<Set*>(it->set);
  if (s == nullptr || it->used != s->used) return NewSize(0);
  return NewSize(it->remaining);
}

const MethodDef kSetMethods[] = {
    {"add", &SetAddMethod, kMethO},
    {"clear", &SetClearMethod, kMethNoArgs},
    {"copy", &SetCopyMethod, kMethNoArgs},
    {"discard", &SetDiscardMethod, kMethO},
    {"pop", &SetPopMethod, kMethNoArgs},
    {"remove", &SetRemoveMethod, kMethO},
    {"update", &SetUpdateMethod, kMethFastcall},
    {"union", &SetUnionMethod, kMethFastcall},
    {"intersection", &SetIntersectionMethod, kMethFastcall},
    {"intersection_update", &SetIntersectionUpdateMethod, kMethFastcall},
    {"difference", &SetDifferenceMethod, kMethFastcall},
    {"difference_update", &SetDifferenceUpdateMethod, kMethFastcall},
    {"symmetric_difference", &SetSymDiffMethod, kMethO},
    {"symmetric_difference_update", &SetSymDiffUpdateMethod, kMethO},
    {"issubset", &SetIsSubsetMethod, kMethO},
    {"issuperset", &SetIsSupersetMethod, kMethO},
    {"isdisjoint", &SetIsDisjointMethod, kMethO},
    {"__reduce__", &SetReduceMethod, kMethNoArgs},
    {"__class_getitem__", &ContainerClassGetItem, kMethO | kMethClass},
    {nullptr, nullptr, 0}};

const MethodDef kFrozenSetMethods[] = {
    {"copy", &FrozenSetCopyMethod, kMethNoArgs},
    {"union", &SetUnionMethod, kMethFastcall},
    {"intersection", &SetIntersectionMethod, kMethFastcall},
    {"difference", &SetDifferenceMethod, kMethFastcall},
    {"symmetric_difference", &SetSymDiffMethod, kMethO},
    {"issubset", &SetIsSubsetMethod, kMethO},
    {"issuperset", &SetIsSupersetMethod, kMethO},
    {"isdisjoint", &SetIsDisjointMethod, kMethO},
    {"__reduce__", &SetReduceMethod, kMethNoArgs},
    {"__class_getitem__", &ContainerClassGetItem, kMethO | kMethClass},
    {nullptr, nullptr, 0}};

const MethodDef kSetIterMethods[] = {
    {"__length_hint__", &SetIterLengthHint, kMethNoArgs}, {nullptr, nullptr, 0}};

void SetDealloc(Object* o) {
  if (TrashcanBegin(o, &SetDealloc)) return;
  GcUntrack(o);
  if (static_cast<Set*>(o)->weaklist != nullptr) ClearWeakrefs(o);
  static_cast<Set*>(o)->~Set();
  FreeObject(o);
  TrashcanEnd();
}

void FillCommonSlots(Type* t) {
  t->dealloc = &SetDealloc;
  t->traverse = &SetTraverse;
  t->clear = &SetClearSlot;
  t->repr = &SetRepr;
  t->richcompare = &SetRichCompare;
  t->iter = &SetIterOf;
  t->length = &SetLength;
  t->contains = &SetContainsSlot;
  t->nb_or = &SetOr;
  t->nb_and = &SetAnd;
  t->nb_subtract = &SetSub;
  t->nb_xor = &SetXor;
}

}  // namespace

Set::~Set() { ClearTable(this); }

Ref<Set> NewSet(Object* iterable) { return MakeNewSet(&SetType, iterable); }
Ref<Set> NewFrozenSet(Object* iterable) { return MakeNewSet(&FrozenSetType, iterable); }

int SetAdd(Set* s, Object* key) { return AddKey(s, key); }

int SetContains(Set* s, Object* key) { return ContainsKey(s, key); }

int SetDiscard(Set* s, Object* key) {
  int64_t hash = KeyHash(key);
  if (hash == -1) return -1;
  return DiscardEntry(s, key, hash);
}

bool SetNext(Set* s, int64_t* pos, Object** key) {
  SetEntry* e = NextEntry(s, pos);
  if (e == nullptr) return false;
  *key = e->key;
  return true;
}

bool SetUpdate(Set* s, Object* iterable) { return UpdateInternal(s, iterable); }

bool SetUpdateFromIterable(Object* set, Object* iterable) {
  return UpdateInternal(static_cast<Set*>(set), iterable);
}

// The byte offset of Set::weaklist (offsetof on a struct derived from Object is only
// conditionally supported, so it is computed from an instance address).
int32_t WeaklistOffset() {
  alignas(Set) static char storage[sizeof(Set)];
  Set* s = reinterpret_cast<Set*>(storage);
  return static_cast<int32_t>(reinterpret_cast<char*>(&s->weaklist) - storage);
}

void InitSetTypes() {
  InitStaticType(&SetType, {.name = "set",
                            .basicsize = sizeof(Set),
                            .flags = kBaseType | kHaveGc | kSetSubclass,
                            .methods = kSetMethods});
  FillCommonSlots(&SetType);
  SetType.weaklist_offset = WeaklistOffset();
  SetType.new_ = &SetNewSlot;
  SetType.init = &SetInitSlot;
  SetType.nb_inplace_or = &SetIor;
  SetType.nb_inplace_and = &SetIand;
  SetType.nb_inplace_subtract = &SetIsub;
  SetType.nb_inplace_xor = &SetIxor;

  InitStaticType(&FrozenSetType, {.name = "frozenset",
                                  .basicsize = sizeof(Set),
                                  .flags = kBaseType | kHaveGc | kSetSubclass,
                                  .methods = kFrozenSetMethods});
  FillCommonSlots(&FrozenSetType);
  FrozenSetType.weaklist_offset = WeaklistOffset();
  FrozenSetType.new_ = &FrozenSetNewSlot;
  FrozenSetType.hash = &FrozenSetHash;

  InitStaticType(&SetIterType, {.name = "set_iterator",
                                .basicsize = sizeof(SetIter),
                                .flags = kHaveGc,
                                .methods = kSetIterMethods});
  SetOneRefGcSlots<SetIter, &SetIter::set>(&SetIterType);
  SetIterType.iter = &SelfIter;
  SetIterType.iternext = &SetIterNext;
}

}  // namespace pyrite::vm
