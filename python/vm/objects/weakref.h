// Weak references (weakref.ref with callbacks, weakref.proxy later): each referent that supports
// weak references keeps a list head (Type::weaklist_offset / the heap-type extra); when the
// referent dies, ClearWeakrefs detaches every reference and calls the callbacks.
#ifndef PYRITE_PYTHON_VM_OBJECTS_WEAKREF_H_
#define PYRITE_PYTHON_VM_OBJECTS_WEAKREF_H_

#include <cstdint>
#include <vector>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct WeakRef : Object {
  Object* referent = nullptr;  // borrowed; null once dead
  Object* callback = nullptr;  // owned
  int64_t hash = -1;
  WeakRef* prev = nullptr;  // the referent's list
  WeakRef* next = nullptr;
};

extern Type WeakRefType;
// weakref.proxy(obj): forwards every operation to the referent (ReferenceError once it is
// dead). Callable referents get the callable proxy type. Instances are WeakRef structs.
extern Type WeakProxyType;          // weakref.ProxyType
extern Type WeakCallableProxyType;  // weakref.CallableProxyType

// Whether o's type supports weak references ("cannot create weak reference to 'int' object").
bool SupportsWeakrefs(Object* o);
Ref<> NewWeakRef(Object* referent, Object* callback);
// weakref.proxy(referent, callback): the shared plain proxy when callback is null or None.
Ref<> NewWeakProxy(Object* referent, Object* callback);
bool IsWeakProxy(Object* o);
// Called by dealloc functions (and the collector) before an object with weak references is
// destroyed: clears them and calls the callbacks.
void ClearWeakrefs(Object* referent);
// For the cycle collector: detaches the weak references to `referent` without calling anything;
// references for which is_garbage() is true lose their callbacks, the others with callbacks are
// appended to `out` (new references) for the collector to call.
void ClearWeakrefsForGc(Object* referent, std::vector<Object*>* out, bool (*is_garbage)(Object*));
// weakref.getweakrefcount / getweakrefs.
int64_t WeakrefCount(Object* referent);
Ref<> WeakrefList(Object* referent);

void InitWeakrefType();  // also the proxy types

// Shared by weakref.cc and weakref_proxy.cc: the lifecycle slots of every WeakRef struct.
void WeakRefTraverseSlot(Object* self, VisitFn visit, void* arg);
void WeakRefClearSlot(Object* self);
void WeakRefDeallocSlot(Object* self);
void InitWeakProxyTypes();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_WEAKREF_H_
