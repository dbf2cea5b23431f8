// The GC slots of builtin types whose instances own exactly one reference, held in the field
// `Field` of their struct T (the iterators of bytes, str, tuple and set; dict views and their
// iterators): dealloc, traverse and clear, written once.
#ifndef PYRITE_PYTHON_VM_OBJECTS_ONE_REF_SLOTS_H_
#define PYRITE_PYTHON_VM_OBJECTS_ONE_REF_SLOTS_H_

#include "python/vm/gc.h"
#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

template <typename T, Object* T::*Field>
void OneRefDealloc(Object* o) {
  GcUntrack(o);
  Xdecref(static_cast<T*>(o)->*Field);
  FreeObject(o);
}

template <typename T, Object* T::*Field>
void OneRefTraverse(Object* o, VisitFn visit, void* arg) {
  VisitIf(static_cast<T*>(o)->*Field, visit, arg);
}

template <typename T, Object* T::*Field>
void OneRefClear(Object* o) {
  ClearField(&(static_cast<T*>(o)->*Field));
}

// Fills the type's dealloc, traverse and clear slots with the three above.
template <typename T, Object* T::*Field>
void SetOneRefGcSlots(Type* t) {
  t->dealloc = &OneRefDealloc<T, Field>;
  t->traverse = &OneRefTraverse<T, Field>;
  t->clear = &OneRefClear<T, Field>;
}

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_ONE_REF_SLOTS_H_
