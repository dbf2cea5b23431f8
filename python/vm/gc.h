// Allocation of objects and the cycle collector.
//
// Objects of kHaveGc types carry a GcHead just before their Object header: the links of the
// collector's list of tracked objects and a scratch count. The collector (CPython's algorithm,
// one generation for now, threshold-driven): for every tracked object, copy its refcount into
// gc_refs; subtract one for every reference from another tracked object (traverse); objects with
// gc_refs > 0 are referenced from outside and, with everything reachable from them, survive; the
// rest is garbage: run finalizers (__del__, once), clear weak references (calling callbacks), then
// `clear` each object to break the cycles, which lets reference counting free them.
//
// Example (a builtin type's constructor):
//   List* l = AllocObject<List>(&ListType);   // refcnt 1, type set, constructed, GC-tracked
//   ...
//   return StealRef(l);
#ifndef PYRITE_PYTHON_VM_GC_H_
#define PYRITE_PYTHON_VM_GC_H_

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct alignas(16) GcHead {
  GcHead* next;
  GcHead* prev;
  intptr_t gc_refs;  // scratch during a collection; kUntracked when not in the list
  uint32_t flags;    // finalized, ...
  uint32_t padding;
};
static_assert(sizeof(GcHead) % 16 == 0, "objects stay 16-byte aligned");

// GcHead::flags bits. kGcFinalized survives collections (finalizers run once); the others are
// scratch bits used only while a collection runs.
inline constexpr uint32_t kGcFinalized = 1u << 0;

// Tracking: a tracked object is in one of the collector's generation lists. Untracking an
// untracked object (or tracking a tracked one) does nothing.
void GcTrack(Object* o);
void GcUntrack(Object* o);
bool GcIsTracked(Object* o);
// Whether `o` carries a GcHead: its type has kHaveGc, except static (builtin) type objects, which
// are plain globals. Every other instance of a kHaveGc type must come from AllocRaw.
bool IsGcObject(Object* o);
inline GcHead* GcHeadOf(Object* o) { return reinterpret_cast<GcHead*>(o) - 1; }

// Raw allocation: `size` bytes (plus the GcHead for kHaveGc types, plus the heap type's extras),
// zero-filled, refcnt 1, type set (a heap type gets a reference from its instance). Not tracked
// until GcTrack. Returns null with MemoryError set on failure.
Object* AllocRaw(Type* type, size_t size);
// Frees memory from AllocRaw (no destructor call). Used by dealloc functions last.
void FreeObject(Object* o);

// The first of the `type->nextras` extra Object* slots of a heap-type instance (instance dict,
// weak-reference list, __slots__ values), right after the solid part:
// `type->varsize ? type->varsize(o) : type->basicsize`, rounded up to 8 bytes. Null when the type
// has no extras. Shared by gc.cc (allocation) and type.cc (the slots' users).
Object** ExtrasOf(Object* o);

// For dealloc functions of types with a `finalize` slot (__del__): runs the finalizer once
// (marking the object finalized when it has a GcHead) with a temporary reference. Returns true
// when the finalizer resurrected the object, in which case the dealloc must stop (the object is
// alive again and still owns its members). Errors in the finalizer are reported as
// "Exception ignored in: ..." and cleared.
[[nodiscard]] bool CallFinalizerFromDealloc(Object* o);

// Prints "Exception ignored in: <repr of obj>" and the pending exception's traceback to stderr,
// then clears it (CPython's PyErr_WriteUnraisable). `obj` may be null.
void WriteUnraisable(Object* obj);
// The printer WriteUnraisable uses (sys.unraisablehook's default, installed by python/builtins,
// which can format tracebacks): it receives the exception (owned by the caller) and `obj` (may be
// null), prints, and must leave no exception pending. Null restores the minimal built-in printer.
using UnraisableHook = void (*)(Object* exc, Object* obj);
void SetUnraisableHook(UnraisableHook hook);

// Allocates and constructs a T (a struct derived from Object) with placement new and tracks it if
// the type has kHaveGc (so traverse functions must accept null members: a collection may run while
// the object is being filled). `extra_bytes` is for variable-size objects (zero-filled).
template <typename T, typename... A>
T* AllocObject(Type* type, size_t extra_bytes, A&&... args) {
  Object* raw = AllocRaw(type, sizeof(T) + extra_bytes);
  if (raw == nullptr) return nullptr;
  intptr_t refcnt = raw->refcnt;
  Type* t = raw->type;
  T* obj = new (raw) T(std::forward<A>(args)...);
  obj->refcnt = refcnt;
  obj->type = t;
  if (HasFlag(t, kHaveGc)) GcTrack(obj);
  return obj;
}

// The generic dealloc for a builtin type whose instance struct is T: untracks, runs ~T() (which
// releases Ref members) and frees.
template <typename T>
void DestroyObject(Object* o) {
  GcUntrack(o);
  static_cast<T*>(o)->~T();
  FreeObject(o);
}

// gc module.
int64_t GcCollect();  // number of unreachable objects found
void GcEnable(bool on);
bool GcIsEnabled();
void GcSetThreshold(int64_t threshold0, int64_t threshold1, int64_t threshold2);
void GcGetThreshold(int64_t out[3]);
void GcGetCount(int64_t out[3]);
// Collects generations 0..generation (0, 1 or 2); returns the number of unreachable objects.
int64_t GcCollectGeneration(int generation);
// gc.get_objects(): every tracked object (new references appended to `out`).
void GcGetObjects(void (*sink)(Object* o, void* arg), void* arg);

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_GC_H_
