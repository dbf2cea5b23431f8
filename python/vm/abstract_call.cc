// Calls (CPython's Objects/call.c): every call goes through the callee type's `call` slot with the
// vectorcall convention; this file adapts the other shapes (no arguments, one argument,
// f(*args, **kwargs), o.name(...)) to it and checks the result.
#include <string>
#include <vector>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

Ref<> Call(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
  CallFn call = callable->type->call;
  if (call == nullptr) {
    SetErrorF(&TypeErrorType, "'%.200s' object is not callable", TypeNameOf(callable));
    return nullptr;
  }
  if (kwnames != nullptr && kwnames->size == 0) kwnames = nullptr;
  Ref<> r = call(callable, args, nargs, kwnames);
  // A result and a pending exception must agree (CPython's _Py_CheckFunctionResult).
  if (!r) {
    if (!ErrorOccurred()) {
      SetErrorF(&SystemErrorType, "<%s object> returned NULL without setting an exception",
                TypeNameOf(callable));
    }
  } else if (ErrorOccurred()) {
    Ref<> exc = FetchError();
    r.reset();
    SetErrorF(&SystemErrorType, "<%s object> returned a result with an exception set",
              TypeNameOf(callable));
  }
  return r;
}

Ref<> CallNoArgs(Object* callable) { return Call(callable, nullptr, 0, nullptr); }

Ref<> CallOneArg(Object* callable, Object* arg) { return Call(callable, &arg, 1, nullptr); }

Ref<> CallTupleDict(Object* callable, Tuple* args, Dict* kwargs) {
  int64_t npos = args != nullptr ? args->size : 0;
  if (kwargs == nullptr || DictSize(kwargs) == 0) {
    return Call(callable, args != nullptr ? args->items : nullptr, static_cast<size_t>(npos),
                nullptr);
  }
  int64_t nkw = DictSize(kwargs);
  std::vector<Object*> stack;
  stack.reserve(static_cast<size_t>(npos + nkw));
  for (int64_t i = 0; i < npos; ++i) stack.push_back(args->items[i]);
  Ref<Tuple> names = NewTuple(nkw);
  if (!names) return nullptr;
  // The values are borrowed from the dict, which the callee cannot see, so they stay alive; the
  // keys are owned by `names` in case the dict is a subclass someone mutates.
  std::vector<Ref<>> values;
  values.reserve(static_cast<size_t>(nkw));
  int64_t pos = 0;
  Object* key;
  Object* value;
  int64_t i = 0;
  while (DictNext(kwargs, &pos, &key, &value) && i < nkw) {
    if (!IsStr(key)) {
      SetError(&TypeErrorType, "keywords must be strings");
      for (int64_t j = i; j < nkw; ++j) TupleInit(names.get(), j, NewRef(None()));
      return nullptr;
    }
    TupleInit(names.get(), i, NewRef(key));
    values.push_back(NewRef(value));
    stack.push_back(value);
    ++i;
  }
  for (int64_t j = i; j < nkw; ++j) TupleInit(names.get(), j, NewRef(None()));
  return Call(callable, stack.data(), static_cast<size_t>(npos), names.get());
}

Ref<> CallMethod(Object* o, Str* name, Object* const* args, size_t nargs) {
  bool is_method = false;
  Ref<> fn = GetMethod(o, name, &is_method);
  if (!fn) return nullptr;
  if (!is_method) return Call(fn.get(), args, nargs, nullptr);
  std::vector<Object*> stack;
  stack.reserve(nargs + 1);
  stack.push_back(o);
  for (size_t i = 0; i < nargs; ++i) stack.push_back(args[i]);
  return Call(fn.get(), stack.data(), stack.size(), nullptr);
}

bool IsCallable(Object* o) { return o->type->call != nullptr; }

}  // namespace pyrite::vm
