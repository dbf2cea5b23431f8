// The generic object operations every part of the VM uses (CPython's abstract.c and object.c):
// attribute access, calls, comparisons, operators with reflected-operand dispatch, iteration,
// subscripts, truth, hashing, repr/str, isinstance. Each dispatches through type slots and raises
// CPython 3.11's TypeError messages when a slot is missing.
//
// All arguments are borrowed; results are new references (null: an exception is pending).
#ifndef PYRITE_PYTHON_VM_ABSTRACT_H_
#define PYRITE_PYTHON_VM_ABSTRACT_H_

#include <cstdint>
#include <string_view>

#include "python/bytecode/opcodes.h"
#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

using bytecode::BinaryOp;

// --- Attributes -----------------------------------------------------------------------------
Ref<> GetAttr(Object* o, Str* name);
Ref<> GetAttr(Object* o, std::string_view name);  // interns the name
// Like GetAttr but a missing attribute (AttributeError) gives null with no error set.
Ref<> LookupAttr(Object* o, Str* name);
[[nodiscard]] int SetAttr(Object* o, Str* name, Object* value);  // value null: delete
[[nodiscard]] int DelAttr(Object* o, Str* name);
// object.__getattribute__ / __setattr__ (instance dict, data descriptors, non-data descriptors).
Ref<> GenericGetAttr(Object* o, Str* name);
[[nodiscard]] int GenericSetAttr(Object* o, Str* name, Object* value);
// LOAD_METHOD: if `name` is a plain function found on the type (and not shadowed by the instance
// dict), returns it unbound and sets *is_method; otherwise the bound attribute.
Ref<> GetMethod(Object* o, Str* name, bool* is_method);
// Special-method lookup on the type only (bypassing the instance), bound to `o`. Null without an
// error when missing. Used for __enter__, __exit__, __format__, __reversed__, ...
Ref<> LookupSpecial(Object* o, Str* name);

// --- Calls ----------------------------------------------------------------------------------
// The vectorcall convention of type.h's CallFn.
Ref<> Call(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames = nullptr);
Ref<> CallNoArgs(Object* callable);
Ref<> CallOneArg(Object* callable, Object* arg);
// f(*args, **kwargs) with a tuple and an optional dict.
Ref<> CallTupleDict(Object* callable, Tuple* args, Dict* kwargs);
// o.name(*args)
Ref<> CallMethod(Object* o, Str* name, Object* const* args, size_t nargs);
bool IsCallable(Object* o);

// --- Object protocol ------------------------------------------------------------------------
Ref<> Repr(Object* o);   // always a str (TypeError "__repr__ returned non-string (type int)")
Ref<> ToStr(Object* o);  // str(o)
Ref<> Ascii(Object* o);
int64_t Hash(Object* o);  // -1 with TypeError "unhashable type: 'list'"
int64_t HashPointer(const void* p);
Ref<> RichCompare(Object* a, Object* b, CompareOp op);  // never NotImplemented
// 1 true, 0 false, -1 error; identity implies equality for Eq (as CPython's containers do).
int RichCompareBool(Object* a, Object* b, CompareOp op);
// Whether a three-way comparison result `c` (an int or a std::*_ordering: below, equal to or
// above zero) satisfies `op`: the common tail of richcompare slots over totally ordered values.
template <typename C>
constexpr bool CompareOrder(C c, CompareOp op) {
  switch (op) {
    case CompareOp::kLt:
      return c < 0;
    case CompareOp::kLe:
      return c <= 0;
    case CompareOp::kEq:
      return c == 0;
    case CompareOp::kNe:
      return c != 0;
    case CompareOp::kGt:
      return c > 0;
    case CompareOp::kGe:
      return c >= 0;
  }
  return false;
}
int IsTrue(Object* o);  // truth value: -1 on error
Ref<> Format(Object* o, Object* spec);  // format(o, spec); spec null: ''
int IsInstance(Object* o, Object* cls);  // with __instancecheck__; -1 on error
int IsSubclass(Object* derived, Object* cls);
Ref<> Dir(Object* o);

// --- Numbers --------------------------------------------------------------------------------
// BINARY_OP: slots of both operands with CPython's rules (a subclass's reflected method first,
// NotImplemented falls through, sequence concat/repeat fallbacks, in-place forms for op >=
// kInplaceOffset), and "unsupported operand type(s) for +: 'int' and 'str'".
Ref<> BinaryOperation(Object* a, Object* b, int op);
Ref<> Power(Object* base, Object* exp, Object* mod);  // pow() with 3 arguments (mod may be None)
// divmod(a, b): "unsupported operand type(s) for divmod(): 'str' and 'int'".
Ref<> Divmod(Object* a, Object* b);
Ref<> UnaryNegative(Object* o);
Ref<> UnaryPositive(Object* o);
Ref<> UnaryInvert(Object* o);
Ref<> Absolute(Object* o);
// operator.index(): an int (exact or subclass) or TypeError
// "'float' object cannot be interpreted as an integer".
Ref<> Index(Object* o);
// Index() then to int64_t; out of range: `overflow_error` (null: clamp, as PyNumber_AsSsize_t
// with NULL) with "cannot fit 'int' into an index-sized integer".
[[nodiscard]] bool AsSsize(Object* o, Type* overflow_error, int64_t* out);
Ref<> NumberLong(Object* o);   // int(o)
Ref<> NumberFloat(Object* o);  // float(o)

// --- Containers -----------------------------------------------------------------------------
int64_t Length(Object* o);  // len(): -1 with "object of type 'int' has no len()"
Ref<> GetItem(Object* o, Object* key);
// mapping[key] where a missing key is not an error (a name lookup in a locals mapping): 1 with
// *out set, 0 when the key is missing (an exact dict without it, or KeyError raised and
// cleared), -1 with the error pending.
[[nodiscard]] int MappingGetOptional(Object* mapping, Object* key, Ref<>* out);
[[nodiscard]] int SetItem(Object* o, Object* key, Object* value);
[[nodiscard]] int DelItem(Object* o, Object* key);
int Contains(Object* container, Object* item);  // `in`: 1, 0, -1
Ref<> GetIter(Object* o);  // iter(): "'int' object is not iterable"
// next(): null with no error set when exhausted (StopIteration swallowed).
Ref<> IterNext(Object* iterator);
// Collects an iterable into a new list / tuple.
Ref<> SequenceList(Object* iterable);
Ref<> SequenceTuple(Object* iterable);

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_ABSTRACT_H_
