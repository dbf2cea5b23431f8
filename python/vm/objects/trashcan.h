// Bounded-depth destruction of nested containers (CPython's "trashcan"): freeing a list that holds
// a list that holds a list ... would recurse once per level through Decref → dealloc and overflow
// the C++ stack. Past a fixed depth, deallocs of exact list/tuple/dict/set objects are deferred to
// a queue that the outermost dealloc drains iteratively.
//
// Example (a dealloc function):
//   void ListDealloc(Object* o) {
//     if (TrashcanBegin(o, &ListDealloc)) return;  // deferred; will be called again later
//     ... release members, FreeObject(o) ...
//     TrashcanEnd();
//   }
#ifndef PYRITE_PYTHON_VM_OBJECTS_TRASHCAN_H_
#define PYRITE_PYTHON_VM_OBJECTS_TRASHCAN_H_

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

// True: `o` was queued (untracked from the GC) and `dealloc` will be called for it later; the
// caller returns at once. False: go ahead, and call TrashcanEnd when done.
bool TrashcanBegin(Object* o, DestructorFn dealloc);
void TrashcanEnd();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_TRASHCAN_H_
