// The evaluation loop: EvalFrame runs one frame's instructions (opcodes.def) with computed-goto
// dispatch. The value stack holds owned references (a null entry is the NULL a call pushes
// before a callable without self). An instruction that fails jumps to `error`, which adds the
// traceback entry for this frame and consults the exception table; rare or bulky work lives in
// eval_ops.cc, eval_call.cc and eval_class.cc, the inline caches in eval_cache.cc and the
// arithmetic/comparison fast paths in eval_fast_paths.h. This file is long because computed-goto
// dispatch needs every instruction's handler in the one EvalFrame function.
//
// A computed `goto *` (DISPATCH) does not run destructors of the scope it leaves, so every
// RAII object in an instruction's block must be empty (a released Ref) or out of scope when the
// instruction dispatches; bulky work with owning locals goes into helper functions. A plain
// `goto error` does run them.
//
// Invariants while running: `sp` is the live stack top (f->stacktop is only written when the
// frame suspends or finishes); f->lasti is the offset of the executing instruction (its line for
// tracebacks, the callers' lines and f_lineno; kept in the frame rather than in a local so that
// the loop's hot locals keep their registers); `next_instr` points past the instruction, and
// instructions with inline caches step over them first.
#include "python/vm/eval.h"

#include <pthread.h>

#include <cmath>
#include <cstdint>

#include "python/bytecode/opcodes.h"
#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/eval_cache.h"
#include "python/vm/eval_fast_paths.h"
#include "python/vm/eval_internal.h"
#include "python/vm/gc.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/function.h"
#include "python/vm/objects/generator.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/range.h"
#include "python/vm/objects/set.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"
#include "python/vm/type_internal.h"

namespace pyrite::vm {

namespace {

using bytecode::Opcode;
using namespace eval_fast_paths;  // NOLINT: the loop's own helpers

constexpr uint32_t kGeneratorFlags = bytecode::kGenerator | bytecode::kCoroutine |
                                    bytecode::kAsyncGenerator | bytecode::kIterableCoroutine;

// The exception-table entry covering `offset`, or null.
const bytecode::ExceptionTableEntry* FindHandler(Code* code, uint32_t offset) {
  const auto& table = code->source->exception_table;
  size_t lo = 0, hi = table.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (table[mid].end <= offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < table.size() && table[lo].start <= offset && offset < table[lo].end) return &table[lo];
  return nullptr;
}

Object* TopmostHandledException() {
  for (ExcInfo* ei = ts->exc_info; ei != nullptr; ei = ei->previous) {
    if (ei->exc != nullptr && ei->exc != None()) return ei->exc;
  }
  return nullptr;
}

// CALL runs these callees in the eval loop itself: plain Python functions (not generators, whose
// call makes a generator object).
inline bool IsInlinableFunction(Object* callable) {
  return callable->type == &FunctionType &&
         (static_cast<Code*>(static_cast<Function*>(callable)->code)->flags & kGeneratorFlags) == 0;
}

// `C(...)` where C is a class whose instances come from object.__new__ and whose __init__ is a
// plain Python function: the __init__ to run inline, or null (the generic type call).
Function* InlinableInit(Object* callable) {
  if (callable->type != &TypeType) return nullptr;
  Type* t = static_cast<Type*>(callable);
  if (!HasFlag(t, kHeapType) || t->new_ != &ObjectNew) return nullptr;
  static Str* init_name = InternStr("__init__");
  Object* init = TypeLookup(t, init_name);
  return init != nullptr && IsInlinableFunction(init) ? static_cast<Function*>(init) : nullptr;
}

// The first half of type_call for InlinableInit's classes: allocates the instance and makes the
// frame of __init__(instance, args...). `slot` is the class's stack slot, followed by the call's
// arguments; the instance replaces the class there. Null with the error set.
Frame* MakeInitFrame(Function* init, Object** slot, size_t nargs, Tuple* kwnames) {
  Object* cls = *slot;
  Ref<> self = ObjectNew(static_cast<Type*>(cls), slot + 1, nargs, kwnames);
  if (!self) return nullptr;
  *slot = self.release();
  Decref(cls);
  return MakeFrameForCall(init, slot, nargs + 1, kwnames);
}

// LOAD_NAME's and STORE_NAME's cache for name `i` of the code (a name is found the same way
// wherever it is used in module-level code).
inline InlineCache* NameCache(Code* code, int i) { return &code->name_caches[static_cast<size_t>(i)]; }

// Native stack guard. Python-to-Python calls run in one EvalFrame, but calls through C++
// (dunder slots, builtins calling back into Python) nest EvalFrame activations; this keeps such
// recursion from overflowing the thread's stack (whatever its size: the shell runs the
// interpreter on a large-stack thread) by raising RecursionError when less than a safety margin
// is left. ASan builds use several KB per activation, hence the generous margin.
const char* stack_floor = nullptr;
bool stack_floor_known = false;

bool NativeStackExhausted() {
  // The frame address, not a local's: ASan's use-after-return mode moves locals to a heap
  // "fake stack", whose addresses say nothing about the thread stack's depth.
  const char* here = static_cast<const char*>(__builtin_frame_address(0));
  if (!stack_floor_known) [[unlikely]] {
    stack_floor_known = true;
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      void* addr = nullptr;
      size_t size = 0;
      if (pthread_attr_getstack(&attr, &addr, &size) == 0 && addr != nullptr) {
        size_t margin = size / 8;
        if (margin < (256u << 10)) margin = 256u << 10;
        if (margin > (8u << 20)) margin = 8u << 20;
        if (margin < size) stack_floor = static_cast<const char*>(addr) + margin;
      }
      pthread_attr_destroy(&attr);
    }
  }
  return stack_floor != nullptr && here < stack_floor;
}

}  // namespace

Ref<> EvalFrame(Frame* f, bool throwflag) {
  static void* targets[256];
  static bool targets_ready = false;
  if (!targets_ready) [[unlikely]] {
    for (void*& t : targets) t = &&unknown_opcode;
#define OPCODE(name, arg, cache, effect, jump_effect, flags) \
  targets[static_cast<int>(Opcode::name)] = &&op_##name;
#define PSEUDO(name, effect, jump_effect, flags)
#include "python/bytecode/opcodes.def"
#undef OPCODE
#undef PSEUDO
    targets_ready = true;
  }

  if (++ts->recursion_depth > ts->recursion_limit || NativeStackExhausted()) [[unlikely]] {
    --ts->recursion_depth;
    SetError(&RecursionErrorType, "maximum recursion depth exceeded");
    return nullptr;
  }
  f->previous = ts->frame;
  ts->frame = f;
  f->state = FrameState::kExecuting;

  // Python-to-Python calls do not recurse in C++: CALL pushes the callee's frame and continues
  // in this loop (is_entry false); its return or uncaught error resumes the caller here.
  Code* code;
  uint16_t* first;
  uint16_t* next_instr;
  Object** localsplus;
  Object** sp;
  Object* const* consts;
  Object* const* names;
#define LOAD_FRAME_STATE()                                   \
  do {                                                       \
    code = f->code;                                          \
    first = code->units.data();                              \
    next_instr = first + f->next_instr;                      \
    localsplus = f->localsplus;                              \
    sp = f->stack() + f->stacktop;                           \
    consts = static_cast<Tuple*>(code->consts)->items;       \
    names = static_cast<Tuple*>(code->names)->items;         \
  } while (0)
  LOAD_FRAME_STATE();
  Tuple* kwnames = nullptr;
  Frame* callee = nullptr;  // the frame CALL and CALL_FUNCTION_EX push (push_callee)
  int32_t reraise_lasti = -1;  // RERAISE's original offset, applied by exception_unwind
  uint16_t word = 0;
  int oparg = 0;
  Ref<> retval;

#define TARGET(name) op_##name:
#define DISPATCH()                                        \
  do {                                                    \
    f->lasti = static_cast<int32_t>(next_instr - first);  \
    word = *next_instr++;                                 \
    oparg = word >> 8;                                    \
    goto* targets[word & 0xFF];                           \
  } while (0)
#define JUMPBY(n) (next_instr += (n))
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define NAME(i) (static_cast<Str*>(names[i]))
#define INLINE_CACHE(ix) ((ix) != kNoCache ? &code->caches[ix] : nullptr)
// TOP() is replaced by the owned result of `expr` (a Ref, computed from TOP()), or the
// instruction fails with TOP() unchanged. Leaves no RAII local behind.
#define REPLACE_TOP(expr)                \
  do {                                   \
    Object* new_top_ = (expr).release(); \
    if (new_top_ == nullptr) goto error; \
    Decref(TOP());                       \
    TOP() = new_top_;                    \
  } while (0)
// The instruction's two operands (TOP() and SECOND()) are replaced by the owned reference `r`.
#define REPLACE_TWO(r) \
  do {                 \
    --sp;              \
    Decref(sp[0]);     \
    Decref(TOP());     \
    TOP() = (r);       \
  } while (0)
// The frame stops running but stays alive (a generator's RETURN_GENERATOR or YIELD_VALUE):
// save its position and unlink it from the thread.
#define SUSPEND_FRAME(new_state)                              \
  do {                                                        \
    f->next_instr = static_cast<int32_t>(next_instr - first); \
    f->stacktop = static_cast<int32_t>(sp - f->stack());      \
    f->state = (new_state);                                   \
    ts->frame = f->previous;                                  \
    f->previous = nullptr;                                    \
    --ts->recursion_depth;                                    \
  } while (0)
#define CHECK_INTERRUPT()                       \
  do {                                          \
    if (interrupt_pending) [[unlikely]] {       \
      interrupt_pending = 0;                    \
      SetErrorObject(&KeyboardInterruptType);  \
      goto error;                               \
    }                                           \
  } while (0)

  if (throwflag) {
    // Raise at the instruction that suspended the frame (its YIELD_VALUE), which the exception
    // table covers.
    if (f->lasti < 0) f->lasti = static_cast<int32_t>(next_instr - first);
    goto error;
  }
  DISPATCH();

  TARGET(CACHE)
  unknown_opcode : {
    SetErrorF(&SystemErrorType, "unknown opcode %d", word & 0xFF);
    goto error;
  }

  TARGET(NOP) { DISPATCH(); }

  TARGET(POP_TOP) {
    Object* v = POP();
    Xdecref(v);
    DISPATCH();
  }

  TARGET(PUSH_NULL) {
    PUSH(nullptr);
    DISPATCH();
  }

  TARGET(COPY) {
    Object* v = PEEK(oparg);
    Xincref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(SWAP) {
    Object* t = TOP();
    TOP() = PEEK(oparg);
    PEEK(oparg) = t;
    DISPATCH();
  }

  TARGET(EXTENDED_ARG) {
    word = *next_instr++;
    oparg = (oparg << 8) | (word >> 8);
    f->lasti = static_cast<int32_t>(next_instr - 1 - first);
    goto* targets[word & 0xFF];
  }

  TARGET(RESUME) {
    CHECK_INTERRUPT();
    DISPATCH();
  }

  // --- Operators ---------------------------------------------------------------------------
  TARGET(UNARY_POSITIVE) {
    REPLACE_TOP(UnaryPositive(TOP()));
    DISPATCH();
  }
  TARGET(UNARY_NEGATIVE) {
    REPLACE_TOP(UnaryNegative(TOP()));
    DISPATCH();
  }
  TARGET(UNARY_INVERT) {
    REPLACE_TOP(UnaryInvert(TOP()));
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    int t = IsTrue(TOP());
    if (t < 0) goto error;
    Decref(TOP());
    TOP() = NewBool(!t).release();
    DISPATCH();
  }

  TARGET(BINARY_OP) {
    next_instr += 1;
    Object* rhs = TOP();
    Object* lhs = SECOND();
    Object* dying_local = StoreFastTarget(*next_instr, localsplus);
    BinaryOp op = PlainBinaryOp(oparg);
    Object* r = SmallIntBinary(lhs, rhs, op, dying_local);
    if (r == nullptr) {
      r = FloatBinary(lhs, rhs, op, dying_local);
      if (r == nullptr) {
        r = BinaryOperation(lhs, rhs, oparg).release();
        if (r == nullptr) goto error;
      }
    }
    sp -= 2;
    Decref(rhs);
    Decref(lhs);
    if (!FuseStoreFast(next_instr, localsplus, r)) PUSH(r);
    DISPATCH();
  }

  TARGET(COMPARE_OP) {
    next_instr += 2;
    Object* rhs = TOP();
    Object* lhs = SECOND();
    int fast = FastCompare(lhs, rhs, oparg);
    if (fast >= 0) {
      sp -= 2;
      Decref(rhs);
      Decref(lhs);
      int delta;
      if (CompareJump(*next_instr, fast != 0, &delta)) {
        next_instr += 1 + delta;
      } else {
        PUSH(NewBool(fast != 0).release());
      }
      DISPATCH();
    }
    Object* r = RichCompare(lhs, rhs, static_cast<CompareOp>(oparg)).release();
    if (r == nullptr) goto error;
    REPLACE_TWO(r);
    DISPATCH();
  }

  TARGET(IS_OP) {
    Object* rhs = POP();
    Object* lhs = TOP();
    bool res = (lhs == rhs) ^ (oparg != 0);
    Decref(rhs);
    Decref(lhs);
    TOP() = NewBool(res).release();
    DISPATCH();
  }

  TARGET(CONTAINS_OP) {
    Object* container = TOP();
    Object* item = SECOND();
    int res = Contains(container, item);
    if (res < 0) goto error;
    --sp;
    Decref(container);
    Decref(item);
    TOP() = NewBool((res != 0) ^ (oparg != 0)).release();
    DISPATCH();
  }

  TARGET(BINARY_SUBSCR) {
    next_instr += 4;
    Object* sub = TOP();
    Object* container = SECOND();
    Ref<> r;
    if (IsExactInt(sub) && (IsExactList(container) || IsExactTuple(container))) {
      std::optional<int64_t> i = IntSmall(sub);
      if (i) {
        int64_t n = IsExactList(container) ? static_cast<List*>(container)->size
                                            : static_cast<Tuple*>(container)->size;
        int64_t ix = *i < 0 ? *i + n : *i;
        if (ix >= 0 && ix < n) {
          r = NewRef(IsExactList(container) ? static_cast<List*>(container)->items[ix]
                                            : static_cast<Tuple*>(container)->items[ix]);
        }
      }
    } else if (IsExactDict(container)) {
      Object* v = DictGetItem(static_cast<Dict*>(container), sub);
      if (v != nullptr) {
        r = NewRef(v);
      } else if (ErrorOccurred()) {
        goto error;
      }
    }
    if (!r) {
      r = GetItem(container, sub);
      if (!r) goto error;
    }
    REPLACE_TWO(r.release());
    DISPATCH();
  }

  TARGET(STORE_SUBSCR) {
    next_instr += 1;
    Object* sub = TOP();
    Object* container = SECOND();
    Object* v = THIRD();
    int err;
    if (ListStoreFast(container, sub, v)) {
      err = 0;
    } else if (IsExactDict(container)) {
      err = DictSetItem(static_cast<Dict*>(container), sub, v);
    } else {
      err = SetItem(container, sub, v);
    }
    if (err < 0) goto error;
    sp -= 3;
    Decref(sub);
    Decref(container);
    Decref(v);
    DISPATCH();
  }

  TARGET(DELETE_SUBSCR) {
    Object* sub = TOP();
    Object* container = SECOND();
    if (DelItem(container, sub) < 0) goto error;
    sp -= 2;
    Decref(sub);
    Decref(container);
    DISPATCH();
  }

  TARGET(BUILD_SLICE) {
    Object* step = oparg == 3 ? POP() : nullptr;
    Object* stop = POP();
    Object* start = TOP();
    Ref<> s = NewSlice(start, stop, step);
    Xdecref(step);
    Decref(stop);
    if (!s) {
      --sp;
      Decref(start);
      goto error;
    }
    Decref(start);
    TOP() = s.release();
    DISPATCH();
  }

  TARGET(FORMAT_VALUE) {
    Object* spec = (oparg & 4) ? POP() : nullptr;
    Object* value = TOP();
    Ref<> r = FormatValue(value, oparg & 3, spec);
    Xdecref(spec);
    if (!r) goto error;
    Decref(value);
    TOP() = r.release();
    DISPATCH();
  }

  TARGET(BUILD_STRING) {
    Ref<Str> s;
    {
      StrBuilder b;
      for (int i = oparg; i > 0; --i) b.Append(static_cast<Str*>(PEEK(i)));
      s = b.Finish();
    }
    if (!s) goto error;
    for (int i = 0; i < oparg; ++i) Decref(POP());
    PUSH(s.release());
    DISPATCH();
  }

  // --- Names and variables -----------------------------------------------------------------
  TARGET(LOAD_CONST) {
    Object* v = consts[oparg];
    Incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(LOAD_NAME) {
    Str* name = NAME(oparg);
    Object* locals = f->locals;
    if (locals == f->globals && IsExactDict(locals)) {
      // Module-level code: the locals are the globals, so this is LOAD_GLOBAL's lookup.
      Object* x = LoadGlobal(NameCache(code, oparg), static_cast<Dict*>(locals),
                             static_cast<Dict*>(f->builtins), name);
      if (x == nullptr) goto error;
      Incref(x);
      PUSH(x);
      DISPATCH();
    }
    Ref<> v;
    if (locals == nullptr) {
      SetErrorF(&SystemErrorType, "no locals when loading '%s'", std::string(StrUtf8(name)).c_str());
      goto error;
    }
    if (MappingGetOptional(locals, name, &v) < 0) goto error;
    if (!v) {
      Object* x = DictGetItemStr(static_cast<Dict*>(f->globals), name);
      if (x == nullptr) {
        if (ErrorOccurred()) goto error;
        x = DictGetItemStr(static_cast<Dict*>(f->builtins), name);
        if (x == nullptr) {
          if (!ErrorOccurred()) RaiseNameError(name);
          goto error;
        }
      }
      v = NewRef(x);
    }
    PUSH(v.release());
    DISPATCH();
  }

  TARGET(STORE_NAME) {
    Str* name = NAME(oparg);
    Object* locals = f->locals;
    if (locals == nullptr) {
      SetErrorF(&SystemErrorType, "no locals found when storing '%s'",
                std::string(StrUtf8(name)).c_str());
      goto error;
    }
    if (IsExactDict(locals)) {
      Dict* d = static_cast<Dict*>(locals);
      InlineCache* c = NameCache(code, oparg);
      if (!CachedStoreName(c, d, name, TOP())) {
        if (DictSetItemStr(d, name, TOP()) < 0) goto error;
        FillStoreNameCache(c, d, name);
      }
    } else if (SetItem(locals, name, TOP()) < 0) {
      goto error;
    }
    Decref(POP());
    DISPATCH();
  }

  TARGET(DELETE_NAME) {
    Str* name = NAME(oparg);
    Object* locals = f->locals;
    if (locals == nullptr) {
      SetErrorF(&SystemErrorType, "no locals when deleting '%s'", std::string(StrUtf8(name)).c_str());
      goto error;
    }
    if (IsExactDict(locals)) {
      int r = DictDelItem(static_cast<Dict*>(locals), name);
      if (r < 0) goto error;
      if (r == 0) {
        RaiseNameError(name);
        goto error;
      }
    } else if (DelItem(locals, name) < 0) {
      if (ErrorMatches(&KeyErrorType)) {
        ClearError();
        RaiseNameError(name);
      }
      goto error;
    }
    DISPATCH();
  }

  TARGET(LOAD_GLOBAL) {
    uint16_t cache_ix = next_instr[0];
    next_instr += 5;
    InlineCache* c = INLINE_CACHE(cache_ix);
    Object* v = LoadGlobal(c, static_cast<Dict*>(f->globals), static_cast<Dict*>(f->builtins),
                           NAME(oparg >> 1));
    if (v == nullptr) goto error;
    if (oparg & 1) PUSH(nullptr);
    Incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_GLOBAL) {
    if (DictSetItemStr(static_cast<Dict*>(f->globals), NAME(oparg), TOP()) < 0) goto error;
    Decref(POP());
    DISPATCH();
  }

  TARGET(DELETE_GLOBAL) {
    int r = DictDelItem(static_cast<Dict*>(f->globals), NAME(oparg));
    if (r < 0) goto error;
    if (r == 0) {
      RaiseNameError(NAME(oparg));
      goto error;
    }
    DISPATCH();
  }

  TARGET(LOAD_FAST) {
    Object* v = localsplus[oparg];
    if (v == nullptr) [[unlikely]] {
      RaiseUnboundLocal(code, oparg);
      goto error;
    }
    Incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_FAST) {
    Object* old = localsplus[oparg];
    localsplus[oparg] = POP();
    Xdecref(old);
    DISPATCH();
  }

  TARGET(DELETE_FAST) {
    Object* old = localsplus[oparg];
    if (old == nullptr) {
      RaiseUnboundLocal(code, oparg);
      goto error;
    }
    localsplus[oparg] = nullptr;
    Decref(old);
    DISPATCH();
  }

  TARGET(MAKE_CELL) {
    Object* initial = localsplus[oparg];
    Ref<> cell = NewCell(initial);
    if (!cell) goto error;
    localsplus[oparg] = cell.release();
    Xdecref(initial);
    DISPATCH();
  }

  TARGET(COPY_FREE_VARS) {
    Tuple* closure = static_cast<Tuple*>(static_cast<Function*>(f->func)->closure);
    int offset = code->nlocalsplus - oparg;
    for (int i = 0; i < oparg; ++i) {
      Object* c = closure->items[i];
      Incref(c);
      localsplus[offset + i] = c;
    }
    DISPATCH();
  }

  TARGET(LOAD_CLOSURE) {
    Object* cell = localsplus[oparg];
    Incref(cell);
    PUSH(cell);
    DISPATCH();
  }

  TARGET(LOAD_DEREF) {
    Object* v = static_cast<Cell*>(localsplus[oparg])->ref;
    if (v == nullptr) {
      RaiseUnboundFree(code, oparg);
      goto error;
    }
    Incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(LOAD_CLASSDEREF) {
    Str* name = static_cast<Str*>(static_cast<Tuple*>(code->localsplusnames)->items[oparg]);
    Object* locals = f->locals;
    Ref<> v;
    if (MappingGetOptional(locals, name, &v) < 0) goto error;
    if (!v) {
      Object* x = static_cast<Cell*>(localsplus[oparg])->ref;
      if (x == nullptr) {
        RaiseUnboundFree(code, oparg);
        goto error;
      }
      v = NewRef(x);
    }
    PUSH(v.release());
    DISPATCH();
  }

  TARGET(STORE_DEREF) {
    Cell* cell = static_cast<Cell*>(localsplus[oparg]);
    Object* old = cell->ref;
    cell->ref = POP();
    Xdecref(old);
    DISPATCH();
  }

  TARGET(DELETE_DEREF) {
    Cell* cell = static_cast<Cell*>(localsplus[oparg]);
    Object* old = cell->ref;
    if (old == nullptr) {
      RaiseUnboundFree(code, oparg);
      goto error;
    }
    cell->ref = nullptr;
    Decref(old);
    DISPATCH();
  }

  TARGET(LOAD_ATTR) {
    uint16_t cache_ix = next_instr[0];
    next_instr += 4;
    Object* owner = TOP();
    Str* name = NAME(oparg);
    InlineCache* c = INLINE_CACHE(cache_ix);
    if (c != nullptr) {
      if (Object* v = CachedLoadAttr(c, owner, name)) {
        Incref(v);
        Decref(owner);
        TOP() = v;
        DISPATCH();
      }
    }
    Ref<> r = GetAttr(owner, name);
    if (!r) goto error;
    if (c != nullptr && !FillLoadAttrCache(c, owner, name)) goto error;
    Decref(owner);
    TOP() = r.release();
    DISPATCH();
  }

  TARGET(LOAD_METHOD) {
    uint16_t cache_ix = next_instr[0];
    next_instr += 10;
    Object* owner = TOP();
    Str* name = NAME(oparg);
    InlineCache* c = INLINE_CACHE(cache_ix);
    if (c != nullptr) {
      if (Object* meth = CachedMethod(c, owner, name)) {
        // [method, self]: CALL passes self as the first argument.
        Incref(meth);
        TOP() = meth;
        PUSH(owner);
        DISPATCH();
      }
    }
    if (c != nullptr && ErrorOccurred()) [[unlikely]] {  // CachedMethod's dict lookup raised
      goto error;
    }
    bool is_method = false;
    Ref<> meth = GetMethod(owner, name, &is_method);
    if (!meth) goto error;
    if (is_method) {
      if (c != nullptr) FillMethodCache(c, owner, name, meth.get());
      TOP() = meth.release();
      PUSH(owner);
    } else {
      // [NULL, attribute]
      TOP() = nullptr;
      PUSH(meth.release());
      Decref(owner);
    }
    DISPATCH();
  }

  TARGET(STORE_ATTR) {
    uint16_t cache_ix = next_instr[0];
    next_instr += 4;
    Object* owner = TOP();
    Object* v = SECOND();
    Str* name = NAME(oparg);
    InlineCache* c = INLINE_CACHE(cache_ix);
    if (c == nullptr || !CachedStoreAttr(c, owner, name, v)) {
      if (SetAttr(owner, name, v) < 0) goto error;
      if (c != nullptr && !FillStoreAttrCache(c, owner, name)) goto error;
    }
    sp -= 2;
    Decref(owner);
    Decref(v);
    DISPATCH();
  }

  TARGET(DELETE_ATTR) {
    Object* owner = TOP();
    if (DelAttr(owner, NAME(oparg)) < 0) goto error;
    --sp;
    Decref(owner);
    DISPATCH();
  }

  TARGET(IMPORT_NAME) {
    Object* fromlist = TOP();
    Object* level = SECOND();
    Ref<> m = ImportName(f, NAME(oparg), fromlist, level);
    if (!m) goto error;
    REPLACE_TWO(m.release());
    DISPATCH();
  }

  TARGET(IMPORT_FROM) {
    Ref<> v = ImportFrom(TOP(), NAME(oparg));
    if (!v) goto error;
    PUSH(v.release());
    DISPATCH();
  }

  TARGET(IMPORT_STAR) {
    if (!ImportStar(f, TOP())) goto error;
    Decref(POP());
    DISPATCH();
  }

  TARGET(SETUP_ANNOTATIONS) {
    if (!SetupAnnotations(f)) goto error;
    DISPATCH();
  }

  TARGET(LOAD_BUILD_CLASS) {
    Object* bc = DictGetItemStr(static_cast<Dict*>(f->builtins), InternStr("__build_class__"));
    if (bc == nullptr) {
      if (!ErrorOccurred()) SetError(&NameErrorType, "__build_class__ not found");
      goto error;
    }
    Incref(bc);
    PUSH(bc);
    DISPATCH();
  }

  TARGET(LOAD_ASSERTION_ERROR) {
    Incref(&AssertionErrorType);
    PUSH(&AssertionErrorType);
    DISPATCH();
  }

  // --- Containers --------------------------------------------------------------------------
  // The top `oparg` values move into a new tuple or list, in order.
#define BUILD_SEQUENCE(name, new_sized)                         \
  TARGET(name) {                                                \
    auto seq = new_sized(oparg);                                \
    if (!seq) goto error;                                       \
    for (int i = oparg - 1; i >= 0; --i) seq->items[i] = POP(); \
    PUSH(seq.release());                                        \
    DISPATCH();                                                 \
  }
  BUILD_SEQUENCE(BUILD_TUPLE, NewTuple)
  BUILD_SEQUENCE(BUILD_LIST, NewListSized)
#undef BUILD_SEQUENCE

  TARGET(BUILD_SET) {
    Ref<Set> s = NewSet();
    if (!s) goto error;
    for (int i = oparg; i > 0; --i) {
      if (SetAdd(s.get(), PEEK(i)) < 0) goto error;
    }
    for (int i = 0; i < oparg; ++i) Decref(POP());
    PUSH(s.release());
    DISPATCH();
  }

  TARGET(BUILD_MAP) {
    Ref<Dict> d = NewDict();
    if (!d) goto error;
    for (int i = oparg; i > 0; --i) {
      if (DictSetItem(d.get(), PEEK(2 * i), PEEK(2 * i - 1)) < 0) goto error;
    }
    for (int i = 0; i < 2 * oparg; ++i) Decref(POP());
    PUSH(d.release());
    DISPATCH();
  }

  TARGET(BUILD_CONST_KEY_MAP) {
    Tuple* keys = static_cast<Tuple*>(TOP());
    if (!IsTuple(keys) || keys->size != oparg) {
      SetError(&SystemErrorType, "bad BUILD_CONST_KEY_MAP keys argument");
      goto error;
    }
    Ref<Dict> d = NewDict();
    if (!d) goto error;
    for (int i = 0; i < oparg; ++i) {
      if (DictSetItem(d.get(), keys->items[i], PEEK(oparg + 1 - i)) < 0) goto error;
    }
    for (int i = 0; i < oparg + 1; ++i) Decref(POP());
    PUSH(d.release());
    DISPATCH();
  }

  TARGET(LIST_APPEND) {
    Object* v = TOP();
    if (!ListAppend(static_cast<List*>(PEEK(oparg + 1)), v)) goto error;
    --sp;
    Decref(v);
    DISPATCH();
  }

  TARGET(SET_ADD) {
    Object* v = TOP();
    if (SetAdd(static_cast<Set*>(PEEK(oparg + 1)), v) < 0) goto error;
    --sp;
    Decref(v);
    DISPATCH();
  }

  TARGET(MAP_ADD) {
    Object* value = TOP();
    Object* key = SECOND();
    if (DictSetItem(static_cast<Dict*>(PEEK(oparg + 2)), key, value) < 0) goto error;
    sp -= 2;
    Decref(value);
    Decref(key);
    DISPATCH();
  }

  TARGET(LIST_EXTEND) {
    Object* iterable = TOP();
    List* l = static_cast<List*>(PEEK(oparg + 1));
    if (!ListExtend(l, iterable)) {
      if (ErrorMatches(&TypeErrorType) && iterable->type->iter == nullptr &&
          iterable->type->sq_item == nullptr) {
        ClearError();
        SetErrorF(&TypeErrorType, "Value after * must be an iterable, not %s",
                  TypeNameOf(iterable));
      }
      goto error;
    }
    --sp;
    Decref(iterable);
    DISPATCH();
  }

  TARGET(SET_UPDATE) {
    Object* iterable = TOP();
    if (!SetUpdate(static_cast<Set*>(PEEK(oparg + 1)), iterable)) goto error;
    --sp;
    Decref(iterable);
    DISPATCH();
  }

  TARGET(DICT_UPDATE) {
    Object* update = TOP();
    Dict* d = static_cast<Dict*>(PEEK(oparg + 1));
    if (!DictMerge(d, update, true)) {
      if (ErrorMatches(&AttributeErrorType)) {
        ClearError();
        SetErrorF(&TypeErrorType, "'%s' object is not a mapping", TypeNameOf(update));
      }
      goto error;
    }
    --sp;
    Decref(update);
    DISPATCH();
  }

  TARGET(DICT_MERGE) {
    Object* update = TOP();
    if (!DictMergeForCall(PEEK(oparg + 3), PEEK(oparg + 1), update)) goto error;
    --sp;
    Decref(update);
    DISPATCH();
  }

  TARGET(LIST_TO_TUPLE) {
    Ref<> t = ListAsTuple(static_cast<List*>(TOP()));
    if (!t) goto error;
    Decref(TOP());
    TOP() = t.release();
    DISPATCH();
  }

  TARGET(UNPACK_SEQUENCE) {
    next_instr += 1;
    Object* seq = TOP();
    Object** items = nullptr;
    if (IsExactTuple(seq) && static_cast<Tuple*>(seq)->size == oparg) {
      items = static_cast<Tuple*>(seq)->items;
    } else if (IsExactList(seq) && static_cast<List*>(seq)->size == oparg) {
      items = static_cast<List*>(seq)->items;
    }
    if (items != nullptr) {
      --sp;
      for (int i = oparg - 1; i >= 0; --i) {
        Incref(items[i]);
        PUSH(items[i]);
      }
      Decref(seq);
      DISPATCH();
    }
    --sp;
    bool ok = UnpackIterable(seq, oparg, false, 0, sp);
    Decref(seq);
    if (!ok) goto error;
    sp += oparg;
    DISPATCH();
  }

  TARGET(UNPACK_EX) {
    Object* seq = TOP();
    int before = oparg & 0xFF, after = oparg >> 8;
    --sp;
    bool ok = UnpackIterable(seq, before, true, after, sp);
    Decref(seq);
    if (!ok) goto error;
    sp += before + after + 1;
    DISPATCH();
  }

  // --- Calls and functions -----------------------------------------------------------------
  TARGET(KW_NAMES) {
    kwnames = static_cast<Tuple*>(consts[oparg]);
    DISPATCH();
  }

  TARGET(PRECALL) {
    next_instr += 1;
    DISPATCH();
  }

  TARGET(CALL) {
    next_instr += 4;
    int is_meth = PEEK(oparg + 2) != nullptr;
    int total = oparg + is_meth;
    Object* callable = PEEK(total + 1);
    if (!is_meth && callable->type == &BoundMethodType) {
      // Unpack the bound method so that the callee sees self as an ordinary argument.
      BoundMethod* m = static_cast<BoundMethod*>(callable);
      PEEK(oparg + 2) = NewRef(m->func).release();
      PEEK(oparg + 1) = NewRef(m->self).release();
      Decref(callable);
      callable = PEEK(oparg + 2);
      is_meth = 1;
      total += 1;
    }
    size_t nargs = static_cast<size_t>(total) - (kwnames ? kwnames->size : 0);
    Tuple* kw = kwnames;
    kwnames = nullptr;
    if (IsInlinableFunction(callable)) {
      callee = MakeFrameForCall(static_cast<Function*>(callable), sp - total, nargs, kw);
      for (int i = 0; i < oparg + 2; ++i) Xdecref(POP());
      if (callee == nullptr) goto error;
      callee->init_call = false;
      goto push_callee;
    }
    if (!is_meth) {
      if (Function* init = InlinableInit(callable)) {
        callee = MakeInitFrame(init, sp - total - 1, nargs, kw);
        if (callee == nullptr) {
          for (int i = 0; i < oparg + 2; ++i) Xdecref(POP());
          goto error;
        }
        // [NULL, instance, args...] -> [instance]: __init__'s return leaves it there.
        for (int i = 0; i < oparg; ++i) Decref(POP());
        --sp;
        TOP() = *sp;
        callee->init_call = true;
        goto push_callee;
      }
    }
    {
      Ref<> r = Call(callable, sp - total, nargs, kw);
      for (int i = 0; i < oparg + 2; ++i) Xdecref(POP());
      if (!r) goto error;
      PUSH(r.release());
      DISPATCH();
    }
  }

  // Python-to-Python calls (CALL, CALL_FUNCTION_EX): `callee` runs in this loop, without C++
  // recursion.
  push_callee : {
    if (++ts->recursion_depth > ts->recursion_limit) [[unlikely]] {
      --ts->recursion_depth;
      ReleaseFrame(callee);
      SetError(&RecursionErrorType, "maximum recursion depth exceeded");
      goto error;
    }
    f->next_instr = static_cast<int32_t>(next_instr - first);
    f->stacktop = static_cast<int32_t>(sp - f->stack());
    callee->is_entry = false;
    callee->previous = f;
    callee->state = FrameState::kExecuting;
    ts->frame = callee;
    f = callee;
    LOAD_FRAME_STATE();
    DISPATCH();
  }

  TARGET(CALL_FUNCTION_EX) {
    Object* kwargs = (oparg & 1) ? POP() : nullptr;
    Object* callargs = POP();
    Object* func = TOP();
    if (IsInlinableFunction(func)) {
      callee = MakeFrameForCallEx(static_cast<Function*>(func), callargs, kwargs);
      Xdecref(kwargs);
      Decref(callargs);
      Decref(POP());
      Xdecref(POP());  // the NULL below the callable
      if (callee == nullptr) goto error;
      callee->init_call = false;
      goto push_callee;
    }
    Ref<> r = CallFunctionEx(func, callargs, kwargs);
    Xdecref(kwargs);
    Decref(callargs);
    Decref(POP());
    Xdecref(POP());  // the NULL below the callable
    if (!r) goto error;
    PUSH(r.release());
    DISPATCH();
  }

  TARGET(MAKE_FUNCTION) {
    Code* fcode = static_cast<Code*>(POP());
    Ref<Function> func = NewFunction(fcode, f->globals, fcode->qualname);
    Decref(fcode);
    if (!func) goto error;
    if (oparg & 8) func->closure = POP();
    if (oparg & 4) func->annotations = POP();
    if (oparg & 2) func->kwdefaults = POP();
    if (oparg & 1) func->defaults = POP();
    PUSH(func.release());
    DISPATCH();
  }

  TARGET(RETURN_VALUE) {
    Object* rv = POP();
    f->state = FrameState::kCompleted;
    if (!f->is_entry) {
      Frame* caller = f->previous;
      bool init_call = f->init_call;
      f->stacktop = static_cast<int32_t>(sp - f->stack());
      ts->frame = caller;
      --ts->recursion_depth;
      ReleaseFrame(f);
      f = caller;
      LOAD_FRAME_STATE();
      if (init_call) {
        // The instance is the caller's result (type_call's check of __init__'s result).
        if (rv != None()) [[unlikely]] {
          SetErrorF(&TypeErrorType, "__init__() should return None, not '%.200s'",
                    TypeNameOf(rv));
          Decref(rv);
          goto error;
        }
        Decref(rv);
        DISPATCH();
      }
      PUSH(rv);
      DISPATCH();
    }
    retval = StealRef(rv);
    goto exit_frame;
  }

  TARGET(RETURN_GENERATOR) {
    SUSPEND_FRAME(FrameState::kCreated);
    frame_taken_by_generator = true;
    return NewGeneratorForFrame(f);
  }

  TARGET(YIELD_VALUE) {
    retval = StealRef(POP());
    SUSPEND_FRAME(FrameState::kSuspended);
    return retval;
  }

  TARGET(ASYNC_GEN_WRAP) {
    REPLACE_TOP(AsyncGenWrapValue(TOP()));
    DISPATCH();
  }

  TARGET(SEND) {
    Object* v = TOP();
    Object* receiver = SECOND();
    Ref<> result;
    int status = GenSend(receiver, v, &result);
    if (status < 0) goto error;
    Decref(v);
    if (status == 0) {
      // The delegate returned: replace [receiver, v] by its return value and jump.
      --sp;
      Decref(receiver);
      TOP() = result.release();
      JUMPBY(oparg);
    } else {
      TOP() = result.release();
    }
    DISPATCH();
  }

  TARGET(GET_AWAITABLE) {
    REPLACE_TOP(GetAwaitable(TOP(), oparg));
    DISPATCH();
  }

  TARGET(GET_AITER) {
    REPLACE_TOP(GetAIter(TOP()));
    DISPATCH();
  }

  TARGET(GET_ANEXT) {
    Ref<> a = GetANext(TOP());
    if (!a) goto error;
    PUSH(a.release());
    DISPATCH();
  }

  TARGET(END_ASYNC_FOR) {
    Object* exc = TOP();
    if (ExceptionMatches(exc, &StopAsyncIterationType)) {
      sp -= 2;
      Decref(exc);
      Decref(sp[0]);
      DISPATCH();
    }
    --sp;
    RestoreError(StealRef(exc));
    goto exception_unwind;
  }

#define BEFORE_WITH_TARGET(name, is_async)          \
  TARGET(name) {                                    \
    Ref<> exit;                                     \
    Ref<> r = EnterContext(TOP(), is_async, &exit); \
    if (!r) goto error;                             \
    Decref(TOP());                                  \
    TOP() = exit.release();                         \
    PUSH(r.release());                              \
    DISPATCH();                                     \
  }
  BEFORE_WITH_TARGET(BEFORE_ASYNC_WITH, true)
  BEFORE_WITH_TARGET(BEFORE_WITH, false)
#undef BEFORE_WITH_TARGET

  TARGET(WITH_EXCEPT_START) {
    // Stack: [exit, lasti, prev_exc, exc]; calls exit(type(exc), exc, exc.__traceback__).
    Object* exc = TOP();
    Object* exit = PEEK(4);
    Object* tb = static_cast<BaseExceptionObject*>(exc)->traceback;
    Object* args[3] = {exc->type, exc, tb != nullptr ? tb : None()};
    Ref<> r = Call(exit, args, 3, nullptr);
    if (!r) goto error;
    PUSH(r.release());
    DISPATCH();
  }

  // --- Iteration ---------------------------------------------------------------------------
  TARGET(GET_ITER) {
    REPLACE_TOP(GetIter(TOP()));
    DISPATCH();
  }

  TARGET(GET_YIELD_FROM_ITER) {
    Object* iterable = TOP();
    if (iterable->type == &CoroutineType) {
      if (!(code->flags & (bytecode::kCoroutine | bytecode::kIterableCoroutine))) {
        SetError(&TypeErrorType,
                 "cannot 'yield from' a coroutine object in a non-coroutine generator");
        goto error;
      }
    } else if (iterable->type != &GeneratorType) {
      Ref<> it = GetIter(iterable);
      if (!it) goto error;
      Decref(iterable);
      TOP() = it.release();
    }
    DISPATCH();
  }

  TARGET(FOR_ITER) {
    Object* it = TOP();
    UnaryFn next = it->type->iternext;
    Ref<> v;
    if (next != nullptr) [[likely]] {
      v = next(it);
    } else {
      v = IterNext(it);
    }
    if (v) {
      Object* item = v.release();
      if (!FuseStoreFast(next_instr, localsplus, item)) PUSH(item);
      DISPATCH();
    }
    if (ErrorOccurred()) {
      if (!ErrorMatches(&StopIterationType)) goto error;
      ClearError();
    }
    --sp;
    Decref(it);
    JUMPBY(oparg);
    DISPATCH();
  }

  // --- Jumps -------------------------------------------------------------------------------
  TARGET(JUMP_FORWARD) {
    JUMPBY(oparg);
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) {
    JUMPBY(-oparg);
    CHECK_INTERRUPT();
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
    JUMPBY(-oparg);
    DISPATCH();
  }

#define POP_JUMP_IF_BOOL(name, sign, want)        \
  TARGET(name) {                                  \
    Object* cond = POP();                         \
    int t;                                        \
    if (cond == True()) {                         \
      t = 1;                                      \
    } else if (cond == False() || cond == None()) { \
      t = 0;                                      \
    } else {                                      \
      t = IsTrue(cond);                           \
      if (t < 0) {                                \
        Decref(cond);                             \
        goto error;                               \
      }                                           \
    }                                             \
    Decref(cond);                                 \
    if (t == (want)) JUMPBY(sign oparg);          \
    DISPATCH();                                   \
  }
  POP_JUMP_IF_BOOL(POP_JUMP_FORWARD_IF_FALSE, +, 0)
  POP_JUMP_IF_BOOL(POP_JUMP_FORWARD_IF_TRUE, +, 1)
  POP_JUMP_IF_BOOL(POP_JUMP_BACKWARD_IF_FALSE, -, 0)
  POP_JUMP_IF_BOOL(POP_JUMP_BACKWARD_IF_TRUE, -, 1)
#undef POP_JUMP_IF_BOOL

  TARGET(POP_JUMP_FORWARD_IF_NONE) {
    Object* v = POP();
    if (v == None()) JUMPBY(oparg);
    Decref(v);
    DISPATCH();
  }
  TARGET(POP_JUMP_FORWARD_IF_NOT_NONE) {
    Object* v = POP();
    if (v != None()) JUMPBY(oparg);
    Decref(v);
    DISPATCH();
  }
  TARGET(POP_JUMP_BACKWARD_IF_NONE) {
    Object* v = POP();
    if (v == None()) JUMPBY(-oparg);
    Decref(v);
    DISPATCH();
  }
  TARGET(POP_JUMP_BACKWARD_IF_NOT_NONE) {
    Object* v = POP();
    if (v != None()) JUMPBY(-oparg);
    Decref(v);
    DISPATCH();
  }

#define JUMP_IF_OR_POP(name, want) \
  TARGET(name) {                   \
    int t = IsTrue(TOP());         \
    if (t < 0) goto error;         \
    if (t == (want)) {             \
      JUMPBY(oparg);               \
    } else {                       \
      Decref(POP());               \
    }                              \
    DISPATCH();                    \
  }
  JUMP_IF_OR_POP(JUMP_IF_FALSE_OR_POP, 0)
  JUMP_IF_OR_POP(JUMP_IF_TRUE_OR_POP, 1)
#undef JUMP_IF_OR_POP

  // --- Exceptions --------------------------------------------------------------------------
  TARGET(RAISE_VARARGS) {
    if (oparg == 0) {
      Object* exc = TopmostHandledException();
      if (exc == nullptr) {
        SetError(&RuntimeErrorType, "No active exception to reraise");
        goto error;
      }
      RestoreError(NewRef(exc));
      goto exception_unwind;
    }
    Object* cause = oparg == 2 ? POP() : nullptr;
    Object* exc = POP();
    DoRaise(exc, cause);
    Decref(exc);
    Xdecref(cause);
    goto error;
  }

  TARGET(RERAISE) {
    Object* exc = POP();
    if (oparg) {
      Object* lasti = PEEK(oparg);
      if (IsExactInt(lasti)) {
        std::optional<int64_t> l = IntSmall(lasti);
        if (l) reraise_lasti = static_cast<int32_t>(*l);
      }
    }
    RestoreError(StealRef(exc));
    goto exception_unwind;
  }

  TARGET(PUSH_EXC_INFO) {
    Object* value = TOP();
    ExcInfo* ei = ts->exc_info;
    TOP() = ei->exc != nullptr ? ei->exc : NewNone().release();
    PUSH(value);
    Incref(value);
    ei->exc = value;
    DISPATCH();
  }

  TARGET(POP_EXCEPT) {
    Object* value = POP();
    ExcInfo* ei = ts->exc_info;
    Object* old = ei->exc;
    if (value == None()) {
      ei->exc = nullptr;
      Decref(value);
    } else {
      ei->exc = value;
    }
    Xdecref(old);
    DISPATCH();
  }

  TARGET(CHECK_EXC_MATCH) {
    Object* right = TOP();
    Object* left = SECOND();
    if (!CheckExceptType(right, false)) goto error;
    bool m = ExceptionMatches(left, right);
    Decref(right);
    TOP() = NewBool(m).release();
    DISPATCH();
  }

  TARGET(CHECK_EG_MATCH) {
    // [exc, type] -> [exc, None] when nothing matches, else [rest or None, match] with the
    // match as the exception being handled.
    Object* match_type = TOP();
    Object* exc = SECOND();
    if (!CheckExceptType(match_type, true)) goto error;
    Ref<> match, rest;
    if (!ExceptionGroupSplit(exc, match_type, &match, &rest)) goto error;
    --sp;
    Decref(match_type);
    if (!match) {
      rest.reset();
      PUSH(NewNone().release());
    } else {
      Decref(exc);
      TOP() = rest ? rest.release() : NewNone().release();
      ExcInfo* ei = ts->exc_info;
      Object* old = ei->exc;
      ei->exc = NewRef(match.get()).release();
      Xdecref(old);
      PUSH(match.release());
    }
    DISPATCH();
  }

  TARGET(PREP_RERAISE_STAR) {
    Object* excs = TOP();
    Object* orig = SECOND();
    Ref<> r = PrepReraiseStar(orig, excs);
    if (!r) goto error;
    REPLACE_TWO(r.release());
    DISPATCH();
  }

  // --- Pattern matching --------------------------------------------------------------------
  TARGET(MATCH_CLASS) {
    Object* names_tuple = TOP();
    Object* type = SECOND();
    Object* subject = THIRD();
    Ref<> attrs = MatchClass(subject, type, oparg, names_tuple);
    if (!attrs) goto error;
    sp -= 2;
    Decref(names_tuple);
    Decref(type);
    Decref(subject);
    TOP() = attrs.release();
    DISPATCH();
  }

  TARGET(MATCH_MAPPING) {
    Object* r = NewBool(HasFlag(TOP()->type, kMapping)).release();
    PUSH(r);
    DISPATCH();
  }

  TARGET(MATCH_SEQUENCE) {
    Object* r = NewBool(HasFlag(TOP()->type, kSequence)).release();
    PUSH(r);
    DISPATCH();
  }

  TARGET(MATCH_KEYS) {
    Ref<> values = MatchKeys(SECOND(), TOP());
    if (!values) goto error;
    PUSH(values.release());
    DISPATCH();
  }

  TARGET(GET_LEN) {
    int64_t n = Length(TOP());
    if (n < 0) goto error;
    Ref<> len = NewInt(n);
    if (!len) goto error;
    PUSH(len.release());
    DISPATCH();
  }

  TARGET(PRINT_EXPR) {
    Object* v = TOP();
    if (!PrintExpr(v)) goto error;
    --sp;
    Decref(v);
    DISPATCH();
  }

error:
  kwnames = nullptr;
  {
    Object* exc = PeekError();
    if (exc == nullptr) {
      SetError(&SystemErrorType, "error return without exception set");
      exc = PeekError();
    }
    if (IsExceptionInstance(exc)) {
      if (static_cast<BaseExceptionObject*>(exc)->context == nullptr &&
          TopmostHandledException() != nullptr) {
        ChainWithHandledException();
        exc = PeekError();
      }
      Object* fo = GetFrameObject(f);
      if (fo != nullptr) {
        ExceptionAddTraceback(exc, fo, f->lasti, f->Line());
      }
    }
  }

exception_unwind : {
  const bytecode::ExceptionTableEntry* h =
      FindHandler(code, static_cast<uint32_t>(f->lasti));
  if (reraise_lasti >= 0) {
    // RERAISE restores the offset of the instruction that first raised (the frame's line, and
    // the lasti a handler receives) once its own handler has been found.
    f->lasti = reraise_lasti;
    reraise_lasti = -1;
  }
  if (h == nullptr) {
    while (sp > f->stack()) Xdecref(POP());
    f->state = FrameState::kCompleted;
    if (!f->is_entry) {
      // The error propagates into the caller's CALL instruction.
      Frame* caller = f->previous;
      f->stacktop = 0;
      ts->frame = caller;
      --ts->recursion_depth;
      ReleaseFrame(f);
      f = caller;
      LOAD_FRAME_STATE();
      goto error;
    }
    goto exit_frame;
  }
  Object** base = f->stack() + h->depth;
  while (sp > base) Xdecref(POP());
  if (h->lasti) {
    Ref<> l = NewInt(f->lasti);
    if (!l) {
      while (sp > f->stack()) Xdecref(POP());
      f->state = FrameState::kCompleted;
      goto exit_frame;
    }
    PUSH(l.release());
  }
  PUSH(FetchError().release());
  next_instr = first + h->target;
  DISPATCH();
}

exit_frame:
  f->stacktop = static_cast<int32_t>(sp - f->stack());
  ts->frame = f->previous;
  f->previous = nullptr;
  --ts->recursion_depth;
  return retval;

#undef TARGET
#undef DISPATCH
#undef JUMPBY
#undef TOP
#undef SECOND
#undef THIRD
#undef PEEK
#undef PUSH
#undef POP
#undef NAME
#undef INLINE_CACHE
#undef REPLACE_TOP
#undef REPLACE_TWO
#undef SUSPEND_FRAME
#undef CHECK_INTERRUPT
#undef LOAD_FRAME_STATE
}

}  // namespace pyrite::vm
