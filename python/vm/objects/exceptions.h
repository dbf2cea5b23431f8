// Exception objects: BaseException's layout and attributes (args, __traceback__, __context__,
// __cause__, __suppress_context__, __notes__), the subclasses with extra fields (SystemExit.code,
// StopIteration.value, KeyError's str, OSError's errno/strerror, SyntaxError's location,
// NameError/AttributeError name, ImportError name/path), ExceptionGroup (split, subgroup, derive)
// and traceback objects. The types themselves are listed once in python/vm/exceptions.def.
#ifndef PYRITE_PYTHON_VM_OBJECTS_EXCEPTIONS_H_
#define PYRITE_PYTHON_VM_OBJECTS_EXCEPTIONS_H_

#include <cstdint>

#include "python/vm/error.h"
#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Code;

struct BaseExceptionObject : Object {
  Object* dict = nullptr;
  Object* args = nullptr;  // Tuple
  Object* notes = nullptr;
  Object* traceback = nullptr;  // Traceback or null
  Object* context = nullptr;
  Object* cause = nullptr;
  bool suppress_context = false;
};
struct SystemExitObject : BaseExceptionObject {
  Object* code = nullptr;
};
struct StopIterationObject : BaseExceptionObject {
  Object* value = nullptr;
};
struct AttributeErrorObject : BaseExceptionObject {
  Object* name = nullptr;
  Object* obj = nullptr;
};
struct NameErrorObject : BaseExceptionObject {
  Object* name = nullptr;
};
struct ImportErrorObject : BaseExceptionObject {
  Object* msg = nullptr;
  Object* name = nullptr;
  Object* path = nullptr;
};
struct OSErrorObject : BaseExceptionObject {
  Object* myerrno = nullptr;
  Object* strerror = nullptr;
  Object* filename = nullptr;
  Object* filename2 = nullptr;
  Object* written = nullptr;  // BlockingIOError.characters_written (an int) or null
};
struct SyntaxErrorObject : BaseExceptionObject {
  Object* msg = nullptr;
  Object* filename = nullptr;
  Object* lineno = nullptr;
  Object* offset = nullptr;
  Object* text = nullptr;
  Object* end_lineno = nullptr;
  Object* end_offset = nullptr;
  Object* print_file_and_line = nullptr;
};
struct UnicodeErrorObject : BaseExceptionObject {
  Object* encoding = nullptr;
  Object* object = nullptr;
  Object* start = nullptr;
  Object* end = nullptr;
  Object* reason = nullptr;
};
struct BaseExceptionGroupObject : BaseExceptionObject {
  Object* msg = nullptr;
  Object* excs = nullptr;  // Tuple
};

// A traceback entry (types.TracebackType): tb_next, tb_frame (a frame object), tb_lasti,
// tb_lineno.
struct Traceback : Object {
  Object* next = nullptr;
  Object* frame = nullptr;
  int32_t lasti = 0;
  int32_t lineno = 0;
};
extern Type TracebackType;

inline bool IsExceptionInstance(Object* o) { return HasFlag(o->type, kBaseExceptionSubclass); }
inline bool IsExceptionClass(Object* o) {
  return HasFlag(o->type, kTypeSubclass) && HasFlag(static_cast<Type*>(o), kBaseExceptionSubclass);
}

// Creates type(*args).
Ref<> NewException(Type* type, Object* const* args, size_t nargs);
// Prepends a traceback entry for `frame` at instruction `lasti` / `lineno` to exc.__traceback__.
void ExceptionAddTraceback(Object* exc, Object* frame, int32_t lasti, int32_t lineno);
// Setters that take care of reference counts (value may be null / None).
void ExceptionSetContext(Object* exc, Object* context);
void ExceptionSetCause(Object* exc, Object* cause);  // also sets __suppress_context__
void ExceptionSetTraceback(Object* exc, Object* tb);

// except* support (CHECK_EG_MATCH, PREP_RERAISE_STAR): split `exc` by `match_type` (a type or a
// tuple of types): *match and *rest are the matching part and the rest (null when empty),
// following BaseExceptionGroup.split's rules (a naked exception is wrapped in an ExceptionGroup
// when matched). False with an error set.
[[nodiscard]] bool ExceptionGroupSplit(Object* exc, Object* match_type, Ref<>* match, Ref<>* rest);
// Combines the exceptions raised and re-raised in except* clauses (`raised`, a list) with the
// original `orig`, as _PyExc_PrepReraiseStar does; returns the exception to re-raise, or None.
Ref<> PrepReraiseStar(Object* orig, Object* raised);

void InitExceptionTypes();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_EXCEPTIONS_H_
