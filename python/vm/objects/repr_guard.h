// The recursion guard of container reprs (CPython's Py_ReprEnter/Py_ReprLeave): a container that
// is already being repr'd higher up the stack prints as `[...]`, `{...}` or `(...)` instead of
// recursing forever. One stack of objects for the single Python thread.
//
// Example:
//   int r = ReprEnter(self);
//   if (r != 0) return r > 0 ? NewStr("[...]") : nullptr;
//   ... build the repr ...
//   ReprLeave(self);
#ifndef PYRITE_PYTHON_VM_OBJECTS_REPR_GUARD_H_
#define PYRITE_PYTHON_VM_OBJECTS_REPR_GUARD_H_

#include "python/vm/object.h"

namespace pyrite::vm {

// 0: entered (call ReprLeave when done); 1: `o` is already being repr'd; -1: error (pending).
int ReprEnter(Object* o);
void ReprLeave(Object* o);

// RAII form: leaves on destruction if it entered.
class ReprGuard {
 public:
  explicit ReprGuard(Object* o) : o_(o), state_(ReprEnter(o)) {}
  ~ReprGuard() {
    if (state_ == 0) ReprLeave(o_);
  }
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;
  int state() const { return state_; }

 private:
  Object* o_;
  int state_;
};

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_REPR_GUARD_H_
