// The interpreter's global state: the thread state (pending exception, handled-exception stack,
// current frame, recursion depth) and the interpreter state (builtins, sys, modules, interned
// strings, singletons), and the start-up order of the builtin types and modules.
//
// Pyrite runs one thread of Python at a time; `ts` is the current thread's state (a plain global
// pointer: the eval loop reads it on every call).
#ifndef PYRITE_PYTHON_VM_RUNTIME_H_
#define PYRITE_PYTHON_VM_RUNTIME_H_

#include <csignal>
#include <cstdint>
#include <string>
#include <vector>

#include "python/vm/object.h"

namespace pyrite::vm {

struct Frame;
struct Dict;

// One entry of the handled-exception stack (sys.exc_info()): PUSH_EXC_INFO pushes the exception
// being handled; POP_EXCEPT restores the previous one. Generators keep their own entry and link it
// in while they run (CPython's _PyErr_StackItem).
struct ExcInfo {
  Object* exc = nullptr;  // owned; null: no exception being handled
  ExcInfo* previous = nullptr;
};

struct ThreadState {
  Object* current_exception = nullptr;  // the pending exception (owned), error.h
  ExcInfo base_exc_info;
  ExcInfo* exc_info = &base_exc_info;   // top of the handled-exception stack
  Frame* frame = nullptr;               // innermost executing Python frame
  int recursion_depth = 0;              // Python calls + native recursion guards
  int recursion_limit = 1000;           // sys.getrecursionlimit()
};

extern ThreadState* ts;

// Set by the SIGINT handler; the eval loop checks it at RESUME and backward jumps and raises
// KeyboardInterrupt.
extern volatile std::sig_atomic_t interrupt_pending;

// Native recursion guard for C++ code that recurses through Python objects (repr of nested
// lists, comparisons, ...): raises RecursionError("maximum recursion depth exceeded" + where) when
// the depth passes the limit. Pair with LeaveRecursiveCall.
[[nodiscard]] bool EnterRecursiveCall(const char* where);
inline void LeaveRecursiveCall() { --ts->recursion_depth; }

struct InterpreterState {
  Object* builtins = nullptr;   // the builtins module's dict (Dict, owned)
  Object* modules = nullptr;    // sys.modules (Dict, owned)
  Object* sys = nullptr;        // the sys module (owned)
  Object* builtins_module = nullptr;
  std::vector<std::string> argv;
};
extern InterpreterState* interp;

// Creates the thread and interpreter state and readies every builtin type and singleton, in
// dependency order (runtime.cc lists the order and why). The builtins and sys modules come from
// python/builtins, installed by the interpreter (interpreter.h). False: start-up failed.
[[nodiscard]] bool InitCoreRuntime();
// Clears sys.modules and the builtins, collects cycles and frees the states, so that the
// sanitizers see no leaks.
void FinalizeRuntime();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_RUNTIME_H_
