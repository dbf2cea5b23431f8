// The stack of containers whose repr is in progress (repr_guard.h).
#include "python/vm/objects/repr_guard.h"

#include <vector>

namespace pyrite::vm {

namespace {
// Objects currently inside their repr, innermost last. Borrowed: each is alive while its repr
// runs.
std::vector<Object*>& ReprStack() {
  static std::vector<Object*>* stack = new std::vector<Object*>();
  return *stack;
}
}  // namespace

int ReprEnter(Object* o) {
  std::vector<Object*>& stack = ReprStack();
  for (Object* p : stack) {
    if (p == o) return 1;
  }
  stack.push_back(o);
  return 0;
}

void ReprLeave(Object* o) {
  std::vector<Object*>& stack = ReprStack();
  // Search from the end: the innermost entry is normally the one leaving.
  for (size_t i = stack.size(); i-- > 0;) {
    if (stack[i] == o) {
      stack.erase(stack.begin() + static_cast<ptrdiff_t>(i));
      return;
    }
  }
}

}  // namespace pyrite::vm
