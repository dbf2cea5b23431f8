// The dict views (dict_keys, dict_values, dict_items) and the dict iterators (forward and
// reversed, over keys, values or items). Keys and items views are set-like: comparisons and
// & | ^ - build a set (set.cc).
#include <string>

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
#include "python/vm/objects/set.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

Type DictKeysType;
Type DictValuesType;
Type DictItemsType;
Type DictKeyIterType;
Type DictValueIterType;
Type DictItemIterType;
Type DictRevKeyIterType;
Type DictRevValueIterType;
Type DictRevItemIterType;

namespace {

struct DictView : Object {
  Object* dict;  // owned
};

struct DictIter : Object {
  Object* dict;  // owned; null when exhausted
  int64_t used;  // the dict's size when iteration started
  int64_t pos;   // next entry (reversed: entry to look at, going down)
  int64_t remaining;
  int kind;
};

Type* ViewType(int kind) {
  return kind == kDictKeys ? &DictKeysType : kind == kDictValues ? &DictValuesType : &DictItemsType;
}
Type* IterType(int kind, bool reversed) {
  if (reversed) {
    return kind == kDictKeys     ? &DictRevKeyIterType
           : kind == kDictValues ? &DictRevValueIterType
                                 : &DictRevItemIterType;
  }
  return kind == kDictKeys ? &DictKeyIterType
         : kind == kDictValues ? &DictValueIterType
                               : &DictItemIterType;
}
int ViewKind(Object* o) {
  return o->type == &DictKeysType ? kDictKeys : o->type == &DictValuesType ? kDictValues : kDictItems;
}
bool IsKeysOrItemsView(Object* o) { return o->type == &DictKeysType || o->type == &DictItemsType; }


int64_t ViewLength(Object* o) {
  Object* d = static_cast<DictView*>(o)->dict;
  return d == nullptr ? 0 : static_cast<Dict*>(d)->used;
}

Ref<> ViewIter(Object* o) {
  return NewDictIter(static_cast<DictView*>(o)->dict, ViewKind(o), false);
}

Ref<> ViewReversed(Object* self, Object* const*, size_t, Tuple*) {
  return NewDictIter(static_cast<DictView*>(self)->dict, ViewKind(self), true);
}

Ref<> ViewRepr(Object* o) {
  ReprGuard guard(o);
  if (guard.state() != 0) return guard.state() > 0 ? Ref<>(NewStr("...")) : nullptr;
  Ref<> l = SequenceList(o);
  PY_RETURN_IF_NULL(l);
  Ref<> r = Repr(l.get());
  PY_RETURN_IF_NULL(r);
  std::string s = o->type->name;
  s += "(";
  s += StrUtf8(static_cast<Str*>(r.get()));
  s += ")";
  return NewStr(s);
}

int KeysContains(Object* o, Object* key) {
  Object* d = static_cast<DictView*>(o)->dict;
  if (d == nullptr) return 0;
  return Contains(d, key);
}

int ItemsContains(Object* o, Object* item) {
  Object* d = static_cast<DictView*>(o)->dict;
  if (d == nullptr) return 0;
  if (!IsTuple(item) || static_cast<Tuple*>(item)->size != 2) return 0;
  Object* key = static_cast<Tuple*>(item)->items[0];
  Object* value = static_cast<Tuple*>(item)->items[1];
  Object* found = DictGetItem(static_cast<Dict*>(d), key);
  if (found == nullptr) return ErrorOccurred() ? -1 : 0;
  Ref<> keep = NewRef(found);
  return RichCompareBool(keep.get(), value, CompareOp::kEq);
}

// Whether every item of `a` is in `b`.
int AllContainedIn(Object* a, Object* b) {
  Ref<> it = GetIter(a);
  if (!it) return -1;
  while (true) {
    Ref<> x = IterNext(it.get());
    if (!x) return ErrorOccurred() ? -1 : 1;
    int r = Contains(b, x.get());
    if (r <= 0) return r;
  }
}

Ref<> ViewRichCompare(Object* a, Object* b, CompareOp op) {
  if (!IsAnySet(b) && !IsKeysOrItemsView(b)) return NewNotImplemented();
  int64_t la = Length(a);
  if (la < 0) return nullptr;
  int64_t lb = Length(b);
  if (lb < 0) return nullptr;
  int ok = 0;
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNe:
      ok = la == lb ? AllContainedIn(a, b) : 0;
      if (ok >= 0 && op == CompareOp::kNe) ok = !ok;
      break;
    case CompareOp::kLt:
      ok = la < lb ? AllContainedIn(a, b) : 0;
      break;
    case CompareOp::kLe:
      ok = la <= lb ? AllContainedIn(a, b) : 0;
      break;
    case CompareOp::kGt:
      ok = la > lb ? AllContainedIn(b, a) : 0;
      break;
    case CompareOp::kGe:
      ok = la >= lb ? AllContainedIn(b, a) : 0;
      break;
  }
  if (ok < 0) return nullptr;
  return NewBool(ok != 0);
}

// set(view), using the dict itself for a keys view of an exact dict (the set's pre-sizing fast
// path: CPython's dictviews_to_set, which decides the resulting set's table size and so its order).
Ref<Set> ViewToSet(Object* o) {
  if (o->type == &DictKeysType) {
    Object* d = static_cast<DictView*>(o)->dict;
    if (d != nullptr && IsExactDict(d)) return NewSet(d);
  }
  return NewSet(o);
}

// Set operations: set(a) <op>= b, as CPython's dictviews_* functions (`a` may be the non-view
// operand of a reflected operation).
Ref<> ViewSetOp(Object* a, Object* b, const char* method) {
  Ref<Set> s = ViewToSet(a);
  PY_RETURN_IF_NULL(s);
  Object* args[1] = {b};
  Ref<> r = CallMethod(s.get(), InternStr(method), args, 1);
  PY_RETURN_IF_NULL(r);
  return s;
}
Ref<> ViewOr(Object* a, Object* b) { return ViewSetOp(a, b, "update"); }
Ref<> ViewXor(Object* a, Object* b) { return ViewSetOp(a, b, "symmetric_difference_update"); }
Ref<> ViewSub(Object* a, Object* b) { return ViewSetOp(a, b, "difference_update"); }

Ref<> ViewAnd(Object* a, Object* b) {
  // The interpreter swaps the operands when the view is on the right of &.
  if (!IsKeysOrItemsView(a)) std::swap(a, b);
  int64_t len_a = ViewLength(a);
  if (b->type == &SetType) {
    int64_t len_b = Length(b);
    if (len_b < 0) return nullptr;
    if (len_a <= len_b) {
      Object* args[1] = {a};
      return CallMethod(b, InternStr("intersection"), args, 1);
    }
  }
  if (IsKeysOrItemsView(b) && ViewLength(b) > len_a) std::swap(a, b);
  Ref<Set> result = NewSet();
  PY_RETURN_IF_NULL(result);
  Ref<> it = GetIter(b);
  PY_RETURN_IF_NULL(it);
  ContainsFn contains = a->type == &DictKeysType ? &KeysContains : &ItemsContains;
  while (true) {
    Ref<> key = IterNext(it.get());
    if (!key) {
      if (ErrorOccurred()) return nullptr;
      return result;
    }
    int r = contains(a, key.get());
    if (r < 0) return nullptr;
    if (r > 0 && SetAdd(result.get(), key.get()) < 0) return nullptr;
  }
}

Ref<> ViewIsDisjoint(Object* self, Object* const* args, size_t, Tuple*) {
  Ref<> it = GetIter(args[0]);
  PY_RETURN_IF_NULL(it);
  while (true) {
    Ref<> x = IterNext(it.get());
    if (!x) {
      if (ErrorOccurred()) return nullptr;
      return NewBool(true);
    }
    int r = Contains(self, x.get());
    if (r < 0) return nullptr;
    if (r > 0) return NewBool(false);
  }
}

Ref<> ViewMapping(Object* self) {
  Object* d = static_cast<DictView*>(self)->dict;
  return NewRef(d == nullptr ? None() : d);
}

// --- iterators ---------------------------------------------------------------------------------

Ref<> MakeResult(int kind, DictEntry* e) {
  if (kind == kDictKeys) return NewRef(e->key);
  if (kind == kDictValues) return NewRef(e->value);
  return NewTupleFrom({e->key, e->value});
}

Ref<> IterNextForward(Object* o) {
  DictIter* it = static_cast<DictIter*>(o);
  Dict* d = static_cast<Dict*>(it->dict);
  if (d == nullptr) return nullptr;
  if (it->used != d->used) {
    SetError(&RuntimeErrorType, "dictionary changed size during iteration");
    it->used = -1;  // keep raising
    return nullptr;
  }
  int64_t i = it->pos;
  while (i < d->nentries && d->entries[i].key == nullptr) ++i;
  if (i >= d->nentries) {
    it->dict = nullptr;
    Decref(d);
    return nullptr;
  }
  if (it->remaining <= 0) {
    // Same size, but an entry the iteration did not expect: keys were deleted and added.
    SetError(&RuntimeErrorType, "dictionary keys changed during iteration");
    it->remaining = -1;
    return nullptr;
  }
  it->pos = i + 1;
  it->remaining--;
  return MakeResult(it->kind, &d->entries[i]);
}

Ref<> IterNextReversed(Object* o) {
  DictIter* it = static_cast<DictIter*>(o);
  Dict* d = static_cast<Dict*>(it->dict);
  if (d == nullptr) return nullptr;
  if (it->used != d->used) {
    SetError(&RuntimeErrorType, "dictionary changed size during iteration");
    it->used = -1;
    return nullptr;
  }
  int64_t i = it->pos;
  if (i >= d->nentries) i = d->nentries - 1;
  while (i >= 0 && d->entries[i].key == nullptr) --i;
  if (i < 0) {
    it->dict = nullptr;
    Decref(d);
    return nullptr;
  }
  it->pos = i - 1;
  it->remaining--;
  return MakeResult(it->kind, &d->entries[i]);
}

Ref<> IterLengthHint(Object* self, Object* const*, size_t, Tuple*) {
  DictIter* it = static_cast<DictIter*>(self);
  Dict* d = static_cast<Dict*>(it->dict);
  if (d == nullptr || it->used != d->used) return NewSize(0);
  return NewSize(it->remaining);
}

const MethodDef kKeysMethods[] = {
    {"isdisjoint", &ViewIsDisjoint, kMethO},
    {"__reversed__", &ViewReversed, kMethNoArgs},
    {nullptr, nullptr, 0}};
const MethodDef kValuesMethods[] = {
    {"__reversed__", &ViewReversed, kMethNoArgs}, {nullptr, nullptr, 0}};
const GetSetDef kViewGetSets[] = {{"mapping", &ViewMapping}, {nullptr, nullptr}};
const MethodDef kIterMethods[] = {
    {"__length_hint__", &IterLengthHint, kMethNoArgs}, {nullptr, nullptr, 0}};

void InitView(Type* t, const char* name, const MethodDef* methods, bool set_like) {
  InitStaticType(t, {.name = name,
                     .basicsize = sizeof(DictView),
                     .flags = kHaveGc,
                     .methods = methods,
                     .getsets = kViewGetSets});
  SetOneRefGcSlots<DictView, &DictView::dict>(t);
  t->length = &ViewLength;
  t->iter = &ViewIter;
  t->repr = &ViewRepr;
  if (set_like) {
    t->richcompare = &ViewRichCompare;
    t->nb_and = &ViewAnd;
    t->nb_or = &ViewOr;
    t->nb_xor = &ViewXor;
    t->nb_subtract = &ViewSub;
  }
}

void InitIter(Type* t, const char* name, bool reversed) {
  InitStaticType(t, {.name = name,
                     .basicsize = sizeof(DictIter),
                     .flags = kHaveGc,
                     .methods = kIterMethods});
  SetOneRefGcSlots<DictIter, &DictIter::dict>(t);
  t->iter = &SelfIter;
  t->iternext = reversed ? &IterNextReversed : &IterNextForward;
}

}  // namespace

Ref<> NewDictView(Object* dict, int kind) {
  if (!EnsureReady(ViewType(kind))) return nullptr;
  DictView* v = AllocObject<DictView>(ViewType(kind), 0);
  if (v == nullptr) return nullptr;
  v->dict = NewRef(dict).release();
  return StealRef<Object>(v);
}

Ref<> NewDictIter(Object* dict, int kind, bool reversed) {
  if (!EnsureReady(IterType(kind, reversed))) return nullptr;
  DictIter* it = AllocObject<DictIter>(IterType(kind, reversed), 0);
  if (it == nullptr) return nullptr;
  Ref<> r = StealRef<Object>(it);
  if (dict == nullptr) return r;
  Dict* d = static_cast<Dict*>(dict);
  it->dict = NewRef(dict).release();
  it->used = d->used;
  it->pos = reversed ? d->nentries - 1 : 0;
  it->remaining = d->used;
  it->kind = kind;
  return r;
}

void InitDictViewTypes() {
  InitView(&DictKeysType, "dict_keys", kKeysMethods, true);
  DictKeysType.contains = &KeysContains;
  InitView(&DictValuesType, "dict_values", kValuesMethods, false);
  InitView(&DictItemsType, "dict_items", kKeysMethods, true);
  DictItemsType.contains = &ItemsContains;
  InitIter(&DictKeyIterType, "dict_keyiterator", false);
  InitIter(&DictValueIterType, "dict_valueiterator", false);
  InitIter(&DictItemIterType, "dict_itemiterator", false);
  InitIter(&DictRevKeyIterType, "dict_reversekeyiterator", true);
  InitIter(&DictRevValueIterType, "dict_reversevalueiterator", true);
  InitIter(&DictRevItemIterType, "dict_reverseitemiterator", true);
}

}  // namespace pyrite::vm
