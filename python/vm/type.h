// Type objects and their slots: the C++ functions that implement an operation for every instance
// of a type (CPython's tp_* / nb_* / sq_* / mp_* slots, flattened into one struct).
//
// - Builtin types are static `Type` objects (immortal), filled in by each type's Init function
//   from a TypeSpec and made ready by ReadyType (runtime.cc calls them in dependency order).
// - Classes made by `class` statements or type(name, bases, dict) are heap types (type.cc): their
//   slots point at generic wrappers that look the dunder up on the type (slot_*), and their dunders
//   are plain functions in the type's dict. Slots are kept in step with the dict by
//   UpdateSlot when a dunder is assigned on a class (and its subclasses).
// - For builtin types, ReadyType adds the dunder wrappers (`int.__add__`, `list.__len__`) for the
//   slots the type fills, from one table (slots.def), so a slot and its dunder are never
//   written twice.
// - A slot that is null means "not supported"; abstract.cc turns that into CPython's TypeError.
#ifndef PYRITE_PYTHON_VM_TYPE_H_
#define PYRITE_PYTHON_VM_TYPE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "python/bytecode/opcodes.h"
#include "python/vm/object.h"

namespace pyrite::vm {

struct Str;
struct Tuple;
struct Dict;

using bytecode::CompareOp;

// The calling convention of every call in the VM (vectorcall): `nargs` positional arguments
// followed by len(kwnames) keyword argument values in `args`; `kwnames` is null when there are no
// keyword arguments (never an empty tuple). Arguments are borrowed.
using CallFn = Ref<> (*)(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames);

using UnaryFn = Ref<> (*)(Object*);
using BinaryFn = Ref<> (*)(Object*, Object*);
using TernaryFn = Ref<> (*)(Object*, Object*, Object*);
using InquiryFn = int (*)(Object*);                  // 1 true, 0 false, -1 error
using LenFn = int64_t (*)(Object*);                  // >= 0, or -1 with an error set
using HashFn = int64_t (*)(Object*);                 // -1 with an error set
using RichCompareFn = Ref<> (*)(Object*, Object*, CompareOp);  // may return NotImplemented
using GetAttrFn = Ref<> (*)(Object*, Str* name);
using SetAttrFn = int (*)(Object*, Str* name, Object* value);  // value null: delete; 0 / -1
using DescrGetFn = Ref<> (*)(Object* descr, Object* obj, Object* type);  // obj may be null
using DescrSetFn = int (*)(Object* descr, Object* obj, Object* value);   // value null: delete
using ObjObjArgFn = int (*)(Object*, Object*, Object*);  // __setitem__ / __delitem__ (value null)
using ContainsFn = int (*)(Object*, Object*);
using SizeArgFn = Ref<> (*)(Object*, int64_t);
using NewFn = Ref<> (*)(Type* type, Object* const* args, size_t nargs, Tuple* kwnames);
using InitFn = int (*)(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);
using VisitFn = void (*)(Object* child, void* arg);
// Visits an owned field of a traverse function unless it is null.
inline void VisitIf(Object* o, VisitFn visit, void* arg) {
  if (o != nullptr) visit(o, arg);
}
using TraverseFn = void (*)(Object*, VisitFn visit, void* arg);
using DestructorFn = void (*)(Object*);
using VarSizeFn = size_t (*)(Object*);

// Type::flags.
enum TypeFlags : uint64_t {
  kHeapType = 1 << 0,       // made at run time (class statement); refcounted, GC-tracked
  kBaseType = 1 << 1,       // may be subclassed
  kHaveGc = 1 << 2,         // instances may be in cycles: GcHead, traverse and clear
  kReady = 1 << 3,
  kAbstract = 1 << 4,       // has __abstractmethods__
  kImmutableType = 1 << 5,  // attributes cannot be set (builtin types)
  kSequence = 1 << 6,       // match-statement sequence (collections.abc.Sequence registrations)
  kMapping = 1 << 7,        // match-statement mapping
  kMethodDescriptor = 1 << 8,  // descr_get binds like a function (LOAD_METHOD may skip binding)
  // Fast subclass checks (isinstance(x, int) without an MRO walk), set by ReadyType.
  kIntSubclass = 1 << 16,
  kBoolSubclass = 1 << 17,
  kFloatSubclass = 1 << 18,
  kStrSubclass = 1 << 19,
  kBytesSubclass = 1 << 20,
  kTupleSubclass = 1 << 21,
  kListSubclass = 1 << 22,
  kDictSubclass = 1 << 23,
  kTypeSubclass = 1 << 24,
  kBaseExceptionSubclass = 1 << 25,
  kSetSubclass = 1 << 26,
};

// A method of a builtin type. All methods use the vectorcall convention with `self` first;
// `flags` tells the shared wrapper which argument checks to make before calling `fn`, with
// CPython's messages ("list.append() takes exactly one argument (0 given)").
using MethodFn = Ref<> (*)(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);
enum MethodFlags : uint32_t {
  kMethNoArgs = 1 << 0,    // exactly 0 positional, no keywords
  kMethO = 1 << 1,         // exactly 1 positional, no keywords
  kMethFastcall = 1 << 2,  // any positional, no keywords
  kMethKeywords = 1 << 3,  // any positional and keywords (fn checks)
  kMethClass = 1 << 4,     // classmethod: self is the type
  kMethStatic = 1 << 5,    // staticmethod: self is null
};
struct MethodDef {
  const char* name;
  MethodFn fn = nullptr;
  uint32_t flags = 0;
  const char* doc = nullptr;
};

// A computed attribute of a builtin type (getset_descriptor).
struct GetSetDef {
  const char* name;
  Ref<> (*get)(Object* self) = nullptr;
  int (*set)(Object* self, Object* value) = nullptr;  // null: read-only; value null: delete
  const char* doc = nullptr;
};

// Everything a builtin type declares; Init functions fill a static Type from it.
struct TypeSpec {
  const char* name;           // "int", "collections.OrderedDict" (module prefix before the dot)
  size_t basicsize;           // sizeof the instance struct
  uint64_t flags = 0;         // kBaseType, kHaveGc, ...
  Type* base = nullptr;       // null: object
  const MethodDef* methods = nullptr;  // terminated by {nullptr}
  const GetSetDef* getsets = nullptr;  // terminated by {nullptr}
  const char* doc = nullptr;
};

struct Type : Object {
  // Identity.
  const char* name = nullptr;  // tp_name: builtin "int"; heap types own the string (name_storage)
  Object* ht_name = nullptr;   // __name__ (Str, owned)
  Object* ht_qualname = nullptr;  // __qualname__ (Str, owned)
  Type* base = nullptr;        // __base__ (owned for heap types)
  Object* bases = nullptr;     // __bases__ (Tuple, owned)
  Object* mro = nullptr;       // __mro__ (Tuple, owned)
  Object* dict = nullptr;      // __dict__ (Dict, owned)
  Object* doc = nullptr;       // __doc__ for builtin types (Str or null)
  uint64_t flags = 0;
  // Attribute-cache validity: changes whenever this type's or a base's dict changes.
  uint32_t version = 0;

  // Instance layout. Instances of builtin types are `basicsize` bytes (or varsize(obj) for
  // variable-size ones: tuple, str, bytes). Heap types append `nextras` Object* slots after that:
  // the instance dict (dict_extra >= 0), the weak-reference list (weaklist_extra >= 0) and
  // __slots__ values. Builtin types with their own dict/weak list field give its byte offset.
  size_t basicsize = 0;
  VarSizeFn varsize = nullptr;
  int32_t nextras = 0;
  int32_t dict_extra = -1;
  int32_t weaklist_extra = -1;
  int32_t dict_offset = 0;      // > 0: byte offset of an owned Object* dict in builtin instances
  int32_t weaklist_offset = 0;  // > 0: byte offset of the weak-reference list head

  // Lifecycle.
  DestructorFn dealloc = nullptr;  // releases members and frees the memory (FreeObject)
  TraverseFn traverse = nullptr;   // visits owned references (cycle collector)
  DestructorFn clear = nullptr;    // drops owned references that may form cycles
  DestructorFn finalize = nullptr; // __del__
  NewFn new_ = nullptr;
  InitFn init = nullptr;

  // Basic protocol.
  UnaryFn repr = nullptr;
  UnaryFn str = nullptr;
  HashFn hash = nullptr;  // null: unhashable (hash(x) raises TypeError)
  RichCompareFn richcompare = nullptr;
  GetAttrFn getattro = nullptr;
  SetAttrFn setattro = nullptr;
  DescrGetFn descr_get = nullptr;
  DescrSetFn descr_set = nullptr;
  CallFn call = nullptr;
  UnaryFn iter = nullptr;
  UnaryFn iternext = nullptr;  // null result without an error set: exhausted

  // Numbers (BINARY_OP's order; in-place forms may be null: the binary form is used).
  BinaryFn nb_add = nullptr;
  BinaryFn nb_subtract = nullptr;
  BinaryFn nb_multiply = nullptr;
  BinaryFn nb_remainder = nullptr;
  BinaryFn nb_divmod = nullptr;
  TernaryFn nb_power = nullptr;
  BinaryFn nb_lshift = nullptr;
  BinaryFn nb_rshift = nullptr;
  BinaryFn nb_and = nullptr;
  BinaryFn nb_xor = nullptr;
  BinaryFn nb_or = nullptr;
  BinaryFn nb_floor_divide = nullptr;
  BinaryFn nb_true_divide = nullptr;
  BinaryFn nb_matrix_multiply = nullptr;
  BinaryFn nb_inplace_add = nullptr;
  BinaryFn nb_inplace_subtract = nullptr;
  BinaryFn nb_inplace_multiply = nullptr;
  BinaryFn nb_inplace_remainder = nullptr;
  TernaryFn nb_inplace_power = nullptr;
  BinaryFn nb_inplace_lshift = nullptr;
  BinaryFn nb_inplace_rshift = nullptr;
  BinaryFn nb_inplace_and = nullptr;
  BinaryFn nb_inplace_xor = nullptr;
  BinaryFn nb_inplace_or = nullptr;
  BinaryFn nb_inplace_floor_divide = nullptr;
  BinaryFn nb_inplace_true_divide = nullptr;
  BinaryFn nb_inplace_matrix_multiply = nullptr;
  UnaryFn nb_negative = nullptr;
  UnaryFn nb_positive = nullptr;
  UnaryFn nb_absolute = nullptr;
  UnaryFn nb_invert = nullptr;
  InquiryFn nb_bool = nullptr;
  UnaryFn nb_int = nullptr;
  UnaryFn nb_float = nullptr;
  UnaryFn nb_index = nullptr;

  // Sequences and mappings. `length` serves both len() protocols. sq_* are the sequence
  // fallbacks CPython consults after the number slots (list + tuple's message, 3 * "ab").
  LenFn length = nullptr;
  BinaryFn subscript = nullptr;          // x[key]
  ObjObjArgFn ass_subscript = nullptr;   // x[key] = v, del x[key]
  ContainsFn contains = nullptr;         // in
  BinaryFn sq_concat = nullptr;
  SizeArgFn sq_repeat = nullptr;
  BinaryFn sq_inplace_concat = nullptr;
  SizeArgFn sq_inplace_repeat = nullptr;
  SizeArgFn sq_item = nullptr;           // x[i] with i already an int (iteration fallback)

  // Async.
  UnaryFn am_await = nullptr;
  UnaryFn am_aiter = nullptr;
  UnaryFn am_anext = nullptr;

  // What a builtin type declared (kept for ReadyType and dir()).
  const MethodDef* methods = nullptr;
  const GetSetDef* getsets = nullptr;

  // Direct subclasses (borrowed; a heap type removes itself when it dies), for UpdateSlot and
  // __subclasses__().
  std::vector<Type*> subclasses;

  // Weak references to heap types (weakref.ref(cls)); Type::weaklist_offset of `type` points here.
  Object* weaklist = nullptr;
};

// Builtin `type` and `object`.
extern Type TypeType;
extern Type ObjectType;

// Fills a static builtin type from `spec` (name, size, flags, base, methods, getsets); the caller
// then sets the slots it implements and calls ReadyType.
void InitStaticType(Type* type, const TypeSpec& spec);
// Computes __mro__, inherits slots from the bases, fills the type's dict with the methods,
// getsets and slot wrappers (slots.def). Returns false with an error set.
[[nodiscard]] bool ReadyType(Type* type);

// type(name, bases, dict) and `class` statements (type.cc). `meta` is the metaclass.
Ref<> NewHeapType(Type* meta, Str* name, Tuple* bases, Dict* dict, Tuple* kwnames_unused = nullptr);

// Called when the dunder `name` is set or deleted in `type`'s dict: refreshes the matching slot in
// `type` and its subclasses.
void UpdateSlot(Type* type, Str* name);

// Looks `name` up along the MRO without descriptors (_PyType_Lookup). Borrowed; null when missing
// (no error set).
Object* TypeLookup(Type* type, Str* name);

// isinstance/issubclass without __instancecheck__ hooks: an MRO walk (or the fast flags).
bool IsSubtype(Type* a, Type* b);
inline bool TypeCheck(Object* o, Type* t) { return o->type == t || IsSubtype(o->type, t); }
inline bool HasFlag(Type* t, uint64_t f) { return (t->flags & f) != 0; }

// Instance extras of heap types (dict, weak list, __slots__ values): null when absent.
Object** InstanceDictPtr(Object* o);
Object** InstanceWeaklistPtr(Object* o);

// types.MappingProxyType: the read-only view `cls.__dict__` returns (type_attrs.cc).
extern Type MappingProxyType;
Ref<> NewMappingProxy(Object* mapping);
// types.UnionType (`int | str`, type_union.cc).
extern Type UnionType;

// The type's name for messages: "int", "Foo" (tp_name's last component for heap types).
const char* TypeName(Type* t);
inline const char* TypeNameOf(Object* o) { return TypeName(o->type); }

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_TYPE_H_
