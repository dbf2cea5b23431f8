// The evaluation loop and Python-level calls.
//
// EvalFrame runs a frame's instructions until it returns, yields or raises: computed-goto
// dispatch over opcodes.def, inline caches in the CACHE units, errors as values (an instruction
// that fails jumps to the one exception path, which consults the code's exception table; no
// entry: the frame is done and the error propagates to the caller).
#ifndef PYRITE_PYTHON_VM_EVAL_H_
#define PYRITE_PYTHON_VM_EVAL_H_

#include <cstddef>

#include "python/vm/frame.h"
#include "python/vm/object.h"

namespace pyrite::vm {

struct Tuple;

// Runs `f` (pushed on the thread's frame chain while it runs). Result: the return value, or the
// yielded value when f->state becomes kSuspended; null with an error pending if it raised.
// `throwflag`: raise the pending exception at the frame's current instruction (generator.throw).
Ref<> EvalFrame(Frame* f, bool throwflag);

// Runs a module-level or exec()'d code object with the given namespaces (locals may be null:
// globals is used).
Ref<> EvalCode(Code* code, Object* globals, Object* locals);

// The call slot of functions: binds arguments to parameters (every parameter kind, defaults,
// *args/**kwargs, CPython's TypeError messages such as "f() missing 1 required positional
// argument: 'x'"), then runs the body (or creates the generator).
Ref<> FunctionCall(Object* func, Object* const* args, size_t nargs, Tuple* kwnames);

// The innermost executing Python frame's globals / builtins dicts (for builtins that need them:
// globals(), locals(), eval(), exec(), vars(), super()). Borrowed; null if no frame.
Object* CurrentGlobals();
Object* CurrentBuiltins();
// locals(): the frame's locals mapping (a new dict snapshot for function frames).
Ref<> CurrentLocals();
Frame* CurrentFrame();

// builtins.__build_class__(func, name, *bases, metaclass=..., **kwds).
Ref<> BuildClass(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_EVAL_H_
