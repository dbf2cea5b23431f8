// The container protocols (CPython's PyObject_Size / PyObject_GetItem / PySequence_Contains /
// PyObject_GetIter / PyIter_Next and PySequence_List/Tuple): subscripts, membership, iteration
// with the old __getitem__ fallback, and collecting an iterable.
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/objects/containers_internal.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/range.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {
namespace {

// PySequence_Check: the old sequence protocol (x[0], x[1], ... until IndexError) is available.
bool HasSequenceItem(Object* o) {
  if (IsDict(o)) return false;
  if (o->type->sq_item != nullptr) return true;
  return HasFlag(o->type, kHeapType) && o->type->subscript != nullptr;
}

}  // namespace

int64_t Length(Object* o) {
  if (o->type->length == nullptr) {
    SetErrorF(&TypeErrorType, "object of type '%.200s' has no len()", TypeNameOf(o));
    return -1;
  }
  return o->type->length(o);
}

Ref<> GetItem(Object* o, Object* key) {
  if (o->type->subscript != nullptr) return o->type->subscript(o, key);
  if (o->type->sq_item != nullptr) {
    if (key->type->nb_index == nullptr) {
      SetErrorF(&TypeErrorType, "sequence index must be integer, not '%.200s'", TypeNameOf(key));
      return nullptr;
    }
    int64_t i;
    if (!AsSsize(key, &IndexErrorType, &i)) return nullptr;
    if (i < 0 && o->type->length != nullptr) {
      int64_t n = o->type->length(o);
      if (n < 0) return nullptr;
      i += n;
    }
    return o->type->sq_item(o, i);
  }
  if (HasFlag(o->type, kTypeSubclass)) {
    // type[int] (PEP 585) is special-cased so that other metaclasses' instances do not inherit
    // it: str[int] still fails.
    if (o == &TypeType) return NewGenericAlias(o, key);
    Ref<> meth = LookupAttr(o, InternStr("__class_getitem__"));
    if (meth && meth.get() != None()) return CallOneArg(meth.get(), key);
    if (ErrorOccurred()) return nullptr;
    SetErrorF(&TypeErrorType, "type '%.200s' is not subscriptable",
              TypeName(static_cast<Type*>(o)));
    return nullptr;
  }
  SetErrorF(&TypeErrorType, "'%.200s' object is not subscriptable", TypeNameOf(o));
  return nullptr;
}

int MappingGetOptional(Object* mapping, Object* key, Ref<>* out) {
  if (IsExactDict(mapping)) {
    Object* x = DictGetItem(static_cast<Dict*>(mapping), key);
    if (x != nullptr) {
      *out = NewRef(x);
      return 1;
    }
    return ErrorOccurred() ? -1 : 0;
  }
  *out = GetItem(mapping, key);
  if (*out) return 1;
  if (!ErrorMatches(&KeyErrorType)) return -1;
  ClearError();
  return 0;
}

int SetItem(Object* o, Object* key, Object* value) {
  if (o->type->ass_subscript != nullptr) return o->type->ass_subscript(o, key, value);
  if (o->type->sq_item != nullptr && key->type->nb_index == nullptr) {
    SetErrorF(&TypeErrorType, "sequence index must be integer, not '%.200s'", TypeNameOf(key));
    return -1;
  }
  SetErrorF(&TypeErrorType, "'%.200s' object does not support item assignment", TypeNameOf(o));
  return -1;
}

int DelItem(Object* o, Object* key) {
  if (o->type->ass_subscript != nullptr) return o->type->ass_subscript(o, key, nullptr);
  if (o->type->sq_item != nullptr && key->type->nb_index == nullptr) {
    SetErrorF(&TypeErrorType, "sequence index must be integer, not '%.200s'", TypeNameOf(key));
    return -1;
  }
  SetErrorF(&TypeErrorType, "'%.200s' object doesn't support item deletion", TypeNameOf(o));
  return -1;
}

int Contains(Object* container, Object* item) {
  if (container->type->contains != nullptr) return container->type->contains(container, item);
  Ref<> it = GetIter(container);
  if (!it) {
    if (ErrorMatches(&TypeErrorType)) {
      SetErrorF(&TypeErrorType, "argument of type '%.200s' is not iterable", TypeNameOf(container));
    }
    return -1;
  }
  while (true) {
    Ref<> x = IterNext(it.get());
    if (!x) return ErrorOccurred() ? -1 : 0;
    int r = RichCompareBool(x.get(), item, CompareOp::kEq);
    if (r != 0) return r;
  }
}

Ref<> GetIter(Object* o) {
  UnaryFn f = o->type->iter;
  if (f == nullptr) {
    if (HasSequenceItem(o)) return NewSeqIter(o);
    SetErrorF(&TypeErrorType, "'%.200s' object is not iterable", TypeNameOf(o));
    return nullptr;
  }
  Ref<> r = f(o);
  if (!r) return nullptr;
  if (r->type->iternext == nullptr) {
    SetErrorF(&TypeErrorType, "iter() returned non-iterator of type '%.200s'", TypeNameOf(r.get()));
    return nullptr;
  }
  return r;
}

Ref<> IterNext(Object* iterator) {
  UnaryFn f = iterator->type->iternext;
  if (f == nullptr) {
    SetErrorF(&TypeErrorType, "'%.200s' object is not an iterator", TypeNameOf(iterator));
    return nullptr;
  }
  Ref<> r = f(iterator);
  if (!r && ErrorMatches(&StopIterationType)) ClearError();
  return r;
}

Ref<> SequenceList(Object* iterable) {
  Ref<List> l = NewList();
  if (!l) return nullptr;
  if (!ListExtend(l.get(), iterable)) return nullptr;
  return l;
}

Ref<> SequenceTuple(Object* iterable) {
  if (IsExactTuple(iterable)) return NewRef(iterable);
  if (IsExactList(iterable)) return ListAsTuple(static_cast<List*>(iterable));
  Ref<> l = SequenceList(iterable);
  if (!l) return nullptr;
  return ListAsTuple(static_cast<List*>(l.get()));
}

}  // namespace pyrite::vm
