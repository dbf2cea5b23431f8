// The pending exception (error.h): setting, fetching and matching it, and implicit exception
// chaining (__context__) with the exception being handled.
//
// The pending exception lives in ts->current_exception and is always an instance. Builtin
// exception types are instantiated by calling their new_/init slots directly (NewException), so
// raising an error from C++ never goes through a Python-level call.
#include "python/vm/error.h"

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/runtime.h"

namespace pyrite::vm {

namespace {

// Replaces the pending exception by `exc` (owned) and links it to the exception being handled,
// as every C-level raise in CPython does (_PyErr_SetObject).
void SetPendingAndChain(Ref<> exc) {
  RestoreError(std::move(exc));
  ChainWithHandledException();
}

// The innermost exception being handled (sys.exc_info()[1]), borrowed; null if none.
Object* TopmostHandledException() {
  for (ExcInfo* info = ts->exc_info; info != nullptr; info = info->previous) {
    if (info->exc != nullptr && info->exc != None()) return info->exc;
  }
  return nullptr;
}

}  // namespace

void SetError(Type* type, std::string_view message) {
  Ref<Str> msg = NewStr(message);
  if (!msg) return;
  Object* arg = msg.get();
  Ref<> exc = NewException(type, &arg, 1);
  if (!exc) return;  // the constructor's own error is pending
  SetPendingAndChain(std::move(exc));
}

void SetErrorF(Type* type, const char* format, ...) {
  char small[256];
  va_list ap;
  va_start(ap, format);
  int n = vsnprintf(small, sizeof small, format, ap);
  va_end(ap);
  if (n < 0) {
    SetError(type, format);
    return;
  }
  if (static_cast<size_t>(n) < sizeof small) {
    SetError(type, std::string_view(small, n));
    return;
  }
  std::string big(static_cast<size_t>(n) + 1, '\0');
  va_start(ap, format);
  vsnprintf(big.data(), big.size(), format, ap);
  va_end(ap);
  big.resize(n);
  SetError(type, big);
}

void SetErrorObject(Object* exc_or_type) {
  if (IsExceptionClass(exc_or_type)) {
    Type* type = static_cast<Type*>(exc_or_type);
    Ref<> exc = NewException(type, nullptr, 0);
    if (!exc) return;
    if (!IsExceptionInstance(exc.get())) {
      Ref<> type_repr = Repr(exc_or_type);
      Ref<> exc_repr = type_repr ? Repr(exc.get()) : nullptr;
      if (!exc_repr) return;
      SetErrorF(&TypeErrorType,
                "calling %s should have returned an instance of BaseException, not %s",
                StrUtf8(static_cast<Str*>(type_repr.get())).data(), TypeNameOf(exc.get()));
      return;
    }
    SetPendingAndChain(std::move(exc));
    return;
  }
  if (IsExceptionInstance(exc_or_type)) {
    SetPendingAndChain(NewRef(exc_or_type));
    return;
  }
  SetError(&TypeErrorType, "exceptions must derive from BaseException");
}

void SetErrorWithValue(Type* type, Object* value) {
  Ref<> exc = NewException(type, &value, 1);
  if (!exc) return;
  SetPendingAndChain(std::move(exc));
}

void SetNoMemory() {
  // Avoid allocating a message string: MemoryError() with no arguments.
  Ref<> exc = NewException(&MemoryErrorType, nullptr, 0);
  if (!exc) return;
  RestoreError(std::move(exc));
}

void SetErrorFromErrno(int err, Object* filename, Object* filename2) {
  Ref<> code = NewInt(err);
  if (!code) return;
  Ref<Str> message = NewStr(err == 0 ? "Error" : strerror(err));
  if (!message) return;
  Object* args[5] = {code.get(), message.get(), filename, None(), filename2};
  size_t nargs = 2;
  if (filename2 != nullptr) {
    if (filename == nullptr) args[2] = None();
    nargs = 5;
  } else if (filename != nullptr) {
    nargs = 3;
  }
  Ref<> exc = NewException(&OSErrorType, args, nargs);
  if (!exc) return;
  SetPendingAndChain(std::move(exc));
}

bool ErrorOccurred() { return ts->current_exception != nullptr; }

Object* PeekError() { return ts->current_exception; }

Ref<> FetchError() {
  Object* exc = ts->current_exception;
  ts->current_exception = nullptr;
  return StealRef(exc);
}

void RestoreError(Ref<> exc) {
  Object* old = ts->current_exception;
  ts->current_exception = exc.release();
  Xdecref(old);
}

void ClearError() { RestoreError(nullptr); }

bool ErrorMatches(Type* type) {
  Object* exc = ts->current_exception;
  return exc != nullptr && TypeCheck(exc, type);
}

void ChainWithHandledException() {
  Object* value = ts->current_exception;
  if (value == nullptr || !IsExceptionInstance(value)) return;
  Object* handled = TopmostHandledException();
  if (handled == nullptr || handled == value) return;
  // Setting value.__context__ = handled must not create a cycle: if `value` already appears in
  // handled's context chain, cut the chain just before it. Floyd's algorithm stops the walk on a
  // pre-existing cycle that does not contain `value`.
  Object* o = handled;
  Object* slow = o;
  bool advance_slow = false;
  for (;;) {
    Object* context = static_cast<BaseExceptionObject*>(o)->context;
    if (context == nullptr) break;
    if (context == value) {
      ExceptionSetContext(o, nullptr);
      break;
    }
    o = context;
    if (o == slow) break;
    if (advance_slow) slow = static_cast<BaseExceptionObject*>(slow)->context;
    advance_slow = !advance_slow;
  }
  ExceptionSetContext(value, handled);
}

}  // namespace pyrite::vm
