// The builtins module: its namespace (every builtin type and exception under its Python name, the
// constants, and the function tables of builtins_functions.cc, builtins_minmax.cc and
// builtins_compile.cc), made once at start-up by InstallBuiltins.
#include <string_view>

#include "python/builtins/builtins.h"
#include "python/builtins/builtins_internal.h"
#include "python/vm/error.h"
#include "python/vm/frame.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/descr.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/function.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/module.h"
#include "python/vm/objects/range.h"
#include "python/vm/objects/set.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"

namespace pyrite::builtins {

using namespace vm;  // NOLINT: this file is all VM objects

RuntimeFlags runtime_flags;

namespace {

struct NamedType {
  const char* name;
  Type* type;
};

// The builtin classes CPython 3.11 puts in builtins (memoryview comes with the buffer protocol).
const NamedType kBuiltinTypes[] = {
    {"object", &ObjectType},
    {"type", &TypeType},
    {"int", &IntType},
    {"bool", &BoolType},
    {"float", &FloatType},
    {"complex", &ComplexType},
    {"str", &StrType},
    {"bytes", &BytesType},
    {"bytearray", &ByteArrayType},
    {"tuple", &TupleType},
    {"list", &ListType},
    {"dict", &DictType},
    {"set", &SetType},
    {"frozenset", &FrozenSetType},
    {"range", &RangeType},
    {"slice", &SliceType},
    {"enumerate", &EnumerateType},
    {"zip", &ZipType},
    {"map", &MapType},
    {"filter", &FilterType},
    {"reversed", &ReversedType},
    {"classmethod", &ClassMethodType},
    {"staticmethod", &StaticMethodType},
    {"property", &PropertyType},
    {"super", &SuperType},
};

bool AddFunctionTable(Object* module, const MethodDef* defs) { return AddFunctions(module, defs); }

}  // namespace

bool InstallBuiltins() {
  Ref<Module> module = NewModule("builtins");
  if (!module) return false;
  auto* dict = static_cast<Dict*>(ModuleDict(module.get()));
  for (const NamedType& t : kBuiltinTypes) {
    if (DictSetItemUtf8(dict, t.name, t.type) < 0) return false;
  }
#define EXCEPTION(name, base, layout) \
  if (DictSetItemUtf8(dict, #name, &name##Type) < 0) return false;
#include "python/vm/exceptions.def"
#undef EXCEPTION
  // Aliases kept since Python 3.3.
  if (DictSetItemUtf8(dict, "EnvironmentError", &OSErrorType) < 0) return false;
  if (DictSetItemUtf8(dict, "IOError", &OSErrorType) < 0) return false;

  if (DictSetItemUtf8(dict, "None", None()) < 0) return false;
  if (DictSetItemUtf8(dict, "True", True()) < 0) return false;
  if (DictSetItemUtf8(dict, "False", False()) < 0) return false;
  if (DictSetItemUtf8(dict, "Ellipsis", Ellipsis()) < 0) return false;
  if (DictSetItemUtf8(dict, "NotImplemented", NotImplemented()) < 0) return false;
  if (DictSetItemUtf8(dict, "__debug__", runtime_flags.optimize == 0 ? True() : False()) < 0) {
    return false;
  }

  if (!AddFunctionTable(module.get(), kBuiltinFunctions)) return false;
  if (!AddFunctionTable(module.get(), kBuiltinMinMax)) return false;
  if (!AddFunctionTable(module.get(), kBuiltinCompile)) return false;

  Xdecref(interp->builtins);
  interp->builtins = NewRef<Object>(dict).release();
  Xdecref(interp->builtins_module);
  interp->builtins_module = module.release();
  return true;
}

}  // namespace pyrite::builtins
