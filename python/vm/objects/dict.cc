// dict: the compact ordered hash table (dict.h describes the layout), the C++ API the rest of the
// VM uses, the dict type's slots and methods. Views and iterators are in dict_views.cc.
//
// Layout: `index` holds 2**log2_index_size slots of 1, 2, 4 or 8 bytes (the smallest width that
// can hold an entry number); each slot is kEmpty, kDummy (a deleted entry: probing continues past
// it) or the position of an entry in `entries`. Entries are appended in insertion order; deleting
// leaves a hole (key null) that the next resize squeezes out. At most 2/3 of the index is used.
#include "python/vm/objects/dict.h"

#include <cstdlib>
#include <cstring>
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/containers_internal.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/repr_guard.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/trashcan.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"

namespace pyrite::vm {

Type DictType;
// Instances may be allocated before Init*Type runs (start-up order); they must get a GcHead like
// every later instance, so the flag is set during static initialisation already.
[[maybe_unused]] static const bool dict_gc_flag = (DictType.flags |= kHaveGc, true);

namespace {

constexpr int64_t kEmpty = -1;
constexpr int64_t kDummy = -2;
constexpr int64_t kError = -3;
constexpr uint8_t kMinLog2 = 3;

// Versions come from one counter shared by all dicts, so that a cache keyed by a dict's address
// and version cannot be fooled by another dict later allocated at the same address.
uint64_t dict_version_counter = 0;
uint64_t NextDictVersion() { return ++dict_version_counter; }

int64_t IndexSize(const Dict* d) { return d->index == nullptr ? 0 : int64_t{1} << d->log2_index_size; }
int64_t Usable(int64_t size) { return (size << 1) / 3; }

int64_t GetIndex(const Dict* d, int64_t i) {
  uint8_t l = d->log2_index_size;
  if (l < 8) return static_cast<const int8_t*>(d->index)[i];
  if (l < 16) return static_cast<const int16_t*>(d->index)[i];
  if (l < 32) return static_cast<const int32_t*>(d->index)[i];
  return static_cast<const int64_t*>(d->index)[i];
}

void SetIndex(Dict* d, int64_t i, int64_t ix) {
  uint8_t l = d->log2_index_size;
  if (l < 8) {
    static_cast<int8_t*>(d->index)[i] = static_cast<int8_t>(ix);
  } else if (l < 16) {
    static_cast<int16_t*>(d->index)[i] = static_cast<int16_t>(ix);
  } else if (l < 32) {
    static_cast<int32_t*>(d->index)[i] = static_cast<int32_t>(ix);
  } else {
    static_cast<int64_t*>(d->index)[i] = ix;
  }
}

size_t IndexBytes(uint8_t log2) {
  size_t width = log2 < 8 ? 1 : log2 < 16 ? 2 : log2 < 32 ? 4 : 8;
  return width << log2;
}

int64_t KeyHash(Object* key) {
  if (IsExactStr(key)) return StrHash(static_cast<Str*>(key));
  return Hash(key);
}

// Finds the index slot that an entry with `hash` can take (empty or dummy).
int64_t FindEmptySlot(Dict* d, int64_t hash) {
  uint64_t mask = static_cast<uint64_t>(IndexSize(d)) - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (GetIndex(d, static_cast<int64_t>(i)) >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  return static_cast<int64_t>(i);
}

// Rebuilds the table with an index of 2**log2 slots, compacting the entries.
bool Resize(Dict* d, uint8_t log2) {
  if (log2 < kMinLog2) log2 = kMinLog2;
  int64_t size = int64_t{1} << log2;
  int64_t cap = Usable(size);
  void* index = std::malloc(IndexBytes(log2));
  DictEntry* entries = static_cast<DictEntry*>(std::malloc(static_cast<size_t>(cap) * sizeof(DictEntry)));
  if (index == nullptr || entries == nullptr) {
    std::free(index);
    std::free(entries);
    SetNoMemory();
    return false;
  }
  std::memset(index, 0xff, IndexBytes(log2));  // every slot kEmpty (-1)
  int64_t n = 0;
  for (int64_t i = 0; i < d->nentries; ++i) {
    if (d->entries[i].key != nullptr) entries[n++] = d->entries[i];
  }
  std::free(d->index);
  std::free(d->entries);
  d->index = index;
  d->entries = entries;
  d->log2_index_size = log2;
  d->entries_cap = cap;
  d->nentries = n;
  for (int64_t i = 0; i < n; ++i) SetIndex(d, FindEmptySlot(d, entries[i].hash), i);
  return true;
}

uint8_t Log2For(int64_t minsize) {
  uint8_t l = kMinLog2;
  while ((int64_t{1} << l) < minsize) ++l;
  return l;
}

// Looks `key` up. Returns the entry number (>= 0), kEmpty when missing, or kError. *slot gets the
// index slot of the entry when found.
int64_t Lookup(Dict* d, Object* key, int64_t hash, int64_t* slot = nullptr) {
restart:
  if (d->index == nullptr) return kEmpty;
  uint64_t mask = static_cast<uint64_t>(IndexSize(d)) - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (true) {
    int64_t ix = GetIndex(d, static_cast<int64_t>(i));
    if (ix == kEmpty) return kEmpty;
    if (ix >= 0) {
      DictEntry* e = &d->entries[ix];
      if (e->key == key) {
        if (slot != nullptr) *slot = static_cast<int64_t>(i);
        return ix;
      }
      if (e->hash == hash) {
        Object* start_key = e->key;
        DictEntry* start_entries = d->entries;
        bool both_str = IsExactStr(start_key) && IsExactStr(key);
        int cmp;
        if (both_str) {
          cmp = StrEqual(static_cast<Str*>(start_key), static_cast<Str*>(key)) ? 1 : 0;
        } else {
          Incref(start_key);
          cmp = RichCompareBool(start_key, key, CompareOp::kEq);
          Decref(start_key);
        }
        if (cmp < 0) return kError;
        // __eq__ may have mutated the dict: start again, as CPython does.
        if (d->entries != start_entries || d->index == nullptr || ix >= d->nentries ||
            d->entries[ix].key != start_key) {
          goto restart;
        }
        if (cmp > 0) {
          if (slot != nullptr) *slot = static_cast<int64_t>(i);
          return ix;
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// Inserts or replaces; steals nothing (increfs key and value).
int Insert(Dict* d, Object* key, int64_t hash, Object* value) {
  Ref<> key_ref = NewRef(key);
  Ref<> value_ref = NewRef(value);
  int64_t ix = Lookup(d, key, hash);
  if (ix == kError) return -1;
  if (ix >= 0) {
    Object* old = d->entries[ix].value;
    d->entries[ix].value = value_ref.release();
    Decref(old);
    return 0;
  }
  if (d->index == nullptr || d->nentries >= d->entries_cap) {
    if (!Resize(d, Log2For(d->used * 3 < 8 ? 8 : d->used * 3))) return -1;
  }
  int64_t slot = FindEmptySlot(d, hash);
  int64_t n = d->nentries;
  d->entries[n] = {hash, key_ref.release(), value_ref.release()};
  SetIndex(d, slot, n);
  d->nentries = n + 1;
  d->used++;
  d->version = NextDictVersion();
  return 0;
}

// Removes the entry found at entry `ix` / index `slot`; the caller owns the returned key/value.
void RemoveAt(Dict* d, int64_t ix, int64_t slot, Object** key, Object** value) {
  DictEntry* e = &d->entries[ix];
  *key = e->key;
  *value = e->value;
  e->key = nullptr;
  e->value = nullptr;
  SetIndex(d, slot, kDummy);
  d->used--;
  d->version = NextDictVersion();
}

void DictDealloc(Object* o) {
  if (TrashcanBegin(o, &DictDealloc)) return;
  DestroyObject<Dict>(o);
  TrashcanEnd();
}

void DictTraverse(Object* o, VisitFn visit, void* arg) {
  Dict* d = static_cast<Dict*>(o);
  for (int64_t i = 0; i < d->nentries; ++i) {
    DictEntry* e = &d->entries[i];
    if (e->key != nullptr) {
      visit(e->key, arg);
      if (e->value != nullptr) visit(e->value, arg);
    }
  }
}

void DictClearSlot(Object* o) { DictClear(static_cast<Dict*>(o)); }

Ref<> DictRepr(Object* o) {
  Dict* d = static_cast<Dict*>(o);
  if (d->used == 0) return NewStr("{}");
  ReprGuard guard(o);
  if (guard.state() != 0) return guard.state() > 0 ? Ref<>(NewStr("{...}")) : nullptr;
  StrBuilder b;
  b.Append(U'{');
  bool first = true;
  for (int64_t i = 0; i < d->nentries; ++i) {
    if (d->entries[i].key == nullptr) continue;
    Ref<> key = NewRef(d->entries[i].key);
    Ref<> value = NewRef(d->entries[i].value);
    if (!first) b.AppendAscii(", ");
    first = false;
    if (!EnterRecursiveCall(" while getting the repr of an object")) return nullptr;
    Ref<> kr = Repr(key.get());
    if (!kr) {
      LeaveRecursiveCall();
      return nullptr;
    }
    b.Append(static_cast<Str*>(kr.get()));
    b.AppendAscii(": ");
    Ref<> vr = Repr(value.get());
    LeaveRecursiveCall();
    if (!vr) return nullptr;
    b.Append(static_cast<Str*>(vr.get()));
  }
  b.Append(U'}');
  return b.Finish();
}

// 1 equal, 0 not, -1 error.
int DictEqual(Dict* a, Dict* b) {
  if (a->used != b->used) return 0;
  for (int64_t i = 0; i < a->nentries; ++i) {
    if (i >= a->nentries) break;
    DictEntry* e = &a->entries[i];
    if (e->key == nullptr) continue;
    Ref<> key = NewRef(e->key);
    Ref<> avalue = NewRef(e->value);
    int64_t hash = e->hash;
    int64_t ix = Lookup(b, key.get(), hash);
    if (ix == kError) return -1;
    if (ix < 0) return 0;
    Ref<> bvalue = NewRef(b->entries[ix].value);
    int cmp = RichCompareBool(avalue.get(), bvalue.get(), CompareOp::kEq);
    if (cmp <= 0) return cmp;
  }
  return 1;
}

Ref<> DictRichCompare(Object* a, Object* b, CompareOp op) {
  if (!IsDict(a) || !IsDict(b) || (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return NewNotImplemented();
  }
  int r = DictEqual(static_cast<Dict*>(a), static_cast<Dict*>(b));
  if (r < 0) return nullptr;
  return NewBool((r == 1) == (op == CompareOp::kEq));
}

int64_t DictLength(Object* o) { return static_cast<Dict*>(o)->used; }

Ref<> DictSubscript(Object* o, Object* key) {
  Dict* d = static_cast<Dict*>(o);
  int64_t hash = KeyHash(key);
  if (hash == -1) return nullptr;
  int64_t ix = Lookup(d, key, hash);
  if (ix == kError) return nullptr;
  if (ix >= 0) return NewRef(d->entries[ix].value);
  if (!IsExactDict(o)) {
    static Str* missing = InternStr("__missing__");
    Ref<> method = LookupSpecial(o, missing);
    if (method) return CallOneArg(method.get(), key);
    if (ErrorOccurred()) return nullptr;
  }
  SetErrorWithValue(&KeyErrorType, key);
  return nullptr;
}

int DictAssSubscript(Object* o, Object* key, Object* value) {
  Dict* d = static_cast<Dict*>(o);
  if (value != nullptr) return DictSetItem(d, key, value);
  int r = DictDelItem(d, key);
  if (r == 0) {
    SetErrorWithValue(&KeyErrorType, key);
    return -1;
  }
  return r < 0 ? -1 : 0;
}

int DictContains(Object* o, Object* key) {
  int64_t hash = KeyHash(key);
  if (hash == -1) return -1;
  int64_t ix = Lookup(static_cast<Dict*>(o), key, hash);
  if (ix == kError) return -1;
  return ix >= 0 ? 1 : 0;
}

Ref<> DictIterOf(Object* o) { return NewDictIter(o, kDictKeys, false); }

Ref<> DictOr(Object* a, Object* b) {
  if (!IsDict(a) || !IsDict(b)) return NewNotImplemented();
  Ref<Dict> r = DictCopy(static_cast<Dict*>(a));
  PY_RETURN_IF_NULL(r);
  if (!DictMerge(r.get(), b, true)) return nullptr;
  return r;
}

Ref<> DictInplaceOr(Object* a, Object* b) {
  if (!DictUpdate(static_cast<Dict*>(a), b)) return nullptr;
  return NewRef(a);
}

Ref<> DictNew(Type* type, Object* const*, size_t, Tuple*) {
  Dict* d = AllocObject<Dict>(type, 0);
  if (d == nullptr) return nullptr;
  return StealRef<Object>(d);
}

// dict(arg, **kwargs) / d.update(arg, **kwargs).
bool UpdateCommon(Dict* d, const char* name, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (nargs > 1) {
    SetErrorF(&TypeErrorType, "%s expected at most 1 argument, got %zu", name, nargs);
    return false;
  }
  if (nargs == 1 && !DictUpdate(d, args[0])) return false;
  if (kwnames != nullptr) {
    for (int64_t i = 0; i < kwnames->size; ++i) {
      if (DictSetItem(d, kwnames->items[i], args[nargs + static_cast<size_t>(i)]) < 0) {
        return false;
      }
    }
  }
  return true;
}

int DictInitSlot(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  return UpdateCommon(static_cast<Dict*>(self), "dict", args, nargs, kwnames) ? 0 : -1;
}

// d.update(seq) for an iterable of pairs.
bool MergeFromSeq2(Dict* d, Object* seq) {
  Ref<> it = GetIter(seq);
  if (!it) return false;
  for (int64_t i = 0;; ++i) {
    Ref<> item = IterNext(it.get());
    if (!item) return !ErrorOccurred();
    Ref<> fast;
    if (IsList(item.get()) || IsTuple(item.get())) {
      fast = item;
    } else {
      fast = SequenceTuple(item.get());
      if (!fast) {
        if (ErrorMatches(&TypeErrorType)) {
          SetErrorF(&TypeErrorType,
                    "cannot convert dictionary update sequence element #%lld to a sequence",
                    static_cast<long long>(i));
        }
        return false;
      }
    }
    int64_t n = Length(fast.get());
    if (n < 0) return false;
    if (n != 2) {
      SetErrorF(&ValueErrorType,
                "dictionary update sequence element #%lld has length %lld; 2 is required",
                static_cast<long long>(i), static_cast<long long>(n));
      return false;
    }
    Object** items = IsList(fast.get()) ? static_cast<List*>(fast.get())->items
                                        : static_cast<Tuple*>(fast.get())->items;
    Ref<> key = NewRef(items[0]);
    Ref<> value = NewRef(items[1]);
    if (DictSetItem(d, key.get(), value.get()) < 0) return false;
  }
}

// --- methods -----------------------------------------------------------------------------------

Ref<> DictKeysMethod(Object* self, Object* const*, size_t, Tuple*) {
  return NewDictView(self, kDictKeys);
}
Ref<> DictValuesMethod(Object* self, Object* const*, size_t, Tuple*) {
  return NewDictView(self, kDictValues);
}
Ref<> DictItemsMethod(Object* self, Object* const*, size_t, Tuple*) {
  return NewDictView(self, kDictItems);
}

Ref<> DictGetMethod(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("get", kwnames)) return nullptr;
  if (!CheckPositional("get", nargs, 1, 2)) return nullptr;
  Object* v = DictGetItem(static_cast<Dict*>(self), args[0]);
  if (v != nullptr) return NewRef(v);
  if (ErrorOccurred()) return nullptr;
  return NewRef(nargs > 1 ? args[1] : None());
}

Ref<> DictSetDefaultMethod(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("setdefault", kwnames)) return nullptr;
  if (!CheckPositional("setdefault", nargs, 1, 2)) return nullptr;
  Dict* d = static_cast<Dict*>(self);
  Object* dflt = nargs > 1 ? args[1] : None();
  int64_t hash = KeyHash(args[0]);
  if (hash == -1) return nullptr;
  int64_t ix = Lookup(d, args[0], hash);
  if (ix == kError) return nullptr;
  if (ix >= 0) return NewRef(d->entries[ix].value);
  if (Insert(d, args[0], hash, dflt) < 0) return nullptr;
  return NewRef(dflt);
}

Ref<> DictPopMethod(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("pop", kwnames)) return nullptr;
  if (!CheckPositional("pop", nargs, 1, 2)) return nullptr;
  Dict* d = static_cast<Dict*>(self);
  int64_t hash = KeyHash(args[0]);
  if (hash == -1) return nullptr;
  int64_t slot = 0;
  int64_t ix = Lookup(d, args[0], hash, &slot);
  if (ix == kError) return nullptr;
  if (ix < 0) {
    if (nargs > 1) return NewRef(args[1]);
    SetErrorWithValue(&KeyErrorType, args[0]);
    return nullptr;
  }
  Object* key;
  Object* value;
  RemoveAt(d, ix, slot, &key, &value);
  Decref(key);
  return StealRef(value);
}

Ref<> DictPopItemMethod(Object* self, Object* const*, size_t, Tuple*) {
  Dict* d = static_cast<Dict*>(self);
  if (d->used == 0) {
    SetError(&KeyErrorType, "popitem(): dictionary is empty");
    return nullptr;
  }
  int64_t ix = d->nentries - 1;
  while (ix >= 0 && d->entries[ix].key == nullptr) --ix;
  DictEntry* e = &d->entries[ix];
  // Find the index slot pointing at entry ix.
  uint64_t mask = static_cast<uint64_t>(IndexSize(d)) - 1;
  uint64_t perturb = static_cast<uint64_t>(e->hash);
  uint64_t i = perturb & mask;
  while (GetIndex(d, static_cast<int64_t>(i)) != ix) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  Object* key;
  Object* value;
  RemoveAt(d, ix, static_cast<int64_t>(i), &key, &value);
  d->nentries = ix;  // the popped entry was the last one: reuse its place
  Ref<Tuple> r = NewTuple(2);
  if (!r) {
    Decref(key);
    Decref(value);
    return nullptr;
  }
  TupleInit(r.get(), 0, StealRef(key));
  TupleInit(r.get(), 1, StealRef(value));
  return r;
}

Ref<> DictUpdateMethod(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!UpdateCommon(static_cast<Dict*>(self), "update", args, nargs, kwnames)) return nullptr;
  return NewNone();
}

Ref<> DictClearMethod(Object* self, Object* const*, size_t, Tuple*) {
  DictClear(static_cast<Dict*>(self));
  return NewNone();
}

Ref<> DictCopyMethod(Object* self, Object* const*, size_t, Tuple*) {
  return DictCopy(static_cast<Dict*>(self));
}

Ref<> DictFromKeysMethod(Object* cls, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("fromkeys", kwnames)) return nullptr;
  if (!CheckPositional("fromkeys", nargs, 1, 2)) return nullptr;
  Object* value = nargs > 1 ? args[1] : None();
  Ref<> d = CallNoArgs(cls);
  PY_RETURN_IF_NULL(d);
  Ref<> it = GetIter(args[0]);
  PY_RETURN_IF_NULL(it);
  bool exact = IsExactDict(d.get());
  while (true) {
    Ref<> key = IterNext(it.get());
    if (!key) {
      if (ErrorOccurred()) return nullptr;
      break;
    }
    int r = exact ? DictSetItem(static_cast<Dict*>(d.get()), key.get(), value)
                  : SetItem(d.get(), key.get(), value);
    if (r < 0) return nullptr;
  }
  return d;
}

Ref<> DictReversedMethod(Object* self, Object* const*, size_t, Tuple*) {
  return NewDictIter(self, kDictKeys, true);
}

const MethodDef kDictMethods[] = {
    {"keys", &DictKeysMethod, kMethNoArgs},
    {"values", &DictValuesMethod, kMethNoArgs},
    {"items", &DictItemsMethod, kMethNoArgs},
    {"get", &DictGetMethod, kMethFastcall | kMethKeywords},
    {"setdefault", &DictSetDefaultMethod, kMethFastcall | kMethKeywords},
    {"pop", &DictPopMethod, kMethFastcall | kMethKeywords},
    {"popitem", &DictPopItemMethod, kMethNoArgs},
    {"update", &DictUpdateMethod, kMethKeywords},
    {"clear", &DictClearMethod, kMethNoArgs},
    {"copy", &DictCopyMethod, kMethNoArgs},
    {"fromkeys", &DictFromKeysMethod, kMethFastcall | kMethKeywords | kMethClass},
    {"__reversed__", &DictReversedMethod, kMethNoArgs},
    {"__class_getitem__", &ContainerClassGetItem, kMethO | kMethClass},
    {nullptr, nullptr, 0}};

}  // namespace

Dict::~Dict() {
  DictEntry* e = entries;
  int64_t n = nentries;
  entries = nullptr;
  nentries = 0;
  used = 0;
  for (int64_t i = 0; i < n; ++i) {
    Xdecref(e[i].key);
    Xdecref(e[i].value);
  }
  std::free(e);
  std::free(index);
  index = nullptr;
}

Ref<Dict> NewDict() {
  Dict* d = AllocObject<Dict>(&DictType, 0);
  if (d == nullptr) return nullptr;
  return StealRef(d);
}

bool EnsureDict(Object** field) {
  if (*field != nullptr) return true;
  *field = NewDict().release();
  return *field != nullptr;
}

Object* DictGetItem(Dict* d, Object* key) {
  int64_t hash = KeyHash(key);
  if (hash == -1) return nullptr;
  return DictGetItemHash(d, key, hash);
}

Object* DictGetItemStr(Dict* d, Str* key) { return DictGetItemHash(d, key, StrHash(key)); }

Object* DictGetItemUtf8(Dict* d, std::string_view key) {
  Ref<Str> s = NewStr(key);
  if (!s) return nullptr;
  return DictGetItemStr(d, s.get());
}

Object* DictGetItemHash(Dict* d, Object* key, int64_t hash) {
  int64_t ix = Lookup(d, key, hash);
  if (ix < 0) return nullptr;
  return d->entries[ix].value;
}

int64_t DictEntryIndex(Dict* d, Str* key) {
  int64_t ix = Lookup(d, key, StrHash(key));
  return ix >= 0 ? ix : -1;
}

int DictSetItem(Dict* d, Object* key, Object* value) {
  int64_t hash = KeyHash(key);
  if (hash == -1) return -1;
  return Insert(d, key, hash, value);
}

int DictSetItemStr(Dict* d, Str* key, Object* value) {
  return Insert(d, key, StrHash(key), value);
}

int DictSetItemUtf8(Dict* d, std::string_view key, Object* value) {
  Str* s = InternStr(key);
  if (s == nullptr) return -1;
  return DictSetItemStr(d, s, value);
}

int DictDelItem(Dict* d, Object* key) {
  int64_t hash = KeyHash(key);
  if (hash == -1) return -1;
  int64_t slot = 0;
  int64_t ix = Lookup(d, key, hash, &slot);
  if (ix == kError) return -1;
  if (ix < 0) return 0;
  Object* k;
  Object* v;
  RemoveAt(d, ix, slot, &k, &v);
  Decref(k);
  Decref(v);
  return 1;
}

bool DictNext(Dict* d, int64_t* pos, Object** key, Object** value) {
  int64_t i = *pos;
  while (i < d->nentries && d->entries[i].key == nullptr) ++i;
  if (i >= d->nentries) {
    *pos = i;
    return false;
  }
  if (key != nullptr) *key = d->entries[i].key;
  if (value != nullptr) *value = d->entries[i].value;
  *pos = i + 1;
  return true;
}

void DictClear(Dict* d) {
  DictEntry* e = d->entries;
  int64_t n = d->nentries;
  void* index = d->index;
  d->entries = nullptr;
  d->index = nullptr;
  d->nentries = 0;
  d->entries_cap = 0;
  d->log2_index_size = 0;
  d->used = 0;
  d->version = NextDictVersion();
  for (int64_t i = 0; i < n; ++i) {
    Xdecref(e[i].key);
    Xdecref(e[i].value);
  }
  std::free(e);
  std::free(index);
}

Ref<Dict> DictCopy(Dict* d) {
  Ref<Dict> r = NewDict();
  PY_RETURN_IF_NULL(r);
  if (d->used == 0) return r;
  if (!Resize(r.get(), Log2For(d->used * 3 / 2 + 1))) return nullptr;
  for (int64_t i = 0; i < d->nentries; ++i) {
    DictEntry* e = &d->entries[i];
    if (e->key == nullptr) continue;
    if (Insert(r.get(), e->key, e->hash, e->value) < 0) return nullptr;
  }
  return r;
}

bool DictUpdate(Dict* d, Object* other) {
  if (IsExactDict(other)) return DictMerge(d, other, true);
  static Str* keys = InternStr("keys");
  Ref<> k = LookupAttr(other, keys);
  if (k) return DictMerge(d, other, true);
  if (ErrorOccurred()) return false;
  return MergeFromSeq2(d, other);
}

bool DictMerge(Dict* d, Object* mapping, bool override) {
  if (IsDict(mapping) && mapping->type->iter == DictType.iter) {
    Dict* b = static_cast<Dict*>(mapping);
    if (b == d || b->used == 0) return true;
    for (int64_t i = 0; i < b->nentries; ++i) {
      if (i >= b->nentries) break;
      DictEntry* e = &b->entries[i];
      if (e->key == nullptr) continue;
      Ref<> key = NewRef(e->key);
      Ref<> value = NewRef(e->value);
      int64_t hash = e->hash;
      if (!override) {
        int64_t ix = Lookup(d, key.get(), hash);
        if (ix == kError) return false;
        if (ix >= 0) continue;
      }
      if (Insert(d, key.get(), hash, value.get()) < 0) return false;
    }
    return true;
  }
  static Str* keys_name = InternStr("keys");
  Ref<> keys = CallMethod(mapping, keys_name, nullptr, 0);
  PY_RETURN_VALUE_IF_NULL(keys, false);
  Ref<> it = GetIter(keys.get());
  PY_RETURN_VALUE_IF_NULL(it, false);
  while (true) {
    Ref<> key = IterNext(it.get());
    if (!key) return !ErrorOccurred();
    if (!override) {
      int r = DictContains(d, key.get());
      if (r < 0) return false;
      if (r > 0) continue;
    }
    Ref<> value = GetItem(mapping, key.get());
    PY_RETURN_VALUE_IF_NULL(value, false);
    if (DictSetItem(d, key.get(), value.get()) < 0) return false;
  }
}

Ref<> DictKeys(Dict* d) {
  Ref<List> l = NewList(d->used);
  PY_RETURN_IF_NULL(l);
  for (int64_t i = 0; i < d->nentries; ++i) {
    if (d->entries[i].key != nullptr && !ListAppend(l.get(), d->entries[i].key)) return nullptr;
  }
  return l;
}

void InitDictTypes() {
  InitStaticType(&DictType, {.name = "dict",
                             .basicsize = sizeof(Dict),
                             .flags = kBaseType | kHaveGc | kMapping | kDictSubclass,
                             .methods = kDictMethods});
  DictType.dealloc = &DictDealloc;
  DictType.traverse = &DictTraverse;
  DictType.clear = &DictClearSlot;
  DictType.new_ = &DictNew;
  DictType.init = &DictInitSlot;
  DictType.repr = &DictRepr;
  DictType.richcompare = &DictRichCompare;
  DictType.iter = &DictIterOf;
  DictType.length = &DictLength;
  DictType.subscript = &DictSubscript;
  DictType.ass_subscript = &DictAssSubscript;
  DictType.contains = &DictContains;
  DictType.nb_or = &DictOr;
  DictType.nb_inplace_or = &DictInplaceOr;
  InitDictViewTypes();
}

}  // namespace pyrite::vm
