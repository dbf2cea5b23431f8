// Generators and coroutines: a suspended Frame driven by send/throw/close (CPython 3.11's
// genobject.c semantics, our own code), the coroutine_wrapper that coroutine.__await__ returns,
// the SEND fast path, and finalisation (a suspended generator that dies is closed, so its
// finally blocks run). Async generators are in generator_async.cc.
//
// Resumption protocol with the eval loop (frame.h, eval.h): the value sent is pushed on the
// frame's value stack before resuming, except on the first resumption (RETURN_GENERATOR is not
// followed by a POP_TOP); EvalFrame returns the yielded value with the frame kSuspended, or the
// return value, or null with an exception. While the frame runs, the generator's own
// handled-exception entry is linked on top of ts->exc_info.
#include "python/vm/objects/generator.h"

#include <cstddef>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "python/bytecode/opcodes.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/eval.h"
#include "python/vm/frame.h"
#include "python/vm/gc.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/function.h"
#include "python/vm/objects/generator_internal.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/objects/weakref.h"
#include "python/vm/runtime.h"

namespace pyrite::vm {

Type GeneratorType;
Type CoroutineType;
Type CoroutineWrapperType;

namespace gen_internal {

using bytecode::Opcode;
using bytecode::UnitArg;
using bytecode::UnitOpcode;

namespace {

Generator* AsGen(Object* o) { return static_cast<Generator*>(o); }
bool IsCoroutine(Generator* gen) { return gen->type == &CoroutineType; }
bool IsAsyncGen(Generator* gen) { return gen->type == &AsyncGeneratorType; }

const std::vector<uint16_t>& OriginalUnits(Generator* gen) {
  return static_cast<Code*>(gen->code)->source->code;
}

// Drops the frame of a generator that returned or raised: it cannot run again.
void Finish(Generator* gen) {
  Object* exc = gen->exc_state.exc;
  gen->exc_state.exc = nullptr;
  Xdecref(exc);
  Frame* f = gen->frame;
  gen->frame = nullptr;
  if (f != nullptr) {
    f->generator = nullptr;
    ReleaseFrame(f);
  }
  if (IsAsyncGen(gen)) gen->closed = true;
}

// Replaces the pending exception by type(message) with the old one as __cause__ and
// __context__ (PEP 479's RuntimeError).
void RaiseFromCause(Type* type, const std::string& message) {
  Ref<> cause = FetchError();
  SetError(type, message);
  Object* exc = PeekError();
  if (exc != nullptr && cause) {
    ExceptionSetCause(exc, cause.get());
    ExceptionSetContext(exc, cause.get());
  }
}

}  // namespace

const char* KindName(Generator* gen) {
  if (IsCoroutine(gen)) return "coroutine";
  if (IsAsyncGen(gen)) return "async generator";
  return "generator";
}

// The object a generator suspended in `yield from` / `await` is delegating to (borrowed), or
// null. Suspended inside the delegation loop, the next instruction is RESUME with oparg >= 2 and
// the delegate is on top of the stack.
Object* YieldFrom(Generator* gen) {
  Frame* f = gen->frame;
  if (f == nullptr || f->state != FrameState::kSuspended || f->stacktop <= 0) return nullptr;
  const std::vector<uint16_t>& units = OriginalUnits(gen);
  if (f->next_instr < 0 || static_cast<size_t>(f->next_instr) >= units.size()) return nullptr;
  uint16_t u = units[f->next_instr];
  if (UnitOpcode(u) != Opcode::RESUME || UnitArg(u) < 2) return nullptr;
  return f->stack()[f->stacktop - 1];
}

SendStatus SendEx(Generator* gen, Object* arg, bool exc, bool closing, Ref<>* result) {
  Frame* f = gen->frame;
  bool created = f != nullptr && f->state == FrameState::kCreated;
  if (created && !exc && arg != nullptr && arg != None()) {
    SetErrorF(&TypeErrorType, "can't send non-None value to a just-started %s", KindName(gen));
    return SendStatus::kError;
  }
  if (gen->running) {
    SetErrorF(&ValueErrorType, "%s already executing", KindName(gen));
    return SendStatus::kError;
  }
  if (f == nullptr) {
    if (IsCoroutine(gen) && !closing) {
      SetError(&RuntimeErrorType, "cannot reuse already awaited coroutine");
    } else if (arg != nullptr && !exc) {
      *result = NewNone();
      return SendStatus::kReturn;
    }
    return SendStatus::kError;
  }
  if (created && exc) {
    // Throwing into a generator that never started: it finishes at once with that exception.
    Finish(gen);
    return SendStatus::kError;
  }
  if (!created) f->stack()[f->stacktop++] = NewRef(arg != nullptr ? arg : None()).release();

  gen->exc_state.previous = ts->exc_info;
  ts->exc_info = &gen->exc_state;
  if (exc && gen->exc_state.exc != nullptr && gen->exc_state.exc != None()) {
    ChainWithHandledException();
  }
  gen->running = true;
  f->is_entry = true;  // EvalFrame returns here when the generator's frame yields or ends
  // Keep the generator alive while it runs, even if the frame drops the last other reference.
  Ref<> keep_alive = NewRef<Object>(gen);
  Ref<> r = EvalFrame(f, exc);
  gen->running = false;
  ts->exc_info = gen->exc_state.previous;
  gen->exc_state.previous = nullptr;

  if (r && f->state == FrameState::kSuspended) {
    *result = std::move(r);
    return SendStatus::kNext;
  }
  if (!r) {
    if (ErrorMatches(&StopIterationType)) {
      RaiseFromCause(&RuntimeErrorType, std::string(KindName(gen)) + " raised StopIteration");
    } else if (IsAsyncGen(gen) && ErrorMatches(&StopAsyncIterationType)) {
      RaiseFromCause(&RuntimeErrorType, "async generator raised StopAsyncIteration");
    }
  }
  Finish(gen);
  if (!r) return SendStatus::kError;
  *result = std::move(r);
  return SendStatus::kReturn;
}

namespace {

// Sets StopIteration(value) as the pending exception.
void SetStopIterationValue(Object* value) {
  if (value == None()) {
    SetErrorObject(&StopIterationType);
  } else {
    SetErrorWithValue(&StopIterationType, value);
  }
}

// CPython's gen_send_ex: a return becomes StopIteration / StopAsyncIteration.
Ref<> SendExWrapped(Generator* gen, Object* arg, bool exc, bool closing) {
  Ref<> r;
  switch (SendEx(gen, arg, exc, closing, &r)) {
    case SendStatus::kNext:
      return r;
    case SendStatus::kReturn:
      if (IsAsyncGen(gen)) {
        SetErrorObject(&StopAsyncIterationType);
      } else {
        SetStopIterationValue(r.get());
      }
      return nullptr;
    case SendStatus::kError:
      return nullptr;
  }
  return nullptr;
}

// StopIteration's value (None when no error is pending); false if another error is pending.
bool FetchStopIterationValue(Ref<>* value) {
  if (!ErrorOccurred()) {
    *value = NewNone();
    return true;
  }
  if (!ErrorMatches(&StopIterationType)) return false;
  Ref<> exc = FetchError();
  Object* v = static_cast<StopIterationObject*>(exc.get())->value;
  *value = NewRef(v != nullptr ? v : None());
  return true;
}

// Closes a delegate of `yield from` / `await` (gen_close_iter): 0, or -1 with an error.
int CloseIter(Object* yf) {
  Ref<> r;
  if (yf->type == &GeneratorType || yf->type == &CoroutineType) {
    r = GenClose(AsGen(yf));
  } else {
    Ref<> meth = LookupAttr(yf, InternStr("close"));
    if (!meth) return ErrorOccurred() ? -1 : 0;
    r = CallNoArgs(meth.get());
  }
  return r ? 0 : -1;
}

// After the delegate of a `yield from` finished inside throw(): pops it and moves the frame to the
// end of the delegation loop (the target of its SEND), as if SEND had seen it return.
bool LeaveDelegation(Generator* gen) {
  Frame* f = gen->frame;
  const std::vector<uint16_t>& units = OriginalUnits(gen);
  // Suspended at: SEND <loop end>; YIELD_VALUE; RESUME 2|3 <- next_instr.
  int32_t send = f->next_instr - 2;
  if (send < 0 || UnitOpcode(units[send]) != Opcode::SEND) {
    SetError(&SystemErrorType, "generator is not suspended in a delegation loop");
    return false;
  }
  uint32_t oparg = UnitArg(units[send]);
  int shift = 8;
  for (int32_t k = send - 1; k >= 0 && UnitOpcode(units[k]) == Opcode::EXTENDED_ARG; --k) {
    oparg |= static_cast<uint32_t>(UnitArg(units[k])) << shift;
    shift += 8;
  }
  Object* yf = f->stack()[--f->stacktop];
  f->stack()[f->stacktop] = nullptr;
  Decref(yf);
  int32_t target = send + 1 + static_cast<int32_t>(oparg);
  f->next_instr = target;
  f->lasti = target - 1;
  return true;
}

}  // namespace

Ref<> GenSendValue(Generator* gen, Object* arg) {
  if (arg != nullptr) return SendExWrapped(gen, arg, false, false);
  // __next__: a plain `return` (None) ends the iteration without StopIteration.
  Ref<> r;
  switch (SendEx(gen, nullptr, false, false, &r)) {
    case SendStatus::kNext:
      return r;
    case SendStatus::kReturn:
      if (IsAsyncGen(gen)) {
        SetErrorObject(&StopAsyncIterationType);
      } else if (r.get() != None()) {
        SetStopIterationValue(r.get());
      }
      return nullptr;
    case SendStatus::kError:
      return nullptr;
  }
  return nullptr;
}

Ref<> GenThrow(Generator* gen, bool close_on_genexit, Object* typ, Object* val, Object* tb) {
  Object* yf = YieldFrom(gen);
  if (yf != nullptr) {
    Ref<> yf_ref = NewRef(yf);
    Ref<> ret;
    bool is_genexit = IsExceptionClass(typ) ? IsSubtype(static_cast<Type*>(typ), &GeneratorExitType)
                                            : TypeCheck(typ, &GeneratorExitType);
    if (is_genexit && close_on_genexit) {
      gen->running = true;
      int err = CloseIter(yf);
      gen->running = false;
      if (err < 0) return SendExWrapped(gen, None(), true, false);
    } else {
      bool throw_here = false;
      if (yf->type == &GeneratorType || yf->type == &CoroutineType) {
        gen->running = true;
        ret = GenThrow(AsGen(yf), close_on_genexit, typ, val, tb);
        gen->running = false;
      } else {
        Ref<> meth = LookupAttr(yf, InternStr("throw"));
        if (!meth) {
          if (ErrorOccurred()) return nullptr;
          throw_here = true;
        } else {
          Object* args[3] = {typ, val, tb};
          size_t nargs = tb != nullptr ? 3 : val != nullptr ? 2 : 1;
          gen->running = true;
          ret = Call(meth.get(), args, nargs);
          gen->running = false;
        }
      }
      if (!throw_here) {
        if (ret) return ret;
        if (!LeaveDelegation(gen)) return nullptr;
        Ref<> value;
        if (FetchStopIterationValue(&value)) return SendExWrapped(gen, value.get(), false, false);
        return SendExWrapped(gen, None(), true, false);
      }
    }
  }

  // Raise the exception at the generator's current instruction.
  if (tb == None()) tb = nullptr;
  if (tb != nullptr && tb->type != &TracebackType) {
    SetError(&TypeErrorType, "throw() third argument must be a traceback object");
    return nullptr;
  }
  Ref<> exc;
  if (IsExceptionClass(typ)) {
    Type* type = static_cast<Type*>(typ);
    if (val != nullptr && TypeCheck(val, type)) {
      exc = NewRef(val);
    } else if (val == nullptr || val == None()) {
      exc = NewException(type, nullptr, 0);
    } else if (IsTuple(val)) {
      Tuple* t = static_cast<Tuple*>(val);
      exc = NewException(type, t->items, static_cast<size_t>(t->size));
    } else {
      exc = NewException(type, &val, 1);
    }
    PY_RETURN_IF_NULL(exc);
    if (!IsExceptionInstance(exc.get())) {
      SetErrorF(&TypeErrorType,
                "calling %s should have returned an instance of BaseException, not %s", type->name,
                TypeNameOf(exc.get()));
      return nullptr;
    }
  } else if (IsExceptionInstance(typ)) {
    if (val != nullptr && val != None()) {
      SetError(&TypeErrorType, "instance exception may not have a separate value");
      return nullptr;
    }
    exc = NewRef(typ);
  } else {
    SetErrorF(&TypeErrorType,
              "exceptions must be classes or instances deriving from BaseException, not %s",
              TypeNameOf(typ));
    return nullptr;
  }
  if (tb != nullptr) ExceptionSetTraceback(exc.get(), tb);
  RestoreError(std::move(exc));
  return SendExWrapped(gen, None(), true, false);
}

Ref<> GenClose(Generator* gen) {
  Ref<> keep_alive = NewRef<Object>(gen);
  int err = 0;
  if (Object* yf = YieldFrom(gen)) {
    Ref<> yf_ref = NewRef(yf);
    gen->running = true;
    err = CloseIter(yf);
    gen->running = false;
  }
  if (err == 0) SetErrorObject(&GeneratorExitType);
  Ref<> r = SendExWrapped(gen, None(), true, true);
  if (r) {
    SetErrorF(&RuntimeErrorType, "%s ignored GeneratorExit", KindName(gen));
    return nullptr;
  }
  if (ErrorMatches(&StopIterationType) || ErrorMatches(&GeneratorExitType)) {
    ClearError();
    return NewNone();
  }
  if (!ErrorOccurred()) return NewNone();
  return nullptr;
}

}  // namespace gen_internal

using namespace gen_internal;

// Slots and attributes shared with the async generator types (generator_internal.h).
namespace gen_internal {

// --- Lifecycle --------------------------------------------------------------------------------

void GenTraverse(Object* o, VisitFn visit, void* arg) {
  Generator* g = AsGen(o);
  for (Object* f : {g->code, g->name, g->qualname, g->exc_state.exc}) {
    if (f != nullptr) visit(f, arg);
  }
  // A running frame's stack lives in the eval loop's registers (stacktop is stale): leave it
  // out, which only makes the collector keep what it references.
  if (g->frame != nullptr && !g->running) TraverseFrame(g->frame, visit, arg);
}

void GenClear(Object* o) {
  Generator* g = AsGen(o);
  if (g->running) return;  // the eval loop is using the frame
  Frame* f = g->frame;
  g->frame = nullptr;
  if (f != nullptr) {
    f->generator = nullptr;
    ReleaseFrame(f);
  }
  for (Object** p : {&g->code, &g->name, &g->qualname, &g->exc_state.exc}) {
    Object* old = *p;
    *p = nullptr;
    Xdecref(old);
  }
}

// The line `lineno` (1-based) of a source file without its indentation, or "" when unreadable.
std::string SourceLine(const std::string& filename, int32_t lineno) {
  std::ifstream in(filename);
  std::string line;
  for (int32_t i = 0; i < lineno && std::getline(in, line); ++i) {
  }
  if (!in) return "";
  size_t start = line.find_first_not_of(" \t\f");
  if (start == std::string::npos) return "";
  size_t end = line.find_last_not_of(" \t\f\r");
  return line.substr(start, end - start + 1);
}

// CPython's "RuntimeWarning: coroutine 'f' was never awaited", written the way its default
// warnings filter shows it: once per location, attributed to the running Python code (or to
// "sys:1" during shutdown). The VM has no warnings machinery of its own, so this writes the
// formatted warning to stderr directly.
void WarnUnawaitedCoroutine(Generator* g) {
  std::string name = g->qualname != nullptr && IsStr(g->qualname)
                         ? std::string(StrUtf8(static_cast<Str*>(g->qualname)))
                         : std::string("?");
  std::string text = "RuntimeWarning: coroutine '" + name + "' was never awaited";
  Frame* f = ts->frame;
  if (f == nullptr) {
    fprintf(stderr, "sys:1: %s\n", text.c_str());
    return;
  }
  std::string filename(StrUtf8(static_cast<Str*>(f->code->filename)));
  int32_t lineno = f->Line();
  static std::set<std::string>* shown = new std::set<std::string>();
  if (!shown->insert(filename + ":" + std::to_string(lineno) + ":" + text).second) return;
  std::string source = SourceLine(filename, lineno);
  fprintf(stderr, "%s:%d: %s\n", filename.c_str(), lineno, text.c_str());
  if (!source.empty()) fprintf(stderr, "  %s\n", source.c_str());
  fprintf(stderr, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
}

// A generator that dies while it could still run is closed, so that its finally blocks and
// context managers' __exit__ run (PEP 342). An unawaited coroutine is just dropped.
void GenFinalize(Object* o) {
  Generator* g = AsGen(o);
  if (g->frame == nullptr) return;
  if (g->type == &CoroutineType && g->frame->state == FrameState::kCreated) {
    WarnUnawaitedCoroutine(g);
    return;
  }
  Ref<> saved = FetchError();
  Ref<> r = GenClose(g);
  if (!r) WriteUnraisable(o);
  RestoreError(std::move(saved));
}

void GenDealloc(Object* o) {
  Generator* g = AsGen(o);
  if (g->frame != nullptr && CallFinalizerFromDealloc(o)) return;
  GcUntrack(o);
  if (g->weaklist != nullptr) ClearWeakrefs(o);
  GenClear(o);
  FreeObject(o);
}

// --- Protocol ---------------------------------------------------------------------------------

Ref<> SelfIter(Object* o) { return NewRef(o); }

Ref<> GenIterNext(Object* o) { return GenSendValue(AsGen(o), nullptr); }

Ref<> GenSendMethod(Object* self, Object* const* args, size_t, Tuple*) {
  return GenSendValue(AsGen(self), args[0]);
}

Ref<> GenThrowMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("throw", nargs, 1, 3)) return nullptr;
  return GenThrow(AsGen(self), true, args[0], nargs > 1 ? args[1] : nullptr,
                  nargs > 2 ? args[2] : nullptr);
}

Ref<> GenCloseMethod(Object* self, Object* const*, size_t, Tuple*) { return GenClose(AsGen(self)); }

Ref<> GenRepr(Object* o) {
  Generator* g = AsGen(o);
  std::string name = g->qualname != nullptr ? std::string(StrUtf8(static_cast<Str*>(g->qualname)))
                                            : std::string("?");
  char buf[64];
  snprintf(buf, sizeof buf, "%p", static_cast<void*>(o));
  return NewStr(std::string("<") + o->type->name + " object " + name + " at " + buf + ">");
}

// --- Attributes -------------------------------------------------------------------------------

Ref<> GetFrame(Object* o) {
  Generator* g = AsGen(o);
  if (g->frame == nullptr) return NewNone();
  return NewRef(GetFrameObject(g->frame));
}
Ref<> GetRunning(Object* o) { return NewBool(AsGen(o)->running); }
Ref<> GetCode(Object* o) {
  Object* c = AsGen(o)->code;
  return NewRef(c != nullptr ? c : None());
}
Ref<> GetYieldFrom(Object* o) {
  Object* yf = YieldFrom(AsGen(o));
  return NewRef(yf != nullptr ? yf : None());
}
Ref<> GetSuspended(Object* o) {
  Generator* g = AsGen(o);
  return NewBool(g->frame != nullptr && g->frame->state == FrameState::kSuspended && !g->running);
}
Ref<> GetName(Object* o) {
  Object* n = AsGen(o)->name;
  return NewRef(n != nullptr ? n : None());
}
int SetName(Object* o, Object* value) {
  if (value == nullptr || !IsStr(value)) {
    SetError(&TypeErrorType, "__name__ must be set to a string object");
    return -1;
  }
  Object* old = AsGen(o)->name;
  AsGen(o)->name = NewRef(value).release();
  Xdecref(old);
  return 0;
}
Ref<> GetQualname(Object* o) {
  Object* n = AsGen(o)->qualname;
  return NewRef(n != nullptr ? n : None());
}
int SetQualname(Object* o, Object* value) {
  if (value == nullptr || !IsStr(value)) {
    SetError(&TypeErrorType, "__qualname__ must be set to a string object");
    return -1;
  }
  Object* old = AsGen(o)->qualname;
  AsGen(o)->qualname = NewRef(value).release();
  Xdecref(old);
  return 0;
}
}  // namespace gen_internal

namespace {

Generator* AsGen(Object* o) { return static_cast<Generator*>(o); }
Ref<> GetNoneAttr(Object*) { return NewNone(); }

const MethodDef kGenMethods[] = {
    {"send", &GenSendMethod, kMethO,
     "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise "
     "StopIteration."},
    {"throw", &GenThrowMethod, kMethFastcall,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next "
     "yielded value or raise\nStopIteration."},
    {"close", &GenCloseMethod, kMethNoArgs, "close() -> raise GeneratorExit inside generator."},
    {nullptr}};

const GetSetDef kGenGetSets[] = {
    {"__name__", &GetName, &SetName, "name of the generator"},
    {"__qualname__", &GetQualname, &SetQualname, "qualified name of the generator"},
    {"gi_frame", &GetFrame},
    {"gi_running", &GetRunning},
    {"gi_code", &GetCode},
    {"gi_yieldfrom", &GetYieldFrom, nullptr, "object being iterated by yield from, or None"},
    {"gi_suspended", &GetSuspended},
    {nullptr}};

const MethodDef kCoroMethods[] = {
    {"send", &GenSendMethod, kMethO,
     "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise "
     "StopIteration."},
    {"throw", &GenThrowMethod, kMethFastcall,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return "
     "next iterated value or raise\nStopIteration."},
    {"close", &GenCloseMethod, kMethNoArgs, "close() -> raise GeneratorExit inside coroutine."},
    {nullptr}};

const GetSetDef kCoroGetSets[] = {
    {"__name__", &GetName, &SetName, "name of the coroutine"},
    {"__qualname__", &GetQualname, &SetQualname, "qualified name of the coroutine"},
    {"cr_frame", &GetFrame},
    {"cr_running", &GetRunning},
    {"cr_code", &GetCode},
    {"cr_await", &GetYieldFrom, nullptr, "object being awaited on, or None"},
    {"cr_suspended", &GetSuspended},
    {"cr_origin", &GetNoneAttr},
    {nullptr}};

// --- coroutine_wrapper (coroutine.__await__()) ------------------------------------------------

struct CoroWrapper : Object {
  Object* coro;
};

Ref<> CoroAwait(Object* coro) {
  CoroWrapper* w = AllocObject<CoroWrapper>(&CoroutineWrapperType, 0);
  if (w == nullptr) return nullptr;
  w->coro = NewRef(coro).release();
  return StealRef<Object>(w);
}

Generator* WrappedCoro(Object* w) { return AsGen(static_cast<CoroWrapper*>(w)->coro); }

void WrapperTraverse(Object* o, VisitFn visit, void* arg) {
  Object* c = static_cast<CoroWrapper*>(o)->coro;
  if (c != nullptr) visit(c, arg);
}
void WrapperClear(Object* o) {
  Object* c = static_cast<CoroWrapper*>(o)->coro;
  static_cast<CoroWrapper*>(o)->coro = nullptr;
  Xdecref(c);
}
void WrapperDealloc(Object* o) {
  GcUntrack(o);
  WrapperClear(o);
  FreeObject(o);
}
Ref<> WrapperIterNext(Object* o) { return GenSendValue(WrappedCoro(o), nullptr); }
Ref<> WrapperSend(Object* self, Object* const* args, size_t, Tuple*) {
  return GenSendValue(WrappedCoro(self), args[0]);
}
Ref<> WrapperThrow(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("throw", nargs, 1, 3)) return nullptr;
  return GenThrow(WrappedCoro(self), true, args[0], nargs > 1 ? args[1] : nullptr,
                  nargs > 2 ? args[2] : nullptr);
}
Ref<> WrapperClose(Object* self, Object* const*, size_t, Tuple*) {
  return GenClose(WrappedCoro(self));
}
const MethodDef kWrapperMethods[] = {{"send", &WrapperSend, kMethO},
                                     {"throw", &WrapperThrow, kMethFastcall},
                                     {"close", &WrapperClose, kMethNoArgs},
                                     {nullptr}};

}  // namespace

// Defined in generator_async.cc.
void InitAsyncGeneratorTypes();

Ref<> NewGeneratorForFrame(Frame* frame) {
  Code* code = frame->code;
  Type* type = &GeneratorType;
  if (code->flags & bytecode::kCoroutine) {
    type = &CoroutineType;
  } else if (code->flags & bytecode::kAsyncGenerator) {
    type = &AsyncGeneratorType;
  }
  Generator* g = AllocObject<Generator>(type, 0);
  if (g == nullptr) {
    ReleaseFrame(frame);
    return nullptr;
  }
  g->frame = frame;
  frame->generator = g;
  g->code = NewRef<Object>(code).release();
  Object* name = code->name;
  Object* qualname = code->qualname;
  if (frame->func != nullptr && frame->func->type == &FunctionType) {
    Function* fn = static_cast<Function*>(frame->func);
    if (fn->name != nullptr) name = fn->name;
    if (fn->qualname != nullptr) qualname = fn->qualname;
  }
  g->name = NewRef(name != nullptr ? name : None()).release();
  g->qualname = NewRef(qualname != nullptr ? qualname : g->name).release();
  return StealRef<Object>(g);
}

int GenSend(Object* receiver, Object* value, Ref<>* result) {
  if (receiver->type == &GeneratorType || receiver->type == &CoroutineType) {
    switch (SendEx(static_cast<Generator*>(receiver), value, false, false, result)) {
      case SendStatus::kNext:
        return 1;
      case SendStatus::kReturn:
        return 0;
      case SendStatus::kError:
        return -1;
    }
  }
  Ref<> r;
  if (value == None() && receiver->type->iternext != nullptr) {
    r = receiver->type->iternext(receiver);
  } else {
    r = CallMethod(receiver, InternStr("send"), &value, 1);
  }
  if (r) {
    *result = std::move(r);
    return 1;
  }
  if (!ErrorOccurred()) {
    *result = NewNone();
    return 0;
  }
  if (!ErrorMatches(&StopIterationType)) return -1;
  Ref<> exc = FetchError();
  Object* v = static_cast<StopIterationObject*>(exc.get())->value;
  *result = NewRef(v != nullptr ? v : None());
  return 0;
}

void InitGeneratorTypes() {
  InitStaticType(&GeneratorType, {.name = "generator",
                                  .basicsize = sizeof(Generator),
                                  .flags = kHaveGc,
                                  .methods = kGenMethods,
                                  .getsets = kGenGetSets});
  InitStaticType(&CoroutineType, {.name = "coroutine",
                                  .basicsize = sizeof(Generator),
                                  .flags = kHaveGc,
                                  .methods = kCoroMethods,
                                  .getsets = kCoroGetSets});
  for (Type* t : {&GeneratorType, &CoroutineType}) {
    t->dealloc = &GenDealloc;
    t->traverse = &GenTraverse;
    t->clear = &GenClear;
    t->finalize = &GenFinalize;
    t->repr = &GenRepr;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
    t->weaklist_offset = static_cast<int32_t>(offsetof(Generator, weaklist));
#pragma GCC diagnostic pop
  }
  GeneratorType.iter = &SelfIter;
  GeneratorType.iternext = &GenIterNext;
  CoroutineType.am_await = &CoroAwait;

  InitStaticType(&CoroutineWrapperType, {.name = "coroutine_wrapper",
                                         .basicsize = sizeof(CoroWrapper),
                                         .flags = kHaveGc,
                                         .methods = kWrapperMethods});
  CoroutineWrapperType.dealloc = &WrapperDealloc;
  CoroutineWrapperType.traverse = &WrapperTraverse;
  CoroutineWrapperType.clear = &WrapperClear;
  CoroutineWrapperType.iter = &SelfIter;
  CoroutineWrapperType.iternext = &WrapperIterNext;

  InitAsyncGeneratorTypes();
}

}  // namespace pyrite::vm
