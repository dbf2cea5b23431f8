// The format-specification mini-language ([[fill]align][sign][z][#][0][width][grouping][.precision]
// [type]) shared by format(), str.format, f-strings and % formatting: parsing a spec and applying
// it to str, int and float values with CPython's results and messages ("Unknown format code 'd'
// for object of type 'str'", "Cannot specify ',' with 's'.").
#ifndef PYRITE_PYTHON_VM_OBJECTS_FORMATTER_H_
#define PYRITE_PYTHON_VM_OBJECTS_FORMATTER_H_

#include <string_view>

#include "python/bigint/bigint.h"
#include "python/vm/object.h"

namespace pyrite::vm {

struct Str;

// format(value, spec) for the builtin types (their __format__ methods call these).
Ref<> FormatStr(Str* value, Str* spec);
Ref<> FormatInt(const bigint::BigInt& value, Str* spec);
Ref<> FormatFloat(double value, Str* spec);
Ref<> FormatComplex(double real, double imag, Str* spec);

// str % args (printf-style formatting).
Ref<> StrPercentFormat(Str* format, Object* args);
// str.format(*args, **kwargs) and format_map.
Ref<> StrFormatMethod(Str* format, Object* const* args, size_t nargs, Object* kwargs_mapping);

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_FORMATTER_H_
