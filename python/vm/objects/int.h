// int and bool. An int holds a bigint::BigInt (inline int64 fast path, so small values allocate
// only the object); -5..256 are cached immortal objects as in CPython. bool is a subclass whose
// two instances are True and False.
#ifndef PYRITE_PYTHON_VM_OBJECTS_INT_H_
#define PYRITE_PYTHON_VM_OBJECTS_INT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "python/bigint/bigint.h"
#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Int : Object {
  bigint::BigInt value;
};

extern Type IntType;
extern Type BoolType;
extern Int TrueObject;
extern Int FalseObject;

inline Object* True() { return &TrueObject; }
inline Object* False() { return &FalseObject; }
inline Ref<> NewBool(bool b) { return NewRef<Object>(b ? &TrueObject : &FalseObject); }

inline bool IsInt(Object* o) { return HasFlag(o->type, kIntSubclass); }  // includes bool
inline bool IsExactInt(Object* o) { return o->type == &IntType; }
inline bool IsBool(Object* o) { return o->type == &BoolType; }

Ref<> NewInt(int64_t v);
Ref<> NewInt(bigint::BigInt v);
// Converts a BigInt operation's result, raising its error (ZeroDivisionError, ...) if any.
Ref<> NewInt(bigint::IntResult<bigint::BigInt> r);
// An int subclass instance (int.__new__ with a subclass).
Ref<> NewIntOfType(Type* type, bigint::BigInt v);
// Raises the Python exception a bigint operation reported.
void SetIntError(const bigint::IntError& e);
// Whether a bigint operation succeeded; if not, raises its error (as SetIntError) and is false.
template <typename T>
bool IntOk(const bigint::IntResult<T>& r) {
  if (r.ok()) return true;
  SetIntError(r.error());
  return false;
}

inline const bigint::BigInt& IntValue(Object* o) { return static_cast<Int*>(o)->value; }
// The value if it fits int64 (no error set otherwise).
inline std::optional<int64_t> IntSmall(Object* o) { return IntValue(o).ToInt64(); }
// int64 or OverflowError "Python int too large to convert to C long" (o must be an int).
[[nodiscard]] bool IntAsInt64(Object* o, int64_t* out);
// int(text, base) as the int constructor parses str/bytes (ValueError
// "invalid literal for int() with base 10: 'x'").
Ref<> IntFromString(std::string_view text, int base);
// int(x) for any object, as int() with one argument (PyNumber_Long): __int__, __index__,
// __trunc__, str, bytes, bytearray, float.
Ref<> IntFromObject(Object* o);

// sys.int_max_str_digits (0: unlimited); sys.set_int_max_str_digits writes it.
extern int64_t int_max_str_digits;

// The text of a str with Unicode decimal digits mapped to ASCII digits and Unicode white space to
// ' ' (other non-ASCII characters become '?', which no parser accepts), as int(), float() and
// complex() parse it.
struct Str;
std::string TransformDecimalAndSpaceToAscii(Str* s);

void InitIntTypes();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_INT_H_
