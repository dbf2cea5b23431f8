// pyrite::Interpreter: the public embedding API and what the shell runs. Start-up order: the core
// runtime (types, singletons), then the builtins module, then sys (python/builtins), then the
// registry of built-in modules.
//
// Example:
//   pyrite::vm::Interpreter interp({"prog.py", "arg"});
//   int status = interp.RunFile("prog.py");   // exit status, as python3 prog.py
#ifndef PYRITE_PYTHON_VM_INTERPRETER_INTERPRETER_H_
#define PYRITE_PYTHON_VM_INTERPRETER_INTERPRETER_H_

#include <string>
#include <string_view>
#include <vector>

namespace pyrite::vm {

// Command-line options that change the runtime (python3's -O, -u, -B, -E, -I, -P).
struct InterpreterOptions {
  int optimize = 0;  // -O: 1, -OO: 2
  bool unbuffered = false;
  bool dont_write_bytecode = false;
  bool ignore_environment = false;
  bool isolated = false;
  bool safe_path = false;
};

class Interpreter {
 public:
  // argv becomes sys.argv.
  explicit Interpreter(const std::vector<std::string>& argv,
                       const InterpreterOptions& options = {});
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Runs a script / a -c string as __main__. Returns the process exit status as CPython's
  // would be: 0, 1 after printing a traceback of an uncaught exception to stderr, SystemExit's
  // code (printing a non-int code to stderr), 120 if flushing stdout failed.
  int RunFile(const std::string& path);
  int RunString(std::string_view source, std::string_view filename = "<string>");

  // Whether the last run ended with an uncaught KeyboardInterrupt: CPython then kills itself with
  // SIGINT (shell status 130, "-2" to a parent's subprocess), which the shell does after cleanup.
  bool interrupted() const;

 private:
  bool ok_ = false;
};

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_INTERPRETER_INTERPRETER_H_
