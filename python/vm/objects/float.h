// float and complex: IEEE doubles with CPython's repr (shortest round trip), arithmetic and
// error messages.
#ifndef PYRITE_PYTHON_VM_OBJECTS_FLOAT_H_
#define PYRITE_PYTHON_VM_OBJECTS_FLOAT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Float : Object {
  double value;
};
struct Complex : Object {
  double real;
  double imag;
};

extern Type FloatType;
extern Type ComplexType;

inline bool IsFloat(Object* o) { return HasFlag(o->type, kFloatSubclass); }
inline double FloatValue(Object* o) { return static_cast<Float*>(o)->value; }
inline bool IsComplex(Object* o) { return TypeCheck(o, &ComplexType); }

Ref<> NewFloat(double v);
Ref<> NewComplex(double real, double imag);
// float(x) for a number: int (OverflowError "int too large to convert to float"), float,
// __float__, __index__. Returns false with an error set.
[[nodiscard]] bool AsDouble(Object* o, double* out);
// repr(float): "0.1", "1e+16", "inf", "nan".
std::string FloatRepr(double v);
// hash(float) as CPython's _Py_HashDouble: agrees with hash(int) for integral values; a NaN
// hashes by the identity of `obj`.
int64_t HashDouble(Object* obj, double v);
// float ** float with CPython's rules (the float type's nb_power on plain doubles).
Ref<> FloatPow(double a, double b);
// Parses a float literal as float() does (text already ASCII, surrounding whitespace allowed):
// false if it is not one (no error set).
bool ParseDouble(std::string_view text, double* out);
// A float subclass instance (float.__new__ with a subclass).
Ref<> NewFloatOfType(Type* type, double v);

void InitFloatTypes();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_FLOAT_H_
