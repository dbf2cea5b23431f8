// tuple: an immutable array of references stored inline after the header. The empty tuple is an
// immortal singleton.
#ifndef PYRITE_PYTHON_VM_OBJECTS_TUPLE_H_
#define PYRITE_PYTHON_VM_OBJECTS_TUPLE_H_

#include <cstdint>
#include <initializer_list>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Tuple : Object {
  int64_t size;
  Object* items[];  // owned references; null only while being filled
};

extern Type TupleType;
extern Type TupleIterType;  // readied on first use (containers_internal.h EnsureReady)

inline bool IsTuple(Object* o) { return HasFlag(o->type, kTupleSubclass); }
inline bool IsExactTuple(Object* o) { return o->type == &TupleType; }

// A tuple of n null items for the caller to fill with TupleInit (n == 0: the empty tuple).
Ref<Tuple> NewTuple(int64_t n);
// Stores an owned reference into a slot of a tuple being filled.
inline void TupleInit(Tuple* t, int64_t i, Ref<> item) { t->items[i] = item.release(); }
// A tuple of borrowed items (each gets +1).
Ref<Tuple> NewTupleFrom(std::initializer_list<Object*> items);
Ref<Tuple> NewTupleFromArray(Object* const* items, int64_t n);
Ref<Tuple> TupleSlice(Tuple* t, int64_t start, int64_t end);

void InitTupleType();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_TUPLE_H_
