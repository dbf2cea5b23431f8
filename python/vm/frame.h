// Execution frames. A Frame is the eval loop's working record for one running code object: the
// fast locals, cells and free variables (`localsplus`), then the value stack, in one allocation.
// Frames are not Python objects (cheap to create per call); a FrameObject (`types.FrameType`) is
// made only when Python code asks for one (tracebacks, sys._getframe) and owns the frame after
// it finishes executing, so tracebacks can still show its code, line and globals.
//
// A generator's frame is owned by the generator (NewGeneratorForFrame) and survives between
// resumptions.
#ifndef PYRITE_PYTHON_VM_FRAME_H_
#define PYRITE_PYTHON_VM_FRAME_H_

#include <cstdint>

#include "python/vm/object.h"
#include "python/vm/objects/function.h"
#include "python/vm/type.h"

namespace pyrite::vm {

enum class FrameState : int8_t {
  kCreated,    // not started
  kSuspended,  // yielded (generators)
  kExecuting,
  kCompleted,  // returned or raised
};

struct Frame {
  Code* code;            // owned
  Object* func;          // owned; null for module / class bodies run by exec
  Object* globals;       // owned Dict
  Object* builtins;      // owned Dict
  Object* locals;        // owned mapping or null (module-level and class bodies use names)
  Frame* previous;       // the caller while executing (ts->frame chain)
  Object* frame_obj;     // owned FrameObject once created
  Object* generator;     // borrowed: the generator owning this frame, if any
  int32_t next_instr;    // index into code->units of the next instruction to execute
  int32_t lasti;         // index of the instruction executing / last executed (tracebacks)
  int32_t stacktop;      // number of live value-stack entries
  FrameState state;
  bool is_entry;         // EvalFrame returns to C++ when this frame returns
  bool init_call;        // runs __init__ for CALL's `C(...)`: returning puts the instance
                         // (already on the caller's stack) in place of the result
  Object* localsplus[];  // code->nlocalsplus slots, then code->stacksize stack slots (owned)

  Object** stack() { return localsplus + code->nlocalsplus; }
  int32_t Line() const;  // current line number (from code positions and lasti)
};

// Allocates a frame for `code` with all slots null; takes references to code/func/globals/
// builtins/locals (func and locals may be null).
Frame* NewFrame(Code* code, Object* func, Object* globals, Object* builtins, Object* locals);
// Releases every reference the frame holds and frees it (unless a FrameObject owns it; then the
// FrameObject frees it when it dies).
void ReleaseFrame(Frame* f);
// Visits the references a suspended frame holds (generators' traverse).
void TraverseFrame(Frame* f, VisitFn visit, void* arg);

// Python's frame object (f_code, f_globals, f_locals, f_lineno, f_back, f_lasti).
struct FrameObject : Object {
  Frame* frame;  // owned once the frame has finished
  bool owns_frame;
  Object* back;  // FrameObject of the caller, captured when created (owned, may be null)
};
extern Type FrameType;
// The frame object of `f`, creating it if needed (borrowed: f keeps it).
Object* GetFrameObject(Frame* f);

// The frame's locals as a mapping: the locals dict of module and class frames, a new dict of the
// bound fast locals and cells of function frames (locals(), f_locals).
Ref<> FrameLocals(Frame* f);

void InitFrameType();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_FRAME_H_
