// The descriptor types written for Python code: classmethod, staticmethod (CPython's
// funcobject.c), property and super (descrobject.c, typeobject.c), including super()'s
// zero-argument form that reads the calling frame.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "python/bytecode/code.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/eval.h"
#include "python/vm/frame.h"
#include "python/vm/gc.h"
#include "python/vm/objects/descr.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/function.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"
#include "python/vm/type_internal.h"

namespace pyrite::vm {

Type ClassMethodType;
Type StaticMethodType;
Type PropertyType;
Type SuperType;

void InitDescrFuncTypes();

namespace {

std::string U(Object* s) { return std::string(StrUtf8(static_cast<Str*>(s))); }

// classmethod and staticmethod share a layout: {callable, dict}.
ClassMethod* AsCM(Object* o) { return static_cast<ClassMethod*>(o); }

// Copies __module__, __name__, __qualname__, __doc__ (and __annotations__) of the wrapped callable
// into the wrapper's __dict__ and sets __wrapped__, as functools.update_wrapper does (3.10+).
bool CopyWrapperAttrs(Object* self, Object* callable) {
  ClassMethod* cm = AsCM(self);
  if (!EnsureDict(&cm->dict)) return false;
  Dict* d = static_cast<Dict*>(cm->dict);
  for (const char* name : {"__module__", "__name__", "__qualname__", "__doc__"}) {
    Ref<> v = LookupAttr(callable, InternStr(name));
    if (!v) {
      if (ErrorOccurred()) return false;
      continue;
    }
    if (DictSetItemUtf8(d, name, v.get()) < 0) return false;
  }
  return DictSetItemUtf8(d, "__wrapped__", callable) >= 0;
}

Ref<> CMNew(Type* type, Object* const*, size_t, Tuple*) {
  ClassMethod* cm = AllocObject<ClassMethod>(type, 0);
  if (cm == nullptr) return nullptr;
  return StealRef<Object>(cm);
}

int CMInitCommon(const char* name, Object* self, Object* const* args, size_t nargs,
                 Tuple* kwnames) {
  if (!CheckNoKwargs(name, kwnames)) return -1;
  if (!CheckPositional(name, nargs, 1, 1)) return -1;
  SetField(&AsCM(self)->callable, args[0]);
  return CopyWrapperAttrs(self, args[0]) ? 0 : -1;
}

int CMInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  return CMInitCommon("classmethod", self, args, nargs, kwnames);
}
int SMInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  return CMInitCommon("staticmethod", self, args, nargs, kwnames);
}

Ref<> CMGet(Object* self, Object* obj, Object* type) {
  ClassMethod* cm = AsCM(self);
  if (cm->callable == nullptr) {
    SetError(&RuntimeErrorType, "uninitialized classmethod object");
    return nullptr;
  }
  if (type == nullptr) type = obj->type;
  DescrGetFn g = cm->callable->type->descr_get;
  if (g != nullptr) return g(cm->callable, type, type);
  return NewBoundMethod(cm->callable, type);
}

Ref<> SMGet(Object* self, Object*, Object*) {
  ClassMethod* sm = AsCM(self);
  if (sm->callable == nullptr) {
    SetError(&RuntimeErrorType, "uninitialized staticmethod object");
    return nullptr;
  }
  return NewRef(sm->callable);
}

Ref<> SMCall(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  return Call(AsCM(self)->callable, args, nargs, kwnames);
}

Ref<> CMRepr(Object* self) {
  Ref<> r = Repr(AsCM(self)->callable != nullptr ? AsCM(self)->callable : None());
  PY_RETURN_IF_NULL(r);
  return NewStr(absl::StrCat("<", self->type->name, "(", U(r.get()), ")>"));
}

Ref<> CMGetFunc(Object* self) {
  Object* c = AsCM(self)->callable;
  return NewRef(c != nullptr ? c : None());
}

Ref<> GetIsAbstract(Object* callable) {
  if (callable == nullptr) return NewBool(false);
  Ref<> v = LookupAttr(callable, InternStr("__isabstractmethod__"));
  if (!v) {
    if (ErrorOccurred()) return nullptr;
    return NewBool(false);
  }
  int t = IsTrue(v.get());
  if (t < 0) return nullptr;
  return NewBool(t != 0);
}

Ref<> CMGetIsAbstract(Object* self) { return GetIsAbstract(AsCM(self)->callable); }

const GetSetDef kCMGetSets[] = {{"__func__", &CMGetFunc},
                                {"__isabstractmethod__", &CMGetIsAbstract},
                                {nullptr, nullptr}};

void CMDealloc(Object* o) {
  GcUntrack(o);
  Xdecref(AsCM(o)->callable);
  Xdecref(AsCM(o)->dict);
  FreeObject(o);
}
void CMTraverse(Object* o, VisitFn visit, void* arg) {
  VisitIf(AsCM(o)->callable, visit, arg);
  VisitIf(AsCM(o)->dict, visit, arg);
}
void CMClear(Object* o) {
  ClearField(&AsCM(o)->callable);
  ClearField(&AsCM(o)->dict);
}

// --- property ---------------------------------------------------------------------------------

Property* AsProp(Object* o) { return static_cast<Property*>(o); }

Ref<> PropNew(Type* type, Object* const*, size_t, Tuple*) {
  Property* p = AllocObject<Property>(type, 0);
  if (p == nullptr) return nullptr;
  return StealRef<Object>(p);
}

int PropInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kP{"property", {"fget", "fset", "fdel", "doc"}, 0, 0};
  Object* a[4];
  if (!ParseArgs(kP, args, nargs, kwnames, a)) return -1;
  Property* p = AsProp(self);
  for (int i = 0; i < 4; ++i) {
    if (a[i] == None()) a[i] = nullptr;
  }
  SetField(&p->fget, a[0]);
  SetField(&p->fset, a[1]);
  SetField(&p->fdel, a[2]);
  SetField(&p->doc, a[3]);
  p->getter_doc = false;
  if (a[3] == nullptr && a[0] != nullptr) {
    Ref<> doc = LookupAttr(a[0], InternStr("__doc__"));
    if (!doc && ErrorOccurred()) return -1;
    if (doc && doc.get() != None()) {
      if (self->type == &PropertyType) {
        SetField(&p->doc, doc.get());
      } else {
        // A subclass keeps the doc in its instance __dict__ (its class attribute would shadow).
        Object** dp = InstanceDictPtr(self);
        if (dp != nullptr) {
          if (!EnsureDict(dp)) return -1;
          if (DictSetItemUtf8(static_cast<Dict*>(*dp), "__doc__", doc.get()) < 0) return -1;
        }
        SetField(&p->doc, doc.get());
      }
      p->getter_doc = true;
    }
  }
  return 0;
}

std::string PropErrorPrefix(Property* p, Object* obj) {
  Ref<> qn = GetAttr(obj->type, "__qualname__");
  std::string tq;
  if (qn) {
    Ref<> r = Repr(qn.get());
    if (r) tq = U(r.get());
  }
  ClearError();
  if (p->name != nullptr) {
    Ref<> nr = Repr(p->name);
    std::string n = nr ? U(nr.get()) : "?";
    ClearError();
    return absl::StrCat("property ", n, " of ", tq, " object");
  }
  return absl::StrCat("property of ", tq, " object");
}

Ref<> PropGet(Object* self, Object* obj, Object*) {
  Property* p = AsProp(self);
  if (obj == nullptr || obj == None()) {
    if (obj == nullptr) return NewRef(self);
  }
  if (p->fget == nullptr) {
    SetErrorF(&AttributeErrorType, "%s has no getter", PropErrorPrefix(p, obj).c_str());
    return nullptr;
  }
  return CallOneArg(p->fget, obj);
}

int PropSet(Object* self, Object* obj, Object* value) {
  Property* p = AsProp(self);
  Object* f = value == nullptr ? p->fdel : p->fset;
  if (f == nullptr) {
    SetErrorF(&AttributeErrorType, "%s has no %s", PropErrorPrefix(p, obj).c_str(),
              value == nullptr ? "deleter" : "setter");
    return -1;
  }
  Ref<> r;
  if (value == nullptr) {
    r = CallOneArg(f, obj);
  } else {
    Object* a[2] = {obj, value};
    r = Call(f, a, 2);
  }
  return r ? 0 : -1;
}

// getter/setter/deleter: a copy of the property with one accessor replaced (type(self)(...)).
Ref<> PropCopy(Object* self, Object* fget, Object* fset, Object* fdel) {
  Property* p = AsProp(self);
  Object* doc = p->getter_doc && fget != nullptr ? None() : (p->doc ? p->doc : None());
  Object* a[4] = {fget ? fget : None(), fset ? fset : None(), fdel ? fdel : None(), doc};
  Ref<> np = Call(self->type, a, 4);
  PY_RETURN_IF_NULL(np);
  if (TypeCheck(np.get(), &PropertyType)) SetField(&AsProp(np.get())->name, p->name);
  return np;
}

Ref<> PropGetter(Object* self, Object* const* args, size_t, Tuple*) {
  Property* p = AsProp(self);
  return PropCopy(self, args[0], p->fset, p->fdel);
}
Ref<> PropSetter(Object* self, Object* const* args, size_t, Tuple*) {
  Property* p = AsProp(self);
  return PropCopy(self, p->fget, args[0], p->fdel);
}
Ref<> PropDeleter(Object* self, Object* const* args, size_t, Tuple*) {
  Property* p = AsProp(self);
  return PropCopy(self, p->fget, p->fset, args[0]);
}
Ref<> PropSetName(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (nargs != 2) {
    SetErrorF(&TypeErrorType, "__set_name__() takes 2 positional arguments but %zu were given",
              nargs);
    return nullptr;
  }
  SetField(&AsProp(self)->name, args[1]);
  return NewNone();
}

Ref<> OrNone(Object* o) { return NewRef(o != nullptr ? o : None()); }
Ref<> PropGetFget(Object* self) { return OrNone(AsProp(self)->fget); }
Ref<> PropGetFset(Object* self) { return OrNone(AsProp(self)->fset); }
Ref<> PropGetFdel(Object* self) { return OrNone(AsProp(self)->fdel); }
Ref<> PropGetDoc(Object* self) { return OrNone(AsProp(self)->doc); }
int PropSetDoc(Object* self, Object* v) {
  SetField(&AsProp(self)->doc, v);
  return 0;
}
Ref<> PropGetIsAbstract(Object* self) {
  Property* p = AsProp(self);
  for (Object* f : {p->fget, p->fset, p->fdel}) {
    Ref<> r = GetIsAbstract(f);
    PY_RETURN_IF_NULL(r);
    if (r.get() == True()) return r;
  }
  return NewBool(false);
}

const GetSetDef kPropGetSets[] = {{"fget", &PropGetFget},
                                  {"fset", &PropGetFset},
                                  {"fdel", &PropGetFdel},
                                  {"__doc__", &PropGetDoc, &PropSetDoc},
                                  {"__isabstractmethod__", &PropGetIsAbstract},
                                  {nullptr, nullptr}};
const MethodDef kPropMethods[] = {
    {"getter", &PropGetter, kMethO, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", &PropSetter, kMethO, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", &PropDeleter, kMethO, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", &PropSetName, kMethFastcall, "Method to set name of a property."},
    {nullptr, nullptr, 0}};

void PropDealloc(Object* o) {
  GcUntrack(o);
  Property* p = AsProp(o);
  for (Object* f : {p->fget, p->fset, p->fdel, p->doc, p->name}) Xdecref(f);
  FreeObject(o);
}
void PropTraverse(Object* o, VisitFn visit, void* arg) {
  Property* p = AsProp(o);
  for (Object* f : {p->fget, p->fset, p->fdel, p->doc, p->name}) VisitIf(f, visit, arg);
}
void PropClear(Object* o) {
  Property* p = AsProp(o);
  for (Object** f : {&p->fget, &p->fset, &p->fdel, &p->doc, &p->name}) ClearField(f);
}

// --- super ------------------------------------------------------------------------------------

struct SuperObject : Object {
  Type* thisclass;  // the class after which the MRO search starts
  Object* obj;      // the instance or class (or null: unbound)
  Type* obj_type;   // the type whose MRO is searched
};

SuperObject* AsSuper(Object* o) { return static_cast<SuperObject*>(o); }

// The type whose MRO super() searches, or null with TypeError.
Type* SuperCheck(Type* type, Object* obj) {
  if (HasFlag(obj->type, kTypeSubclass) && IsSubtype(static_cast<Type*>(obj), type)) {
    return static_cast<Type*>(obj);
  }
  if (IsSubtype(obj->type, type)) return obj->type;
  Ref<> cls = LookupAttr(obj, InternStr("__class__"));
  if (!cls && ErrorOccurred()) return nullptr;
  if (cls && HasFlag(cls->type, kTypeSubclass) && cls.get() != obj->type &&
      IsSubtype(static_cast<Type*>(cls.get()), type)) {
    return static_cast<Type*>(cls.get());
  }
  SetError(&TypeErrorType, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

Ref<> SuperNew(Type* type, Object* const*, size_t, Tuple*) {
  SuperObject* s = AllocObject<SuperObject>(type, 0);
  if (s == nullptr) return nullptr;
  return StealRef<Object>(s);
}

// name == "__class__", cheaply: interned strings are equal only when they are the same object.
bool IsClassName(Str* name) {
  static Str* class_name = InternStr("__class__");
  return name == class_name || (!name->interned && StrEqual(name, class_name));
}

// super(): __class__ from the enclosing class body's cell, the first argument of the frame.
bool SuperFromFrame(Type** type_out, Object** obj_out) {
  Frame* f = CurrentFrame();
  if (f == nullptr) {
    SetError(&RuntimeErrorType, "super(): no current frame");
    return false;
  }
  Code* co = f->code;
  if (co->argcount == 0) {
    SetError(&RuntimeErrorType, "super(): no arguments");
    return false;
  }
  const std::vector<uint8_t>& kinds = co->source->localspluskinds;
  Object* obj = f->localsplus[0];
  if (obj != nullptr && !kinds.empty() && (kinds[0] & bytecode::kCell) &&
      obj->type == &CellType) {
    obj = static_cast<Cell*>(obj)->ref;
  }
  if (obj == nullptr) {
    SetError(&RuntimeErrorType, "super(): arg[0] deleted");
    return false;
  }
  Tuple* names = static_cast<Tuple*>(co->localsplusnames);
  for (int64_t i = 0; i < names->size; ++i) {
    if (static_cast<size_t>(i) >= kinds.size() || !(kinds[i] & bytecode::kFree)) continue;
    if (!IsClassName(static_cast<Str*>(names->items[i]))) continue;
    Object* cell = f->localsplus[i];
    if (cell == nullptr || cell->type != &CellType) {
      SetError(&RuntimeErrorType, "super(): bad __class__ cell");
      return false;
    }
    Object* cls = static_cast<Cell*>(cell)->ref;
    if (cls == nullptr) {
      SetError(&RuntimeErrorType, "super(): empty __class__ cell");
      return false;
    }
    if (!HasFlag(cls->type, kTypeSubclass)) {
      SetErrorF(&RuntimeErrorType, "super(): __class__ is not a type (%s)", TypeNameOf(cls));
      return false;
    }
    *type_out = static_cast<Type*>(cls);
    *obj_out = obj;
    return true;
  }
  SetError(&RuntimeErrorType, "super(): __class__ cell not found");
  return false;
}

int SuperInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("super", kwnames)) return -1;
  if (!CheckPositional("super", nargs, 0, 2)) return -1;
  Type* type = nullptr;
  Object* obj = nullptr;
  if (nargs == 0) {
    if (!SuperFromFrame(&type, &obj)) return -1;
  } else {
    if (!HasFlag(args[0]->type, kTypeSubclass)) {
      SetErrorF(&TypeErrorType, "super() argument 1 must be a type, not %s",
                TypeNameOf(args[0]));
      return -1;
    }
    type = static_cast<Type*>(args[0]);
    obj = nargs > 1 && args[1] != None() ? args[1] : nullptr;
  }
  Type* obj_type = nullptr;
  if (obj != nullptr) {
    obj_type = SuperCheck(type, obj);
    if (obj_type == nullptr) return -1;
  }
  SuperObject* s = AsSuper(self);
  SetField(reinterpret_cast<Object**>(&s->thisclass), type);
  SetField(&s->obj, obj);
  SetField(reinterpret_cast<Object**>(&s->obj_type), obj_type);
  return 0;
}

Ref<> SuperGetAttro(Object* self, Str* name) {
  SuperObject* s = AsSuper(self);
  Type* start = s->obj_type;
  if (start != nullptr && !IsClassName(name)) {
    Tuple* mro = static_cast<Tuple*>(start->mro);
    if (mro != nullptr) {
      Ref<> keep_mro = NewRef<Object>(mro);
      int64_t i = 0;
      for (; i + 1 < mro->size; ++i) {
        if (mro->items[i] == s->thisclass) break;
      }
      for (++i; i < mro->size; ++i) {
        Type* b = static_cast<Type*>(mro->items[i]);
        if (b->dict == nullptr) continue;
        Object* res = DictGetItemStr(static_cast<Dict*>(b->dict), name);
        if (res == nullptr) {
          if (ErrorOccurred()) return nullptr;
          continue;
        }
        Ref<> keep = NewRef(res);
        DescrGetFn f = res->type->descr_get;
        if (f != nullptr) {
          return f(res, s->obj == static_cast<Object*>(start) ? nullptr : s->obj, start);
        }
        return keep;
      }
    }
  }
  return GenericGetAttr(self, name);
}

Ref<> SuperDescrGet(Object* self, Object* obj, Object*) {
  SuperObject* s = AsSuper(self);
  if (obj == nullptr || obj == None() || s->obj != nullptr) return NewRef(self);
  Object* a[2] = {s->thisclass, obj};
  return Call(self->type, a, 2);
}

Ref<> SuperRepr(Object* self) {
  SuperObject* s = AsSuper(self);
  const char* tn = s->thisclass != nullptr ? TypeName(s->thisclass) : "NULL";
  if (s->obj_type != nullptr) {
    return NewStr(absl::StrCat("<super: <class '", tn, "'>, <", TypeName(s->obj_type),
                               " object>>"));
  }
  return NewStr(absl::StrCat("<super: <class '", tn, "'>, NULL>"));
}

Ref<> SuperGetThisClass(Object* self) { return OrNone(AsSuper(self)->thisclass); }
Ref<> SuperGetSelf(Object* self) { return OrNone(AsSuper(self)->obj); }
Ref<> SuperGetSelfClass(Object* self) { return OrNone(AsSuper(self)->obj_type); }

const GetSetDef kSuperGetSets[] = {{"__thisclass__", &SuperGetThisClass},
                                   {"__self__", &SuperGetSelf},
                                   {"__self_class__", &SuperGetSelfClass},
                                   {nullptr, nullptr}};

void SuperDealloc(Object* o) {
  GcUntrack(o);
  SuperObject* s = AsSuper(o);
  Xdecref(s->thisclass);
  Xdecref(s->obj);
  Xdecref(s->obj_type);
  FreeObject(o);
}
void SuperTraverse(Object* o, VisitFn visit, void* arg) {
  SuperObject* s = AsSuper(o);
  VisitIf(s->thisclass, visit, arg);
  VisitIf(s->obj, visit, arg);
  VisitIf(s->obj_type, visit, arg);
}
void SuperClear(Object* o) {
  SuperObject* s = AsSuper(o);
  ClearField(reinterpret_cast<Object**>(&s->thisclass));
  ClearField(&s->obj);
  ClearField(reinterpret_cast<Object**>(&s->obj_type));
}

}  // namespace

namespace {

// classmethod(callable) / staticmethod(callable), made as calling the type makes them.
Ref<> NewCallableWrapper(Type* type, InitFn init, Object* callable) {
  Ref<> w = CMNew(type, nullptr, 0, nullptr);
  PY_RETURN_IF_NULL(w);
  Object* a[1] = {callable};
  if (init(w.get(), a, 1, nullptr) < 0) return nullptr;
  return w;
}

}  // namespace

Ref<> NewClassMethod(Object* callable) {
  return NewCallableWrapper(&ClassMethodType, &CMInit, callable);
}

Ref<> NewStaticMethod(Object* callable) {
  return NewCallableWrapper(&StaticMethodType, &SMInit, callable);
}

void InitDescrFuncTypes() {
  for (Type* t : {&ClassMethodType, &StaticMethodType}) {
    bool cls = t == &ClassMethodType;
    InitStaticType(t, {.name = cls ? "classmethod" : "staticmethod",
                       .basicsize = sizeof(ClassMethod),
                       .flags = kBaseType | kHaveGc,
                       .getsets = kCMGetSets});
    t->dealloc = &CMDealloc;
    t->traverse = &CMTraverse;
    t->clear = &CMClear;
    t->new_ = &CMNew;
    t->init = cls ? &CMInit : &SMInit;
    t->descr_get = cls ? &CMGet : &SMGet;
    t->repr = &CMRepr;
    t->dict_offset = (FieldOffset(&ClassMethod::dict));
  }
  StaticMethodType.call = &SMCall;

  InitStaticType(&PropertyType, {.name = "property",
                                 .basicsize = sizeof(Property),
                                 .flags = kBaseType | kHaveGc,
                                 .methods = kPropMethods,
                                 .getsets = kPropGetSets,
                                 .doc = "Property attribute.\n\n  fget\n    function to be used "
                                        "for getting an attribute value\n  fset\n    function to "
                                        "be used for setting an attribute value\n  fdel\n    "
                                        "function to be used for del'ing an attribute\n  doc\n"
                                        "    docstring\n"});
  PropertyType.dealloc = &PropDealloc;
  PropertyType.traverse = &PropTraverse;
  PropertyType.clear = &PropClear;
  PropertyType.new_ = &PropNew;
  PropertyType.init = &PropInit;
  PropertyType.descr_get = &PropGet;
  PropertyType.descr_set = &PropSet;

  InitStaticType(&SuperType, {.name = "super",
                              .basicsize = sizeof(SuperObject),
                              .flags = kBaseType | kHaveGc,
                              .getsets = kSuperGetSets});
  SuperType.dealloc = &SuperDealloc;
  SuperType.traverse = &SuperTraverse;
  SuperType.clear = &SuperClear;
  SuperType.new_ = &SuperNew;
  SuperType.init = &SuperInit;
  SuperType.getattro = &SuperGetAttro;
  SuperType.descr_get = &SuperDescrGet;
  SuperType.repr = &SuperRepr;
}

}  // namespace pyrite::vm
