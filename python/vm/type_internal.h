// Declarations shared by the type machinery's files (type.cc, type_new.cc, type_slots.cc,
// type_attrs.cc, type_object.cc, objects/descr*.cc, runtime.cc). Not for other parts of the VM.
#ifndef PYRITE_PYTHON_VM_TYPE_INTERNAL_H_
#define PYRITE_PYTHON_VM_TYPE_INTERNAL_H_

#include <cstddef>
#include <cstdint>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Str;
struct Tuple;
struct Dict;

// The byte offset of a field in an Object-derived struct (offsetof is only conditionally
// supported for such non-standard-layout types).
template <typename T, typename M>
int32_t FieldOffset(M T::*member) {
  alignas(T) static unsigned char probe[sizeof(T)];
  T* p = reinterpret_cast<T*>(probe);
  return static_cast<int32_t>(reinterpret_cast<unsigned char*>(&(p->*member)) - probe);
}

// Any slot function, stored type-erased in the slot table (cast back before calling).
using AnyFn = void (*)();

// How Python calls a builtin type's slot: `self` already checked against the wrapper's owner.
struct SlotDef;
using WrapFn = Ref<> (*)(Object* self, AnyFn fn, const SlotDef* def, Object* const* args,
                         size_t nargs, Tuple* kwnames);

// One row of slots.def.
struct SlotDef {
  const char* name;
  int field;                     // index of the Type field (rows sharing a field share it)
  WrapFn wrap;                   // null: no wrapper descriptor
  AnyFn slot_fn;                 // generic implementation for heap types; null: none
  AnyFn* (*addr)(Type*);         // the field's storage in a Type
  bool keywords;                 // the wrapper accepts keyword arguments (__init__, __call__)
};
const SlotDef* SlotDefs();
size_t NumSlotDefs();
inline AnyFn GetSlot(Type* t, const SlotDef* d) { return *d->addr(t); }
inline void SetSlot(Type* t, const SlotDef* d, AnyFn fn) { *d->addr(t) = fn; }

// type_slots.cc: wrapper descriptors for the slots a builtin type fills itself (before
// inheritance), and the heap types' slots computed from their MRO.
[[nodiscard]] bool AddSlotWrappers(Type* type);
void FixupHeapSlots(Type* type);
// Runs the wrapper of `def` on `self` (wrapper descriptor and method-wrapper calls).
Ref<> CallSlotWrapper(const SlotDef* def, AnyFn fn, Object* self, Object* const* args,
                      size_t nargs, Tuple* kwnames);

// Calls the special method `name` looked up on type(self) (not the instance) with self first.
// *found is false (and the result null, no error) when the type has no such attribute.
Ref<> CallSpecial(Object* self, Str* name, Object* const* args, size_t nargs, bool* found);

// Invalidates the attribute cache entries of `type` and its subclasses.
void TypeModified(Type* type);

// type.cc
Ref<> TypeCall(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames);
Ref<> TypeGetAttro(Object* o, Str* name);
// The C3 linearisation of `type` with its bases; null with TypeError set.
Ref<> ComputeMro(Type* type);
// The builtin types registered by InitStaticType, in registration order.
void ReadyAllStaticTypes(bool* ok);
void InitTypeTypes();
Type* SolidBase(Type* type);
// Number of __slots__ member values in instances of `t` (extras that are not dict/weaklist).
int32_t NumSlotValues(Type* t);

// type_new.cc
Ref<> TypeNew(Type* meta, Object* const* args, size_t nargs, Tuple* kwnames);
// The most derived of `meta` and the bases' metaclasses, or null with CPython's "metaclass
// conflict" TypeError (type_new.cc; also used by __build_class__).
Type* CalculateMetaclass(Type* meta, Tuple* bases);
Ref<> NewHeapTypeWithKwargs(Type* meta, Str* name, Tuple* bases, Dict* dict,
                            Object* const* kwvalues, Tuple* kwnames);
void SubtypeDealloc(Object* o);
void SubtypeTraverse(Object* o, VisitFn visit, void* arg);
void SubtypeClear(Object* o);
// The nearest static type in the base chain (whose dealloc/traverse/clear heap instances reuse).
Type* StaticBase(Type* t);

// type_attrs.cc: type's getsets and methods.
extern const GetSetDef kTypeGetSets[];
extern const MethodDef kTypeMethods[];
void InitMappingProxyType();
// type_union.cc: `int | str`.
void InitUnionType();
Ref<> TypeOr(Object* a, Object* b);
// Adds the names of cls.__dict__ and its bases' (recursively through __bases__) to `out`.
[[nodiscard]] bool MergeClassDict(Dict* out, Object* cls);
int TypeSetAttro(Object* o, Str* name, Object* value);
Ref<> TypeRepr(Object* o);

// type_object.cc: object's slots and methods.
Ref<> ObjectNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames);
int ObjectInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);
Ref<> ObjectRepr(Object* o);
Ref<> ObjectStr(Object* o);
int64_t ObjectHash(Object* o);
Ref<> ObjectRichCompare(Object* a, Object* b, CompareOp op);
void ObjectDealloc(Object* o);
extern const GetSetDef kObjectGetSets[];
extern const MethodDef kObjectMethods[];
// `__dict__` of instances with a dict (heap types' extras or a builtin dict_offset).
extern const GetSetDef kInstanceDictGetSet[];
extern const GetSetDef kInstanceWeakrefGetSet[];

// descr.cc: `T.__new__` for builtin types is a builtin function bound to T.
extern const MethodDef kTpNewWrapperDef;
// A member descriptor for a __slots__ entry: index into the instance's extras.
Ref<> NewMemberDescriptor(Type* owner, Str* name, int32_t index);
// Wrapper descriptors (`int.__add__`).
Ref<> NewWrapperDescriptor(Type* owner, const SlotDef* def, AnyFn fn);
bool IsWrapperDescriptor(Object* o);
const SlotDef* WrapperDescriptorDef(Object* o);
AnyFn WrapperDescriptorFn(Object* o);

// module.cc
void FinalizeModules();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_TYPE_INTERNAL_H_
