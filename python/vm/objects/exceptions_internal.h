// Shared between the exception implementation files (exceptions.cc, exceptions_os.cc,
// exceptions_group.cc): the generic slots every exception layout uses and the helpers for
// attribute descriptors of the subclass fields. Not part of the VM's interface.
#ifndef PYRITE_PYTHON_VM_OBJECTS_EXCEPTIONS_INTERNAL_H_
#define PYRITE_PYTHON_VM_OBJECTS_EXCEPTIONS_INTERNAL_H_

#include <cstddef>
#include <initializer_list>
#include <string_view>

#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/singletons.h"

namespace pyrite::vm::exc_internal {

// Every subclass layout (SystemExitObject, OSErrorObject, ...) is BaseExceptionObject followed by
// owned Object* fields only; the generic traverse/clear/dealloc walk them by count, which they
// derive from the builtin base's basicsize.
inline Object** ExtraFields(Object* o) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + sizeof(BaseExceptionObject));
}
size_t NumExtraFields(Object* o);

// Generic slots (exceptions.cc).
Ref<> ExcNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames);
int BaseExceptionInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);
Ref<> BaseExceptionStr(Object* self);
// Sets self.args to a tuple of the positional arguments.
[[nodiscard]] bool SetArgs(Object* self, Object* const* args, size_t nargs);

// Keyword-only arguments of exception constructors (ImportError(name=...)): fills out[i] for the
// names in `allowed` (borrowed, null when absent); an unknown keyword raises
// "'x' is an invalid keyword argument for Func()".
[[nodiscard]] bool ParseExcKwargs(const char* func, Object* const* args, size_t nargs,
                                  Tuple* kwnames, std::initializer_list<const char*> allowed,
                                  Object** out);
[[nodiscard]] bool NoKwargs(Object* self, Tuple* kwnames);

// A getset for the i-th extra field: reads None when unset; assignment stores any object;
// deletion empties it (as CPython's T_OBJECT members).
template <size_t I>
Ref<> GetExtraField(Object* self) {
  Object* v = ExtraFields(self)[I];
  return NewRef(v != nullptr ? v : None());
}
template <size_t I>
int SetExtraField(Object* self, Object* value) {
  SetField(&ExtraFields(self)[I], value);
  return 0;
}

// Per-family type set-up (called from InitExceptionTypes after the generic set-up).
void InitOSErrorTypes();
void InitSyntaxAndUnicodeErrorTypes();
void InitExceptionGroupTypes();

}  // namespace pyrite::vm::exc_internal

#endif  // PYRITE_PYTHON_VM_OBJECTS_EXCEPTIONS_INTERNAL_H_
