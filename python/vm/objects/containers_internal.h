// Helpers shared by the container and iterator implementations (tuple.cc, list.cc, dict.cc,
// set.cc, range.cc, slice.cc, iterators.cc). Not part of the VM's interface.
#ifndef PYRITE_PYTHON_VM_OBJECTS_CONTAINERS_INTERNAL_H_
#define PYRITE_PYTHON_VM_OBJECTS_CONTAINERS_INTERNAL_H_

#include <cstdint>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Tuple;

// Readies a type that only container code instantiates (iterators, views) on first use, so it
// works whether or not start-up (runtime.cc) lists it. False with an error set.
[[nodiscard]] inline bool EnsureReady(Type* t) { return HasFlag(t, kReady) || ReadyType(t); }

// tp_iter of iterators: returns self.
Ref<> SelfIter(Object* o);
// `__class_getitem__` shared by list, tuple, dict, set, frozenset, ...: a types.GenericAlias.
Ref<> ContainerClassGetItem(Object* cls, Object* const* args, size_t nargs, Tuple* kwnames);
// types.GenericAlias(origin, args).
Ref<> NewGenericAlias(Object* origin, Object* args);
// Whether `o` supports __index__ (PyIndex_Check).
inline bool HasIndex(Object* o) { return o->type->nb_index != nullptr; }
// The slice object check.
bool IsSliceObject(Object* o);
// Normalises a sequence index (negative counts from the end). False: out of range.
inline bool NormalizeIndex(int64_t* i, int64_t size) {
  if (*i < 0) *i += size;
  return *i >= 0 && *i < size;
}
// Converts the optional start/stop arguments of index() (CPython's _PyEval_SliceIndexNotNone):
// clamps huge values. False with an error set.
[[nodiscard]] bool SliceIndexArg(Object* o, int64_t* out);
// A small int result for __length_hint__ and friends.
Ref<> NewSize(int64_t n);

// Slice indices for `length`: unpack + adjust. Returns the slice length, or -1 with an error.
int64_t SliceIndicesFor(Object* slice, int64_t length, int64_t* start, int64_t* stop,
                        int64_t* step);

// Iterators over lists and tuples, used by other files (reversed(list) in iterators.cc).
Ref<> NewListReverseIter(Object* list);

// Set type used by dict views' set operations (set.cc).
[[nodiscard]] bool SetUpdateFromIterable(Object* set, Object* iterable);

// The dict view types (dict_views.cc), set up by InitDictTypes.
void InitDictViewTypes();
Ref<> NewDictView(Object* dict, int kind);      // kind: 0 keys, 1 values, 2 items
Ref<> NewDictIter(Object* dict, int kind, bool reversed);
enum DictViewKind { kDictKeys = 0, kDictValues = 1, kDictItems = 2 };

void InitGenericAliasType();
void InitSliceType();
void InitIteratorTypes();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_CONTAINERS_INTERNAL_H_
