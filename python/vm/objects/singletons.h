// The singleton objects None, NotImplemented and Ellipsis, and their types. All immortal.
#ifndef PYRITE_PYTHON_VM_OBJECTS_SINGLETONS_H_
#define PYRITE_PYTHON_VM_OBJECTS_SINGLETONS_H_

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

extern Type NoneType;
extern Type NotImplementedType;
extern Type EllipsisType;
extern Object NoneObject;
extern Object NotImplementedObject;
extern Object EllipsisObject;

inline Object* None() { return &NoneObject; }
inline Object* NotImplemented() { return &NotImplementedObject; }
inline Object* Ellipsis() { return &EllipsisObject; }
inline Ref<> NewNone() { return NewRef(&NoneObject); }
inline Ref<> NewNotImplemented() { return NewRef(&NotImplementedObject); }

void InitSingletonTypes();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_SINGLETONS_H_
