// Module objects and the registry of built-in (native) modules.
#ifndef PYRITE_PYTHON_VM_OBJECTS_MODULE_H_
#define PYRITE_PYTHON_VM_OBJECTS_MODULE_H_

#include <string_view>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Module : Object {
  Object* dict = nullptr;  // Dict (owned)
  Object* weaklist = nullptr;
  ~Module();
};

extern Type ModuleType;

Ref<Module> NewModule(std::string_view name);
inline Object* ModuleDict(Object* m) { return static_cast<Module*>(m)->dict; }
// Adds the functions of a {nullptr}-terminated table to a module.
[[nodiscard]] bool AddFunctions(Object* module, const MethodDef* defs);

// Built-in modules: a name and a function that creates the module. `__import__` of one of these
// names creates it once and stores it in sys.modules.
using ModuleInitFn = Ref<> (*)();
struct BuiltinModule {
  const char* name;
  ModuleInitFn init;
};
// The registry of built-in modules. The interpreter target registers every module it links
// (python/vm/interpreter.cc lists them in one table) before running code.
void RegisterBuiltinModule(const BuiltinModule& module);
const BuiltinModule* FindBuiltinModule(std::string_view name);
// __import__ for built-in modules (sys.modules first, then the registry); ModuleNotFoundError
// "No module named 'x'" otherwise.
Ref<> ImportModule(std::string_view name);

void InitModuleType();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_MODULE_H_
