// The deferred-destruction queue of trashcan.h.
#include "python/vm/objects/trashcan.h"

#include <utility>
#include <vector>

#include "python/vm/gc.h"

namespace pyrite::vm {

namespace {

constexpr int kMaxDepth = 200;

int depth = 0;
bool draining = false;

std::vector<std::pair<Object*, DestructorFn>>& Pending() {
  static auto* pending = new std::vector<std::pair<Object*, DestructorFn>>();
  return *pending;
}

}  // namespace

bool TrashcanBegin(Object* o, DestructorFn dealloc) {
  // Heap subclasses run their own dealloc chain around ours: never defer those halfway.
  if (depth >= kMaxDepth && !HasFlag(o->type, kHeapType)) {
    GcUntrack(o);
    Pending().emplace_back(o, dealloc);
    return true;
  }
  ++depth;
  return false;
}

void TrashcanEnd() {
  --depth;
  if (depth > 0 || draining) return;
  draining = true;
  std::vector<std::pair<Object*, DestructorFn>>& pending = Pending();
  while (!pending.empty()) {
    auto [o, fn] = pending.back();
    pending.pop_back();
    fn(o);
  }
  draining = false;
}

}  // namespace pyrite::vm
