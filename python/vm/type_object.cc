// `object`: the root of every class. Its slots (__new__/__init__ with CPython's excess-argument
// rules, repr, str, hash, comparisons, deallocation), its attributes (__class__ with assignment,
// instances' __dict__ and __weakref__) and methods (__format__, __dir__, __sizeof__,
// __init_subclass__, __subclasshook__, __reduce__, __reduce_ex__, __getstate__).
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/module.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/objects/weakref.h"
#include "python/vm/type.h"
#include "python/vm/type_internal.h"

namespace pyrite::vm {

namespace {

std::string U(Object* s) { return std::string(StrUtf8(static_cast<Str*>(s))); }

bool ExcessArgs(size_t nargs, Tuple* kwnames) {
  return nargs > 0 || (kwnames != nullptr && kwnames->size > 0);
}

// "Can't instantiate abstract class A with abstract methods f, g"
void AbstractError(Type* type) {
  Ref<> am = GetAttr(type, "__abstractmethods__");
  std::vector<std::string> names;
  if (am) {
    Ref<> l = SequenceList(am.get());
    if (l) {
      List* list = static_cast<List*>(l.get());
      for (int64_t i = 0; i < list->size; ++i) {
        if (IsStr(list->items[i])) names.push_back(U(list->items[i]));
      }
    }
  }
  ClearError();
  std::sort(names.begin(), names.end());
  SetErrorF(&TypeErrorType, "Can't instantiate abstract class %s with abstract method%s %s",
            type->name, names.size() == 1 ? "" : "s", absl::StrJoin(names, ", ").c_str());
}

Ref<> ObjectGetClass(Object* self) { return NewRef<Object>(self->type); }

bool SameLayout(Type* a, Type* b) {
  return StaticBase(a) == StaticBase(b) && a->basicsize == b->basicsize &&
         a->nextras == b->nextras && a->dict_extra == b->dict_extra &&
         a->weaklist_extra == b->weaklist_extra && a->dict_offset == b->dict_offset &&
         a->weaklist_offset == b->weaklist_offset;
}

int ObjectSetClass(Object* self, Object* value) {
  if (value == nullptr) {
    SetError(&TypeErrorType, "can't delete __class__ attribute");
    return -1;
  }
  if (!HasFlag(value->type, kTypeSubclass)) {
    SetErrorF(&TypeErrorType, "__class__ must be set to a class, not '%s' object",
              TypeNameOf(value));
    return -1;
  }
  Type* newto = static_cast<Type*>(value);
  Type* oldto = self->type;
  bool ok = (HasFlag(newto, kHeapType) && HasFlag(oldto, kHeapType)) ||
            (IsSubtype(newto, &ModuleType) && IsSubtype(oldto, &ModuleType));
  if (!ok) {
    SetError(&TypeErrorType,
             "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (!SameLayout(newto, oldto)) {
    SetErrorF(&TypeErrorType, "__class__ assignment: '%s' object layout differs from '%s'",
              newto->name, oldto->name);
    return -1;
  }
  if (HasFlag(newto, kHeapType)) Incref(newto);
  self->type = newto;
  if (HasFlag(oldto, kHeapType)) Decref(oldto);
  return 0;
}

Ref<> InstanceDictGet(Object* self) {
  Object** p = InstanceDictPtr(self);
  if (p == nullptr) {
    SetError(&AttributeErrorType, "This object has no __dict__");
    return nullptr;
  }
  if (!EnsureDict(p)) return nullptr;
  return NewRef(*p);
}

int InstanceDictSet(Object* self, Object* value) {
  Object** p = InstanceDictPtr(self);
  if (p == nullptr) {
    SetError(&AttributeErrorType, "This object has no __dict__");
    return -1;
  }
  if (value != nullptr && !IsDict(value)) {
    SetErrorF(&TypeErrorType, "__dict__ must be set to a dictionary, not a '%s'",
              TypeNameOf(value));
    return -1;
  }
  Object* old = *p;
  *p = value != nullptr ? NewRef(value).release() : nullptr;
  Xdecref(old);
  return 0;
}

Ref<> InstanceWeakrefGet(Object* self) {
  Object** p = InstanceWeaklistPtr(self);
  if (p == nullptr || *p == nullptr) return NewNone();
  return NewRef(*p);
}

Ref<> ObjectFormat(Object* self, Object* const* args, size_t, Tuple*) {
  Object* spec = args[0];
  if (!IsStr(spec)) {
    SetErrorF(&TypeErrorType, "__format__() argument must be str, not %s", TypeNameOf(spec));
    return nullptr;
  }
  if (static_cast<Str*>(spec)->length > 0) {
    SetErrorF(&TypeErrorType, "unsupported format string passed to %s.__format__",
              self->type->name);
    return nullptr;
  }
  return ToStr(self);
}

Ref<> ObjectSizeof(Object* self, Object* const*, size_t, Tuple*) {
  Type* t = self->type;
  size_t size = t->varsize != nullptr ? t->varsize(self) : t->basicsize;
  if (HasFlag(t, kHeapType)) size = ((size + 7) & ~size_t{7}) + sizeof(Object*) * t->nextras;
  return NewInt(static_cast<int64_t>(size));
}

Ref<> ObjectDir(Object* self, Object* const*, size_t, Tuple*) {
  Ref<Dict> d;
  Ref<> own = LookupAttr(self, InternStr("__dict__"));
  if (!own && ErrorOccurred()) return nullptr;
  if (own && IsDict(own.get())) {
    d = DictCopy(static_cast<Dict*>(own.get()));
  } else {
    d = NewDict();
  }
  PY_RETURN_IF_NULL(d);
  Ref<> cls = LookupAttr(self, InternStr("__class__"));
  if (!cls && ErrorOccurred()) return nullptr;
  if (cls && !MergeClassDict(d.get(), cls.get())) return nullptr;
  return DictKeys(d.get());
}

Ref<> ObjectInitSubclass(Object*, Object* const*, size_t, Tuple*) { return NewNone(); }

Ref<> ObjectSubclassHook(Object*, Object* const*, size_t, Tuple*) {
  return NewNotImplemented();
}

// object.__getstate__(): the instance dict (or None), with __slots__ values as a second dict.
Ref<> ObjectGetState(Object* self, Object* const*, size_t, Tuple*) {
  Object** dp = InstanceDictPtr(self);
  Ref<> state;
  if (dp != nullptr && *dp != nullptr && DictSize(static_cast<Dict*>(*dp)) > 0) {
    state = DictCopy(static_cast<Dict*>(*dp));
  } else {
    state = NewNone();
  }
  PY_RETURN_IF_NULL(state);
  return state;
}

Ref<> ReduceWithCopyreg(Object* self, int64_t proto) {
  Ref<> copyreg = ImportModule("copyreg");
  PY_RETURN_IF_NULL(copyreg);
  if (proto >= 2) {
    Ref<> newobj = GetAttr(copyreg.get(), "__newobj__");
    PY_RETURN_IF_NULL(newobj);
    Ref<> args = NewTupleFrom({self->type});
    PY_RETURN_IF_NULL(args);
    Ref<> state = ObjectGetState(self, nullptr, 0, nullptr);
    PY_RETURN_IF_NULL(state);
    return NewTupleFrom({newobj.get(), args.get(), state.get(), None(), None()});
  }
  Ref<> f = GetAttr(copyreg.get(), "_reduce_ex");
  PY_RETURN_IF_NULL(f);
  Ref<> p = NewInt(proto);
  PY_RETURN_IF_NULL(p);
  Object* a[2] = {self, p.get()};
  return Call(f.get(), a, 2);
}

Ref<> ObjectReduce(Object* self, Object* const*, size_t, Tuple*) {
  return ReduceWithCopyreg(self, 0);
}

Ref<> ObjectReduceEx(Object* self, Object* const* args, size_t, Tuple*) {  // NOLINT
  int64_t proto;
  if (!AsSsize(args[0], &OverflowErrorType, &proto)) return nullptr;
  // A class overriding __reduce__ is asked first.
  Str* reduce = InternStr("__reduce__");
  Object* override = TypeLookup(self->type, reduce);
  Object* base = TypeLookup(&ObjectType, reduce);
  if (override != nullptr && override != base) return CallMethod(self, reduce, nullptr, 0);
  return ReduceWithCopyreg(self, proto);
}

}  // namespace

Ref<> ObjectNew(Type* type, Object* const* /*args*/, size_t nargs, Tuple* kwnames) {
  if (ExcessArgs(nargs, kwnames)) {
    if (type->new_ != &ObjectNew) {
      SetError(&TypeErrorType,
               "object.__new__() takes exactly one argument (the type to instantiate)");
      return nullptr;
    }
    if (type->init == &ObjectInit) {
      SetErrorF(&TypeErrorType, "%s() takes no arguments", type->name);
      return nullptr;
    }
  }
  if (HasFlag(type, kAbstract)) {
    AbstractError(type);
    return nullptr;
  }
  Object* o = AllocRaw(type, type->basicsize);
  if (o == nullptr) return nullptr;
  if (HasFlag(type, kHaveGc)) GcTrack(o);
  return StealRef(o);
}

int ObjectInit(Object* self, Object* const* /*args*/, size_t nargs, Tuple* kwnames) {
  if (ExcessArgs(nargs, kwnames)) {
    Type* type = self->type;
    if (type->init != &ObjectInit) {
      SetError(&TypeErrorType,
               "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->new_ == &ObjectNew) {
      SetErrorF(&TypeErrorType, "%s() takes no arguments", type->name);
      return -1;
    }
  }
  return 0;
}

Ref<> ObjectRepr(Object* o) {
  Type* t = o->type;
  Ref<> mod = GetAttr(t, "__module__");
  if (!mod) ClearError();
  Ref<> qual = GetAttr(t, "__qualname__");
  std::string name;
  if (qual && IsStr(qual.get())) {
    name = U(qual.get());
  } else {
    ClearError();
    name = TypeName(t);
  }
  if (mod && IsStr(mod.get()) && U(mod.get()) != "builtins") {
    return NewStr(absl::StrFormat("<%s.%s object at %p>", U(mod.get()), name,
                                  static_cast<void*>(o)));
  }
  return NewStr(absl::StrFormat("<%s object at %p>", name, static_cast<void*>(o)));
}

Ref<> ObjectStr(Object* o) { return Repr(o); }

int64_t ObjectHash(Object* o) { return HashPointer(o); }

Ref<> ObjectRichCompare(Object* a, Object* b, CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      if (a == b) return NewBool(true);
      return NewNotImplemented();
    case CompareOp::kNe: {
      // __ne__ delegates to __eq__ and inverts the result unless it is NotImplemented.
      if (a->type->richcompare == nullptr) return NewNotImplemented();
      Ref<> r = a->type->richcompare(a, b, CompareOp::kEq);
      if (!r || r.get() == NotImplemented()) return r;
      int t = IsTrue(r.get());
      if (t < 0) return nullptr;
      return NewBool(t == 0);
    }
    default:
      return NewNotImplemented();
  }
}

void ObjectDealloc(Object* o) {
  GcUntrack(o);
  FreeObject(o);
}

const GetSetDef kObjectGetSets[] = {
    {"__class__", &ObjectGetClass, &ObjectSetClass, "the object's class"}, {nullptr, nullptr}};

const GetSetDef kInstanceDictGetSet[] = {
    {"__dict__", &InstanceDictGet, &InstanceDictSet,
     "dictionary for instance variables (if defined)"},
    {nullptr, nullptr}};

const GetSetDef kInstanceWeakrefGetSet[] = {
    {"__weakref__", &InstanceWeakrefGet, nullptr,
     "list of weak references to the object (if defined)"},
    {nullptr, nullptr}};

const MethodDef kObjectMethods[] = {
    {"__reduce_ex__", &ObjectReduceEx, kMethO, "Helper for pickle."},
    {"__reduce__", &ObjectReduce, kMethNoArgs, "Helper for pickle."},
    {"__getstate__", &ObjectGetState, kMethNoArgs, "Helper for pickle."},
    {"__subclasshook__", &ObjectSubclassHook, kMethClass | kMethFastcall,
     "Abstract classes can override this to customize issubclass()."},
    {"__init_subclass__", &ObjectInitSubclass, kMethClass | kMethNoArgs,
     "This method is called when a class is subclassed."},
    {"__format__", &ObjectFormat, kMethO, "Default object formatter."},
    {"__sizeof__", &ObjectSizeof, kMethNoArgs, "Size of object in memory, in bytes."},
    {"__dir__", &ObjectDir, kMethNoArgs, "Default dir() implementation."},
    {nullptr, nullptr, 0}};

}  // namespace pyrite::vm
