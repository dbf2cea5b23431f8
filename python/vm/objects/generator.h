// Generators, coroutines and async generators: a suspended frame plus the protocol methods
// (send, throw, close, __next__, __await__, asend/athrow/aclose) with PEP 479 (StopIteration
// inside a generator becomes RuntimeError) and CPython's messages ("generator already
// executing", "cannot reuse already awaited coroutine", ...).
#ifndef PYRITE_PYTHON_VM_OBJECTS_GENERATOR_H_
#define PYRITE_PYTHON_VM_OBJECTS_GENERATOR_H_

#include "python/vm/object.h"
#include "python/vm/runtime.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Frame;

// A generator, coroutine or async generator (the type tells which). The frame is owned while the
// generator can still run and released (null) once it has returned or raised.
struct Generator : Object {
  Frame* frame = nullptr;
  Object* code = nullptr;      // Code (owned): gi_code outlives the frame
  Object* name = nullptr;      // Str (owned)
  Object* qualname = nullptr;  // Str (owned)
  Object* weaklist = nullptr;
  // The handled-exception entry linked into ts->exc_info while the frame runs, so that
  // sys.exc_info() inside the generator sees its own except blocks only (exc owned).
  ExcInfo exc_state;
  bool running = false;  // gi_running: inside send/throw/close
  // Async generators only.
  bool running_async = false;  // an asend/athrow awaitable is being driven
  bool closed = false;         // aclose() started or the generator finished
};

extern Type GeneratorType;
extern Type CoroutineType;
extern Type AsyncGeneratorType;
extern Type CoroutineWrapperType;  // coroutine.__await__()
extern Type AsyncGenASendType;
extern Type AsyncGenAThrowType;
extern Type AsyncGenWrappedValueType;

// RETURN_GENERATOR: takes ownership of `frame` (already holding its arguments) and returns the
// generator, coroutine or async generator its code's flags ask for.
Ref<> NewGeneratorForFrame(Frame* frame);

// The SEND instruction and `yield from`/`await` delegation: sends `value` into `receiver`
// (a generator/coroutine fast path, else __next__ / send). Returns 1 with *result = the yielded
// value, 0 with *result = the return value (the delegate finished), -1 on error.
int GenSend(Object* receiver, Object* value, Ref<>* result);

// ASYNC_GEN_WRAP: marks a value yielded by an async generator.
Ref<> AsyncGenWrapValue(Object* value);

void InitGeneratorTypes();

inline bool IsGenerator(Object* o) {
  return o->type == &GeneratorType || o->type == &CoroutineType || o->type == &AsyncGeneratorType;
}

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_GENERATOR_H_
