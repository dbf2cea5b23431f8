// The pending Python exception ("errors are values"): a failing operation sets it and returns a
// null Ref / -1 / false; callers propagate until an exception handler (eval.cc, via the code's
// exception table) or the embedder takes it. No C++ exception ever crosses the VM.
//
// The pending exception is always an exception instance (CPython 3.12's normalised form): setting
// an error by type creates the instance at once, so there is no "unnormalised" state to track.
//
// Example:
//   if (n < 0) {
//     SetError(&ValueErrorType, "negative shift count");
//     return nullptr;
//   }
//   SetErrorF(&TypeErrorType, "'%s' object is not iterable", TypeNameOf(o));
#ifndef PYRITE_PYTHON_VM_ERROR_H_
#define PYRITE_PYTHON_VM_ERROR_H_

#include <string_view>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

// The builtin exception types: `TypeErrorType`, `ValueErrorType`, ... (exceptions.def).
#define EXCEPTION(name, base, layout) extern Type name##Type;
#include "python/vm/exceptions.def"
#undef EXCEPTION

// Sets the pending exception to type(message) (message as UTF-8), replacing any pending one.
void SetError(Type* type, std::string_view message);
// printf-style: SetErrorF(&TypeErrorType, "'%s' object is not callable", TypeNameOf(o)).
void SetErrorF(Type* type, const char* format, ...) __attribute__((format(printf, 2, 3)));
// Sets the pending exception to an instance, or instantiates a type with no arguments; a
// non-exception raises TypeError("exceptions must derive from BaseException"), as `raise` does.
void SetErrorObject(Object* exc_or_type);
// type(*args) for one argument object (KeyError(key), StopIteration(value)).
void SetErrorWithValue(Type* type, Object* value);
void SetNoMemory();
// OSError from a C errno value, as PyErr_SetFromErrnoWithFilenameObjects: the subclass the errno
// maps to (FileNotFoundError for ENOENT, ...), strerror(err) as the message, and the optional
// filenames (borrowed, may be null): "[Errno 2] No such file or directory: 'f'".
void SetErrorFromErrno(int err, Object* filename = nullptr, Object* filename2 = nullptr);

bool ErrorOccurred();
// The pending exception, borrowed (null if none).
Object* PeekError();
// Takes the pending exception (the caller owns it); none pending: null.
Ref<> FetchError();
// Makes `exc` (an exception instance, or null for none) the pending exception.
void RestoreError(Ref<> exc);
void ClearError();
// Whether the pending exception is an instance of `type` (a subclass check).
bool ErrorMatches(Type* type);

// Sets `__context__` of the pending exception to the exception being handled (sys.exc_info()),
// as raising inside an except block does. eval.cc calls it at raise points.
void ChainWithHandledException();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_ERROR_H_
