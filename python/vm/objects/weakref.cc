// weakref.ref (CPython's Objects/weakrefobject.c, written afresh): weak references and their
// callbacks.
//
// Every referent keeps the head of a doubly-linked list of its weak references in its weak-list
// slot (Type::weaklist_offset, or the heap-type extra; see InstanceWeaklistPtr). The list order
// matters: a plain `ref(x)` without a callback is shared (ref(x) is ref(x)) and sits at the head;
// references with callbacks are inserted right after it, so callbacks run newest first, as in
// CPython. When the referent dies its dealloc calls ClearWeakrefs, which detaches every reference
// (they now return None) and then calls the callbacks with the dead reference as argument; the
// cycle collector does the same through ClearWeakrefsForGc before it destroys garbage.
#include "python/vm/objects/weakref.h"

#include <cstdio>
#include <string>
#include <vector>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

Type WeakRefType;

namespace {

WeakRef* AsRef(Object* o) { return static_cast<WeakRef*>(o); }

WeakRef** ListHead(Object* referent) {
  return reinterpret_cast<WeakRef**>(InstanceWeaklistPtr(referent));
}

// Detaches `r` from its referent's list; the reference is dead afterwards.
void Unlink(WeakRef* r) {
  if (r->referent == nullptr) return;
  WeakRef** head = ListHead(r->referent);
  if (head != nullptr && *head == r) *head = r->next;
  if (r->prev != nullptr) r->prev->next = r->next;
  if (r->next != nullptr) r->next->prev = r->prev;
  r->prev = nullptr;
  r->next = nullptr;
  r->referent = nullptr;
}

void InsertHead(WeakRef* r, WeakRef** head) {
  r->prev = nullptr;
  r->next = *head;
  if (*head != nullptr) (*head)->prev = r;
  *head = r;
}

void InsertAfter(WeakRef* r, WeakRef* prev) {
  r->prev = prev;
  r->next = prev->next;
  if (prev->next != nullptr) prev->next->prev = r;
  prev->next = r;
}

// The shared plain reference (exact weakref.ref without a callback) and the shared plain proxy,
// when they exist: they are the first entries of the list, in that order.
void BasicRefs(WeakRef* head, WeakRef** ref, WeakRef** proxy) {
  *ref = nullptr;
  *proxy = nullptr;
  if (head != nullptr && head->type == &WeakRefType && head->callback == nullptr) {
    *ref = head;
    head = head->next;
  }
  if (head != nullptr && IsWeakProxy(head) && head->callback == nullptr) *proxy = head;
}

// Links a new reference into the referent's list, keeping the shared entries first.
void Insert(WeakRef* r, Object* referent) {
  WeakRef** head = ListHead(referent);
  WeakRef* basic_ref;
  WeakRef* basic_proxy;
  BasicRefs(*head, &basic_ref, &basic_proxy);
  bool plain = r->callback == nullptr && (r->type == &WeakRefType || IsWeakProxy(r));
  if (plain && r->type == &WeakRefType) {
    InsertHead(r, head);
  } else if (plain) {
    if (basic_ref != nullptr) {
      InsertAfter(r, basic_ref);
    } else {
      InsertHead(r, head);
    }
  } else if (basic_proxy != nullptr) {
    InsertAfter(r, basic_proxy);
  } else if (basic_ref != nullptr) {
    InsertAfter(r, basic_ref);
  } else {
    InsertHead(r, head);
  }
}

// Makes a reference of `type` to `referent`, or returns the shared one when it may.
Ref<> MakeWeak(Type* type, Object* referent, Object* callback) {
  if (callback == None()) callback = nullptr;
  if (!SupportsWeakrefs(referent)) {
    SetErrorF(&TypeErrorType, "cannot create weak reference to '%.200s' object",
              TypeNameOf(referent));
    return nullptr;
  }
  if (callback == nullptr) {
    WeakRef* basic_ref;
    WeakRef* basic_proxy;
    BasicRefs(*ListHead(referent), &basic_ref, &basic_proxy);
    if (type == &WeakRefType && basic_ref != nullptr) return NewRef<Object>(basic_ref);
    if ((type == &WeakProxyType || type == &WeakCallableProxyType) && basic_proxy != nullptr)
      return NewRef<Object>(basic_proxy);
  }
  WeakRef* r = AllocObject<WeakRef>(type, 0);
  if (r == nullptr) return nullptr;
  Ref<> owner = StealRef<Object>(r);
  r->referent = referent;
  r->callback = callback;
  Xincref(callback);
  // After the allocation (which may have run a collection that changed the list).
  Insert(r, referent);
  return owner;
}

Ref<> WeakRefNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("ref", kwnames)) return nullptr;
  if (!CheckPositional("__new__", nargs, 1, 2)) return nullptr;
  return MakeWeak(type, args[0], nargs > 1 ? args[1] : nullptr);
}

// weakref.ref subclasses may define __init__ with more arguments; ref.__init__ accepts the
// same ones as __new__.
int WeakRefInit(Object*, Object* const*, size_t, Tuple*) { return 0; }

Ref<> WeakRefCall(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("weakref", kwnames)) return nullptr;
  if (!CheckPositional("weakref", nargs, 0, 0)) return nullptr;
  Object* referent = AsRef(self)->referent;
  return NewRef(referent != nullptr ? referent : None());
}

int64_t WeakRefHash(Object* self) {
  WeakRef* r = AsRef(self);
  if (r->hash != -1) return r->hash;
  if (r->referent == nullptr) {
    SetError(&TypeErrorType, "weak object has gone away");
    return -1;
  }
  Ref<> referent = NewRef(r->referent);
  int64_t h = Hash(referent.get());
  if (h != -1) r->hash = h;
  return h;
}

Ref<> WeakRefRichCompare(Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || !TypeCheck(a, &WeakRefType) ||
      !TypeCheck(b, &WeakRefType)) {
    return NewNotImplemented();
  }
  Object* ra = AsRef(a)->referent;
  Object* rb = AsRef(b)->referent;
  if (ra == nullptr || rb == nullptr) {
    bool same = a == b;
    return NewBool(op == CompareOp::kEq ? same : !same);
  }
  Ref<> keep_a = NewRef(ra);
  Ref<> keep_b = NewRef(rb);
  return RichCompare(ra, rb, op);
}

Ref<> WeakRefRepr(Object* self) {
  WeakRef* r = AsRef(self);
  char buf[160];
  if (r->referent == nullptr) {
    std::snprintf(buf, sizeof buf, "<weakref at %p; dead>", static_cast<void*>(self));
    return NewStr(buf);
  }
  Ref<> referent = NewRef(r->referent);
  Ref<> name = LookupAttr(referent.get(), InternStr("__name__"));
  if (!name && ErrorOccurred()) return nullptr;
  std::snprintf(buf, sizeof buf, "<weakref at %p; to '%.100s' at %p", static_cast<void*>(self),
                TypeNameOf(referent.get()), static_cast<void*>(referent.get()));
  std::string text = buf;
  if (name && IsStr(name.get())) {
    text += " (";
    text += StrUtf8(static_cast<Str*>(name.get()));
    text += ")";
  }
  text += ">";
  return NewStr(text);
}

void WeakRefTraverse(Object* self, VisitFn visit, void* arg) {
  if (AsRef(self)->callback != nullptr) visit(AsRef(self)->callback, arg);
}

void WeakRefClear(Object* self) {
  WeakRef* r = AsRef(self);
  Unlink(r);
  ClearField(&r->callback);
}

void WeakRefDealloc(Object* self) {
  GcUntrack(self);
  WeakRefClear(self);
  FreeObject(self);
}

Ref<> WeakRefGetCallback(Object* self) {
  Object* cb = AsRef(self)->callback;
  return NewRef(cb != nullptr ? cb : None());
}

const GetSetDef kWeakRefGetSets[] = {
    {"__callback__", &WeakRefGetCallback, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// Calls `callback(ref)`; errors are reported, not raised (the referent's death cannot fail).
void RunCallback(Object* ref, Object* callback) {
  Ref<> r = CallOneArg(callback, ref);
  if (!r) WriteUnraisable(callback);
}

}  // namespace

bool SupportsWeakrefs(Object* o) {
  Type* t = o->type;
  return t->weaklist_offset > 0 || (t->weaklist_extra >= 0 && HasFlag(t, kHeapType));
}

Ref<> NewWeakRef(Object* referent, Object* callback) {
  return MakeWeak(&WeakRefType, referent, callback);
}

Ref<> NewWeakProxy(Object* referent, Object* callback) {
  Type* type = IsCallable(referent) ? &WeakCallableProxyType : &WeakProxyType;
  return MakeWeak(type, referent, callback);
}

bool IsWeakProxy(Object* o) {
  return o->type == &WeakProxyType || o->type == &WeakCallableProxyType;
}

void WeakRefTraverseSlot(Object* self, VisitFn visit, void* arg) {
  WeakRefTraverse(self, visit, arg);
}
void WeakRefClearSlot(Object* self) { WeakRefClear(self); }
void WeakRefDeallocSlot(Object* self) { WeakRefDealloc(self); }

void ClearWeakrefs(Object* referent) {
  if (!SupportsWeakrefs(referent)) return;
  WeakRef** head = ListHead(referent);
  if (head == nullptr || *head == nullptr) return;
  // Detach everything first, remembering the live references with callbacks; the callbacks run
  // afterwards, when every reference already returns None.
  std::vector<std::pair<Object*, Object*>> pending;  // (ref, callback), both owned
  while (*head != nullptr) {
    WeakRef* r = *head;
    Unlink(r);
    if (r->callback != nullptr) {
      Object* cb = r->callback;
      r->callback = nullptr;
      if (r->refcnt > 0) {
        Incref(r);
        pending.emplace_back(r, cb);
      } else {
        Decref(cb);
      }
    }
  }
  if (pending.empty()) return;
  Ref<> saved = FetchError();
  for (auto& [ref, cb] : pending) {
    RunCallback(ref, cb);
    Decref(cb);
    Decref(ref);
  }
  RestoreError(std::move(saved));
}

// For the cycle collector (gc.cc): detaches every weak reference to `referent` without calling
// anything. References that are garbage themselves lose their callbacks; the others with
// callbacks are appended to `out` (a new reference each) for the collector to call.
void ClearWeakrefsForGc(Object* referent, std::vector<Object*>* out, bool (*is_garbage)(Object*)) {
  if (!SupportsWeakrefs(referent)) return;
  WeakRef** head = ListHead(referent);
  if (head == nullptr) return;
  while (*head != nullptr) {
    WeakRef* r = *head;
    Unlink(r);
    if (r->callback == nullptr) continue;
    // A reference that is garbage itself, or already dying (count zero, its deallocation
    // deferred), never sees its callback run.
    if (r->refcnt == 0 || is_garbage(r)) {
      Object* cb = r->callback;
      r->callback = nullptr;
      Decref(cb);
    } else {
      Incref(r);
      out->push_back(r);
    }
  }
}

int64_t WeakrefCount(Object* referent) {
  if (!SupportsWeakrefs(referent)) return 0;
  WeakRef** head = ListHead(referent);
  int64_t n = 0;
  for (WeakRef* r = head != nullptr ? *head : nullptr; r != nullptr; r = r->next) ++n;
  return n;
}

Ref<> WeakrefList(Object* referent) {
  Ref<List> l = NewList();
  if (!l) return nullptr;
  if (!SupportsWeakrefs(referent)) return l;
  WeakRef** head = ListHead(referent);
  for (WeakRef* r = head != nullptr ? *head : nullptr; r != nullptr; r = r->next) {
    if (!ListAppend(l.get(), r)) return nullptr;
  }
  return l;
}

void InitWeakrefType() {
  InitStaticType(&WeakRefType, {.name = "weakref.ReferenceType",
                                .basicsize = sizeof(WeakRef),
                                .flags = kBaseType | kHaveGc,
                                .getsets = kWeakRefGetSets});
  WeakRefType.dealloc = &WeakRefDealloc;
  WeakRefType.traverse = &WeakRefTraverse;
  WeakRefType.clear = &WeakRefClear;
  WeakRefType.new_ = &WeakRefNew;
  WeakRefType.init = &WeakRefInit;
  WeakRefType.call = &WeakRefCall;
  WeakRefType.hash = &WeakRefHash;
  WeakRefType.richcompare = &WeakRefRichCompare;
  WeakRefType.repr = &WeakRefRepr;
  InitWeakProxyTypes();
}

}  // namespace pyrite::vm
