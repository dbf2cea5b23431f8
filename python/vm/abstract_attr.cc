// Attribute access (CPython's PyObject_GetAttr / _PyObject_GenericGetAttrWithDict /
// _PyObject_GenericSetAttrWithDict / _PyObject_GetMethod / _PyObject_LookupSpecial): the
// descriptor protocol's precedence rules in one place.
//
// Lookup order of object.__getattribute__:
//   1. a data descriptor (descr_get and descr_set) found on the type wins;
//   2. then the instance dict;
//   3. then a non-data descriptor (bound through descr_get) or a plain class attribute.
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {
namespace {

// Where the instance dict of `o` lives, or null when instances of its type have none.
Object** DictSlot(Object* o) {
  Type* t = o->type;
  if (t->dict_offset > 0) {
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + t->dict_offset);
  }
  if (t->dict_extra >= 0) {
    Object** extras = ExtrasOf(o);
    if (extras != nullptr) return extras + t->dict_extra;
  }
  return nullptr;
}

// Fills AttributeError.name / .obj (used by the traceback's "Did you mean" suggestions) when the
// pending exception is an AttributeError that does not have them yet.
void SetAttributeErrorContext(Object* o, Str* name) {
  Object* exc = PeekError();
  if (exc == nullptr || !TypeCheck(exc, &AttributeErrorType)) return;
  auto* ae = static_cast<AttributeErrorObject*>(exc);
  if (ae->name == nullptr) {
    Incref(name);
    ae->name = name;
  }
  if (ae->obj == nullptr) {
    Incref(o);
    ae->obj = o;
  }
}

void RaiseNoAttribute(Object* o, Str* name) {
  SetErrorF(&AttributeErrorType, "'%.100s' object has no attribute '%.400s'", TypeNameOf(o),
            std::string(StrUtf8(name)).c_str());
  SetAttributeErrorContext(o, name);
}

bool IsGenericGetAttr(Type* t) { return t->getattro == nullptr || t->getattro == &GenericGetAttr; }

}  // namespace

Ref<> GetAttr(Object* o, Str* name) {
  Ref<> r = IsGenericGetAttr(o->type) ? GenericGetAttr(o, name) : o->type->getattro(o, name);
  if (!r) SetAttributeErrorContext(o, name);
  return r;
}

Ref<> GetAttr(Object* o, std::string_view name) { return GetAttr(o, InternStr(name)); }

Ref<> LookupAttr(Object* o, Str* name) {
  Ref<> r = GetAttr(o, name);
  if (!r && ErrorMatches(&AttributeErrorType)) ClearError();
  return r;
}

int SetAttr(Object* o, Str* name, Object* value) {
  Type* t = o->type;
  if (t->setattro != nullptr) return t->setattro(o, name, value);
  return GenericSetAttr(o, name, value);
}

int DelAttr(Object* o, Str* name) { return SetAttr(o, name, nullptr); }

Ref<> GenericGetAttr(Object* o, Str* name) {
  Type* tp = o->type;
  Ref<> descr = NewRef(TypeLookup(tp, name));
  DescrGetFn get = nullptr;
  if (descr) {
    get = descr->type->descr_get;
    if (get != nullptr && descr->type->descr_set != nullptr) {
      return get(descr.get(), o, tp);
    }
  }
  if (Object** slot = DictSlot(o); slot != nullptr && *slot != nullptr) {
    Ref<> dict = NewRef(*slot);
    Object* v = DictGetItemStr(static_cast<Dict*>(dict.get()), name);
    if (v != nullptr) return NewRef(v);
    if (ErrorOccurred()) return nullptr;
  }
  if (get != nullptr) return get(descr.get(), o, tp);
  if (descr) return descr;
  RaiseNoAttribute(o, name);
  return nullptr;
}

int GenericSetAttr(Object* o, Str* name, Object* value) {
  Type* tp = o->type;
  Ref<> descr = NewRef(TypeLookup(tp, name));
  if (descr && descr->type->descr_set != nullptr) {
    return descr->type->descr_set(descr.get(), o, value);
  }
  Object** slot = DictSlot(o);
  if (slot == nullptr) {
    if (!descr) {
      RaiseNoAttribute(o, name);
    } else {
      SetErrorF(&AttributeErrorType, "'%.100s' object attribute '%.400s' is read-only",
                TypeNameOf(o), std::string(StrUtf8(name)).c_str());
    }
    return -1;
  }
  if (*slot == nullptr) {
    if (value == nullptr) {
      RaiseNoAttribute(o, name);
      return -1;
    }
    if (!EnsureDict(slot)) return -1;
  }
  Ref<> dict = NewRef(*slot);
  if (value != nullptr) return DictSetItemStr(static_cast<Dict*>(dict.get()), name, value);
  int r = DictDelItem(static_cast<Dict*>(dict.get()), name);
  if (r < 0) return -1;
  if (r == 0) {
    RaiseNoAttribute(o, name);
    return -1;
  }
  return 0;
}

Ref<> GetMethod(Object* o, Str* name, bool* is_method) {
  *is_method = false;
  Type* tp = o->type;
  if (!IsGenericGetAttr(tp)) return GetAttr(o, name);
  Ref<> descr = NewRef(TypeLookup(tp, name));
  DescrGetFn get = nullptr;
  bool method_found = false;
  if (descr) {
    if (HasFlag(descr->type, kMethodDescriptor)) {
      method_found = true;
    } else {
      get = descr->type->descr_get;
      if (get != nullptr && descr->type->descr_set != nullptr) return get(descr.get(), o, tp);
    }
  }
  if (Object** slot = DictSlot(o); slot != nullptr && *slot != nullptr) {
    Ref<> dict = NewRef(*slot);
    Object* v = DictGetItemStr(static_cast<Dict*>(dict.get()), name);
    if (v != nullptr) return NewRef(v);
    if (ErrorOccurred()) return nullptr;
  }
  if (method_found) {
    *is_method = true;
    return descr;
  }
  if (get != nullptr) return get(descr.get(), o, tp);
  if (descr) return descr;
  RaiseNoAttribute(o, name);
  return nullptr;
}

Ref<> LookupSpecial(Object* o, Str* name) {
  Ref<> descr = NewRef(TypeLookup(o->type, name));
  if (!descr) return nullptr;
  if (DescrGetFn get = descr->type->descr_get; get != nullptr) return get(descr.get(), o, o->type);
  return descr;
}

}  // namespace pyrite::vm
