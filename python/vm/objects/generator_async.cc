// Async generators (PEP 525): the async_generator object and the awaitables its methods return
// (asend for __anext__/asend, athrow for athrow/aclose), and the wrapper ASYNC_GEN_WRAP puts
// around values the generator yields, which tells them apart from values an inner `await`
// passes through to the event loop. An awaitable turns a wrapped value into StopIteration(value)
// (the result of `await agen.asend(...)`) and the generator's end into StopAsyncIteration.
#include <cstddef>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/frame.h"
#include "python/vm/gc.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/generator.h"
#include "python/vm/objects/generator_internal.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

Type AsyncGeneratorType;
Type AsyncGenASendType;
Type AsyncGenAThrowType;
Type AsyncGenWrappedValueType;

using namespace gen_internal;

namespace {

enum class AwaitableState : uint8_t { kInit, kIter, kClosed };

struct WrappedValue : Object {
  Object* value;
};

// asend(value) / __anext__().
struct ASend : Object {
  Object* gen;      // AsyncGenerator (owned)
  Object* sendval;  // owned
  AwaitableState state;
};

// athrow(...) / aclose(): args null means aclose().
struct AThrow : Object {
  Object* gen;   // owned
  Object* args;  // Tuple (owned) or null
  AwaitableState state;
};

Generator* AsGen(Object* o) { return static_cast<Generator*>(o); }

void SetStopIteration(Object* value) {
  if (value == None()) {
    SetErrorObject(&StopIterationType);
  } else {
    SetErrorWithValue(&StopIterationType, value);
  }
}

// async_gen_unwrap_value: the end of the generator / a wrapped yield become the awaitable's
// StopAsyncIteration / StopIteration(value); other values (from inner awaits) pass through.
Ref<> Unwrap(Generator* gen, Ref<> result) {
  if (!result) {
    if (!ErrorOccurred()) SetErrorObject(&StopAsyncIterationType);
    if (ErrorMatches(&StopAsyncIterationType) || ErrorMatches(&GeneratorExitType)) {
      gen->closed = true;
    }
    gen->running_async = false;
    return nullptr;
  }
  if (result->type == &AsyncGenWrappedValueType) {
    SetStopIteration(static_cast<WrappedValue*>(result.get())->value);
    gen->running_async = false;
    return nullptr;
  }
  return result;
}

// --- async_generator --------------------------------------------------------------------------

Ref<> NewASend(Object* gen, Object* sendval) {
  ASend* a = AllocObject<ASend>(&AsyncGenASendType, 0);
  if (a == nullptr) return nullptr;
  a->gen = NewRef(gen).release();
  a->sendval = NewRef(sendval != nullptr ? sendval : None()).release();
  a->state = AwaitableState::kInit;
  return StealRef<Object>(a);
}

Ref<> NewAThrow(Object* gen, Object* args) {
  AThrow* a = AllocObject<AThrow>(&AsyncGenAThrowType, 0);
  if (a == nullptr) return nullptr;
  a->gen = NewRef(gen).release();
  a->args = args != nullptr ? NewRef(args).release() : nullptr;
  a->state = AwaitableState::kInit;
  return StealRef<Object>(a);
}

Ref<> AgAnext(Object* self) { return NewASend(self, nullptr); }

Ref<> AgASendMethod(Object* self, Object* const* args, size_t, Tuple*) {
  return NewASend(self, args[0]);
}

Ref<> AgAThrowMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("athrow", nargs, 1, 3)) return nullptr;
  Ref<Tuple> t = NewTupleFromArray(args, static_cast<int64_t>(nargs));
  PY_RETURN_IF_NULL(t);
  return NewAThrow(self, t.get());
}

Ref<> AgACloseMethod(Object* self, Object* const*, size_t, Tuple*) {
  return NewAThrow(self, nullptr);
}

Ref<> AgGetRunning(Object* o) { return NewBool(AsGen(o)->running_async); }

const MethodDef kAsyncGenMethods[] = {
    {"asend", &AgASendMethod, kMethO, "asend(v) -> send 'v' in generator."},
    {"athrow", &AgAThrowMethod, kMethFastcall,
     "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", &AgACloseMethod, kMethNoArgs, "aclose() -> raise GeneratorExit inside generator."},
    {nullptr}};

const GetSetDef kAsyncGenGetSets[] = {
    {"__name__", &GetName, &SetName, "name of the async generator"},
    {"__qualname__", &GetQualname, &SetQualname, "qualified name of the async generator"},
    {"ag_frame", &GetFrame},
    {"ag_running", &AgGetRunning},
    {"ag_code", &GetCode},
    {"ag_await", &GetYieldFrom, nullptr, "object being awaited on, or None"},
    {"ag_suspended", &GetSuspended},
    {nullptr}};

// --- async_generator_asend --------------------------------------------------------------------

ASend* AsASend(Object* o) { return static_cast<ASend*>(o); }

Ref<> ASendSend(ASend* o, Object* arg) {
  if (o->state == AwaitableState::kClosed) {
    SetError(&RuntimeErrorType, "cannot reuse already awaited __anext__()/asend()");
    return nullptr;
  }
  Generator* gen = AsGen(o->gen);
  if (o->state == AwaitableState::kInit) {
    if (gen->running_async) {
      SetError(&RuntimeErrorType, "anext(): asynchronous generator is already running");
      return nullptr;
    }
    if (arg == nullptr || arg == None()) arg = o->sendval;
    o->state = AwaitableState::kIter;
  }
  gen->running_async = true;
  Ref<> r = Unwrap(gen, GenSendValue(gen, arg != nullptr ? arg : None()));
  if (!r) o->state = AwaitableState::kClosed;
  return r;
}

Ref<> ASendIterNext(Object* self) { return ASendSend(AsASend(self), nullptr); }
Ref<> ASendSendMethod(Object* self, Object* const* args, size_t, Tuple*) {
  return ASendSend(AsASend(self), args[0]);
}
Ref<> ASendThrowMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("throw", nargs, 1, 3)) return nullptr;
  ASend* o = AsASend(self);
  if (o->state == AwaitableState::kClosed) {
    SetError(&RuntimeErrorType, "cannot reuse already awaited __anext__()/asend()");
    return nullptr;
  }
  Generator* gen = AsGen(o->gen);
  Ref<> r = Unwrap(gen, GenThrow(gen, true, args[0], nargs > 1 ? args[1] : nullptr,
                                 nargs > 2 ? args[2] : nullptr));
  if (!r) o->state = AwaitableState::kClosed;
  return r;
}
Ref<> ASendCloseMethod(Object* self, Object* const*, size_t, Tuple*) {
  AsASend(self)->state = AwaitableState::kClosed;
  return NewNone();
}

void ASendTraverse(Object* o, VisitFn visit, void* arg) {
  ASend* a = AsASend(o);
  if (a->gen != nullptr) visit(a->gen, arg);
  if (a->sendval != nullptr) visit(a->sendval, arg);
}
void ASendClear(Object* o) {
  ASend* a = AsASend(o);
  for (Object** p : {&a->gen, &a->sendval}) {
    Object* old = *p;
    *p = nullptr;
    Xdecref(old);
  }
}
void ASendDealloc(Object* o) {
  GcUntrack(o);
  ASendClear(o);
  FreeObject(o);
}

const MethodDef kASendMethods[] = {{"send", &ASendSendMethod, kMethO},
                                   {"throw", &ASendThrowMethod, kMethFastcall},
                                   {"close", &ASendCloseMethod, kMethNoArgs},
                                   {nullptr}};

// --- async_generator_athrow -------------------------------------------------------------------

AThrow* AsAThrow(Object* o) { return static_cast<AThrow*>(o); }

const char kIgnoredExit[] = "async generator ignored GeneratorExit";

// The end of an athrow/aclose: for aclose(), the generator finishing (StopAsyncIteration or
// GeneratorExit) is the awaitable's successful completion (StopIteration).
Ref<> AThrowCheckError(AThrow* o) {
  Generator* gen = AsGen(o->gen);
  gen->running_async = false;
  o->state = AwaitableState::kClosed;
  if ((ErrorMatches(&StopAsyncIterationType) || ErrorMatches(&GeneratorExitType)) &&
      o->args == nullptr) {
    ClearError();
    SetErrorObject(&StopIterationType);
  }
  return nullptr;
}

Ref<> AThrowYieldClose(AThrow* o) {
  AsGen(o->gen)->running_async = false;
  o->state = AwaitableState::kClosed;
  SetError(&RuntimeErrorType, kIgnoredExit);
  return nullptr;
}

Ref<> AThrowSend(AThrow* o, Object* arg) {
  Generator* gen = AsGen(o->gen);
  if (o->state == AwaitableState::kClosed) {
    SetError(&RuntimeErrorType, "cannot reuse already awaited aclose()/athrow()");
    return nullptr;
  }
  if (gen->frame == nullptr) {
    o->state = AwaitableState::kClosed;
    SetErrorObject(&StopIterationType);
    return nullptr;
  }
  if (o->state == AwaitableState::kInit) {
    if (gen->running_async) {
      o->state = AwaitableState::kClosed;
      SetError(&RuntimeErrorType, o->args == nullptr
                                      ? "aclose(): asynchronous generator is already running"
                                      : "athrow(): asynchronous generator is already running");
      return nullptr;
    }
    if (gen->closed) {
      o->state = AwaitableState::kClosed;
      SetErrorObject(&StopAsyncIterationType);
      return nullptr;
    }
    if (arg != nullptr && arg != None()) {
      SetError(&RuntimeErrorType, "can't send non-None value to a just-started coroutine");
      return nullptr;
    }
    o->state = AwaitableState::kIter;
    gen->running_async = true;
    Ref<> r;
    if (o->args == nullptr) {
      gen->closed = true;
      r = GenThrow(gen, false, &GeneratorExitType, nullptr, nullptr);
      if (r && r->type == &AsyncGenWrappedValueType) return AThrowYieldClose(o);
    } else {
      Tuple* t = static_cast<Tuple*>(o->args);
      r = GenThrow(gen, false, t->items[0], t->size > 1 ? t->items[1] : nullptr,
                   t->size > 2 ? t->items[2] : nullptr);
      r = Unwrap(gen, std::move(r));
    }
    if (!r) return AThrowCheckError(o);
    return r;
  }
  Ref<> r = GenSendValue(gen, arg != nullptr ? arg : None());
  if (o->args != nullptr) return Unwrap(gen, std::move(r));
  if (r) {
    if (r->type == &AsyncGenWrappedValueType) return AThrowYieldClose(o);
    return r;
  }
  return AThrowCheckError(o);
}

Ref<> AThrowIterNext(Object* self) { return AThrowSend(AsAThrow(self), nullptr); }
Ref<> AThrowSendMethod(Object* self, Object* const* args, size_t, Tuple*) {
  return AThrowSend(AsAThrow(self), args[0]);
}
Ref<> AThrowThrowMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("throw", nargs, 1, 3)) return nullptr;
  AThrow* o = AsAThrow(self);
  if (o->state == AwaitableState::kClosed) {
    SetError(&RuntimeErrorType, "cannot reuse already awaited aclose()/athrow()");
    return nullptr;
  }
  Generator* gen = AsGen(o->gen);
  Ref<> r =
      GenThrow(gen, true, args[0], nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr);
  if (o->args != nullptr) return Unwrap(gen, std::move(r));
  if (r && r->type == &AsyncGenWrappedValueType) return AThrowYieldClose(o);
  if (ErrorMatches(&StopAsyncIterationType) || ErrorMatches(&GeneratorExitType)) {
    ClearError();
    SetErrorObject(&StopIterationType);
  }
  return r;
}
Ref<> AThrowCloseMethod(Object* self, Object* const*, size_t, Tuple*) {
  AsAThrow(self)->state = AwaitableState::kClosed;
  return NewNone();
}

void AThrowTraverse(Object* o, VisitFn visit, void* arg) {
  AThrow* a = AsAThrow(o);
  if (a->gen != nullptr) visit(a->gen, arg);
  if (a->args != nullptr) visit(a->args, arg);
}
void AThrowClear(Object* o) {
  AThrow* a = AsAThrow(o);
  for (Object** p : {&a->gen, &a->args}) {
    Object* old = *p;
    *p = nullptr;
    Xdecref(old);
  }
}
void AThrowDealloc(Object* o) {
  GcUntrack(o);
  AThrowClear(o);
  FreeObject(o);
}

const MethodDef kAThrowMethods[] = {{"send", &AThrowSendMethod, kMethO},
                                    {"throw", &AThrowThrowMethod, kMethFastcall},
                                    {"close", &AThrowCloseMethod, kMethNoArgs},
                                    {nullptr}};

// --- async_generator_wrapped_value ------------------------------------------------------------

void WrappedTraverse(Object* o, VisitFn visit, void* arg) {
  Object* v = static_cast<WrappedValue*>(o)->value;
  if (v != nullptr) visit(v, arg);
}
void WrappedClear(Object* o) {
  Object* v = static_cast<WrappedValue*>(o)->value;
  static_cast<WrappedValue*>(o)->value = nullptr;
  Xdecref(v);
}
void WrappedDealloc(Object* o) {
  GcUntrack(o);
  WrappedClear(o);
  FreeObject(o);
}

}  // namespace

Ref<> AsyncGenWrapValue(Object* value) {
  WrappedValue* w = AllocObject<WrappedValue>(&AsyncGenWrappedValueType, 0);
  if (w == nullptr) return nullptr;
  w->value = NewRef(value).release();
  return StealRef<Object>(w);
}

void InitAsyncGeneratorTypes() {
  InitStaticType(&AsyncGeneratorType, {.name = "async_generator",
                                       .basicsize = sizeof(Generator),
                                       .flags = kHaveGc,
                                       .methods = kAsyncGenMethods,
                                       .getsets = kAsyncGenGetSets});
  AsyncGeneratorType.dealloc = &GenDealloc;
  AsyncGeneratorType.traverse = &GenTraverse;
  AsyncGeneratorType.clear = &GenClear;
  AsyncGeneratorType.finalize = &GenFinalize;
  AsyncGeneratorType.repr = &GenRepr;
  AsyncGeneratorType.am_aiter = &SelfIter;
  AsyncGeneratorType.am_anext = &AgAnext;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  AsyncGeneratorType.weaklist_offset = static_cast<int32_t>(offsetof(Generator, weaklist));
#pragma GCC diagnostic pop

  InitStaticType(&AsyncGenASendType, {.name = "async_generator_asend",
                                      .basicsize = sizeof(ASend),
                                      .flags = kHaveGc,
                                      .methods = kASendMethods});
  AsyncGenASendType.dealloc = &ASendDealloc;
  AsyncGenASendType.traverse = &ASendTraverse;
  AsyncGenASendType.clear = &ASendClear;
  AsyncGenASendType.iter = &SelfIter;
  AsyncGenASendType.iternext = &ASendIterNext;
  AsyncGenASendType.am_await = &SelfIter;

  InitStaticType(&AsyncGenAThrowType, {.name = "async_generator_athrow",
                                       .basicsize = sizeof(AThrow),
                                       .flags = kHaveGc,
                                       .methods = kAThrowMethods});
  AsyncGenAThrowType.dealloc = &AThrowDealloc;
  AsyncGenAThrowType.traverse = &AThrowTraverse;
  AsyncGenAThrowType.clear = &AThrowClear;
  AsyncGenAThrowType.iter = &SelfIter;
  AsyncGenAThrowType.iternext = &AThrowIterNext;
  AsyncGenAThrowType.am_await = &SelfIter;

  InitStaticType(&AsyncGenWrappedValueType, {.name = "async_generator_wrapped_value",
                                             .basicsize = sizeof(WrappedValue),
                                             .flags = kHaveGc});
  AsyncGenWrappedValueType.dealloc = &WrappedDealloc;
  AsyncGenWrappedValueType.traverse = &WrappedTraverse;
  AsyncGenWrappedValueType.clear = &WrappedClear;
}

}  // namespace pyrite::vm
