// Descriptors and callables of builtin types: builtin functions (builtin_function_or_method), method
// descriptors of builtin types, slot wrappers (`int.__add__`) and their bound form
// (method-wrapper), getset descriptors, member descriptors (__slots__), classmethod,
// staticmethod, property, and super.
#ifndef PYRITE_PYTHON_VM_OBJECTS_DESCR_H_
#define PYRITE_PYTHON_VM_OBJECTS_DESCR_H_

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct BuiltinFunction : Object {
  const MethodDef* def;
  Object* self;    // owned; null for module-level functions (or the module)
  Object* module;  // owned __module__ (Str) or null
};
struct MethodDescriptor : Object {
  const MethodDef* def;
  Type* owner;
};
struct GetSetDescriptor : Object {
  const GetSetDef* def;
  Type* owner;
};
struct ClassMethod : Object {
  Object* callable;
  Object* dict;
};
struct StaticMethod : Object {
  Object* callable;
  Object* dict;
};
// A __slots__ entry: the value lives in the instance's extras at `index` (gc.h ExtrasOf).
struct MemberDescriptor : Object {
  Type* owner;
  Object* name;  // Str
  int32_t index;
};
struct Property : Object {
  Object* fget;
  Object* fset;
  Object* fdel;
  Object* doc;
  Object* name;
  bool getter_doc;  // doc was taken from fget.__doc__ (getter() recomputes it)
};

extern Type BuiltinFunctionType;
extern Type MethodDescriptorType;
extern Type ClassMethodDescriptorType;
extern Type GetSetDescriptorType;
extern Type MemberDescriptorType;
extern Type WrapperDescriptorType;
extern Type MethodWrapperType;
extern Type ClassMethodType;
extern Type StaticMethodType;
extern Type PropertyType;
extern Type SuperType;

// A builtin function (module function when self is null). `def` must outlive the object
// (static tables).
Ref<> NewBuiltinFunction(const MethodDef* def, Object* self, Object* module_name = nullptr);
Ref<> NewMethodDescriptor(Type* owner, const MethodDef* def);
Ref<> NewGetSetDescriptor(Type* owner, const GetSetDef* def);
// A classmethod_descriptor for a kMethClass MethodDef (`dict.fromkeys`).
Ref<> NewClassMethodDescriptor(Type* owner, const MethodDef* def);
// classmethod(callable) / staticmethod(callable).
Ref<> NewClassMethod(Object* callable);
Ref<> NewStaticMethod(Object* callable);

void InitDescrTypes();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_DESCR_H_
