// Class creation: type(name, bases, dict) and `class` statements (CPython's type_new): the
// metaclass and best-base calculations, __slots__ and the instance layout of heap types, the
// implicit classmethod/staticmethod conversions, __set_name__ and __init_subclass__; and the
// dealloc/traverse/clear of heap-type instances (subtype_dealloc & co).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/eval.h"
#include "python/vm/gc.h"
#include "python/vm/objects/descr.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/function.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/objects/weakref.h"
#include "python/vm/type.h"
#include "python/vm/type_internal.h"

namespace pyrite::vm {

namespace {

bool HasInstanceDict(Type* t) { return t->dict_extra >= 0 || t->dict_offset > 0; }
bool HasWeaklist(Type* t) { return t->weaklist_extra >= 0 || t->weaklist_offset > 0; }
// CPython's int, tuple and bytes are variable-size (no __slots__ values, no __weakref__ in
// subclasses); ours may store their items elsewhere, but the rules stay the same.
bool IsVarSized(Type* t) {
  return t->varsize != nullptr || HasFlag(t, kIntSubclass | kTupleSubclass | kBytesSubclass);
}

Type* BestBase(Tuple* bases) {
  Type* base = nullptr;
  Type* winner = nullptr;
  for (int64_t i = 0; i < bases->size; ++i) {
    Object* b = bases->items[i];
    if (!HasFlag(b->type, kTypeSubclass)) {
      SetError(&TypeErrorType, "bases must be types");
      return nullptr;
    }
    Type* bt = static_cast<Type*>(b);
    if (!HasFlag(bt, kReady) && !ReadyType(bt)) return nullptr;
    if (!HasFlag(bt, kBaseType)) {
      SetErrorF(&TypeErrorType, "type '%s' is not an acceptable base type", bt->name);
      return nullptr;
    }
    Type* candidate = SolidBase(bt);
    if (winner == nullptr) {
      winner = candidate;
      base = bt;
    } else if (IsSubtype(winner, candidate)) {
      // keep
    } else if (IsSubtype(candidate, winner)) {
      winner = candidate;
      base = bt;
    } else {
      SetError(&TypeErrorType, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

bool IsIdentifier(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 || c == '_' || std::isalpha(c)) continue;
    if (i > 0 && std::isdigit(c)) continue;
    return false;
  }
  return true;
}

// Private name mangling (`__x` in class `A` -> `_A__x`).
std::string Mangle(std::string_view cls, std::string_view name) {
  if (name.size() < 2 || name.substr(0, 2) != "__") return std::string(name);
  if (name.size() >= 4 && name.substr(name.size() - 2) == "__") return std::string(name);
  size_t k = 0;
  while (k < cls.size() && cls[k] == '_') ++k;
  if (k == cls.size()) return std::string(name);
  return "_" + std::string(cls.substr(k)) + std::string(name);
}

}  // namespace

Type* CalculateMetaclass(Type* meta, Tuple* bases) {
  Type* winner = meta;
  for (int64_t i = 0; i < bases->size; ++i) {
    Type* tmp = bases->items[i]->type;
    if (IsSubtype(winner, tmp)) continue;
    if (IsSubtype(tmp, winner)) {
      winner = tmp;
      continue;
    }
    SetError(&TypeErrorType,
             "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
             "subclass of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}



// Calls __set_name__ on every attribute of the new class that has one (3.11 wraps errors in a
// RuntimeError whose cause is the original).
bool SetNames(Type* type) {
  Ref<Dict> copy = DictCopy(static_cast<Dict*>(type->dict));
  PY_RETURN_VALUE_IF_NULL(copy, false);
  Str* set_name = InternStr("__set_name__");
  int64_t pos = 0;
  Object* key;
  Object* value;
  while (DictNext(copy.get(), &pos, &key, &value)) {
    Object* f = TypeLookup(value->type, set_name);
    if (f == nullptr) continue;
    Object* a[2] = {type, key};
    bool found;
    Ref<> r = CallSpecial(value, set_name, a, 2, &found);
    if (!r) {
      Ref<> cause = FetchError();
      Ref<> krepr = Repr(key);
      SetErrorF(&RuntimeErrorType, "Error calling __set_name__ on '%s' instance %s in '%s'",
                TypeNameOf(value),
                krepr ? std::string(StrUtf8(static_cast<Str*>(krepr.get()))).c_str() : "?",
                type->name);
      if (krepr) {
        Ref<> exc = FetchError();
        ExceptionSetCause(exc.get(), cause.get());
        ExceptionSetContext(exc.get(), cause.get());
        RestoreError(std::move(exc));
      }
      return false;
    }
  }
  return true;
}

// super(type, type).__init_subclass__(**kwargs)
bool InitSubclass(Type* type, Object* const* kwvalues, Tuple* kwnames) {
  Str* name = InternStr("__init_subclass__");
  Tuple* mro = static_cast<Tuple*>(type->mro);
  for (int64_t i = 1; i < mro->size; ++i) {
    Type* b = static_cast<Type*>(mro->items[i]);
    if (b->dict == nullptr) continue;
    Object* attr = DictGetItemStr(static_cast<Dict*>(b->dict), name);
    if (attr == nullptr) continue;
    Ref<> keep = NewRef(attr);
    Ref<> bound = attr->type->descr_get != nullptr ? attr->type->descr_get(attr, nullptr, type)
                                                  : keep;
    PY_RETURN_VALUE_IF_NULL(bound, false);
    Ref<> r = Call(bound.get(), kwvalues, 0, kwnames);
    return static_cast<bool>(r);
  }
  return true;
}

Ref<> NewHeapTypeWithKwargs(Type* meta, Str* name, Tuple* bases_in, Dict* ns,
                            Object* const* kwvalues, Tuple* kwnames) {
  Type* winner = CalculateMetaclass(meta, bases_in);
  if (winner == nullptr) return nullptr;
  if (winner != meta && winner->new_ != &TypeNew) {
    // A more derived metaclass with its own __new__ takes over.
    size_t nkw = kwnames != nullptr ? static_cast<size_t>(kwnames->size) : 0;
    std::vector<Object*> a = {name, bases_in, ns};
    for (size_t i = 0; i < nkw; ++i) a.push_back(kwvalues[i]);
    return Call(winner, a.data(), 3, kwnames);
  }
  meta = winner;
  Ref<Tuple> bases = NewRef(bases_in);
  if (bases->size == 0) {
    bases = NewTupleFrom({&ObjectType});
    PY_RETURN_IF_NULL(bases);
  }
  Type* base = BestBase(bases.get());
  if (base == nullptr) return nullptr;

  Ref<Dict> dict = DictCopy(ns);
  PY_RETURN_IF_NULL(dict);
  std::string cls_name(StrUtf8(name));
  if (cls_name.find('\0') != std::string::npos) {
    SetError(&ValueErrorType, "type name must not contain null characters");
    return nullptr;
  }

  // __slots__
  bool add_dict = false, add_weak = false;
  std::vector<std::string> slot_names;
  Object* slots = DictGetItemUtf8(dict.get(), "__slots__");
  if (slots == nullptr) {
    add_dict = !HasInstanceDict(base);
    add_weak = !HasWeaklist(base) && !IsVarSized(base);
  } else {
    Ref<> seq = IsStr(slots) ? Ref<>(NewTupleFrom({slots})) : SequenceTuple(slots);
    PY_RETURN_IF_NULL(seq);
    Tuple* st = static_cast<Tuple*>(seq.get());
    for (int64_t i = 0; i < st->size; ++i) {
      Object* item = st->items[i];
      if (!IsStr(item)) {
        SetErrorF(&TypeErrorType, "__slots__ items must be strings, not '%s'", TypeNameOf(item));
        return nullptr;
      }
      std::string s(StrUtf8(static_cast<Str*>(item)));
      if (!IsIdentifier(s)) {
        SetError(&TypeErrorType, "__slots__ must be identifiers");
        return nullptr;
      }
      if (s == "__dict__") {
        if (add_dict || HasInstanceDict(base)) {
          SetError(&TypeErrorType, "__dict__ slot disallowed: we already got one");
          return nullptr;
        }
        add_dict = true;
        continue;
      }
      if (s == "__weakref__") {
        if (add_weak || HasWeaklist(base) || IsVarSized(base)) {
          SetError(&TypeErrorType,
                   "__weakref__ slot disallowed: either we already got one, or the itemsize is "
                   "nonzero");
          return nullptr;
        }
        add_weak = true;
        continue;
      }
      std::string mangled = Mangle(cls_name, s);
      if (DictGetItemUtf8(dict.get(), mangled) != nullptr) {
        SetErrorF(&ValueErrorType, "'%s' in __slots__ conflicts with class variable", s.c_str());
        return nullptr;
      }
      for (const std::string& prev : slot_names) {
        if (prev == mangled) {
          SetError(&TypeErrorType, "__slots__ items must be unique");  // CPython: duplicate
          return nullptr;
        }
      }
      slot_names.push_back(mangled);
    }
    if (!slot_names.empty() && IsVarSized(base)) {
      SetErrorF(&TypeErrorType, "nonempty __slots__ not supported for subtype of '%s'",
                base->name);
      return nullptr;
    }
    std::sort(slot_names.begin(), slot_names.end());
  }

  // __qualname__, __module__, __doc__, __classcell__
  Ref<> qualname = NewRef<Object>(name);
  if (Object* q = DictGetItemUtf8(dict.get(), "__qualname__")) {
    if (!IsStr(q)) {
      SetErrorF(&TypeErrorType, "type __qualname__ must be a str, not %s", TypeNameOf(q));
      return nullptr;
    }
    qualname = NewRef(q);
    if (DictDelItem(dict.get(), InternStr("__qualname__")) < 0) return nullptr;
  }
  if (DictGetItemUtf8(dict.get(), "__module__") == nullptr) {
    Object* globals = CurrentGlobals();
    if (globals != nullptr) {
      Object* modname = DictGetItemUtf8(static_cast<Dict*>(globals), "__name__");
      if (modname != nullptr && DictSetItemUtf8(dict.get(), "__module__", modname) < 0) {
        return nullptr;
      }
    }
  }
  Ref<> classcell;
  if (Object* cell = DictGetItemUtf8(dict.get(), "__classcell__")) {
    if (cell->type != &CellType) {
      Ref<> r = Repr(cell->type);
      SetErrorF(&TypeErrorType, "__classcell__ must be a nonlocal cell, not %s",
                r ? std::string(StrUtf8(static_cast<Str*>(r.get()))).c_str() : "?");
      return nullptr;
    }
    classcell = NewRef(cell);
    if (DictDelItem(dict.get(), InternStr("__classcell__")) < 0) return nullptr;
  }
  // Implicit staticmethod / classmethod.
  struct Implicit {
    const char* name;
    bool cls;
  };
  for (Implicit im : {Implicit{"__new__", false}, Implicit{"__init_subclass__", true},
                      Implicit{"__class_getitem__", true}}) {
    Object* f = DictGetItemUtf8(dict.get(), im.name);
    if (f == nullptr || f->type != &FunctionType) continue;
    Ref<> w = im.cls ? NewClassMethod(f) : NewStaticMethod(f);
    PY_RETURN_IF_NULL(w);
    if (DictSetItemUtf8(dict.get(), im.name, w.get()) < 0) return nullptr;
  }
  // A class that defines __eq__ but not __hash__ is unhashable.
  if (DictGetItemUtf8(dict.get(), "__eq__") != nullptr &&
      DictGetItemUtf8(dict.get(), "__hash__") == nullptr) {
    if (DictSetItemUtf8(dict.get(), "__hash__", None()) < 0) return nullptr;
  }

  // The type object.
  Type* type = AllocObject<Type>(meta, 0);
  if (type == nullptr) return nullptr;
  Ref<> result = StealRef<Object>(type);
  type->flags = kHeapType | kBaseType | kHaveGc;
  type->name = strdup(cls_name.c_str());
  type->ht_name = NewRef<Object>(name).release();
  type->ht_qualname = qualname.release();
  type->base = static_cast<Type*>(NewRef<Object>(base).release());
  type->bases = NewRef<Object>(bases.get()).release();
  type->basicsize = base->basicsize;
  type->varsize = base->varsize;
  type->nextras = base->nextras;
  type->dict_extra = base->dict_extra;
  type->weaklist_extra = base->weaklist_extra;
  int32_t first_slot = type->nextras;
  type->nextras += static_cast<int32_t>(slot_names.size());
  if (add_dict) type->dict_extra = type->nextras++;
  if (add_weak) type->weaklist_extra = type->nextras++;
  type->dealloc = &SubtypeDealloc;
  type->traverse = &SubtypeTraverse;
  type->clear = &SubtypeClear;
  for (size_t i = 0; i < slot_names.size(); ++i) {
    Ref<Str> sname = NewStr(slot_names[i]);
    PY_RETURN_IF_NULL(sname);
    InternInPlace(sname);
    Ref<> m = NewMemberDescriptor(type, sname.get(), first_slot + static_cast<int32_t>(i));
    PY_RETURN_IF_NULL(m);
    if (DictSetItemStr(dict.get(), sname.get(), m.get()) < 0) return nullptr;
  }
  Str* dict_name = InternStr("__dict__");
  Str* weak_name = InternStr("__weakref__");
  if (add_dict && TypeLookup(base, dict_name) == nullptr &&
      DictGetItemStr(dict.get(), dict_name) == nullptr) {
    Ref<> g = NewGetSetDescriptor(type, kInstanceDictGetSet);
    PY_RETURN_IF_NULL(g);
    if (DictSetItemStr(dict.get(), dict_name, g.get()) < 0) return nullptr;
  }
  if (add_weak && TypeLookup(base, weak_name) == nullptr &&
      DictGetItemStr(dict.get(), weak_name) == nullptr) {
    Ref<> g = NewGetSetDescriptor(type, kInstanceWeakrefGetSet);
    PY_RETURN_IF_NULL(g);
    if (DictSetItemStr(dict.get(), weak_name, g.get()) < 0) return nullptr;
  }
  // After the members and getsets, as CPython's PyType_Ready does.
  if (DictGetItemUtf8(dict.get(), "__doc__") == nullptr) {
    if (DictSetItemUtf8(dict.get(), "__doc__", None()) < 0) return nullptr;
  }
  type->dict = dict.release();
  if (!ReadyType(type)) return nullptr;
  FixupHeapSlots(type);
  TypeModified(type);
  if (classcell) {
    Cell* c = static_cast<Cell*>(classcell.get());
    Object* old = c->ref;
    c->ref = NewRef<Object>(type).release();
    Xdecref(old);
  }
  if (!SetNames(type)) return nullptr;
  if (!InitSubclass(type, kwvalues, kwnames)) return nullptr;
  return result;
}

Ref<> NewHeapType(Type* meta, Str* name, Tuple* bases, Dict* dict, Tuple* /*kwnames_unused*/) {
  return NewHeapTypeWithKwargs(meta, name, bases, dict, nullptr, nullptr);
}

Ref<> TypeNew(Type* meta, Object* const* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames != nullptr ? static_cast<size_t>(kwnames->size) : 0;
  if (meta == &TypeType && nargs == 1 && nkw == 0) return NewRef<Object>(args[0]->type);
  if (nargs != 3) {
    if (meta == &TypeType || nargs != 1) {
      SetError(&TypeErrorType, "type() takes 1 or 3 arguments");
    } else {
      SetErrorF(&TypeErrorType, "type.__new__() takes exactly 3 arguments (%zu given)", nargs);
    }
    return nullptr;
  }
  if (!IsStr(args[0])) {
    SetErrorF(&TypeErrorType, "type.__new__() argument 1 must be str, not %s",
              TypeNameOf(args[0]));
    return nullptr;
  }
  if (!IsTuple(args[1])) {
    SetErrorF(&TypeErrorType, "type.__new__() argument 2 must be tuple, not %s",
              TypeNameOf(args[1]));
    return nullptr;
  }
  if (!IsDict(args[2])) {
    SetErrorF(&TypeErrorType, "type.__new__() argument 3 must be dict, not %s",
              TypeNameOf(args[2]));
    return nullptr;
  }
  return NewHeapTypeWithKwargs(meta, static_cast<Str*>(args[0]), static_cast<Tuple*>(args[1]),
                               static_cast<Dict*>(args[2]), args + 3, kwnames);
}

// --- Heap-type instances --------------------------------------------------------------------

Type* StaticBase(Type* t) {
  while (t != nullptr && HasFlag(t, kHeapType)) t = t->base;
  return t != nullptr ? t : &ObjectType;
}

namespace {

// Drops the references a heap-type instance holds in its extra slots (dict, __slots__), all but
// the weakref list.
void ClearExtras(Object* o, Object** extras) {
  if (extras == nullptr) return;
  Type* type = o->type;
  for (int32_t i = 0; i < type->nextras; ++i) {
    if (i == type->weaklist_extra) continue;
    Object* v = extras[i];
    extras[i] = nullptr;
    Xdecref(v);
  }
}

}  // namespace

void SubtypeDealloc(Object* o) {
  Type* type = o->type;
  if (type->finalize != nullptr && CallFinalizerFromDealloc(o)) return;
  GcUntrack(o);
  Object** extras = ExtrasOf(o);
  if (type->weaklist_extra >= 0 && extras != nullptr && extras[type->weaklist_extra] != nullptr) {
    ClearWeakrefs(o);
  }
  ClearExtras(o, extras);
  Type* sb = StaticBase(type);
  if (sb->dealloc != nullptr) {
    sb->dealloc(o);
  } else {
    FreeObject(o);
  }
}

void SubtypeTraverse(Object* o, VisitFn visit, void* arg) {
  Type* type = o->type;
  Object** extras = ExtrasOf(o);
  if (extras != nullptr) {
    for (int32_t i = 0; i < type->nextras; ++i) {
      if (i != type->weaklist_extra && extras[i] != nullptr) visit(extras[i], arg);
    }
  }
  visit(type, arg);
  Type* sb = StaticBase(type);
  if (sb->traverse != nullptr) sb->traverse(o, visit, arg);
}

void SubtypeClear(Object* o) {
  ClearExtras(o, ExtrasOf(o));
  Type* sb = StaticBase(o->type);
  if (sb->clear != nullptr) sb->clear(o);
}

}  // namespace pyrite::vm
