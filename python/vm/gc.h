// Allocation of objects and the cycle collector.
//
// Objects of kHaveGc types carry a GcHead just before their Object header: the links of the
// collector's generation lists and a scratch count. The collector (CPython's algorithm, three
// generations with thresholds 700/10/10, gc.cc): for every tracked object of the generations
// collected, copy its refcount into gc_refs; subtract one for every reference from another
// collected object (traverse); objects with gc_refs > 0 are referenced from outside and, with
// everything reachable from them, survive into the next generation; the rest is garbage: clear
// weak references (calling callbacks), run finalizers (__del__, once), then `clear` each object
// to break the cycles, which lets reference counting free them.
//
// Example (a builtin type's constructor):
//   List* l = AllocObject<List>(&ListType);   // refcnt 1, type set, constructed, GC-tracked
//   ...
//   return StealRef(l);
#ifndef PYRITE_PYTHON_VM_GC_H_
#define PYRITE_PYTHON_VM_GC_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

#include "python/vm/object.h"
#include "python/vm/small_alloc.h"
#include "python/vm/type.h"

namespace pyrite::vm {

// 24 bytes: every container carries one, so the scratch count and the flags share a word (objects
// are 8-byte aligned; nothing in the VM needs more).
struct GcHead {
  GcHead* next;  // null when untracked
  GcHead* prev;
  int64_t gc_refs : 60;  // scratch during a collection
  uint64_t flags : 4;    // kGcFinalized and the collector's scratch bits
};
static_assert(sizeof(GcHead) == 24, "the count and the flags share one word");

// GcHead::flags bits. kGcFinalized survives collections (finalizers run once); the others are
// scratch bits used only while a collection runs (gc.cc).
inline constexpr uint32_t kGcFinalized = 1u << 0;
inline constexpr uint32_t kGcCollecting = 1u << 1;  // in the set being collected
inline constexpr uint32_t kGcReachable = 1u << 2;   // found reachable in this collection
inline constexpr uint32_t kGcScratch = kGcCollecting | kGcReachable;

// Whether `o` carries a GcHead: its type has kHaveGc, except static (builtin) type objects, which
// are plain globals. Every other instance of a kHaveGc type must come from AllocRaw.
bool IsGcObject(Object* o);
inline GcHead* GcHeadOf(Object* o) { return reinterpret_cast<GcHead*>(o) - 1; }

// The sentinel of the youngest generation's list, where tracking appends (gc.cc owns the lists).
extern GcHead gc_young_generation;
// The general cases of GcTrack and GcUntrack (type objects, which may be static).
void GcTrackSlow(Object* o);
void GcUntrackSlow(Object* o);

// Tracking: a tracked object is in one of the collector's generation lists. Untracking an
// untracked object (or tracking a tracked one) does nothing. Inline because every container's
// construction and destruction does it: a non-GC object costs one flag test, an ordinary GC
// object a list link or unlink.
inline void GcTrack(Object* o) {
  uint64_t f = o->type->flags;
  if ((f & kHaveGc) == 0) return;
  if (f & kTypeSubclass) [[unlikely]] {
    GcTrackSlow(o);
    return;
  }
  GcHead* g = GcHeadOf(o);
  if (g->next != nullptr) return;
  g->flags &= ~kGcScratch;  // (re)tracked during a collection: not part of it
  GcHead* list = &gc_young_generation;
  g->prev = list->prev;
  g->next = list;
  list->prev->next = g;
  list->prev = g;
}
inline void GcUntrack(Object* o) {
  uint64_t f = o->type->flags;
  if ((f & kHaveGc) == 0) return;
  if (f & kTypeSubclass) [[unlikely]] {
    GcUntrackSlow(o);
    return;
  }
  GcHead* g = GcHeadOf(o);
  if (g->next == nullptr) return;
  g->prev->next = g->next;
  g->next->prev = g->prev;
  g->next = nullptr;
  g->prev = nullptr;
}
bool GcIsTracked(Object* o);

// Raw allocation: `size` bytes (plus the GcHead for kHaveGc types, plus the heap type's extras),
// zero-filled, refcnt 1, type set (a heap type gets a reference from its instance). Not tracked
// until GcTrack. Returns null with MemoryError set on failure.
//
// AllocRaw and FreeObject stay out of line on purpose: callers construct (and destroy) a C++
// object in the memory, and the compiler, seeing the clearing and the constructor together, may
// treat the object's storage as dead before construction and drop the zero-fill (GCC's lifetime
// dead-store elimination); likewise for reading the type after a destructor ran.
Object* AllocRaw(Type* type, size_t size);
// Frees memory from AllocRaw (no destructor call). Used by dealloc functions last.
void FreeObject(Object* o);

// For the hottest constructors (float, int): an instance of a builtin type without kHaveGc and
// kHeapType whose struct is small and value-initialised by `T()` (every member zeroed or set by
// its constructor: nothing relies on a separate zero-fill). Refcnt 1, type set. Null with
// MemoryError set on failure.
template <typename T>
inline T* AllocFixedSizeObject(Type* type) {
  static_assert(sizeof(T) <= kSmallAllocMax);
  if (kUseSmallAlloc) {
    void* mem = global_small_allocator.Alloc(sizeof(T));
    if (mem != nullptr) [[likely]] {
      T* o = new (mem) T();
      o->refcnt = 1;
      o->type = type;
      return o;
    }
  }
  Object* raw = AllocRaw(type, sizeof(T));
  if (raw == nullptr) return nullptr;
  T* o = new (raw) T();
  o->refcnt = 1;
  o->type = type;
  return o;
}

// For the dealloc of an exact builtin non-GC type whose instances are always `size` bytes
// (float): the block goes straight back to its pool, without asking whose memory it is.
inline void FreeFixedSizeObject(Object* o, size_t size) {
  if (kUseSmallAlloc && size <= kSmallAllocMax) {
    global_small_allocator.Free(o);
  } else {
    std::free(o);
  }
}

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
