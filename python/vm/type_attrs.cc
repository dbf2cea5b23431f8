// The attributes of type objects: type's getsets (__name__, __qualname__, __module__, __bases__,
// __base__, __mro__, __dict__, __doc__, __abstractmethods__, __annotations__), its methods (mro,
// __subclasses__, __instancecheck__, __subclasscheck__, __prepare__, __dir__, __sizeof__),
// type.__setattr__ and type.__repr__; and the read-only `mappingproxy` that `__dict__` returns.
#include <cstring>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/descr.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/type.h"
#include "python/vm/type_internal.h"

namespace pyrite::vm {

Type MappingProxyType;

namespace {

Type* AsType(Object* o) { return static_cast<Type*>(o); }
std::string U(Object* s) { return std::string(StrUtf8(static_cast<Str*>(s))); }

// --- mappingproxy ---------------------------------------------------------------------------

struct MappingProxy : Object {
  Object* mapping;
};

Object* Mapping(Object* self) { return static_cast<MappingProxy*>(self)->mapping; }

Ref<> ProxyRepr(Object* self) {
  Ref<> r = Repr(Mapping(self));
  PY_RETURN_IF_NULL(r);
  return NewStr(absl::StrCat("mappingproxy(", U(r.get()), ")"));
}
Ref<> ProxyGetItem(Object* self, Object* key) { return GetItem(Mapping(self), key); }
int64_t ProxyLength(Object* self) { return Length(Mapping(self)); }
int ProxyContains(Object* self, Object* key) { return Contains(Mapping(self), key); }
Ref<> ProxyIter(Object* self) { return GetIter(Mapping(self)); }
Ref<> ProxyRichCompare(Object* self, Object* other, CompareOp op) {
  return RichCompare(Mapping(self), other, op);
}
Ref<> ProxyDelegate(Object* self, const char* name, Object* const* args, size_t nargs) {
  return CallMethod(Mapping(self), InternStr(name), args, nargs);
}
Ref<> ProxyKeys(Object* self, Object* const*, size_t, Tuple*) {
  return ProxyDelegate(self, "keys", nullptr, 0);
}
Ref<> ProxyValues(Object* self, Object* const*, size_t, Tuple*) {
  return ProxyDelegate(self, "values", nullptr, 0);
}
Ref<> ProxyItems(Object* self, Object* const*, size_t, Tuple*) {
  return ProxyDelegate(self, "items", nullptr, 0);
}
Ref<> ProxyCopy(Object* self, Object* const*, size_t, Tuple*) {
  return ProxyDelegate(self, "copy", nullptr, 0);
}
Ref<> ProxyGet(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("get", nargs, 1, 2)) return nullptr;
  return ProxyDelegate(self, "get", args, nargs);
}
const MethodDef kProxyMethods[] = {
    {"keys", &ProxyKeys, kMethNoArgs},   {"values", &ProxyValues, kMethNoArgs},
    {"items", &ProxyItems, kMethNoArgs}, {"copy", &ProxyCopy, kMethNoArgs},
    {"get", &ProxyGet, kMethFastcall},   {nullptr}};

Ref<> ProxyNew(Type*, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kP{"mappingproxy", {"mapping"}, 0, 1};
  Object* a[1];
  if (!ParseArgs(kP, args, nargs, kwnames, a)) return nullptr;
  if (a[0]->type->subscript == nullptr || IsList(a[0]) || IsTuple(a[0])) {
    SetErrorF(&TypeErrorType, "mappingproxy() argument must be a mapping, not %s",
              TypeNameOf(a[0]));
    return nullptr;
  }
  return NewMappingProxy(a[0]);
}

// Setters of type's getsets can be reached through the descriptor directly
// (type.__dict__['__name__'].__set__(int, 'x')), bypassing type.__setattr__'s check.
bool CheckSettable(Type* t, const char* name, Object* value) {
  if (HasFlag(t, kImmutableType) || !HasFlag(t, kHeapType)) {
    SetErrorF(&TypeErrorType, "cannot %s '%s' attribute of immutable type '%s'",
              value != nullptr ? "set" : "delete", name, t->name);
    return false;
  }
  return true;
}

// CheckSettable for an attribute that cannot be deleted either (value null).
bool CheckAssignable(Type* t, const char* name, Object* value) {
  if (!CheckSettable(t, name, value)) return false;
  if (value == nullptr) {
    SetErrorF(&TypeErrorType, "cannot delete '%s' attribute of immutable type '%s'", name, t->name);
    return false;
  }
  return true;
}

// --- type's getsets -------------------------------------------------------------------------

Ref<> TypeGetName(Object* self) {
  Type* t = AsType(self);
  if (HasFlag(t, kHeapType) && t->ht_name != nullptr) return NewRef(t->ht_name);
  return NewStr(TypeName(t));
}

int TypeSetName(Object* self, Object* value) {
  Type* t = AsType(self);
  if (!CheckAssignable(t, "__name__", value)) return -1;
  if (!IsStr(value)) {
    SetErrorF(&TypeErrorType, "can only assign string to %s.__name__, not '%s'", t->name,
              TypeNameOf(value));
    return -1;
  }
  std::string n = U(value);
  if (n.find('\0') != std::string::npos) {
    SetError(&ValueErrorType, "type name must not contain null characters");
    return -1;
  }
  std::free(const_cast<char*>(t->name));
  t->name = strdup(n.c_str());
  Object* old = t->ht_name;
  t->ht_name = NewRef(value).release();
  Xdecref(old);
  return 0;
}

Ref<> TypeGetQualname(Object* self) {
  Type* t = AsType(self);
  if (HasFlag(t, kHeapType) && t->ht_qualname != nullptr) return NewRef(t->ht_qualname);
  return TypeGetName(self);
}

int TypeSetQualname(Object* self, Object* value) {
  Type* t = AsType(self);
  if (!CheckAssignable(t, "__qualname__", value)) return -1;
  if (!IsStr(value)) {
    SetErrorF(&TypeErrorType, "can only assign string to %s.__qualname__, not '%s'", t->name,
              TypeNameOf(value));
    return -1;
  }
  Object* old = t->ht_qualname;
  t->ht_qualname = NewRef(value).release();
  Xdecref(old);
  return 0;
}

Ref<> TypeGetModule(Object* self) {
  Type* t = AsType(self);
  if (HasFlag(t, kHeapType)) {
    Object* m = t->dict != nullptr ? DictGetItemUtf8(static_cast<Dict*>(t->dict), "__module__")
                                   : nullptr;
    if (m == nullptr) {
      SetError(&AttributeErrorType, "__module__");
      return nullptr;
    }
    return NewRef(m);
  }
  const char* dot = std::strrchr(t->name, '.');
  if (dot != nullptr) return NewStr(std::string_view(t->name, static_cast<size_t>(dot - t->name)));
  return NewRef<Object>(InternStr("builtins"));
}

// type.__module__ / type.__doc__ = value: stored in the type's dict (never deleted).
int SetTypeDictAttr(Object* self, const char* name, Object* value) {
  Type* t = AsType(self);
  if (!CheckAssignable(t, name, value)) return -1;
  TypeModified(t);
  return DictSetItemUtf8(static_cast<Dict*>(t->dict), name, value);
}

int TypeSetModule(Object* self, Object* value) {
  return SetTypeDictAttr(self, "__module__", value);
}

Ref<> TypeGetBases(Object* self) {
  Type* t = AsType(self);
  if (t->bases == nullptr) return NewTuple(0);
  return NewRef(t->bases);
}

Ref<> TypeGetBase(Object* self) {
  Type* t = AsType(self);
  if (t->base == nullptr) return NewNone();
  return NewRef<Object>(t->base);
}

Ref<> TypeGetMro(Object* self) {
  Type* t = AsType(self);
  if (t->mro == nullptr) return NewNone();
  return NewRef(t->mro);
}

Ref<> TypeGetDict(Object* self) {
  Type* t = AsType(self);
  if (t->dict == nullptr) return NewNone();
  return NewMappingProxy(t->dict);
}

Ref<> TypeGetDoc(Object* self) {
  Type* t = AsType(self);
  if (!HasFlag(t, kHeapType)) {
    if (t->doc != nullptr) return NewRef(t->doc);
    return NewNone();
  }
  Object* d = DictGetItemUtf8(static_cast<Dict*>(t->dict), "__doc__");
  if (d == nullptr) return NewNone();
  if (d->type->descr_get != nullptr) return d->type->descr_get(d, nullptr, self);
  return NewRef(d);
}

int TypeSetDoc(Object* self, Object* value) { return SetTypeDictAttr(self, "__doc__", value); }

Ref<> TypeGetAbstractMethods(Object* self) {
  Type* t = AsType(self);
  Object* v = (t != &TypeType && t->dict != nullptr)
                  ? DictGetItemUtf8(static_cast<Dict*>(t->dict), "__abstractmethods__")
                  : nullptr;
  if (v == nullptr) {
    SetError(&AttributeErrorType, "__abstractmethods__");
    return nullptr;
  }
  return NewRef(v);
}

int TypeSetAbstractMethods(Object* self, Object* value) {
  Type* t = AsType(self);
  if (!CheckSettable(t, "__abstractmethods__", value)) return -1;
  Dict* d = static_cast<Dict*>(t->dict);
  bool abstract = false;
  if (value != nullptr) {
    int r = IsTrue(value);
    if (r < 0) return -1;
    abstract = r != 0;
    if (DictSetItemUtf8(d, "__abstractmethods__", value) < 0) return -1;
  } else {
    int r = DictDelItem(d, InternStr("__abstractmethods__"));
    if (r < 0) return -1;
    if (r == 0) {
      SetError(&AttributeErrorType, "__abstractmethods__");
      return -1;
    }
  }
  TypeModified(t);
  if (abstract) {
    t->flags |= kAbstract;
  } else {
    t->flags &= ~static_cast<uint64_t>(kAbstract);
  }
  return 0;
}

Ref<> TypeGetAnnotations(Object* self) {
  Type* t = AsType(self);
  if (!HasFlag(t, kHeapType)) {
    SetErrorF(&AttributeErrorType, "type object '%s' has no attribute '__annotations__'",
              t->name);
    return nullptr;
  }
  Dict* d = static_cast<Dict*>(t->dict);
  Object* a = DictGetItemUtf8(d, "__annotations__");
  if (a != nullptr) {
    if (a->type->descr_get != nullptr) return a->type->descr_get(a, nullptr, self);
    return NewRef(a);
  }
  Ref<Dict> nd = NewDict();
  PY_RETURN_IF_NULL(nd);
  if (DictSetItemUtf8(d, "__annotations__", nd.get()) < 0) return nullptr;
  TypeModified(t);
  return nd;
}

int TypeSetAnnotations(Object* self, Object* value) {
  Type* t = AsType(self);
  if (!CheckSettable(t, "__annotations__", value)) return -1;
  if (!HasFlag(t, kHeapType)) {
    SetErrorF(&TypeErrorType, "cannot set '__annotations__' attribute of immutable type '%s'",
              t->name);
    return -1;
  }
  Dict* d = static_cast<Dict*>(t->dict);
  TypeModified(t);
  if (value != nullptr) return DictSetItemUtf8(d, "__annotations__", value);
  int r = DictDelItem(d, InternStr("__annotations__"));
  if (r < 0) return -1;
  if (r == 0) {
    SetError(&AttributeErrorType, "__annotations__");
    return -1;
  }
  return 0;
}

Ref<> TypeGetBasicsize(Object* self) {
  return NewInt(static_cast<int64_t>(AsType(self)->basicsize));
}
Ref<> TypeGetItemsize(Object* self) { return NewInt(AsType(self)->varsize != nullptr ? 1 : 0); }
// __weakrefoffset__ / __dictoffset__: the field's offset in the struct, or where extra slot
// `extra` (after the struct, 8-byte aligned) lies, or 0 when there is neither.
Ref<> FieldOrExtraOffset(Type* t, int64_t offset, int64_t extra) {
  if (offset > 0) return NewInt(offset);
  if (extra >= 0) {
    return NewInt(static_cast<int64_t>(((t->basicsize + 7) & ~size_t{7}) + 8 * extra));
  }
  return NewInt(0);
}
Ref<> TypeGetWeakrefoffset(Object* self) {
  Type* t = AsType(self);
  return FieldOrExtraOffset(t, t->weaklist_offset, t->weaklist_extra);
}
Ref<> TypeGetDictoffset(Object* self) {
  Type* t = AsType(self);
  return FieldOrExtraOffset(t, t->dict_offset, t->dict_extra);
}
// CPython's Py_TPFLAGS_* bits for the flags Pyrite tracks.
Ref<> TypeGetFlags(Object* self) {
  Type* t = AsType(self);
  struct Bit {
    uint64_t ours;
    int64_t cpython;
  };
  static const Bit kBits[] = {
      {kSequence, 1 << 5},          {kMapping, 1 << 6},
      {kImmutableType, 1 << 8},     {kHeapType, 1 << 9},
      {kBaseType, 1 << 10},         {kReady, 1 << 12},
      {kHaveGc, 1 << 14},           {kMethodDescriptor, 1 << 17},
      {kAbstract, 1 << 20},         {kIntSubclass, 1 << 24},
      {kListSubclass, 1 << 25},     {kTupleSubclass, 1 << 26},
      {kBytesSubclass, 1 << 27},    {kStrSubclass, 1 << 28},
      {kDictSubclass, 1 << 29},     {kBaseExceptionSubclass, 1 << 30},
      {kTypeSubclass, int64_t{1} << 31}};
  int64_t f = 0;
  for (const Bit& b : kBits) {
    if (t->flags & b.ours) f |= b.cpython;
  }
  return NewInt(f);
}
Ref<> TypeGetTextSignature(Object*) { return NewNone(); }

// --- type's methods -------------------------------------------------------------------------

Ref<> TypeMroMethod(Object* self, Object* const*, size_t, Tuple*) {
  Ref<> t = ComputeMro(AsType(self));
  PY_RETURN_IF_NULL(t);
  return SequenceList(t.get());
}

Ref<> TypeSubclasses(Object* self, Object* const*, size_t, Tuple*) {
  Type* t = AsType(self);
  Ref<List> l = NewList();
  PY_RETURN_IF_NULL(l);
  for (Type* sub : t->subclasses) {
    if (!ListAppend(l.get(), sub)) return nullptr;
  }
  return l;
}

Ref<> TypeInstanceCheck(Object* self, Object* const* args, size_t, Tuple*) {
  Object* inst = args[0];
  if (TypeCheck(inst, AsType(self))) return NewBool(true);
  // An object may claim another class through __class__ (proxies).
  Ref<> cls = LookupAttr(inst, InternStr("__class__"));
  if (!cls) {
    if (ErrorOccurred()) return nullptr;
    return NewBool(false);
  }
  if (cls.get() != inst->type && HasFlag(cls->type, kTypeSubclass)) {
    return NewBool(IsSubtype(AsType(cls.get()), AsType(self)));
  }
  return NewBool(false);
}

Ref<> TypeSubclassCheck(Object* self, Object* const* args, size_t, Tuple*) {
  Object* sub = args[0];
  if (!HasFlag(sub->type, kTypeSubclass)) {
    // Classes may be non-type objects with __bases__ (abc's virtual protocols).
    Ref<> bases = LookupAttr(sub, InternStr("__bases__"));
    if (!bases || !IsTuple(bases.get())) {
      if (ErrorOccurred()) return nullptr;
      SetError(&TypeErrorType, "issubclass() arg 1 must be a class");
      return nullptr;
    }
    return NewBool(false);
  }
  return NewBool(IsSubtype(AsType(sub), AsType(self)));
}

Ref<> TypePrepare(Object*, Object* const*, size_t, Tuple*) { return NewDict(); }

Ref<> TypeDirMethod(Object* self, Object* const*, size_t, Tuple*) {
  Ref<Dict> d = NewDict();
  PY_RETURN_IF_NULL(d);
  if (!MergeClassDict(d.get(), self)) return nullptr;
  return DictKeys(d.get());
}

Ref<> TypeSizeof(Object* self, Object* const*, size_t, Tuple*) {
  return NewInt(static_cast<int64_t>(self->type->basicsize));
}

}  // namespace

bool MergeClassDict(Dict* out, Object* cls) {
  Ref<> d = LookupAttr(cls, InternStr("__dict__"));
  if (!d) {
    if (ErrorOccurred()) return false;
  } else {
    Ref<> keys = GetIter(d.get());
    if (!keys) return false;
    while (Ref<> k = IterNext(keys.get())) {
      if (DictSetItem(out, k.get(), None()) < 0) return false;
    }
    if (ErrorOccurred()) return false;
  }
  Ref<> bases = LookupAttr(cls, InternStr("__bases__"));
  if (!bases) return !ErrorOccurred();
  if (!IsTuple(bases.get())) return true;
  Tuple* b = static_cast<Tuple*>(bases.get());
  for (int64_t i = 0; i < b->size; ++i) {
    if (!MergeClassDict(out, b->items[i])) return false;
  }
  return true;
}

Ref<> NewMappingProxy(Object* mapping) {
  MappingProxy* p = AllocObject<MappingProxy>(&MappingProxyType, 0);
  if (p == nullptr) return nullptr;
  p->mapping = NewRef(mapping).release();
  return StealRef<Object>(p);
}

void InitMappingProxyType() {
  InitStaticType(&MappingProxyType, {.name = "mappingproxy",
                                     .basicsize = sizeof(MappingProxy),
                                     .flags = kHaveGc | kMapping,
                                     .methods = kProxyMethods});
  MappingProxyType.dealloc = [](Object* o) {
    GcUntrack(o);
    Xdecref(Mapping(o));
    FreeObject(o);
  };
  MappingProxyType.traverse = [](Object* o, VisitFn visit, void* arg) {
    if (Mapping(o) != nullptr) visit(Mapping(o), arg);
  };
  MappingProxyType.repr = &ProxyRepr;
  MappingProxyType.str = [](Object* o) { return ToStr(Mapping(o)); };
  MappingProxyType.subscript = &ProxyGetItem;
  MappingProxyType.length = &ProxyLength;
  MappingProxyType.contains = &ProxyContains;
  MappingProxyType.iter = &ProxyIter;
  MappingProxyType.richcompare = &ProxyRichCompare;
  MappingProxyType.new_ = &ProxyNew;
}

const GetSetDef kTypeGetSets[] = {
    {"__basicsize__", &TypeGetBasicsize},
    {"__itemsize__", &TypeGetItemsize},
    {"__flags__", &TypeGetFlags},
    {"__weakrefoffset__", &TypeGetWeakrefoffset},
    {"__base__", &TypeGetBase},
    {"__dictoffset__", &TypeGetDictoffset},
    {"__mro__", &TypeGetMro},
    {"__name__", &TypeGetName, &TypeSetName},
    {"__qualname__", &TypeGetQualname, &TypeSetQualname},
    {"__bases__", &TypeGetBases},
    {"__module__", &TypeGetModule, &TypeSetModule},
    {"__abstractmethods__", &TypeGetAbstractMethods, &TypeSetAbstractMethods},
    {"__dict__", &TypeGetDict},
    {"__doc__", &TypeGetDoc, &TypeSetDoc},
    {"__text_signature__", &TypeGetTextSignature},
    {"__annotations__", &TypeGetAnnotations, &TypeSetAnnotations},
    {nullptr, nullptr}};

const MethodDef kTypeMethods[] = {
    {"mro", &TypeMroMethod, kMethNoArgs, "Return a type's method resolution order."},
    {"__subclasses__", &TypeSubclasses, kMethNoArgs,
     "Return a list of immediate subclasses."},
    {"__prepare__", &TypePrepare, kMethClass | kMethKeywords,
     "Create the namespace for the class statement"},
    {"__instancecheck__", &TypeInstanceCheck, kMethO, "Check if an object is an instance."},
    {"__subclasscheck__", &TypeSubclassCheck, kMethO, "Check if a class is a subclass."},
    {"__dir__", &TypeDirMethod, kMethNoArgs, "Specialized __dir__ implementation for types."},
    {"__sizeof__", &TypeSizeof, kMethNoArgs, "Return memory consumption of the type object."},
    {nullptr, nullptr, 0}};

int TypeSetAttro(Object* o, Str* name, Object* value) {
  Type* t = AsType(o);
  if (HasFlag(t, kImmutableType)) {
    // CPython says "set" for deletions too.
    SetErrorF(&TypeErrorType, "cannot set '%s' attribute of immutable type '%s'",
              std::string(StrUtf8(name)).c_str(), t->name);
    return -1;
  }
  Object* meta_attr = TypeLookup(o->type, name);
  if (meta_attr != nullptr && meta_attr->type->descr_set != nullptr) {
    Ref<> keep = NewRef(meta_attr);
    return meta_attr->type->descr_set(meta_attr, o, value);
  }
  Ref<Str> key = NewRef(name);
  if (!key->interned) InternInPlace(key);
  Dict* d = static_cast<Dict*>(t->dict);
  if (value != nullptr) {
    if (DictSetItemStr(d, key.get(), value) < 0) return -1;
  } else {
    int r = DictDelItem(d, key.get());
    if (r < 0) return -1;
    if (r == 0) {
      SetErrorF(&AttributeErrorType, "type object '%s' has no attribute '%s'", t->name,
                std::string(StrUtf8(name)).c_str());
      return -1;
    }
  }
  TypeModified(t);
  std::string_view n = StrUtf8(key.get());
  if (n.size() > 4 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) == "__") {
    UpdateSlot(t, key.get());
  }
  return 0;
}

Ref<> TypeRepr(Object* o) {
  Type* t = AsType(o);
  Ref<> mod = TypeGetModule(o);
  if (!mod) ClearError();
  Ref<> qual = TypeGetQualname(o);
  PY_RETURN_IF_NULL(qual);
  if (mod && IsStr(mod.get()) && U(mod.get()) != "builtins") {
    return NewStr(absl::StrCat("<class '", U(mod.get()), ".", U(qual.get()), "'>"));
  }
  (void)t;
  return NewStr(absl::StrCat("<class '", U(qual.get()), "'>"));
}

}  // namespace pyrite::vm
