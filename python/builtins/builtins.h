// The builtins module, sys and gc: the functions the interpreter installs at start-up.
#ifndef PYRITE_PYTHON_BUILTINS_BUILTINS_H_
#define PYRITE_PYTHON_BUILTINS_BUILTINS_H_

#include <string>
#include <string_view>
#include <vector>

#include "python/parser/parser.h"
#include "python/vm/object.h"

namespace pyrite::builtins {

// Command-line settings that change what the modules show (sys.flags, __debug__) and how code
// is compiled; the interpreter sets them before InstallBuiltins / InstallSys.
struct RuntimeFlags {
  int optimize = 0;                  // -O / -OO: sys.flags.optimize, __debug__, compile()'s default
  bool unbuffered = false;           // -u: stdout and stderr write through
  bool dont_write_bytecode = false;  // -B
  bool ignore_environment = false;   // -E
  bool isolated = false;             // -I
  bool safe_path = false;            // -P / -I: no script directory in sys.path
};
extern RuntimeFlags runtime_flags;

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
// `source_is_str`: `source` is the UTF-8 of a str (see parser::Parse).
vm::Ref<> CompileToCode(std::string_view source, std::string_view filename, parser::ParseMode mode,
                        bool source_is_str = false);

// Prints an exception with its traceback, chained causes/contexts and ExceptionGroups to
// sys.stderr as CPython 3.11's default excepthook does.
void PrintException(vm::Object* exc);

}  // namespace pyrite::builtins

#endif  // PYRITE_PYTHON_BUILTINS_BUILTINS_H_
