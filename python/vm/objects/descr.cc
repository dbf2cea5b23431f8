// Callables and descriptors of builtin types (CPython's methodobject.c and descrobject.c):
// builtin functions and bound builtin methods (builtin_function_or_method), method descriptors
// (`list.append`), classmethod descriptors (`dict.__dict__['fromkeys']`), getset descriptors,
// member descriptors (__slots__), slot wrappers (`int.__add__`) and method-wrappers
// (`(1).__add__`), and the `T.__new__` builtin of builtin types.
//
// classmethod, staticmethod, property and super are in descr_func.cc.
#include "python/vm/objects/descr.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/module.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"
#include "python/vm/type_internal.h"

namespace pyrite::vm {

Type BuiltinFunctionType;
Type MethodDescriptorType;
Type ClassMethodDescriptorType;
Type GetSetDescriptorType;
Type MemberDescriptorType;
Type WrapperDescriptorType;
Type MethodWrapperType;

void InitDescrFuncTypes();  // descr_func.cc

namespace {

struct WrapperDescriptor : Object {
  Type* owner;
  const SlotDef* def;
  AnyFn fn;
};

struct MethodWrapper : Object {
  Object* descr;  // WrapperDescriptor
  Object* self;
};

std::string U(Object* s) { return std::string(StrUtf8(static_cast<Str*>(s))); }

// --- Calling a MethodDef with its flag checks -------------------------------------------------

// The name CPython's messages use: "len", "list.append", "math.floor".
std::string BuiltinQualname(const MethodDef* def, Object* self) {
  if (self == nullptr || TypeCheck(self, &ModuleType)) return def->name;
  if (HasFlag(self->type, kTypeSubclass)) {
    return absl::StrCat(TypeName(static_cast<Type*>(self)), ".", def->name);
  }
  return absl::StrCat(TypeNameOf(self), ".", def->name);
}

std::string FunctionStr(const MethodDef* def, Object* self, Object* module) {
  std::string q = BuiltinQualname(def, self);
  if (module != nullptr && IsStr(module)) {
    std::string m = U(module);
    if (m != "builtins") return absl::StrCat(m, ".", q);
  }
  return q;
}

Ref<> CallDef(const MethodDef* def, Object* self, Object* module, Object* const* args,
              size_t nargs, Tuple* kwnames) {
  uint32_t f = def->flags;
  if (!(f & kMethKeywords) && kwnames != nullptr && kwnames->size > 0) {
    SetErrorF(&TypeErrorType, "%s() takes no keyword arguments",
              FunctionStr(def, self, module).c_str());
    return nullptr;
  }
  if ((f & kMethNoArgs) && nargs != 0) {
    SetErrorF(&TypeErrorType, "%s() takes no arguments (%zu given)",
              FunctionStr(def, self, module).c_str(), nargs);
    return nullptr;
  }
  if ((f & kMethO) && nargs != 1) {
    SetErrorF(&TypeErrorType, "%s() takes exactly one argument (%zu given)",
              FunctionStr(def, self, module).c_str(), nargs);
    return nullptr;
  }
  if (!EnterRecursiveCall(" while calling a Python object")) return nullptr;
  Ref<> r = def->fn(self, args, nargs, kwnames);
  LeaveRecursiveCall();
  return r;
}

// --- builtin_function_or_method -------------------------------------------------------------

BuiltinFunction* AsBF(Object* o) { return static_cast<BuiltinFunction*>(o); }

Ref<> BFCall(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
  BuiltinFunction* f = AsBF(callable);
  return CallDef(f->def, f->self, f->module, args, nargs, kwnames);
}

Ref<> BFRepr(Object* o) {
  BuiltinFunction* f = AsBF(o);
  if (f->self == nullptr || TypeCheck(f->self, &ModuleType)) {
    return NewStr(absl::StrCat("<built-in function ", f->def->name, ">"));
  }
  return NewStr(absl::StrFormat("<built-in method %s of %s object at %p>", f->def->name,
                                TypeNameOf(f->self), static_cast<void*>(f->self)));
}

Ref<> BFRichCompare(Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || b->type != a->type) {
    return NewNotImplemented();
  }
  bool eq = AsBF(a)->def->fn == AsBF(b)->def->fn && AsBF(a)->self == AsBF(b)->self;
  return NewBool(op == CompareOp::kEq ? eq : !eq);
}

int64_t BFHash(Object* o) {
  int64_t h = HashPointer(AsBF(o)->self) ^
              HashPointer(reinterpret_cast<const void*>(AsBF(o)->def->fn));
  return h == -1 ? -2 : h;
}

Ref<> BFGetName(Object* o) { return NewStr(AsBF(o)->def->name); }
Ref<> BFGetQualname(Object* o) { return NewStr(BuiltinQualname(AsBF(o)->def, AsBF(o)->self)); }
Ref<> BFGetSelf(Object* o) {
  Object* s = AsBF(o)->self;
  return NewRef(s != nullptr ? s : None());
}
Ref<> BFGetModule(Object* o) {
  Object* m = AsBF(o)->module;
  return NewRef(m != nullptr ? m : None());
}
int BFSetModule(Object* o, Object* v) {
  BuiltinFunction* f = AsBF(o);
  Object* old = f->module;
  f->module = v != nullptr ? NewRef(v).release() : nullptr;
  Xdecref(old);
  return 0;
}
Ref<> DocOf(const char* doc) {
  if (doc == nullptr) return NewNone();
  return NewStr(doc);
}
Ref<> BFGetDoc(Object* o) { return DocOf(AsBF(o)->def->doc); }
Ref<> GetNoneAttr(Object*) { return NewNone(); }

const GetSetDef kBFGetSets[] = {{"__name__", &BFGetName},
                                {"__qualname__", &BFGetQualname},
                                {"__self__", &BFGetSelf},
                                {"__module__", &BFGetModule, &BFSetModule},
                                {"__doc__", &BFGetDoc},
                                {"__text_signature__", &GetNoneAttr},
                                {nullptr, nullptr}};

// --- method_descriptor / classmethod_descriptor -------------------------------------------------

MethodDescriptor* AsMD(Object* o) { return static_cast<MethodDescriptor*>(o); }

bool CheckDescrApplies(const char* name, Type* owner, Object* obj) {
  if (TypeCheck(obj, owner)) return true;
  SetErrorF(&TypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
            name, owner->name, TypeNameOf(obj));
  return false;
}

Ref<> MDGet(Object* descr, Object* obj, Object*) {
  MethodDescriptor* d = AsMD(descr);
  if (obj == nullptr) return NewRef(descr);
  if (!CheckDescrApplies(d->def->name, d->owner, obj)) return nullptr;
  return NewBuiltinFunction(d->def, obj);
}

Ref<> MDCall(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
  MethodDescriptor* d = AsMD(callable);
  if (nargs < 1) {
    SetErrorF(&TypeErrorType, "unbound method %s.%s() needs an argument", TypeName(d->owner),
              d->def->name);
    return nullptr;
  }
  if (!CheckDescrApplies(d->def->name, d->owner, args[0])) return nullptr;
  return CallDef(d->def, args[0], nullptr, args + 1, nargs - 1, kwnames);
}

Ref<> MDRepr(Object* o) {
  return NewStr(absl::StrFormat("<method '%s' of '%s' objects>", AsMD(o)->def->name,
                                TypeName(AsMD(o)->owner)));
}

Ref<> CMDGet(Object* descr, Object* obj, Object* type) {
  MethodDescriptor* d = AsMD(descr);
  if (type == nullptr) {
    if (obj == nullptr) {
      SetErrorF(&TypeErrorType, "descriptor '%s' for type '%s' needs either an object or a type",
                d->def->name, d->owner->name);
      return nullptr;
    }
    type = obj->type;
  }
  if (!HasFlag(type->type, kTypeSubclass)) {
    SetErrorF(&TypeErrorType, "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2",
              d->def->name, d->owner->name, TypeNameOf(type));
    return nullptr;
  }
  if (!IsSubtype(static_cast<Type*>(type), d->owner)) {
    SetErrorF(&TypeErrorType, "descriptor '%s' requires a subtype of '%s' but received '%s'",
              d->def->name, d->owner->name, static_cast<Type*>(type)->name);
    return nullptr;
  }
  return NewBuiltinFunction(d->def, type);
}

Ref<> CMDCall(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
  MethodDescriptor* d = AsMD(callable);
  if (nargs < 1) {
    SetErrorF(&TypeErrorType, "descriptor '%s' of '%s' object needs an argument", d->def->name,
              d->owner->name);
    return nullptr;
  }
  Object* type = args[0];
  if (!HasFlag(type->type, kTypeSubclass) || !IsSubtype(static_cast<Type*>(type), d->owner)) {
    SetErrorF(&TypeErrorType, "descriptor '%s' requires a subtype of '%s' but received '%s'",
              d->def->name, d->owner->name, TypeNameOf(type));
    return nullptr;
  }
  return CallDef(d->def, type, nullptr, args + 1, nargs - 1, kwnames);
}

// The getsets of the descriptors of a static definition: D has `owner` and `def` (a MethodDef,
// GetSetDef or SlotDef with a `name`; DefDoc also needs its `doc`).
template <typename D>
Ref<> DefName(Object* o) {
  return NewStr(static_cast<D*>(o)->def->name);
}
template <typename D>
Ref<> DefQualname(Object* o) {
  D* d = static_cast<D*>(o);
  return NewStr(absl::StrCat(TypeName(d->owner), ".", d->def->name));
}
template <typename D>
Ref<> DescrObjclass(Object* o) {
  return NewRef<Object>(static_cast<D*>(o)->owner);
}
template <typename D>
Ref<> DefDoc(Object* o) {
  return DocOf(static_cast<D*>(o)->def->doc);
}

const GetSetDef kMDGetSets[] = {{"__name__", &DefName<MethodDescriptor>},
                                {"__qualname__", &DefQualname<MethodDescriptor>},
                                {"__objclass__", &DescrObjclass<MethodDescriptor>},
                                {"__doc__", &DefDoc<MethodDescriptor>},
                                {"__text_signature__", &GetNoneAttr},
                                {nullptr, nullptr}};

// --- getset_descriptor ------------------------------------------------------------------------

GetSetDescriptor* AsGS(Object* o) { return static_cast<GetSetDescriptor*>(o); }

Ref<> GSGet(Object* descr, Object* obj, Object*) {
  GetSetDescriptor* d = AsGS(descr);
  if (obj == nullptr) return NewRef(descr);
  if (!CheckDescrApplies(d->def->name, d->owner, obj)) return nullptr;
  if (d->def->get == nullptr) {
    SetErrorF(&AttributeErrorType, "attribute '%s' of '%s' objects is not readable",
              d->def->name, d->owner->name);
    return nullptr;
  }
  return d->def->get(obj);
}

int GSSet(Object* descr, Object* obj, Object* value) {
  GetSetDescriptor* d = AsGS(descr);
  if (!CheckDescrApplies(d->def->name, d->owner, obj)) return -1;
  if (d->def->set == nullptr) {
    SetErrorF(&AttributeErrorType, "attribute '%s' of '%s' objects is not writable",
              d->def->name, d->owner->name);
    return -1;
  }
  return d->def->set(obj, value);
}

Ref<> GSRepr(Object* o) {
  return NewStr(absl::StrFormat("<attribute '%s' of '%s' objects>", AsGS(o)->def->name,
                                TypeName(AsGS(o)->owner)));
}

const GetSetDef kGSGetSets[] = {{"__name__", &DefName<GetSetDescriptor>},
                                {"__qualname__", &DefQualname<GetSetDescriptor>},
                                {"__objclass__", &DescrObjclass<GetSetDescriptor>},
                                {"__doc__", &DefDoc<GetSetDescriptor>},
                                {nullptr, nullptr}};

// --- member_descriptor ------------------------------------------------------------------------

MemberDescriptor* AsMem(Object* o) { return static_cast<MemberDescriptor*>(o); }

Object** MemberSlot(MemberDescriptor* d, Object* obj) {
  Object** extras = ExtrasOf(obj);
  if (extras == nullptr || d->index >= obj->type->nextras) return nullptr;
  return extras + d->index;
}

// The owner check of a member descriptor; the name is converted only for the error message.
bool CheckMemberApplies(MemberDescriptor* d, Object* obj) {
  if (TypeCheck(obj, d->owner)) return true;
  return CheckDescrApplies(U(d->name).c_str(), d->owner, obj);
}

void RaiseMemberMissing(MemberDescriptor* d, Object* obj) {
  SetErrorF(&AttributeErrorType, "'%s' object has no attribute '%s'", TypeNameOf(obj),
            U(d->name).c_str());
}

Ref<> MemGet(Object* descr, Object* obj, Object*) {
  MemberDescriptor* d = AsMem(descr);
  if (obj == nullptr) return NewRef(descr);
  if (!CheckMemberApplies(d, obj)) return nullptr;
  Object** p = MemberSlot(d, obj);
  if (p == nullptr || *p == nullptr) {
    RaiseMemberMissing(d, obj);
    return nullptr;
  }
  return NewRef(*p);
}

int MemSet(Object* descr, Object* obj, Object* value) {
  MemberDescriptor* d = AsMem(descr);
  if (!CheckMemberApplies(d, obj)) return -1;
  Object** p = MemberSlot(d, obj);
  if (p == nullptr) {
    RaiseMemberMissing(d, obj);
    return -1;
  }
  if (value == nullptr && *p == nullptr) {
    SetErrorWithValue(&AttributeErrorType, d->name);
    return -1;
  }
  Object* old = *p;
  *p = value != nullptr ? NewRef(value).release() : nullptr;
  Xdecref(old);
  return 0;
}

Ref<> MemRepr(Object* o) {
  return NewStr(absl::StrFormat("<member '%s' of '%s' objects>", U(AsMem(o)->name),
                                TypeName(AsMem(o)->owner)));
}
Ref<> MemGetName(Object* o) { return NewRef(AsMem(o)->name); }
Ref<> MemGetQualname(Object* o) {
  return NewStr(absl::StrCat(TypeName(AsMem(o)->owner), ".", U(AsMem(o)->name)));
}

const GetSetDef kMemGetSets[] = {{"__name__", &MemGetName},
                                 {"__qualname__", &MemGetQualname},
                                 {"__objclass__", &DescrObjclass<MemberDescriptor>},
                                 {"__doc__", &GetNoneAttr},
                                 {nullptr, nullptr}};

// --- wrapper_descriptor / method-wrapper ------------------------------------------------------

WrapperDescriptor* AsWD(Object* o) { return static_cast<WrapperDescriptor*>(o); }
MethodWrapper* AsMW(Object* o) { return static_cast<MethodWrapper*>(o); }

Ref<> WDGet(Object* descr, Object* obj, Object*) {
  WrapperDescriptor* d = AsWD(descr);
  if (obj == nullptr) return NewRef(descr);
  if (!CheckDescrApplies(d->def->name, d->owner, obj)) return nullptr;
  MethodWrapper* w = AllocObject<MethodWrapper>(&MethodWrapperType, 0);
  if (w == nullptr) return nullptr;
  w->descr = NewRef(descr).release();
  w->self = NewRef(obj).release();
  return StealRef<Object>(w);
}

Ref<> WDCall(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
  WrapperDescriptor* d = AsWD(callable);
  if (nargs < 1) {
    SetErrorF(&TypeErrorType, "descriptor '%s' of '%s' object needs an argument", d->def->name,
              d->owner->name);
    return nullptr;
  }
  if (!TypeCheck(args[0], d->owner)) {
    SetErrorF(&TypeErrorType, "descriptor '%s' requires a '%s' object but received a '%s'",
              d->def->name, d->owner->name, TypeNameOf(args[0]));
    return nullptr;
  }
  return CallSlotWrapper(d->def, d->fn, args[0], args + 1, nargs - 1, kwnames);
}

Ref<> WDRepr(Object* o) {
  return NewStr(absl::StrFormat("<slot wrapper '%s' of '%s' objects>", AsWD(o)->def->name,
                                TypeName(AsWD(o)->owner)));
}

const GetSetDef kWDGetSets[] = {{"__name__", &DefName<WrapperDescriptor>},
                                {"__qualname__", &DefQualname<WrapperDescriptor>},
                                {"__objclass__", &DescrObjclass<WrapperDescriptor>},
                                {"__doc__", &GetNoneAttr},
                                {"__text_signature__", &GetNoneAttr},
                                {nullptr, nullptr}};

Ref<> MWCall(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
  MethodWrapper* w = AsMW(callable);
  WrapperDescriptor* d = AsWD(w->descr);
  return CallSlotWrapper(d->def, d->fn, w->self, args, nargs, kwnames);
}

Ref<> MWRepr(Object* o) {
  MethodWrapper* w = AsMW(o);
  return NewStr(absl::StrFormat("<method-wrapper '%s' of %s object at %p>",
                                AsWD(w->descr)->def->name, TypeNameOf(w->self),
                                static_cast<void*>(w->self)));
}

Ref<> MWRichCompare(Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || b->type != a->type) {
    return NewNotImplemented();
  }
  bool eq = AsMW(a)->descr == AsMW(b)->descr && AsMW(a)->self == AsMW(b)->self;
  return NewBool(op == CompareOp::kEq ? eq : !eq);
}

int64_t MWHash(Object* o) {
  int64_t h = HashPointer(AsMW(o)->self) ^ HashPointer(AsMW(o)->descr);
  return h == -1 ? -2 : h;
}

Ref<> MWGetSelf(Object* o) { return NewRef(AsMW(o)->self); }
Ref<> MWGetName(Object* o) { return DefName<WrapperDescriptor>(AsMW(o)->descr); }
Ref<> MWGetQualname(Object* o) { return DefQualname<WrapperDescriptor>(AsMW(o)->descr); }
Ref<> MWGetObjclass(Object* o) { return DescrObjclass<WrapperDescriptor>(AsMW(o)->descr); }

const GetSetDef kMWGetSets[] = {{"__self__", &MWGetSelf},
                                {"__name__", &MWGetName},
                                {"__qualname__", &MWGetQualname},
                                {"__objclass__", &MWGetObjclass},
                                {"__doc__", &GetNoneAttr},
                                {"__text_signature__", &GetNoneAttr},
                                {nullptr, nullptr}};

// --- T.__new__ of builtin types ---------------------------------------------------------------

Ref<> TpNewWrapper(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  Type* type = static_cast<Type*>(self);
  if (nargs < 1) {
    SetErrorF(&TypeErrorType, "%s.__new__(): not enough arguments", type->name);
    return nullptr;
  }
  Object* arg0 = args[0];
  if (!HasFlag(arg0->type, kTypeSubclass)) {
    SetErrorF(&TypeErrorType, "%s.__new__(X): X is not a type object (%s)", type->name,
              TypeNameOf(arg0));
    return nullptr;
  }
  Type* subtype = static_cast<Type*>(arg0);
  if (!IsSubtype(subtype, type)) {
    SetErrorF(&TypeErrorType, "%s.__new__(%s): %s is not a subtype of %s", type->name,
              subtype->name, subtype->name, type->name);
    return nullptr;
  }
  // The most derived static base must use this __new__ (else the layout would be wrong).
  Type* staticbase = StaticBase(subtype);
  if (staticbase->new_ != type->new_) {
    SetErrorF(&TypeErrorType, "%s.__new__(%s) is not safe, use %s.__new__()", type->name,
              subtype->name, staticbase->name);
    return nullptr;
  }
  return type->new_(subtype, args + 1, nargs - 1, kwnames);
}

void InitDescriptorType(Type* t, const char* name, size_t size, const GetSetDef* getsets,
                        DestructorFn dealloc, TraverseFn traverse) {
  InitStaticType(t, {.name = name, .basicsize = size, .flags = kHaveGc, .getsets = getsets});
  t->dealloc = dealloc;
  t->traverse = traverse;
  t->getattro = &GenericGetAttr;
}

}  // namespace

const MethodDef kTpNewWrapperDef = {"__new__", &TpNewWrapper, kMethKeywords,
                                    "Create and return a new object.  See help(type) for "
                                    "accurate signature."};

Ref<> NewBuiltinFunction(const MethodDef* def, Object* self, Object* module_name) {
  BuiltinFunction* f = AllocObject<BuiltinFunction>(&BuiltinFunctionType, 0);
  if (f == nullptr) return nullptr;
  f->def = def;
  f->self = self != nullptr ? NewRef(self).release() : nullptr;
  f->module = module_name != nullptr ? NewRef(module_name).release() : nullptr;
  return StealRef<Object>(f);
}

namespace {

// A descriptor (struct D, of type `type`) of the static definition `def` on `owner`.
template <typename D, typename Def>
Ref<> NewDefDescriptor(Type* type, Type* owner, const Def* def) {
  D* d = AllocObject<D>(type, 0);
  if (d == nullptr) return nullptr;
  d->def = def;
  d->owner = static_cast<Type*>(NewRef<Object>(owner).release());
  return StealRef<Object>(d);
}

}  // namespace

Ref<> NewMethodDescriptor(Type* owner, const MethodDef* def) {
  return NewDefDescriptor<MethodDescriptor>(&MethodDescriptorType, owner, def);
}

Ref<> NewClassMethodDescriptor(Type* owner, const MethodDef* def) {
  return NewDefDescriptor<MethodDescriptor>(&ClassMethodDescriptorType, owner, def);
}

Ref<> NewGetSetDescriptor(Type* owner, const GetSetDef* def) {
  return NewDefDescriptor<GetSetDescriptor>(&GetSetDescriptorType, owner, def);
}

Ref<> NewMemberDescriptor(Type* owner, Str* name, int32_t index) {
  MemberDescriptor* d = AllocObject<MemberDescriptor>(&MemberDescriptorType, 0);
  if (d == nullptr) return nullptr;
  d->owner = static_cast<Type*>(NewRef<Object>(owner).release());
  d->name = NewRef<Object>(name).release();
  d->index = index;
  return StealRef<Object>(d);
}

Ref<> NewWrapperDescriptor(Type* owner, const SlotDef* def, AnyFn fn) {
  WrapperDescriptor* d = AllocObject<WrapperDescriptor>(&WrapperDescriptorType, 0);
  if (d == nullptr) return nullptr;
  d->owner = static_cast<Type*>(NewRef<Object>(owner).release());
  d->def = def;
  d->fn = fn;
  return StealRef<Object>(d);
}

bool IsWrapperDescriptor(Object* o) { return o->type == &WrapperDescriptorType; }
const SlotDef* WrapperDescriptorDef(Object* o) { return AsWD(o)->def; }
AnyFn WrapperDescriptorFn(Object* o) { return AsWD(o)->fn; }

void InitDescrTypes() {
  // Descriptors hold their owner type (a heap type may die before a descriptor taken from it).
  auto owner_dealloc = [](Object* o) {
    GcUntrack(o);
    Type* owner = static_cast<MethodDescriptor*>(o)->owner;
    FreeObject(o);
    Xdecref(owner);
  };
  auto owner_traverse = [](Object* o, VisitFn visit, void* arg) {
    VisitIf(static_cast<MethodDescriptor*>(o)->owner, visit, arg);
  };

  InitStaticType(&BuiltinFunctionType, {.name = "builtin_function_or_method",
                                        .basicsize = sizeof(BuiltinFunction),
                                        .flags = kHaveGc,
                                        .getsets = kBFGetSets});
  BuiltinFunctionType.dealloc = [](Object* o) {
    GcUntrack(o);
    BuiltinFunction* f = AsBF(o);
    Xdecref(f->self);
    Xdecref(f->module);
    FreeObject(o);
  };
  BuiltinFunctionType.traverse = [](Object* o, VisitFn visit, void* arg) {
    VisitIf(AsBF(o)->self, visit, arg);
    VisitIf(AsBF(o)->module, visit, arg);
  };
  BuiltinFunctionType.clear = [](Object* o) {
    BuiltinFunction* f = AsBF(o);
    ClearField(&f->self);
  };
  BuiltinFunctionType.call = &BFCall;
  BuiltinFunctionType.repr = &BFRepr;
  BuiltinFunctionType.richcompare = &BFRichCompare;
  BuiltinFunctionType.hash = &BFHash;
  BuiltinFunctionType.getattro = &GenericGetAttr;

  InitDescriptorType(&MethodDescriptorType, "method_descriptor", sizeof(MethodDescriptor),
                     kMDGetSets, owner_dealloc, owner_traverse);
  MethodDescriptorType.flags |= kMethodDescriptor;
  MethodDescriptorType.descr_get = &MDGet;
  MethodDescriptorType.call = &MDCall;
  MethodDescriptorType.repr = &MDRepr;

  InitDescriptorType(&ClassMethodDescriptorType, "classmethod_descriptor",
                     sizeof(MethodDescriptor), kMDGetSets, owner_dealloc, owner_traverse);
  ClassMethodDescriptorType.descr_get = &CMDGet;
  ClassMethodDescriptorType.call = &CMDCall;
  ClassMethodDescriptorType.repr = &MDRepr;

  InitDescriptorType(&GetSetDescriptorType, "getset_descriptor", sizeof(GetSetDescriptor),
                     kGSGetSets, owner_dealloc, owner_traverse);
  GetSetDescriptorType.descr_get = &GSGet;
  GetSetDescriptorType.descr_set = &GSSet;
  GetSetDescriptorType.repr = &GSRepr;

  InitDescriptorType(
      &MemberDescriptorType, "member_descriptor", sizeof(MemberDescriptor), kMemGetSets,
      [](Object* o) {
        GcUntrack(o);
        MemberDescriptor* d = AsMem(o);
        Type* owner = d->owner;
        Xdecref(d->name);
        FreeObject(o);
        Xdecref(owner);
      },
      [](Object* o, VisitFn visit, void* arg) { VisitIf(AsMem(o)->owner, visit, arg); });
  MemberDescriptorType.descr_get = &MemGet;
  MemberDescriptorType.descr_set = &MemSet;
  MemberDescriptorType.repr = &MemRepr;

  InitDescriptorType(
      &WrapperDescriptorType, "wrapper_descriptor", sizeof(WrapperDescriptor), kWDGetSets,
      [](Object* o) {
        GcUntrack(o);
        Type* owner = AsWD(o)->owner;
        FreeObject(o);
        Xdecref(owner);
      },
      [](Object* o, VisitFn visit, void* arg) { VisitIf(AsWD(o)->owner, visit, arg); });
  WrapperDescriptorType.flags |= kMethodDescriptor;
  WrapperDescriptorType.descr_get = &WDGet;
  WrapperDescriptorType.call = &WDCall;
  WrapperDescriptorType.repr = &WDRepr;

  InitDescriptorType(
      &MethodWrapperType, "method-wrapper", sizeof(MethodWrapper), kMWGetSets,
      [](Object* o) {
        GcUntrack(o);
        Xdecref(AsMW(o)->descr);
        Xdecref(AsMW(o)->self);
        FreeObject(o);
      },
      [](Object* o, VisitFn visit, void* arg) {
        VisitIf(AsMW(o)->descr, visit, arg);
        VisitIf(AsMW(o)->self, visit, arg);
      });
  MethodWrapperType.call = &MWCall;
  MethodWrapperType.repr = &MWRepr;
  MethodWrapperType.richcompare = &MWRichCompare;
  MethodWrapperType.hash = &MWHash;

  InitDescrFuncTypes();
}

}  // namespace pyrite::vm
