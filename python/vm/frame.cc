// Execution frames: allocation (a free list per slot count, so that calls do not reach malloc;
// beyond it the small-block allocator), release, line numbers, and the Python-visible frame object
// (types.FrameType), which takes ownership of its frame when the frame finishes so that tracebacks
// can still read its code, line, globals and locals.
#include "python/vm/frame.h"

#include <cstring>

#include "absl/strings/str_format.h"
#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"
#include "python/vm/small_alloc.h"

namespace pyrite::vm {

Type FrameType;

namespace {

// Free lists of frame memory, indexed by slot count (localsplus + stack). Frames of more slots
// than kMaxPooledSlots go straight to malloc.
constexpr int kMaxPooledSlots = 48;
constexpr int kMaxPerList = 32;
struct FreeFrame {
  FreeFrame* next;
};
FreeFrame* free_lists[kMaxPooledSlots + 1];
int free_counts[kMaxPooledSlots + 1];

int SlotCount(Code* code) { return code->nlocalsplus + code->stacksize; }

void* AllocFrameMemory(int nslots) {
  if (nslots <= kMaxPooledSlots && free_lists[nslots] != nullptr) {
    FreeFrame* ff = free_lists[nslots];
    free_lists[nslots] = ff->next;
    --free_counts[nslots];
    return ff;
  }
  // Past the free lists (deep recursion, big frames): the small-block allocator, then malloc.
  return ObjMemAlloc(sizeof(Frame) + sizeof(Object*) * static_cast<size_t>(nslots));
}

void FreeFrameMemory(void* p, int nslots) {
  if (nslots <= kMaxPooledSlots && free_counts[nslots] < kMaxPerList) {
    FreeFrame* ff = static_cast<FreeFrame*>(p);
    ff->next = free_lists[nslots];
    free_lists[nslots] = ff;
    ++free_counts[nslots];
    return;
  }
  ObjMemFree(p);
}

// Drops the value stack's references.
void ClearStack(Frame* f) {
  Object** stack = f->stack();
  int32_t n = f->stacktop;
  f->stacktop = 0;
  for (int32_t i = 0; i < n; ++i) {
    Object* o = stack[i];
    stack[i] = nullptr;
    Xdecref(o);
  }
}

void ClearLocals(Frame* f) {
  for (int32_t i = 0; i < f->code->nlocalsplus; ++i) {
    Object* o = f->localsplus[i];
    f->localsplus[i] = nullptr;
    Xdecref(o);
  }
}

// Releases everything and frees the memory (the frame object, if any, is already detached).
void DestroyFrame(Frame* f) {
  ClearStack(f);
  ClearLocals(f);
  Code* code = f->code;
  int nslots = SlotCount(code);
  Xdecref(f->func);
  Xdecref(f->globals);
  Xdecref(f->builtins);
  Xdecref(f->locals);
  FreeFrameMemory(f, nslots);
  Decref(code);
}

FrameObject* AsFrameObject(Object* o) { return static_cast<FrameObject*>(o); }

Ref<> FrameGetCode(Object* o) { return NewRef<Object>(AsFrameObject(o)->frame->code); }
Ref<> FrameGetGlobals(Object* o) { return NewRef(AsFrameObject(o)->frame->globals); }
Ref<> FrameGetBuiltins(Object* o) { return NewRef(AsFrameObject(o)->frame->builtins); }
Ref<> FrameGetLineno(Object* o) {
  int32_t line = AsFrameObject(o)->frame->Line();
  if (line < 0) return NewNone();
  return NewInt(line);
}
Ref<> FrameGetLasti(Object* o) {
  int32_t lasti = AsFrameObject(o)->frame->lasti;
  return NewInt(lasti < 0 ? -1 : lasti * 2);
}
Ref<> FrameGetBack(Object* o) {
  FrameObject* fo = AsFrameObject(o);
  if (fo->back != nullptr) return NewRef(fo->back);
  if (!fo->owns_frame && fo->frame->previous != nullptr) {
    return NewRef(GetFrameObject(fo->frame->previous));
  }
  return NewNone();
}
Ref<> FrameGetLocals(Object* o) { return FrameLocals(AsFrameObject(o)->frame); }
Ref<> FrameGetTrace(Object*) { return NewNone(); }
int FrameSetTrace(Object*, Object*) { return 0; }

const GetSetDef kFrameGetSets[] = {
    {"f_code", &FrameGetCode},
    {"f_globals", &FrameGetGlobals},
    {"f_builtins", &FrameGetBuiltins},
    {"f_lineno", &FrameGetLineno},
    {"f_lasti", &FrameGetLasti},
    {"f_back", &FrameGetBack},
    {"f_locals", &FrameGetLocals},
    {"f_trace", &FrameGetTrace, &FrameSetTrace},
    {nullptr, nullptr},
};

Ref<> FrameRepr(Object* o) {
  Frame* f = AsFrameObject(o)->frame;
  return NewStr(absl::StrFormat("<frame at %p, file '%s', line %d, code %s>",
                                static_cast<void*>(o),
                                std::string(StrUtf8(static_cast<Str*>(f->code->filename))), f->Line(),
                                std::string(StrUtf8(static_cast<Str*>(f->code->name)))));
}

void FrameObjectTraverse(Object* o, VisitFn visit, void* arg) {
  FrameObject* fo = AsFrameObject(o);
  if (fo->back != nullptr) visit(fo->back, arg);
  if (fo->owns_frame && fo->frame != nullptr) TraverseFrame(fo->frame, visit, arg);
}

void FrameObjectClear(Object* o) {
  FrameObject* fo = AsFrameObject(o);
  ClearField(&fo->back);
  if (fo->owns_frame && fo->frame != nullptr) {
    ClearStack(fo->frame);
    ClearLocals(fo->frame);
    ClearField(&fo->frame->locals);
  }
}

void FrameObjectDealloc(Object* o) {
  GcUntrack(o);
  FrameObject* fo = AsFrameObject(o);
  Xdecref(fo->back);
  if (fo->owns_frame && fo->frame != nullptr) {
    Frame* f = fo->frame;
    fo->frame = nullptr;
    f->frame_obj = nullptr;
    DestroyFrame(f);
  } else if (fo->frame != nullptr) {
    fo->frame->frame_obj = nullptr;
  }
  FreeObject(o);
}

}  // namespace

int32_t Frame::Line() const {
  const auto& positions = code->source->positions;
  if (lasti < 0 || static_cast<size_t>(lasti) >= positions.size()) {
    return code->source->firstlineno;
  }
  return positions[lasti].lineno;
}

Frame* NewFrame(Code* code, Object* func, Object* globals, Object* builtins, Object* locals) {
  int nslots = SlotCount(code);
  void* mem = AllocFrameMemory(nslots);
  if (mem == nullptr) {
    SetNoMemory();
    return nullptr;
  }
  Frame* f = static_cast<Frame*>(mem);
  Incref(code);
  f->code = code;
  f->func = func;
  Xincref(func);
  f->globals = globals;
  Xincref(globals);
  f->builtins = builtins;
  Xincref(builtins);
  f->locals = locals;
  Xincref(locals);
  f->previous = nullptr;
  f->frame_obj = nullptr;
  f->generator = nullptr;
  f->next_instr = 0;
  f->lasti = -1;
  f->stacktop = 0;
  f->state = FrameState::kCreated;
  f->is_entry = true;
  f->init_call = false;
  // Only the fast locals need clearing: stack slots at or above stacktop are never read.
  std::memset(f->localsplus, 0, sizeof(Object*) * static_cast<size_t>(code->nlocalsplus));
  return f;
}

void ReleaseFrame(Frame* f) {
  if (f->frame_obj != nullptr) {
    // The frame object lives on (a traceback refers to it): it now owns the frame. The value
    // stack is dead; locals stay readable through f_locals.
    ClearStack(f);
    FrameObject* fo = AsFrameObject(f->frame_obj);
    f->frame_obj = nullptr;
    if (fo->back == nullptr && f->previous != nullptr && f->previous->frame_obj != nullptr) {
      fo->back = f->previous->frame_obj;
      Incref(fo->back);
    }
    f->previous = nullptr;
    fo->owns_frame = true;
    Decref(fo);
    return;
  }
  DestroyFrame(f);
}

void TraverseFrame(Frame* f, VisitFn visit, void* arg) {
  visit(f->code, arg);
  if (f->func != nullptr) visit(f->func, arg);
  if (f->globals != nullptr) visit(f->globals, arg);
  if (f->builtins != nullptr) visit(f->builtins, arg);
  if (f->locals != nullptr) visit(f->locals, arg);
  if (f->frame_obj != nullptr) visit(f->frame_obj, arg);
  for (int32_t i = 0; i < f->code->nlocalsplus; ++i) {
    if (f->localsplus[i] != nullptr) visit(f->localsplus[i], arg);
  }
  Object** stack = f->stack();
  for (int32_t i = 0; i < f->stacktop; ++i) {
    if (stack[i] != nullptr) visit(stack[i], arg);
  }
}

Object* GetFrameObject(Frame* f) {
  if (f->frame_obj != nullptr) return f->frame_obj;
  FrameObject* fo = AllocObject<FrameObject>(&FrameType, 0);
  if (fo == nullptr) return nullptr;
  fo->frame = f;
  fo->owns_frame = false;
  fo->back = nullptr;
  f->frame_obj = fo;
  return fo;
}

Ref<> FrameLocals(Frame* f) {
  Code* code = f->code;
  if ((code->flags & bytecode::kOptimized) == 0 && f->locals != nullptr) {
    return NewRef(f->locals);
  }
  Ref<Dict> d = NewDict();
  PY_RETURN_IF_NULL(d);
  const auto& kinds = code->source->localspluskinds;
  Tuple* names = static_cast<Tuple*>(code->localsplusnames);
  for (int32_t i = 0; i < code->nlocalsplus; ++i) {
    Object* v = f->localsplus[i];
    if (v == nullptr) continue;
    uint8_t kind = kinds[i];
    if (kind & (bytecode::kCell | bytecode::kFree)) {
      // Before MAKE_CELL runs a cell slot still holds the plain argument.
      if (v->type == &CellType) {
        v = static_cast<Cell*>(v)->ref;
        if (v == nullptr) continue;
      }
      // Free variables of class bodies are not locals (CPython skips them there).
      if ((kind & bytecode::kFree) && !(code->flags & bytecode::kOptimized)) continue;
    }
    if (DictSetItem(d.get(), names->items[i], v) < 0) return nullptr;
  }
  return d;
}

void InitFrameType() {
  InitStaticType(&FrameType, {.name = "frame",
                              .basicsize = sizeof(FrameObject),
                              .flags = kHaveGc,
                              .getsets = kFrameGetSets});
  FrameType.dealloc = &FrameObjectDealloc;
  FrameType.traverse = &FrameObjectTraverse;
  FrameType.clear = &FrameObjectClear;
  FrameType.repr = &FrameRepr;
}

}  // namespace pyrite::vm
