// pyrite::vm::Interpreter: start-up (core runtime, builtins, sys, the built-in module table),
// running a script or a -c string as __main__, and what CPython's Modules/main.c and
// Python/pythonrun.c do at the end of a run: uncaught exceptions through sys.excepthook,
// SystemExit's exit status, flushing stdout (exit status 120 if that fails).
#include "python/vm/interpreter/interpreter.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "python/builtins/builtins.h"
#include "python/builtins/builtins_internal.h"
#include "python/parser/file_io.h"
#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/eval.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/function.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/module.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"

namespace pyrite::vm {

namespace {

bool uncaught_interrupt = false;

Ref<> SysModuleInit() { return NewRef(interp->sys); }
Ref<> BuiltinsModuleInit() { return NewRef(interp->builtins_module); }

// Every built-in module the interpreter links, in one table.
const BuiltinModule kBuiltinModules[] = {
    {"sys", &SysModuleInit},
    {"builtins", &BuiltinsModuleInit},
    {"gc", &builtins::MakeGcModule},
    {"_weakref", &builtins::MakeWeakrefModule},
    {"weakref", &builtins::MakeWeakrefAliasModule},
};

void ReportStartupFailure() {
  std::string msg = "Fatal Python error: failed to initialise the interpreter\n";
  if (Object* exc = PeekError()) {
    Ref<> s = Repr(exc);
    if (s) msg += std::string(StrUtf8(static_cast<Str*>(s.get()))) + "\n";
  }
  ClearError();
  parser::WriteAll(stderr, msg);
}

// Flushes sys.stdout and sys.stderr; false if flushing stdout failed (the error is reported).
bool FlushStdFiles() {
  bool ok = true;
  Object* out = builtins::SysGetObject("stdout");
  if (out != nullptr && out != None()) {
    if (!builtins::FlushFile(out)) {
      Ref<> exc = FetchError();
      if (exc) {
        std::string text =
            "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' "
            "encoding='utf-8'>\n";
        builtins::WriteStderr(text);
        builtins::PrintException(exc.get());
      }
      ok = false;
    }
  }
  Object* err = builtins::SysGetObject("stderr");
  if (err != nullptr && err != None()) {
    if (!builtins::FlushFile(err)) ClearError();
  }
  return ok;
}

// The exit status for a SystemExit instance, printing a non-int code as CPython does.
int SystemExitStatus(Object* exc) {
  Object* code = static_cast<SystemExitObject*>(exc)->code;
  if (code == nullptr || code == None()) return 0;
  if (IsInt(code)) {
    std::optional<int64_t> v = IntSmall(code);
    if (!v) return -1;
    return static_cast<int>(*v);
  }
  // Anything else is printed (str()) to stderr and gives status 1, after what stdout holds.
  Object* err = builtins::SysGetObject("stderr");
  Object* out = builtins::SysGetObject("stdout");
  if (out != nullptr && out != None() && !builtins::FlushFile(out)) ClearError();
  if (err != nullptr && err != None()) {
    if (!builtins::FileWriteObject(err, code, true) || !builtins::FileWriteString(err, "\n")) {
      ClearError();
    }
  } else {
    Ref<> s = ToStr(code);
    if (s) builtins::WriteStderr(std::string(StrUtf8(static_cast<Str*>(s.get()))) + "\n");
    ClearError();
  }
  return 1;
}

// Handles the pending exception of a finished run: SystemExit gives its status; anything else
// goes to sys.excepthook (falling back to the default printer) and gives 1.
int HandleUncaught() {
  Ref<> exc = FetchError();
  if (!exc) return 0;
  if (TypeCheck(exc.get(), &SystemExitType)) return SystemExitStatus(exc.get());
  Object* hook = builtins::SysGetObject("excepthook");
  bool printed = false;
  if (hook != nullptr && hook != None()) {
    Object* tb = static_cast<BaseExceptionObject*>(exc.get())->traceback;
    Object* args[3] = {exc->type, exc.get(), tb != nullptr ? tb : None()};
    Ref<> r = Call(hook, args, 3);
    if (r) {
      printed = true;
    } else {
      Ref<> hook_exc = FetchError();
      if (hook_exc && TypeCheck(hook_exc.get(), &SystemExitType)) {
        return SystemExitStatus(hook_exc.get());
      }
      builtins::WriteStderr("Error in sys.excepthook:\n");
      if (hook_exc) builtins::PrintException(hook_exc.get());
      builtins::WriteStderr("\nOriginal exception was:\n");
    }
  } else {
    builtins::WriteStderr("sys.excepthook is missing\n");
  }
  if (!printed) builtins::PrintException(exc.get());
  // CPython dies of SIGINT after an uncaught KeyboardInterrupt; its shell status is 130.
  if (TypeCheck(exc.get(), &KeyboardInterruptType)) {
    uncaught_interrupt = true;
    return 130;
  }
  return 1;
}

// Runs a compiled module as __main__ and returns the exit status.
int RunMain(std::string_view source, std::string_view filename, const char* file_attr) {
  Ref<> code = builtins::CompileToCode(source, filename, parser::ParseMode::kExec);
  if (!code) {
    int status = HandleUncaught();
    if (!FlushStdFiles() && status == 0) status = 120;
    return status;
  }
  Ref<Module> main = NewModule("__main__");
  if (!main) return HandleUncaught();
  auto* d = static_cast<Dict*>(ModuleDict(main.get()));
  bool ok = DictSetItemUtf8(d, "__builtins__", interp->builtins_module) == 0 &&
            DictSetItemUtf8(d, "__doc__", None()) == 0 &&
            DictSetItemUtf8(d, "__loader__", None()) == 0 &&
            DictSetItemUtf8(d, "__spec__", None()) == 0 &&
            DictSetItemUtf8(static_cast<Dict*>(interp->modules), "__main__", main.get()) == 0;
  if (ok && file_attr != nullptr) {
    Ref<> f = NewStr(file_attr);
    ok = f && DictSetItemUtf8(d, "__file__", f.get()) == 0;
  }
  if (!ok) return HandleUncaught();
  Ref<> result = EvalCode(static_cast<Code*>(code.get()), d, d);
  int status = 0;
  if (!result) status = HandleUncaught();
  result = nullptr;
  if (!FlushStdFiles() && status == 0) status = 120;
  return status;
}

}  // namespace

Interpreter::Interpreter(const std::vector<std::string>& argv, const InterpreterOptions& options) {
  builtins::runtime_flags.optimize = options.optimize;
  builtins::runtime_flags.unbuffered = options.unbuffered;
  builtins::runtime_flags.dont_write_bytecode = options.dont_write_bytecode;
  builtins::runtime_flags.ignore_environment = options.ignore_environment;
  builtins::runtime_flags.isolated = options.isolated;
  builtins::runtime_flags.safe_path = options.safe_path || options.isolated;
  if (!InitCoreRuntime()) {
    ReportStartupFailure();
    return;
  }
  if (!builtins::InstallBuiltins() || !builtins::InstallSys(argv)) {
    ReportStartupFailure();
    return;
  }
  for (const BuiltinModule& m : kBuiltinModules) {
    if (FindBuiltinModule(m.name) == nullptr) RegisterBuiltinModule(m);
  }
  ok_ = true;
}

Interpreter::~Interpreter() {
  if (ok_) {
    if (!FlushStdFiles()) ClearError();
  }
  FinalizeRuntime();
}

bool Interpreter::interrupted() const { return uncaught_interrupt; }

int Interpreter::RunFile(const std::string& path) {
  if (!ok_) return 1;
  std::string source;
  if (!parser::ReadFile(path.c_str(), &source)) {
    int err = errno;
    builtins::WriteStderr("can't open file '" + path + "': [Errno " + std::to_string(err) + "] " +
                          std::strerror(err) + "\n");
    return 2;
  }
  // CPython runs the script under its absolute path (not normalised): tracebacks and __file__
  // show "/cwd/./x.py" for "./x.py"; sys.argv[0] keeps the path as given.
  std::string abs_path = path;
  if (!path.empty() && path[0] != '/') {
    char* cwd = ::getcwd(nullptr, 0);
    if (cwd != nullptr) {
      abs_path = std::string(cwd) + "/" + path;
      std::free(cwd);
    }
  }
  return RunMain(source, abs_path, abs_path.c_str());
}

int Interpreter::RunString(std::string_view source, std::string_view filename) {
  if (!ok_) return 1;
  return RunMain(source, filename, nullptr);
}

}  // namespace pyrite::vm
