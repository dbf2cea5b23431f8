// range, slice and the builtin iterator types: enumerate, zip, map, filter, reversed, the
// sequence iterator (iter() over __getitem__), the callable iterator (iter(f, sentinel)), and
// the iterators of range, list, tuple and str.
#ifndef PYRITE_PYTHON_VM_OBJECTS_RANGE_H_
#define PYRITE_PYTHON_VM_OBJECTS_RANGE_H_

#include <cstdint>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Range : Object {
  Object* start;  // ints, owned (arbitrary precision, as CPython's range)
  Object* stop;
  Object* step;
  Object* length;
};
struct Slice : Object {
  Object* start;  // owned; None when omitted
  Object* stop;
  Object* step;
};

extern Type RangeType;
extern Type SliceType;
extern Type EnumerateType;
extern Type ZipType;
extern Type MapType;
extern Type FilterType;
extern Type ReversedType;
extern Type SeqIterType;
extern Type CallableIterType;
extern Type RangeIterType;      // range_iterator (int64 fast path); readied on first use
extern Type LongRangeIterType;  // longrange_iterator
extern Type GenericAliasType;   // types.GenericAlias (list[int]), generic_alias.cc

Ref<> NewSlice(Object* start, Object* stop, Object* step);  // borrowed args (null: None)
// slice.indices() for a sequence of `length`: clamps and returns the number of items selected.
// False with an error set (bad slice values: "slice indices must be integers or None or have an
// __index__ method", "slice step cannot be zero").
[[nodiscard]] bool SliceUnpack(Slice* s, int64_t* start, int64_t* stop, int64_t* step);
int64_t SliceAdjustIndices(int64_t length, int64_t* start, int64_t* stop, int64_t step);
// iter() over an object with __getitem__ but no __iter__.
Ref<> NewSeqIter(Object* seq);
Ref<> NewCallableIter(Object* callable, Object* sentinel);

void InitRangeTypes();  // range, slice, iterators

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_RANGE_H_
