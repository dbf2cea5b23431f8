// Object allocation and the cycle collector (CPython's Modules/gcmodule.c algorithm, written
// afresh).
//
// Memory layout of one allocation:
//   [GcHead (kHaveGc types only)] [solid part: `size` bytes, rounded up to 8] [nextras Object*
//   slots (heap types only)]
// The memory is zero-filled, so a fresh GcHead has next == nullptr, which means "untracked".
//
// Tracked objects live in three generations, each a circular doubly-linked list with a sentinel
// head. A collection of generation g merges generations 0..g into one list and:
//   1. copies each refcount into gc_refs and marks the objects kCollecting;
//   2. subtracts, through `traverse`, every reference from one collected object to another: what
//      remains in gc_refs counts references from outside the set;
//   3. marks everything reachable from an object with gc_refs > 0; the rest is unreachable;
//   4. moves the survivors into the next generation;
//   5. clears weak references to unreachable objects (calling the callbacks of weak references
//      that are themselves reachable), runs finalizers (__del__) once per object, re-runs steps
//      1-3 on the unreachable set to find objects a finalizer resurrected, and finally calls
//      `clear` on each remaining object, which breaks the cycles so reference counting frees them.
// Python code (callbacks, finalizers) may run in step 5; `collecting_` prevents re-entry, and the
// lists being walked are only ever popped from their head, so objects freed meanwhile (which
// unlink themselves in GcUntrack) never leave a dangling cursor.
#include "python/vm/gc.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/weakref.h"
#include "python/vm/runtime.h"
#include "python/vm/small_alloc.h"

namespace pyrite::vm {

constinit GcHead gc_young_generation = {&gc_young_generation, &gc_young_generation, 0, 0};

namespace {

constexpr int kGenerations = 3;
constexpr intptr_t kGcRefsMax = intptr_t{1} << 57;

struct Generation {
  GcHead* head;  // the list's sentinel
  int64_t threshold;
  int64_t count;
};

// The sentinels are constant-initialised to point at themselves (an empty list), so tracking works
// before any static constructor runs. Generation 0's is gc_young_generation (gc.h: GcTrack is
// inline).
constinit GcHead middle_generation = {&middle_generation, &middle_generation, 0, 0};
constinit GcHead old_generation = {&old_generation, &old_generation, 0, 0};
Generation generations[kGenerations] = {
    {&gc_young_generation, 700, 0},
    {&middle_generation, 10, 0},
    {&old_generation, 10, 0},
};
bool enabled = true;
bool collecting = false;
// Objects that survived a full collection, and survivors of younger collections since then:
// full collections are skipped while pending < total / 4 (CPython's heuristic against quadratic
// behaviour when many long-lived objects are created).
int64_t long_lived_total = 0;
int64_t long_lived_pending = 0;

inline Object* ObjectOf(GcHead* g) { return reinterpret_cast<Object*>(g + 1); }

void ListInit(GcHead* list) {
  list->next = list;
  list->prev = list;
}
GcHead* Gen(int i) { return generations[i].head; }
bool ListEmpty(GcHead* list) { return list->next == list; }
void ListUnlink(GcHead* g) {
  g->prev->next = g->next;
  g->next->prev = g->prev;
  g->next = nullptr;
  g->prev = nullptr;
}
void ListAppend(GcHead* g, GcHead* list) {
  g->prev = list->prev;
  g->next = list;
  list->prev->next = g;
  list->prev = g;
}
void ListMove(GcHead* g, GcHead* list) {
  ListUnlink(g);
  ListAppend(g, list);
}
// Appends all of `from` to `to`, leaving `from` empty.
void ListMerge(GcHead* from, GcHead* to) {
  if (ListEmpty(from)) return;
  GcHead* first = from->next;
  GcHead* last = from->prev;
  to->prev->next = first;
  first->prev = to->prev;
  last->next = to;
  to->prev = last;
  ListInit(from);
}
int64_t ListSize(GcHead* list) {
  int64_t n = 0;
  for (GcHead* g = list->next; g != list; g = g->next) ++n;
  return n;
}

size_t RoundUp8(size_t n) { return (n + 7) & ~size_t{7}; }

bool InCollection(Object* o) {
  return o != nullptr && IsGcObject(o) && GcIsTracked(o) &&
         (GcHeadOf(o)->flags & kGcCollecting) != 0;
}

// Steps 1 and 2 on `list`.
void UpdateRefs(GcHead* list) {
  for (GcHead* g = list->next; g != list; g = g->next) {
    // GcHead::gc_refs has 60 bits: immortal counts are clamped (still far above any number of
    // references the subtraction can remove).
    g->gc_refs = std::min<intptr_t>(ObjectOf(g)->refcnt, kGcRefsMax);
    g->flags = (g->flags & ~kGcScratch) | kGcCollecting;
  }
}
void VisitDecref(Object* child, void*) {
  if (InCollection(child)) --GcHeadOf(child)->gc_refs;
}
void SubtractRefs(GcHead* list) {
  for (GcHead* g = list->next; g != list; g = g->next) {
    Object* o = ObjectOf(g);
    if (o->type->traverse != nullptr) o->type->traverse(o, &VisitDecref, nullptr);
  }
}

// Step 3: marks kGcReachable on every object of `list` reachable from one with gc_refs > 0.
void VisitMark(Object* child, void* arg) {
  if (!InCollection(child)) return;
  GcHead* g = GcHeadOf(child);
  if (g->flags & kGcReachable) return;
  g->flags |= kGcReachable;
  static_cast<std::vector<Object*>*>(arg)->push_back(child);
}
void MarkReachable(GcHead* list) {
  std::vector<Object*> stack;
  for (GcHead* g = list->next; g != list; g = g->next) {
    if (g->gc_refs > 0 && !(g->flags & kGcReachable)) {
      g->flags |= kGcReachable;
      stack.push_back(ObjectOf(g));
    }
  }
  while (!stack.empty()) {
    Object* o = stack.back();
    stack.pop_back();
    if (o->type->traverse != nullptr) o->type->traverse(o, &VisitMark, &stack);
  }
}

// Moves the objects of `list` without kGcReachable to `unreachable`; clears the scratch flags of
// the ones that stay and returns their number.
int64_t MoveUnreachable(GcHead* list, GcHead* unreachable) {
  int64_t survivors = 0;
  GcHead* g = list->next;
  while (g != list) {
    GcHead* next = g->next;
    if (g->flags & kGcReachable) {
      g->flags &= ~kGcScratch;
      ++survivors;
    } else {
      ListMove(g, unreachable);
    }
    g = next;
  }
  return survivors;
}

bool IsGarbage(Object* o) { return InCollection(o); }

// Step 5a: weak references to garbage are cleared before any finalizer or `clear` can observe a
// half-destroyed referent; callbacks run only for weak references that survive.
void HandleWeakrefs(GcHead* unreachable) {
  std::vector<Object*> callbacks;
  for (GcHead* g = unreachable->next; g != unreachable; g = g->next) {
    ClearWeakrefsForGc(ObjectOf(g), &callbacks, &IsGarbage);
  }
  for (Object* wr : callbacks) {
    WeakRef* w = static_cast<WeakRef*>(wr);
    Object* cb = w->callback;
    w->callback = nullptr;
    if (cb != nullptr) {
      Ref<> r = CallOneArg(cb, wr);
      if (!r) WriteUnraisable(cb);
      Decref(cb);
    }
    Decref(wr);
  }
}

// Step 5b: finalizers, each object at most once in its life.
void FinalizeGarbage(GcHead* unreachable) {
  GcHead seen;
  ListInit(&seen);
  while (!ListEmpty(unreachable)) {
    GcHead* g = unreachable->next;
    ListMove(g, &seen);
    Object* o = ObjectOf(g);
    if (o->type->finalize != nullptr && !(g->flags & kGcFinalized)) {
      g->flags |= kGcFinalized;
      Incref(o);
      Ref<> saved = FetchError();
      o->type->finalize(o);
      if (ErrorOccurred()) WriteUnraisable(o);
      RestoreError(std::move(saved));
      Decref(o);  // may free o, which unlinks it from `seen`
    }
  }
  ListMerge(&seen, unreachable);
}

// Step 5c: a finalizer may have stored a reference to garbage somewhere reachable; such objects
// (and everything they reach) go back to `old`.
void HandleResurrected(GcHead* unreachable, GcHead* old) {
  UpdateRefs(unreachable);
  SubtractRefs(unreachable);
  MarkReachable(unreachable);
  GcHead* g = unreachable->next;
  while (g != unreachable) {
    GcHead* next = g->next;
    if (g->flags & kGcReachable) {
      g->flags &= ~kGcScratch;
      ListMove(g, old);
    }
    g = next;
  }
}

// Step 5d.
void DeleteGarbage(GcHead* unreachable, GcHead* old) {
  while (!ListEmpty(unreachable)) {
    GcHead* g = unreachable->next;
    Object* o = ObjectOf(g);
    g->flags &= ~kGcScratch;
    ListMove(g, old);  // if `clear` does not free it, it lives on in `old`
    // Tuples are never cleared, whatever their type says: as in CPython (where tuple has no
    // tp_clear), code everywhere relies on a tuple's items never being null (a type's __bases__
    // in its dealloc, for one), and every cycle through a tuple also passes through a mutable
    // object whose `clear` breaks it.
    if (o->type->clear != nullptr && !HasFlag(o->type, kTupleSubclass)) {
      Incref(o);
      o->type->clear(o);
      if (ErrorOccurred()) WriteUnraisable(nullptr);
      Decref(o);
    }
  }
}

int64_t Collect(int generation) {
  if (collecting || ts == nullptr) return 0;
  collecting = true;
  // The counts: collecting g resets g and younger, and counts one collection of g in g+1.
  if (generation + 1 < kGenerations) ++generations[generation + 1].count;
  for (int i = 0; i <= generation; ++i) generations[i].count = 0;

  GcHead* young = Gen(generation);
  for (int i = 0; i < generation; ++i) ListMerge(Gen(i), young);
  GcHead* old = generation + 1 < kGenerations ? Gen(generation + 1) : young;

  UpdateRefs(young);
  SubtractRefs(young);
  MarkReachable(young);
  GcHead unreachable;
  ListInit(&unreachable);
  int64_t survivors = MoveUnreachable(young, &unreachable);

  if (generation == kGenerations - 1) {
    long_lived_pending = 0;
    long_lived_total = survivors;
  } else {
    long_lived_pending += survivors;
  }
  if (young != old) ListMerge(young, old);

  int64_t found = 0;
  if (!ListEmpty(&unreachable)) {
    Ref<> saved = FetchError();
    HandleWeakrefs(&unreachable);
    FinalizeGarbage(&unreachable);
    HandleResurrected(&unreachable, old);
    found = ListSize(&unreachable);
    DeleteGarbage(&unreachable, old);
    if (ErrorOccurred()) ClearError();
    RestoreError(std::move(saved));
  }
  collecting = false;
  return found;
}

// Called before allocating a GC object: the automatic collection.
void MaybeCollect() {
  if (!enabled || collecting || generations[0].threshold == 0 || ts == nullptr) return;
  if (generations[0].count <= generations[0].threshold) return;
  if (ErrorOccurred()) return;
  for (int i = kGenerations - 1; i >= 0; --i) {
    if (generations[i].count > generations[i].threshold) {
      if (i == kGenerations - 1 && long_lived_pending < long_lived_total / 4) continue;
      Collect(i);
      return;
    }
  }
}

}  // namespace

namespace {

// The "trashcan": destroying a long chain (a list in a list in a list ...) recurses through
// dealloc functions once per level. Past kMaxDeallocDepth nested deallocations, objects are
// queued instead and destroyed when the outermost deallocation returns, which bounds the C++
// stack. A queued object is untracked at once so that a collection cannot see it (its count is
// already zero); the references it still holds keep its children alive until then.
constexpr int kMaxDeallocDepth = 100;
int dealloc_depth = 0;
std::vector<Object*> deferred_deallocs;

// Types without a dealloc slot: nothing to release but the memory.
[[gnu::noinline]] void DefaultDealloc(Object* o) {
  GcUntrack(o);
  FreeObject(o);
}

void RunDealloc(Object* o) {
  if (o->type->dealloc != nullptr) [[likely]] {
    o->type->dealloc(o);
  } else {
    DefaultDealloc(o);
  }
}

[[gnu::noinline]] void DeferDealloc(Object* o) {
  GcUntrack(o);
  deferred_deallocs.push_back(o);
}

// Runs the deallocations queued by the trashcan, at depth 0.
[[gnu::noinline]] void DrainDeferredDeallocs() {
  ++dealloc_depth;
  while (!deferred_deallocs.empty()) {
    Object* d = deferred_deallocs.back();
    deferred_deallocs.pop_back();
    RunDealloc(d);
  }
  --dealloc_depth;
}

}  // namespace

// The slow paths are out of line so that the common case (a float, a tuple) costs only the depth
// count and the indirect call.
void DeallocObject(Object* o) {
  if (dealloc_depth >= kMaxDeallocDepth) [[unlikely]] {
    DeferDealloc(o);
    return;
  }
  ++dealloc_depth;
  RunDealloc(o);
  if (--dealloc_depth == 0 && !deferred_deallocs.empty()) [[unlikely]]
    DrainDeferredDeallocs();
}

bool IsGcObject(Object* o) {
  if (!HasFlag(o->type, kHaveGc)) return false;
  if (HasFlag(o->type, kTypeSubclass)) {
    // Static builtin types are globals without a GcHead; they are immortal (or not yet
    // initialised, count 0). A heap type being built may not have kHeapType yet but has a
    // mortal count from AllocRaw.
    Type* t = static_cast<Type*>(o);
    return HasFlag(t, kHeapType) || (t->refcnt > 0 && t->refcnt < kImmortalRefcnt / 2);
  }
  return true;
}

void GcTrackSlow(Object* o) {
  if (!IsGcObject(o)) return;
  GcHead* g = GcHeadOf(o);
  if (g->next != nullptr) return;
  g->flags &= ~kGcScratch;  // (re)tracked during a collection: not part of it
  ListAppend(g, Gen(0));
}

void GcUntrackSlow(Object* o) {
  if (!IsGcObject(o)) return;
  GcHead* g = GcHeadOf(o);
  if (g->next == nullptr) return;
  ListUnlink(g);
}

bool GcIsTracked(Object* o) { return IsGcObject(o) && GcHeadOf(o)->next != nullptr; }

Object* AllocRaw(Type* type, size_t size) {
  // Fast path: small instances of builtin types without GC (float, int, str, ...) are most
  // allocations; they need no collector bookkeeping, only a block from the small allocator.
  if ((type->flags & (kHaveGc | kHeapType)) == 0 && size <= kSmallAllocMax && kUseSmallAlloc)
      [[likely]] {
    void* mem = global_small_allocator.Alloc(size);
    if (mem != nullptr) [[likely]] {
      std::memset(mem, 0, size);  // calloc semantics, for the known size only
      Object* o = static_cast<Object*>(mem);
      o->refcnt = 1;
      o->type = type;
      return o;
    }
  }
  bool gc = HasFlag(type, kHaveGc);
  if (gc) {
    MaybeCollect();
    ++generations[0].count;
  }
  size_t head = gc ? sizeof(GcHead) : 0;
  size_t extras = HasFlag(type, kHeapType) ? size_t(type->nextras) * sizeof(Object*) : 0;
  size_t total = head + RoundUp8(size) + extras;
  void* mem = ObjMemAlloc(total);
  if (mem == nullptr) {
    if (gc && generations[0].count > 0) --generations[0].count;
    SetNoMemory();
    return nullptr;
  }
  // calloc semantics, but only the known size is cleared.
  std::memset(mem, 0, total);
  Object* o = reinterpret_cast<Object*>(static_cast<char*>(mem) + head);
  o->refcnt = 1;
  o->type = type;
  if (HasFlag(type, kHeapType)) Incref(type);
  return o;
}

void FreeObject(Object* o) {
  Type* type = o->type;
  if ((type->flags & (kHaveGc | kHeapType)) == 0) [[likely]] {
    ObjMemFree(o);
    return;
  }
  void* mem = o;
  if (HasFlag(type, kHaveGc)) {
    GcHead* g = GcHeadOf(o);
    if (g->next != nullptr) ListUnlink(g);
    mem = g;
    if (generations[0].count > 0) --generations[0].count;
  }
  ObjMemFree(mem);
  // After the memory: the type may die with its last instance.
  if (HasFlag(type, kHeapType)) Decref(type);
}

Object** ExtrasOf(Object* o) {
  Type* t = o->type;
  if (t->nextras <= 0) return nullptr;
  size_t solid = t->varsize != nullptr ? t->varsize(o) : t->basicsize;
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + RoundUp8(solid));
}

bool CallFinalizerFromDealloc(Object* o) {
  if (o->type->finalize == nullptr) return false;
  bool gc = IsGcObject(o);
  if (gc) {
    if (GcHeadOf(o)->flags & kGcFinalized) return false;
    GcHeadOf(o)->flags |= kGcFinalized;
  }
  // The temporary reference makes the object alive while __del__ runs.
  o->refcnt = 1;
  Ref<> saved = FetchError();
  o->type->finalize(o);
  if (ErrorOccurred()) WriteUnraisable(o);
  RestoreError(std::move(saved));
  if (--o->refcnt == 0) return false;
  // Resurrected: the references taken by the finalizer keep it alive.
  return true;
}

namespace {
UnraisableHook unraisable_hook = nullptr;
}  // namespace

void SetUnraisableHook(UnraisableHook hook) { unraisable_hook = hook; }

void WriteUnraisable(Object* obj) {
  Ref<> exc = FetchError();
  if (unraisable_hook != nullptr && exc) {
    unraisable_hook(exc.get(), obj);
    ClearError();
    return;
  }
  if (obj != nullptr) {
    std::string text = "<object repr() failed>";
    Ref<> r = Repr(obj);
    if (r && IsStr(r.get())) {
      text = std::string(StrUtf8(static_cast<Str*>(r.get())));
    } else {
      ClearError();
    }
    std::fprintf(stderr, "Exception ignored in: %s\n", text.c_str());
  }
  if (exc) {
    std::string line = TypeNameOf(exc.get());
    Ref<> s = ToStr(exc.get());
    if (s && IsStr(s.get())) {
      std::string_view msg = StrUtf8(static_cast<Str*>(s.get()));
      if (!msg.empty()) {
        line += ": ";
        line += msg;
      }
    } else {
      ClearError();
    }
    std::fprintf(stderr, "Traceback (most recent call last):\n%s\n", line.c_str());
  }
  std::fflush(stderr);
}

int64_t GcCollect() { return Collect(kGenerations - 1); }

int64_t GcCollectGeneration(int generation) {
  if (generation < 0) generation = 0;
  if (generation >= kGenerations) generation = kGenerations - 1;
  return Collect(generation);
}

void GcEnable(bool on) { enabled = on; }
bool GcIsEnabled() { return enabled; }

void GcSetThreshold(int64_t threshold0, int64_t threshold1, int64_t threshold2) {
  generations[0].threshold = threshold0;
  generations[1].threshold = threshold1;
  generations[2].threshold = threshold2;
}

void GcGetThreshold(int64_t out[3]) {
  for (int i = 0; i < kGenerations; ++i) out[i] = generations[i].threshold;
}

void GcGetCount(int64_t out[3]) {
  for (int i = 0; i < kGenerations; ++i) out[i] = generations[i].count;
}

void GcGetObjects(void (*sink)(Object* o, void* arg), void* arg) {
  for (int i = 0; i < kGenerations; ++i) {
    GcHead* list = Gen(i);
    for (GcHead* g = list->next; g != list; g = g->next) sink(ObjectOf(g), arg);
  }
}

}  // namespace pyrite::vm
