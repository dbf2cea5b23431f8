// The core of the type machinery: the `type` and `object` type objects, InitStaticType and
// ReadyType (MRO, slot inheritance, the dict of a builtin type), attribute lookup along the MRO
// with its cache, subtype checks, type(...) calls and type.__getattribute__.
//
// Class creation (type_new.cc), slot wrappers and heap types' slots (type_slots.cc), type's
// attributes (type_attrs.cc) and object's methods (type_object.cc) live next door.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/descr.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/set.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/objects/weakref.h"
#include "python/vm/type.h"
#include "python/vm/type_internal.h"

namespace pyrite::vm {

Type TypeType;
Type ObjectType;

namespace {

// Builtin types in InitStaticType order; readied by ReadyAllStaticTypes.
std::vector<Type*>& Registry() {
  static auto* r = new std::vector<Type*>();
  return *r;
}
// TypeSpec::doc of builtin types, turned into `__doc__` strs by ReadyType.
std::unordered_map<Type*, const char*>& DocStrings() {
  static auto* m = new std::unordered_map<Type*, const char*>();
  return *m;
}
// ReadyType calls made from Init functions (before str, dict and the descriptor types exist) are
// deferred to ReadyAllStaticTypes.
bool core_types_initialised = false;

constexpr uint64_t kFastSubclassFlags = kIntSubclass | kBoolSubclass | kFloatSubclass |
                                        kStrSubclass | kBytesSubclass | kTupleSubclass |
                                        kListSubclass | kDictSubclass | kTypeSubclass |
                                        kBaseExceptionSubclass | kSetSubclass;

uint64_t OwnFastFlag(Type* t) {
  if (t == &IntType) return kIntSubclass;
  if (t == &BoolType) return kBoolSubclass;
  if (t == &FloatType) return kFloatSubclass;
  if (t == &StrType) return kStrSubclass;
  if (t == &BytesType) return kBytesSubclass;
  if (t == &TupleType) return kTupleSubclass;
  if (t == &ListType) return kListSubclass;
  if (t == &DictType) return kDictSubclass;
  if (t == &TypeType) return kTypeSubclass;
  if (t == &BaseExceptionType) return kBaseExceptionSubclass;
  if (t == &SetType || t == &FrozenSetType) return kSetSubclass;
  return 0;
}

// --- Attribute cache ------------------------------------------------------------------------
// A direct-mapped cache of (type version, interned name) -> borrowed value. A type's version is
// reset to 0 by TypeModified whenever its dict or a base's dict changes, so stale entries never
// match; versions are never reused.
struct CacheEntry {
  uint32_t version;
  Str* name;
  Object* value;
};
constexpr size_t kCacheSize = 4096;
CacheEntry attr_cache[kCacheSize];
uint32_t next_version = 1;

Object* LookupUncached(Type* type, Str* name) {
  Object* mro = type->mro;
  if (mro != nullptr) {
    Tuple* t = static_cast<Tuple*>(mro);
    for (int64_t i = 0; i < t->size; ++i) {
      Type* base = static_cast<Type*>(t->items[i]);
      if (base->dict == nullptr) continue;
      Object* v = DictGetItemStr(static_cast<Dict*>(base->dict), name);
      if (v != nullptr) return v;
    }
    return nullptr;
  }
  // Not ready yet (or cleared by the collector): the base chain.
  for (Type* b = type; b != nullptr; b = b->base) {
    if (b->dict == nullptr) continue;
    Object* v = DictGetItemStr(static_cast<Dict*>(b->dict), name);
    if (v != nullptr) return v;
  }
  return nullptr;
}

// The types whose slots a static type inherits, in MRO order after itself.
void InheritSlots(Type* type, Type* b) {
#define INHERIT(f) \
  if (type->f == nullptr) type->f = b->f
  INHERIT(finalize);
  INHERIT(init);
  INHERIT(repr);
  INHERIT(str);
  INHERIT(getattro);
  INHERIT(setattro);
  INHERIT(descr_get);
  INHERIT(descr_set);
  INHERIT(call);
  INHERIT(iter);
  INHERIT(iternext);
  INHERIT(nb_add);
  INHERIT(nb_subtract);
  INHERIT(nb_multiply);
  INHERIT(nb_remainder);
  INHERIT(nb_divmod);
  INHERIT(nb_power);
  INHERIT(nb_lshift);
  INHERIT(nb_rshift);
  INHERIT(nb_and);
  INHERIT(nb_xor);
  INHERIT(nb_or);
  INHERIT(nb_floor_divide);
  INHERIT(nb_true_divide);
  INHERIT(nb_matrix_multiply);
  INHERIT(nb_inplace_add);
  INHERIT(nb_inplace_subtract);
  INHERIT(nb_inplace_multiply);
  INHERIT(nb_inplace_remainder);
  INHERIT(nb_inplace_power);
  INHERIT(nb_inplace_lshift);
  INHERIT(nb_inplace_rshift);
  INHERIT(nb_inplace_and);
  INHERIT(nb_inplace_xor);
  INHERIT(nb_inplace_or);
  INHERIT(nb_inplace_floor_divide);
  INHERIT(nb_inplace_true_divide);
  INHERIT(nb_inplace_matrix_multiply);
  INHERIT(nb_negative);
  INHERIT(nb_positive);
  INHERIT(nb_absolute);
  INHERIT(nb_invert);
  INHERIT(nb_bool);
  INHERIT(nb_int);
  INHERIT(nb_float);
  INHERIT(nb_index);
  INHERIT(length);
  INHERIT(subscript);
  INHERIT(ass_subscript);
  INHERIT(contains);
  INHERIT(sq_concat);
  INHERIT(sq_repeat);
  INHERIT(sq_inplace_concat);
  INHERIT(sq_inplace_repeat);
  INHERIT(sq_item);
  INHERIT(am_await);
  INHERIT(am_aiter);
  INHERIT(am_anext);
#undef INHERIT
  // Hash and rich comparison go together: a type that defines equality but not hashing is
  // unhashable (CPython's inherit_slots / overrides_hash).
  if (type->hash == nullptr && type->richcompare == nullptr) {
    bool overrides = false;
    if (type->dict != nullptr) {
      Dict* d = static_cast<Dict*>(type->dict);
      overrides = DictGetItemStr(d, InternStr("__eq__")) != nullptr ||
                  DictGetItemStr(d, InternStr("__hash__")) != nullptr;
    }
    if (!overrides) {
      type->hash = b->hash;
      type->richcompare = b->richcompare;
    }
  }
}

bool AddMethodsAndGetSets(Type* type) {
  Dict* dict = static_cast<Dict*>(type->dict);
  if (type->methods != nullptr) {
    for (const MethodDef* def = type->methods; def->name != nullptr; ++def) {
      // A method named like a slot dunder (list.__getitem__) replaces the slot wrapper, as
      // CPython's METH_COEXIST methods do; the slot itself keeps serving the fast paths.
      Ref<> descr;
      if (def->flags & kMethClass) {
        descr = NewClassMethodDescriptor(type, def);
      } else if (def->flags & kMethStatic) {
        Ref<> f = NewBuiltinFunction(def, nullptr);
        PY_RETURN_VALUE_IF_NULL(f, false);
        descr = NewStaticMethod(f.get());
      } else {
        descr = NewMethodDescriptor(type, def);
      }
      PY_RETURN_VALUE_IF_NULL(descr, false);
      if (DictSetItemStr(dict, InternStr(def->name), descr.get()) < 0) return false;
    }
  }
  if (type->getsets != nullptr) {
    for (const GetSetDef* def = type->getsets; def->name != nullptr; ++def) {
      if (DictGetItemUtf8(dict, def->name) != nullptr) continue;
      Ref<> descr = NewGetSetDescriptor(type, def);
      PY_RETURN_VALUE_IF_NULL(descr, false);
      if (DictSetItemStr(dict, InternStr(def->name), descr.get()) < 0) return false;
    }
  }
  return true;
}

// The bases each heap type registered itself with (in their `subclasses`), kept apart from the
// bases tuple because the collector may clear that tuple before the type dies.
std::unordered_map<Type*, std::vector<Type*>>& RegisteredBases() {
  static auto* m = new std::unordered_map<Type*, std::vector<Type*>>();
  return *m;
}

void EraseFrom(std::vector<Type*>& v, Type* t) {
  for (size_t j = 0; j < v.size(); ++j) {
    if (v[j] == t) {
      v.erase(v.begin() + static_cast<ptrdiff_t>(j));
      return;
    }
  }
}

// A dying heap type leaves its bases' subclass lists, and its subclasses forget it as a base.
void UnregisterSubclass(Type* t) {
  auto& reg = RegisteredBases();
  auto it = reg.find(t);
  if (it != reg.end()) {
    for (Type* b : it->second) EraseFrom(b->subclasses, t);
    reg.erase(it);
  }
  for (Type* sub : t->subclasses) {
    auto sit = reg.find(sub);
    if (sit != reg.end()) EraseFrom(sit->second, t);
  }
  t->subclasses.clear();
}

int TypeInit(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (nargs == 1 && kwnames != nullptr && kwnames->size > 0) {
    SetError(&TypeErrorType, "type.__init__() takes no keyword arguments");
    return -1;
  }
  if (nargs != 1 && nargs != 3) {
    SetError(&TypeErrorType, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

Ref<> TypeDescrCall(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
  return TypeCall(callable, args, nargs, kwnames);
}

}  // namespace

// --- Registration and readying --------------------------------------------------------------

void InitStaticType(Type* type, const TypeSpec& spec) {
  type->refcnt = kImmortalRefcnt;
  type->type = &TypeType;
  type->name = spec.name;
  type->basicsize = spec.basicsize;
  type->flags = spec.flags | kImmutableType;
  type->base = spec.base != nullptr ? spec.base : (type == &ObjectType ? nullptr : &ObjectType);
  type->methods = spec.methods;
  type->getsets = spec.getsets;
  if (spec.doc != nullptr) DocStrings()[type] = spec.doc;
  Registry().push_back(type);
}

Ref<> ComputeMro(Type* type) {
  Tuple* bases = static_cast<Tuple*>(type->bases);
  if (bases == nullptr || bases->size == 0) return NewTupleFrom({type});
  if (bases->size == 1) {
    Type* base = static_cast<Type*>(bases->items[0]);
    Tuple* bmro = static_cast<Tuple*>(base->mro);
    if (bmro == nullptr) {
      SetErrorF(&TypeErrorType, "Cannot extend an incomplete type '%s'", TypeName(base));
      return nullptr;
    }
    Ref<Tuple> r = NewTuple(bmro->size + 1);
    PY_RETURN_IF_NULL(r);
    TupleInit(r.get(), 0, NewRef<Object>(type));
    for (int64_t i = 0; i < bmro->size; ++i) TupleInit(r.get(), i + 1, NewRef(bmro->items[i]));
    return r;
  }
  // C3: merge the bases' MROs and the list of bases.
  for (int64_t i = 0; i < bases->size; ++i) {
    for (int64_t j = i + 1; j < bases->size; ++j) {
      if (bases->items[i] == bases->items[j]) {
        SetErrorF(&TypeErrorType, "duplicate base class %s",
                  TypeName(static_cast<Type*>(bases->items[i])));
        return nullptr;
      }
    }
  }
  std::vector<std::vector<Object*>> seqs;
  for (int64_t i = 0; i < bases->size; ++i) {
    Tuple* m = static_cast<Tuple*>(static_cast<Type*>(bases->items[i])->mro);
    if (m == nullptr) {
      SetErrorF(&TypeErrorType, "Cannot extend an incomplete type '%s'",
                TypeName(static_cast<Type*>(bases->items[i])));
      return nullptr;
    }
    seqs.emplace_back(m->items, m->items + m->size);
  }
  seqs.emplace_back(bases->items, bases->items + bases->size);
  std::vector<size_t> pos(seqs.size(), 0);
  std::vector<Object*> result{type};
  while (true) {
    bool empty = true;
    Object* chosen = nullptr;
    for (size_t i = 0; i < seqs.size() && chosen == nullptr; ++i) {
      if (pos[i] >= seqs[i].size()) continue;
      empty = false;
      Object* cand = seqs[i][pos[i]];
      bool in_tail = false;
      for (size_t j = 0; j < seqs.size() && !in_tail; ++j) {
        for (size_t k = pos[j] + 1; k < seqs[j].size(); ++k) {
          if (seqs[j][k] == cand) {
            in_tail = true;
            break;
          }
        }
      }
      if (!in_tail) chosen = cand;
    }
    if (empty) break;
    if (chosen == nullptr) {
      std::string names;
      std::vector<Object*> seen;
      for (size_t i = 0; i < seqs.size(); ++i) {
        if (pos[i] >= seqs[i].size()) continue;
        Object* h = seqs[i][pos[i]];
        bool dup = false;
        for (Object* s : seen) dup = dup || s == h;
        if (dup) continue;
        seen.push_back(h);
        if (!names.empty()) names += ", ";
        names += TypeName(static_cast<Type*>(h));
      }
      SetErrorF(&TypeErrorType,
                "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                names.c_str());
      return nullptr;
    }
    result.push_back(chosen);
    for (size_t i = 0; i < seqs.size(); ++i) {
      if (pos[i] < seqs[i].size() && seqs[i][pos[i]] == chosen) ++pos[i];
    }
  }
  return NewTupleFromArray(result.data(), static_cast<int64_t>(result.size()));
}

// The MRO, honouring a metaclass that overrides mro().
static Ref<> TypeMroFor(Type* type) {
  if (type->type != &TypeType && type->type != nullptr && HasFlag(type->type, kHeapType)) {
    Str* name = InternStr("mro");
    Object* meth = TypeLookup(type->type, name);
    Object* base_meth = TypeLookup(&TypeType, name);
    if (meth != nullptr && meth != base_meth) {
      Ref<> r = CallMethod(type, name, nullptr, 0);
      PY_RETURN_IF_NULL(r);
      Ref<> t = SequenceTuple(r.get());
      PY_RETURN_IF_NULL(t);
      Tuple* tt = static_cast<Tuple*>(t.get());
      for (int64_t i = 0; i < tt->size; ++i) {
        if (!HasFlag(tt->items[i]->type, kTypeSubclass)) {
          SetErrorF(&TypeErrorType, "mro() returned a non-class ('%s')", TypeNameOf(tt->items[i]));
          return nullptr;
        }
      }
      return t;
    }
  }
  return ComputeMro(type);
}

bool ReadyType(Type* type) {
  if (HasFlag(type, kReady)) return true;
  if (!core_types_initialised) return true;  // ReadyAllStaticTypes will do it
  bool heap = HasFlag(type, kHeapType);
  if (type->base == nullptr && type != &ObjectType) type->base = &ObjectType;
  Type* base = type->base;
  if (base != nullptr && !HasFlag(base, kReady)) {
    if (!ReadyType(base)) return false;
  }
  if (type->type == nullptr) type->type = base != nullptr ? base->type : &TypeType;
  if (type->bases == nullptr) {
    Ref<Tuple> bases = base != nullptr ? NewTupleFrom({base}) : NewTuple(0);
    PY_RETURN_VALUE_IF_NULL(bases, false);
    type->bases = bases.release();
  }
  // Every base must be ready before the MRO can be computed.
  Tuple* bases = static_cast<Tuple*>(type->bases);
  for (int64_t i = 0; i < bases->size; ++i) {
    Type* b = static_cast<Type*>(bases->items[i]);
    if (!HasFlag(b, kReady) && !ReadyType(b)) return false;
  }
  // The dict, with the type's own methods, getsets and slot wrappers (before inheritance, so only
  // the slots the type itself fills get a wrapper).
  if (!EnsureDict(&type->dict)) return false;
  if (!heap) {
    // CPython's order: __new__, the slot wrappers, methods, getsets, __doc__.
    Dict* dict = static_cast<Dict*>(type->dict);
    if (type->new_ != nullptr && DictGetItemUtf8(dict, "__new__") == nullptr) {
      Ref<> f = NewBuiltinFunction(&kTpNewWrapperDef, type);
      PY_RETURN_VALUE_IF_NULL(f, false);
      if (DictSetItemUtf8(dict, "__new__", f.get()) < 0) return false;
    }
    if (!AddSlotWrappers(type)) return false;
    if (!AddMethodsAndGetSets(type)) return false;
    auto it = DocStrings().find(type);
    Ref<> doc;
    if (it != DocStrings().end()) {
      doc = NewStr(it->second);
      PY_RETURN_VALUE_IF_NULL(doc, false);
      Xdecref(type->doc);
      type->doc = NewRef(doc.get()).release();
    } else {
      doc = NewNone();
    }
    // A `__doc__` getset (property's) stays: type.__doc__ reads type->doc for builtin types.
    if (DictGetItemUtf8(dict, "__doc__") == nullptr) {
      if (DictSetItemUtf8(dict, "__doc__", doc.get()) < 0) return false;
    }
  }
  // MRO.
  if (type->mro == nullptr) {
    Ref<> mro = heap ? TypeMroFor(type) : ComputeMro(type);
    PY_RETURN_VALUE_IF_NULL(mro, false);
    type->mro = mro.release();
  }
  // Layout and flags from the base.
  if (base != nullptr) {
    if (type->basicsize == 0) type->basicsize = base->basicsize;
    if (type->varsize == nullptr) type->varsize = base->varsize;
    if (type->dict_offset == 0) type->dict_offset = base->dict_offset;
    if (type->weaklist_offset == 0) type->weaklist_offset = base->weaklist_offset;
    if (!heap) {
      type->nextras = base->nextras;
      type->dict_extra = base->dict_extra;
      type->weaklist_extra = base->weaklist_extra;
    }
    type->flags |= base->flags & (kFastSubclassFlags | kSequence | kMapping);
    if (!HasFlag(type, kHaveGc) && HasFlag(base, kHaveGc) && type->traverse == nullptr &&
        type->clear == nullptr) {
      type->flags |= kHaveGc;
      type->traverse = base->traverse;
      type->clear = base->clear;
    }
    if (type->dealloc == nullptr) type->dealloc = base->dealloc;
    if (type->new_ == nullptr && (heap || base != &ObjectType)) type->new_ = base->new_;
  }
  type->flags |= OwnFastFlag(type);
  Tuple* mro = static_cast<Tuple*>(type->mro);
  for (int64_t i = 1; i < mro->size; ++i) InheritSlots(type, static_cast<Type*>(mro->items[i]));
  if (!heap) {
    Dict* dict = static_cast<Dict*>(type->dict);
    if (type->hash == nullptr && DictGetItemUtf8(dict, "__hash__") == nullptr) {
      if (DictSetItemUtf8(dict, "__hash__", None()) < 0) return false;
    }
    // Builtin types with an instance dict field get `__dict__` unless a base already has it.
    if (type->dict_offset > 0 && DictGetItemUtf8(dict, "__dict__") == nullptr &&
        (base == nullptr || TypeLookup(base, InternStr("__dict__")) == nullptr)) {
      Ref<> d = NewGetSetDescriptor(type, kInstanceDictGetSet);
      PY_RETURN_VALUE_IF_NULL(d, false);
      if (DictSetItemUtf8(dict, "__dict__", d.get()) < 0) return false;
    }
  }
  for (int64_t i = 0; i < bases->size; ++i) {
    Type* b = static_cast<Type*>(bases->items[i]);
    b->subclasses.push_back(type);
    if (heap) RegisteredBases()[type].push_back(b);
  }
  type->flags |= kReady;
  TypeModified(type);
  return true;
}

void InitTypeTypes() {
  InitStaticType(&ObjectType, {.name = "object",
                               .basicsize = sizeof(Object),
                               .flags = kBaseType,
                               .methods = kObjectMethods,
                               .getsets = kObjectGetSets,
                               .doc = "The base class of the class hierarchy.\n\n"
                                      "When called, it accepts no arguments and returns a new "
                                      "featureless\ninstance that has no instance attributes and "
                                      "cannot be given any.\n"});
  ObjectType.base = nullptr;
  ObjectType.dealloc = &ObjectDealloc;
  ObjectType.new_ = &ObjectNew;
  ObjectType.init = &ObjectInit;
  ObjectType.repr = &ObjectRepr;
  ObjectType.str = &ObjectStr;
  ObjectType.hash = &ObjectHash;
  ObjectType.richcompare = &ObjectRichCompare;
  ObjectType.getattro = &GenericGetAttr;
  ObjectType.setattro = &GenericSetAttr;

  InitStaticType(&TypeType, {.name = "type",
                             .basicsize = sizeof(Type),
                             .flags = kBaseType | kHaveGc,
                             .methods = kTypeMethods,
                             .getsets = kTypeGetSets,
                             .doc = "type(object) -> the object's type\n"
                                    "type(name, bases, dict, **kwds) -> a new type"});
  TypeType.call = &TypeDescrCall;
  TypeType.getattro = &TypeGetAttro;
  TypeType.setattro = &TypeSetAttro;
  TypeType.repr = &TypeRepr;
  TypeType.new_ = &TypeNew;
  TypeType.init = &TypeInit;
  TypeType.nb_or = &TypeOr;
  TypeType.dealloc = [](Object* o) {
    Type* t = static_cast<Type*>(o);
    GcUntrack(o);
    if (t->weaklist != nullptr) ClearWeakrefs(o);
    UnregisterSubclass(t);
    for (Object** f : {&t->ht_name, &t->ht_qualname, &t->bases, &t->mro, &t->dict, &t->doc}) {
      Object* v = *f;
      *f = nullptr;
      Xdecref(v);
    }
    Type* base = t->base;
    t->base = nullptr;
    if (base != nullptr) Decref(base);
    std::free(const_cast<char*>(t->name));
    t->name = nullptr;
    t->~Type();
    FreeObject(o);
  };
  TypeType.traverse = [](Object* o, VisitFn visit, void* arg) {
    Type* t = static_cast<Type*>(o);
    for (Object* f : {t->dict, t->mro, t->bases, static_cast<Object*>(t->base)}) {
      if (f != nullptr) visit(f, arg);
    }
  };
  TypeType.clear = [](Object* o) {
    Type* t = static_cast<Type*>(o);
    if (t->dict != nullptr) DictClear(static_cast<Dict*>(t->dict));
    Object* mro = t->mro;
    t->mro = nullptr;
    TypeModified(t);
    Xdecref(mro);
  };
  TypeType.dict_offset = static_cast<int32_t>(reinterpret_cast<char*>(&TypeType.dict) -
                                              reinterpret_cast<char*>(&TypeType));
  TypeType.weaklist_offset = static_cast<int32_t>(reinterpret_cast<char*>(&TypeType.weaklist) -
                                                  reinterpret_cast<char*>(&TypeType));
}

void ReadyAllStaticTypes(bool* ok) {
  core_types_initialised = true;
  *ok = ReadyType(&ObjectType) && ReadyType(&TypeType);
  if (!*ok) return;
  // Copy: readying may not register types, but be safe against growth.
  std::vector<Type*> all = Registry();
  for (Type* t : all) {
    if (!ReadyType(t)) {
      *ok = false;
      return;
    }
  }
}

// --- Lookup and subtype checks --------------------------------------------------------------

void TypeModified(Type* type) {
  if (type->version == 0 && type->subclasses.empty()) return;
  type->version = 0;
  for (Type* sub : type->subclasses) TypeModified(sub);
}

Object* TypeLookup(Type* type, Str* name) {
  if (!name->interned) return LookupUncached(type, name);
  if (type->version == 0) {
    type->version = next_version++;
    if (next_version == 0) next_version = 1;
  }
  size_t h = ((static_cast<size_t>(type->version) * 2654435761u) ^
              (reinterpret_cast<uintptr_t>(name) >> 4)) &
             (kCacheSize - 1);
  CacheEntry& e = attr_cache[h];
  if (e.version == type->version && e.name == name) return e.value;
  Object* v = LookupUncached(type, name);
  if (ErrorOccurred()) return v;
  e.version = type->version;
  e.name = name;
  e.value = v;
  return v;
}

bool IsSubtype(Type* a, Type* b) {
  if (a == b) return true;
  if (a->mro != nullptr) {
    Tuple* m = static_cast<Tuple*>(a->mro);
    for (int64_t i = 0; i < m->size; ++i) {
      if (m->items[i] == b) return true;
    }
    return false;
  }
  for (Type* t = a; t != nullptr; t = t->base) {
    if (t == b) return true;
  }
  return b == &ObjectType;
}

const char* TypeName(Type* t) {
  if (t->name == nullptr) return "?";
  if (HasFlag(t, kHeapType)) return t->name;
  const char* dot = std::strrchr(t->name, '.');
  return dot != nullptr ? dot + 1 : t->name;
}

namespace {

// The address of an instance's dict or weakref list: heap subclasses keep it in extra slot
// `extra` (>= 0), builtin types at byte `offset` (> 0) of their struct; null if it has none.
inline Object** ExtraOrFieldPtr(Object* o, int32_t extra, int32_t offset) {
  if (extra >= 0) {
    Object** extras = ExtrasOf(o);
    return extras != nullptr ? extras + extra : nullptr;
  }
  if (offset > 0) return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + offset);
  return nullptr;
}

}  // namespace

Object** InstanceDictPtr(Object* o) {
  return ExtraOrFieldPtr(o, o->type->dict_extra, o->type->dict_offset);
}

Object** InstanceWeaklistPtr(Object* o) {
  return ExtraOrFieldPtr(o, o->type->weaklist_extra, o->type->weaklist_offset);
}

Type* SolidBase(Type* type) {
  if (type->base == nullptr) return type;
  Type* b = SolidBase(type->base);
  bool extends = type->basicsize != type->base->basicsize ||
                 NumSlotValues(type) != NumSlotValues(type->base);
  return extends ? type : b;
}

int32_t NumSlotValues(Type* t) {
  return t->nextras - (t->dict_extra >= 0 ? 1 : 0) - (t->weaklist_extra >= 0 ? 1 : 0);
}

// --- type(...) and type.__getattribute__ ------------------------------------------------------

Ref<> TypeCall(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
  Type* type = static_cast<Type*>(callable);
  if (type == &TypeType && nargs == 1 && kwnames == nullptr) {
    return NewRef<Object>(args[0]->type);
  }
  if (type->new_ == nullptr) {
    SetErrorF(&TypeErrorType, "cannot create '%s' instances", type->name);
    return nullptr;
  }
  Ref<> obj = type->new_(type, args, nargs, kwnames);
  PY_RETURN_IF_NULL(obj);
  if (!TypeCheck(obj.get(), type)) return obj;
  Type* t = obj->type;
  if (t->init != nullptr) {
    if (t->init(obj.get(), args, nargs, kwnames) < 0) return nullptr;
  }
  return obj;
}

Ref<> TypeGetAttro(Object* o, Str* name) {
  Type* type = static_cast<Type*>(o);
  Type* meta = o->type;
  if (!HasFlag(type, kReady) && !ReadyType(type)) return nullptr;
  Object* meta_attr = TypeLookup(meta, name);
  DescrGetFn meta_get = nullptr;
  Ref<> meta_ref;
  if (meta_attr != nullptr) {
    meta_ref = NewRef(meta_attr);
    meta_get = meta_attr->type->descr_get;
    if (meta_get != nullptr && meta_attr->type->descr_set != nullptr) {
      return meta_get(meta_attr, o, meta);
    }
  }
  Object* attr = TypeLookup(type, name);
  if (attr != nullptr) {
    Ref<> keep = NewRef(attr);
    DescrGetFn local_get = attr->type->descr_get;
    if (local_get != nullptr) return local_get(attr, nullptr, o);
    return keep;
  }
  if (meta_get != nullptr) return meta_get(meta_attr, o, meta);
  if (meta_attr != nullptr) return meta_ref;
  if (ErrorOccurred()) return nullptr;
  SetErrorF(&AttributeErrorType, "type object '%s' has no attribute '%s'", type->name,
            std::string(StrUtf8(name)).c_str());
  return nullptr;
}

}  // namespace pyrite::vm
