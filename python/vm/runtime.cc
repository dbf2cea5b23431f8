// The interpreter's global state (`ts`, `interp`, `interrupt_pending`), the native recursion
// guard, and the start-up and shut-down of the core runtime.
//
// Start-up order (InitCoreRuntime) and why:
//  1. The thread and interpreter states: SetError (used by anything that fails) needs `ts`.
//  2. Every Init* function fills its static Type objects (InitStaticType registers them) and may
//     create immortal objects (small ints, interned strings, the empty tuple): those only need
//     their type's size and flags, not a ready type. `type` and `object` come first because
//     InitStaticType points every type at them; then the singletons, str (interning), int,
//     and the rest in header order. Exceptions come after the descriptor types they use.
//  3. ReadyAllStaticTypes readies `object`, then `type`, then every registered type in
//     registration order (ReadyType readies a type's base first, so the order is safe). Building
//     a type's dict needs str, dict and the descriptor types, which is why readying waits until
//     every Init has run (ReadyType calls made from an Init are deferred).
#include "python/vm/runtime.h"

#include "python/vm/error.h"
#include "python/vm/frame.h"
#include "python/vm/gc.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/descr.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/function.h"
#include "python/vm/objects/generator.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/module.h"
#include "python/vm/objects/range.h"
#include "python/vm/objects/set.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/objects/weakref.h"
#include "python/vm/type_internal.h"

namespace pyrite::vm {

ThreadState* ts = nullptr;
InterpreterState* interp = nullptr;
volatile std::sig_atomic_t interrupt_pending = 0;

bool EnterRecursiveCall(const char* where) {
  if (++ts->recursion_depth > ts->recursion_limit) {
    --ts->recursion_depth;
    SetErrorF(&RecursionErrorType, "maximum recursion depth exceeded%s", where);
    return false;
  }
  return true;
}

bool InitCoreRuntime() {
  if (ts == nullptr) ts = new ThreadState();
  if (interp == nullptr) interp = new InterpreterState();

  InitTypeTypes();
  InitSingletonTypes();
  InitStrType();
  InitIntTypes();
  InitFloatTypes();
  InitBytesTypes();
  InitTupleType();
  InitListType();
  InitDictTypes();
  InitSetTypes();
  InitRangeTypes();
  InitFunctionTypes();
  InitDescrTypes();
  InitMappingProxyType();
  InitUnionType();
  InitModuleType();
  InitExceptionTypes();
  InitWeakrefType();
  InitGeneratorTypes();
  InitFrameType();

  bool ok = false;
  ReadyAllStaticTypes(&ok);
  if (!ok) return false;

  Ref<Dict> modules = NewDict();
  if (!modules) return false;
  interp->modules = modules.release();
  return true;
}

void FinalizeRuntime() {
  if (interp != nullptr) {
    // Module dicts hold most of the program's objects; clearing them first lets the collector
    // find the remaining cycles.
    if (interp->modules != nullptr) {
      Dict* mods = static_cast<Dict*>(interp->modules);
      int64_t pos = 0;
      Object* key;
      Object* value;
      while (DictNext(mods, &pos, &key, &value)) {
        if (TypeCheck(value, &ModuleType) && ModuleDict(value) != nullptr &&
            ModuleDict(value) != interp->builtins) {
          DictClear(static_cast<Dict*>(ModuleDict(value)));
        }
      }
    }
    for (Object** f : {&interp->modules, &interp->sys, &interp->builtins_module}) {
      Object* v = *f;
      *f = nullptr;
      Xdecref(v);
    }
    GcCollect();
    Object* b = interp->builtins;
    interp->builtins = nullptr;
    if (b != nullptr) {
      DictClear(static_cast<Dict*>(b));
      Decref(b);
    }
    GcCollect();
  }
  if (ts != nullptr) {
    ClearError();
    while (ts->exc_info != nullptr && ts->exc_info != &ts->base_exc_info) {
      ts->exc_info = ts->exc_info->previous;
    }
    ClearField(&ts->base_exc_info.exc);
  }
  FinalizeModules();
  delete interp;
  interp = nullptr;
  delete ts;
  ts = nullptr;
}

}  // namespace pyrite::vm
