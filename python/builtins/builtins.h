// The builtins module, sys and gc: the functions the interpreter installs at start-up.
#ifndef PYRITE_PYTHON_BUILTINS_BUILTINS_H_
#define PYRITE_PYTHON_BUILTINS_BUILTINS_H_

#include <string>
#include <string_view>
#include <vector>

#include "python/parser/parser.h"
#include "python/vm/object.h"

namespace pyrite::builtins {

// Creates the builtins module (functions, types, exceptions, constants) and stores it in
// vm::interp->builtins / builtins_module. False with an error set on failure.
[[nodiscard]] bool InstallBuiltins();
// Creates the sys module (argv, path, modules, stdout/stderr/stdin, version_info, ...) and
// stores it in vm::interp->sys and sys.modules.
[[nodiscard]] bool InstallSys(const std::vector<std::string>& argv);
// The gc and _weakref modules (registered in the built-in module table).
vm::Ref<> MakeGcModule();
vm::Ref<> MakeWeakrefModule();
// `weakref`: a built-in stand-in for Lib/weakref.py (ref, proxy-less) until Lib is importable.
vm::Ref<> MakeWeakrefAliasModule();

// compile(source, filename, mode) for source bytes: a runtime code object, or null with the
// Python SyntaxError (msg, filename, lineno, offset, text, end_lineno, end_offset) pending.
vm::Ref<> CompileToCode(std::string_view source, std::string_view filename,
                        parser::ParseMode mode);

// Prints an exception with its traceback, chained causes/contexts and ExceptionGroups to
// sys.stderr as CPython 3.11's default excepthook does.
void PrintException(vm::Object* exc);

}  // namespace pyrite::builtins

#endif  // PYRITE_PYTHON_BUILTINS_BUILTINS_H_
