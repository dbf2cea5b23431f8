// The bulkier instructions of the evaluation loop, kept out of EvalFrame's body: unpacking,
// imports, calls with */**, raising and except-clause checks, f-string fields, `with` entry,
// pattern matching, async iteration, name errors, PRINT_EXPR and SETUP_ANNOTATIONS. Each follows
// CPython 3.11's ceval.c, messages included.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/eval.h"
#include "python/vm/eval_internal.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/function.h"
#include "python/vm/objects/generator.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/module.h"
#include "python/vm/objects/set.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"

namespace pyrite::vm {

namespace {

std::string Utf8(Object* s) { return std::string(StrUtf8(static_cast<Str*>(s))); }

// repr() as UTF-8, or "?" when repr fails (the error is cleared: used only inside messages).
std::string ReprUtf8(Object* o) {
  Ref<> r = Repr(o);
  if (!r) {
    ClearError();
    return "?";
  }
  return Utf8(r.get());
}

bool IsIterable(Object* o) { return o->type->iter != nullptr || o->type->sq_item != nullptr; }

// _PyObject_FunctionStr: "mod.qualname()" (no module for builtins), used in call messages.
std::string FunctionStr(Object* func) {
  Ref<> qualname = LookupAttr(func, InternStr("__qualname__"));
  if (!qualname) {
    ClearError();
    Ref<> s = ToStr(func);
    if (!s) {
      ClearError();
      return "?";
    }
    return Utf8(s.get());
  }
  std::string q = IsStr(qualname.get()) ? Utf8(qualname.get()) : ReprUtf8(qualname.get());
  Ref<> module = LookupAttr(func, InternStr("__module__"));
  if (!module) ClearError();
  if (module && IsStr(module.get()) && !StrEqualUtf8(static_cast<Str*>(module.get()), "builtins")) {
    return absl::StrCat(Utf8(module.get()), ".", q, "()");
  }
  return absl::StrCat(q, "()");
}

}  // namespace

// --- Unpacking ------------------------------------------------------------------------------

bool UnpackIterable(Object* v, int before, bool has_star, int after, Object** out) {
  int total = before + (has_star ? 1 : 0) + after;
  Ref<> it = GetIter(v);
  if (!it) {
    if (ErrorMatches(&TypeErrorType) && !IsIterable(v)) {
      ClearError();
      SetErrorF(&TypeErrorType, "cannot unpack non-iterable %s object", TypeNameOf(v));
    }
    return false;
  }
  // Item i goes to out[total - 1 - i] (the first item ends up on top of the stack).
  int written = 0;
  auto fail = [&]() {
    for (int i = 0; i < written; ++i) {
      Object*& slot = out[total - 1 - i];
      ClearField(&slot);
    }
    return false;
  };
  for (int i = 0; i < before; ++i) {
    Ref<> item = IterNext(it.get());
    if (!item) {
      if (ErrorOccurred()) return fail();
      if (has_star) {
        SetErrorF(&ValueErrorType, "not enough values to unpack (expected at least %d, got %d)",
                  before + after, i);
      } else {
        SetErrorF(&ValueErrorType, "not enough values to unpack (expected %d, got %d)", before,
                  i);
      }
      return fail();
    }
    out[total - 1 - written++] = item.release();
  }
  if (!has_star) {
    Ref<> extra = IterNext(it.get());
    if (extra) {
      SetErrorF(&ValueErrorType, "too many values to unpack (expected %d)", before);
      return fail();
    }
    if (ErrorOccurred()) return fail();
    return true;
  }
  Ref<> rest = SequenceList(it.get());
  if (!rest) return fail();
  List* l = static_cast<List*>(rest.get());
  if (l->size < after) {
    SetErrorF(&ValueErrorType, "not enough values to unpack (expected at least %d, got %lld)",
              before + after, static_cast<long long>(before + l->size));
    return fail();
  }
  // The last `after` items move from the list to their own slots.
  for (int j = 0; j < after; ++j) {
    out[after - 1 - j] = l->items[l->size - after + j];
  }
  l->size -= after;
  out[after] = rest.release();
  written = total;
  return true;
}

// --- Imports --------------------------------------------------------------------------------

Ref<> ImportName(Frame* f, Str* name, Object* fromlist, Object* level) {
  Object* import = DictGetItemStr(static_cast<Dict*>(f->builtins), InternStr("__import__"));
  if (import == nullptr) {
    if (!ErrorOccurred()) SetError(&ImportErrorType, "__import__ not found");
    return nullptr;
  }
  Object* locals = f->locals != nullptr ? f->locals : None();
  Object* args[5] = {name, f->globals, locals, fromlist, level};
  return Call(import, args, 5, nullptr);
}

Ref<> ImportFrom(Object* module, Str* name) {
  Ref<> v = LookupAttr(module, name);
  if (v || ErrorOccurred()) return v;
  // A submodule being imported may be in sys.modules before it is set on its package.
  Ref<> pkgname = LookupAttr(module, InternStr("__name__"));
  if (!pkgname && ErrorOccurred()) return nullptr;
  if (pkgname && IsStr(pkgname.get()) && interp->modules != nullptr) {
    std::string full = absl::StrCat(Utf8(pkgname.get()), ".", std::string(StrUtf8(name)));
    Object* m = DictGetItemUtf8(static_cast<Dict*>(interp->modules), full);
    if (m != nullptr) return NewRef(m);
    if (ErrorOccurred()) return nullptr;
  }
  std::string modname = pkgname && IsStr(pkgname.get()) ? Utf8(pkgname.get()) : "<unknown module name>";
  Ref<> file = LookupAttr(module, InternStr("__file__"));
  if (!file) ClearError();
  std::string where =
      file && IsStr(file.get()) ? Utf8(file.get()) : std::string("unknown location");
  SetErrorF(&ImportErrorType, "cannot import name '%s' from '%s' (%s)",
            std::string(StrUtf8(name)).c_str(), modname.c_str(), where.c_str());
  Object* exc = PeekError();
  if (exc != nullptr && TypeCheck(exc, &ImportErrorType)) {
    ImportErrorObject* ie = static_cast<ImportErrorObject*>(exc);
    if (pkgname) {
      Xdecref(ie->name);
      ie->name = pkgname.release();
    }
  }
  return nullptr;
}

bool ImportStar(Frame* f, Object* module) {
  Object* locals = f->locals;
  if (locals == nullptr) {
    SetError(&SystemErrorType, "no locals found during 'import *'");
    return false;
  }
  Ref<> all = LookupAttr(module, InternStr("__all__"));
  bool skip_private = false;
  if (!all) {
    if (ErrorOccurred()) return false;
    Ref<> dict = LookupAttr(module, InternStr("__dict__"));
    if (!dict) {
      if (!ErrorOccurred()) {
        SetError(&ImportErrorType, "from-import-* object has no __dict__ and no __all__");
      }
      return false;
    }
    if (IsDict(dict.get())) {
      all = DictKeys(static_cast<Dict*>(dict.get()));
    } else {
      all = CallMethod(dict.get(), InternStr("keys"), nullptr, 0);
    }
    if (!all) return false;
    skip_private = true;
  }
  Ref<> it = GetIter(all.get());
  if (!it) return false;
  while (true) {
    Ref<> name = IterNext(it.get());
    if (!name) return !ErrorOccurred();
    if (!IsStr(name.get())) {
      SetErrorF(&TypeErrorType, "%s in %s.%s must be str, not %s",
                skip_private ? "Key" : "Item", "module",
                skip_private ? "__dict__" : "__all__", TypeNameOf(name.get()));
      return false;
    }
    Str* s = static_cast<Str*>(name.get());
    if (skip_private && s->length > 0 && StrAt(s, 0) == '_') continue;
    Ref<> value = GetAttr(module, s);
    if (!value) return false;
    int err = IsExactDict(locals) ? DictSetItem(static_cast<Dict*>(locals), s, value.get())
                                  : SetItem(locals, s, value.get());
    if (err < 0) return false;
  }
}

// --- Calls with * and ** --------------------------------------------------------------------

bool DictMergeForCall(Object* func, Object* dict, Object* update) {
  Dict* d = static_cast<Dict*>(dict);
  auto add = [&](Object* key, Object* value) -> bool {
    Object* existing = DictGetItem(d, key);
    if (existing != nullptr) {
      SetErrorF(&TypeErrorType, "%s got multiple values for keyword argument '%s'",
                FunctionStr(func).c_str(), Utf8(key).c_str());
      return false;
    }
    if (ErrorOccurred()) return false;
    return DictSetItem(d, key, value) == 0;
  };
  if (IsDict(update) && update->type->iter == DictType.iter) {
    int64_t pos = 0;
    Object *key, *value;
    while (DictNext(static_cast<Dict*>(update), &pos, &key, &value)) {
      Ref<> k = NewRef(key), v = NewRef(value);
      if (!add(k.get(), v.get())) return false;
    }
    return true;
  }
  Ref<> keys_method = LookupAttr(update, InternStr("keys"));
  if (!keys_method) {
    if (!ErrorOccurred()) {
      SetErrorF(&TypeErrorType, "%s argument after ** must be a mapping, not %s",
                FunctionStr(func).c_str(), TypeNameOf(update));
    }
    return false;
  }
  Ref<> keys = CallNoArgs(keys_method.get());
  if (!keys) return false;
  Ref<> it = GetIter(keys.get());
  if (!it) return false;
  while (true) {
    Ref<> key = IterNext(it.get());
    if (!key) return !ErrorOccurred();
    Ref<> value = GetItem(update, key.get());
    if (!value) return false;
    if (!add(key.get(), value.get())) return false;
  }
}

bool PrepareCallEx(Object* func, Object* callargs, Object* kwargs, Ref<Tuple>* args_out,
                   Ref<Dict>* kwargs_out) {
  Ref<> args;
  if (IsExactTuple(callargs)) {
    args = NewRef(callargs);
  } else {
    if (!IsIterable(callargs)) {
      SetErrorF(&TypeErrorType, "%s argument after * must be an iterable, not %s",
                FunctionStr(func).c_str(), TypeNameOf(callargs));
      return false;
    }
    args = SequenceTuple(callargs);
    if (!args) return false;
  }
  Ref<> kw;
  if (kwargs != nullptr) {
    if (IsExactDict(kwargs)) {
      kw = NewRef(kwargs);
    } else {
      kw = NewDict();
      if (!kw) return false;
      if (!DictMergeForCall(func, kw.get(), kwargs)) return false;
    }
    if (DictSize(static_cast<Dict*>(kw.get())) == 0) kw = nullptr;
    if (kw) {
      int64_t pos = 0;
      Object *key, *value;
      while (DictNext(static_cast<Dict*>(kw.get()), &pos, &key, &value)) {
        if (!IsStr(key)) {
          SetError(&TypeErrorType, "keywords must be strings");
          return false;
        }
      }
    }
  }
  *args_out = RefCast<Tuple>(std::move(args));
  *kwargs_out = RefCast<Dict>(std::move(kw));
  return true;
}

Ref<> CallFunctionEx(Object* func, Object* callargs, Object* kwargs) {
  Ref<Tuple> args;
  Ref<Dict> kw;
  if (!PrepareCallEx(func, callargs, kwargs, &args, &kw)) return nullptr;
  return CallTupleDict(func, args.get(), kw.get());
}

// --- Exceptions -----------------------------------------------------------------------------

bool DoRaise(Object* exc, Object* cause) {
  Ref<> value;
  if (IsExceptionClass(exc)) {
    value = CallNoArgs(exc);
    if (!value) return false;
    if (!IsExceptionInstance(value.get())) {
      SetErrorF(&TypeErrorType,
                "calling %s should have returned an instance of BaseException, not %s",
                ReprUtf8(exc).c_str(), TypeNameOf(value.get()));
      return false;
    }
  } else if (IsExceptionInstance(exc)) {
    value = NewRef(exc);
  } else {
    SetError(&TypeErrorType, "exceptions must derive from BaseException");
    return false;
  }
  if (cause != nullptr) {
    Ref<> fixed_cause;
    if (IsExceptionClass(cause)) {
      fixed_cause = CallNoArgs(cause);
      if (!fixed_cause) return false;
    } else if (IsExceptionInstance(cause)) {
      fixed_cause = NewRef(cause);
    } else if (cause == None()) {
      fixed_cause = nullptr;
    } else {
      SetError(&TypeErrorType, "exception causes must derive from BaseException");
      return false;
    }
    ExceptionSetCause(value.get(), fixed_cause ? fixed_cause.get() : None());
  }
  RestoreError(std::move(value));
  return false;
}

bool CheckExceptType(Object* type, bool star) {
  auto check_one = [&](Object* t) -> bool {
    if (!IsExceptionClass(t)) {
      SetError(&TypeErrorType,
               "catching classes that do not inherit from BaseException is not allowed");
      return false;
    }
    if (star && IsSubtype(static_cast<Type*>(t), &BaseExceptionGroupType)) {
      SetError(&TypeErrorType,
               "catching ExceptionGroup with except* is not allowed. Use except instead.");
      return false;
    }
    return true;
  };
  if (IsTuple(type)) {
    Tuple* t = static_cast<Tuple*>(type);
    for (int64_t i = 0; i < t->size; ++i) {
      if (!check_one(t->items[i])) return false;
    }
    return true;
  }
  return check_one(type);
}

bool ExceptionMatches(Object* exc, Object* type) {
  if (IsTuple(type)) {
    Tuple* t = static_cast<Tuple*>(type);
    for (int64_t i = 0; i < t->size; ++i) {
      if (ExceptionMatches(exc, t->items[i])) return true;
    }
    return false;
  }
  if (!HasFlag(type->type, kTypeSubclass)) return false;
  return IsSubtype(exc->type, static_cast<Type*>(type));
}

// --- f-strings ------------------------------------------------------------------------------

Ref<> FormatValue(Object* value, int conversion, Object* spec) {
  Ref<> v;
  switch (conversion) {
    case 1: v = ToStr(value); break;
    case 2: v = Repr(value); break;
    case 3: v = Ascii(value); break;
    default: v = NewRef(value); break;
  }
  PY_RETURN_IF_NULL(v);
  if (spec == nullptr && IsExactStr(v.get())) return v;
  if (spec != nullptr && IsExactStr(v.get()) && static_cast<Str*>(spec)->length == 0) return v;
  return Format(v.get(), spec);
}

// --- with -----------------------------------------------------------------------------------

Ref<> EnterContext(Object* mgr, bool async, Ref<>* exit_out) {
  Ref<> enter = LookupSpecial(mgr, InternStr(async ? "__aenter__" : "__enter__"));
  if (!enter) {
    if (!ErrorOccurred()) {
      SetErrorF(&TypeErrorType, "'%s' object does not support the %scontext manager protocol",
                TypeNameOf(mgr), async ? "asynchronous " : "");
    }
    return nullptr;
  }
  Ref<> exit = LookupSpecial(mgr, InternStr(async ? "__aexit__" : "__exit__"));
  if (!exit) {
    if (!ErrorOccurred()) {
      SetErrorF(&TypeErrorType,
                "'%s' object does not support the %scontext manager protocol (missed %s method)",
                TypeNameOf(mgr), async ? "asynchronous " : "", async ? "__aexit__" : "__exit__");
    }
    return nullptr;
  }
  Ref<> r = CallNoArgs(enter.get());
  PY_RETURN_IF_NULL(r);
  *exit_out = std::move(exit);
  return r;
}

// --- Pattern matching -----------------------------------------------------------------------

namespace {

// Types whose instances match a single positional sub-pattern against themselves.
bool MatchesSelf(Type* t) {
  constexpr uint64_t kSelfFlags = kIntSubclass | kFloatSubclass | kStrSubclass |
                                  kBytesSubclass | kTupleSubclass | kListSubclass |
                                  kDictSubclass | kSetSubclass;
  return (t->flags & kSelfFlags) != 0 || IsSubtype(t, &ByteArrayType);
}

// One attribute of a class pattern; null without an error when the subject lacks it.
Ref<> MatchClassAttr(Object* subject, Type* type, Object* name, Set* seen) {
  int dup = SetContains(seen, name);
  if (dup < 0) return nullptr;
  if (dup) {
    SetErrorF(&TypeErrorType, "%s() got multiple sub-patterns for attribute %s", TypeName(type),
              ReprUtf8(name).c_str());
    return nullptr;
  }
  if (SetAdd(seen, name) < 0) return nullptr;
  return LookupAttr(subject, static_cast<Str*>(name));
}

}  // namespace

Ref<> MatchClass(Object* subject, Object* type_obj, int nargs, Object* kwnames) {
  if (!HasFlag(type_obj->type, kTypeSubclass)) {
    SetError(&TypeErrorType, "called match pattern must be a class");
    return nullptr;
  }
  Type* type = static_cast<Type*>(type_obj);
  int inst = IsInstance(subject, type_obj);
  if (inst < 0) return nullptr;
  if (inst == 0) return NewNone();
  Ref<Set> seen = NewSet();
  PY_RETURN_IF_NULL(seen);
  Ref<List> attrs = NewList();
  PY_RETURN_IF_NULL(attrs);
  if (nargs > 0) {
    bool match_self = false;
    Ref<> match_args = LookupAttr(type_obj, InternStr("__match_args__"));
    if (match_args) {
      if (!IsTuple(match_args.get())) {
        SetErrorF(&TypeErrorType, "%s.__match_args__ must be a tuple (got %s)", TypeName(type),
                  TypeNameOf(match_args.get()));
        return nullptr;
      }
    } else {
      if (ErrorOccurred()) return nullptr;
      match_self = MatchesSelf(type);
      match_args = NewRef<Object>(NewTuple(0).get());
    }
    int64_t allowed = match_self ? 1 : static_cast<Tuple*>(match_args.get())->size;
    if (allowed < nargs) {
      SetErrorF(&TypeErrorType, "%s() accepts %lld positional sub-pattern%s (%d given)",
                TypeName(type), static_cast<long long>(allowed), allowed == 1 ? "" : "s", nargs);
      return nullptr;
    }
    if (match_self) {
      if (!ListAppend(attrs.get(), subject)) return nullptr;
    } else {
      Tuple* ma = static_cast<Tuple*>(match_args.get());
      for (int i = 0; i < nargs; ++i) {
        Object* name = ma->items[i];
        if (!IsStr(name)) {
          SetErrorF(&TypeErrorType, "__match_args__ elements must be strings (got %s)",
                    TypeNameOf(name));
          return nullptr;
        }
        Ref<> attr = MatchClassAttr(subject, type, name, seen.get());
        if (!attr) {
          if (ErrorOccurred()) return nullptr;
          return NewNone();
        }
        if (!ListAppend(attrs.get(), attr.get())) return nullptr;
      }
    }
  }
  Tuple* kw = static_cast<Tuple*>(kwnames);
  for (int64_t i = 0; i < kw->size; ++i) {
    Ref<> attr = MatchClassAttr(subject, type, kw->items[i], seen.get());
    if (!attr) {
      if (ErrorOccurred()) return nullptr;
      return NewNone();
    }
    if (!ListAppend(attrs.get(), attr.get())) return nullptr;
  }
  return ListAsTuple(attrs.get());
}

Ref<> MatchKeys(Object* subject, Object* keys_obj) {
  Tuple* keys = static_cast<Tuple*>(keys_obj);
  if (keys->size == 0) return NewRef<Object>(NewTuple(0).get());
  Ref<> get = LookupAttr(subject, InternStr("get"));
  if (!get) {
    if (!ErrorOccurred()) {
      SetErrorF(&AttributeErrorType, "'%s' object has no attribute 'get'", TypeNameOf(subject));
    }
    return nullptr;
  }
  Ref<> dummy = NewList();  // a sentinel no mapping can hold
  PY_RETURN_IF_NULL(dummy);
  Ref<Set> seen = NewSet();
  PY_RETURN_IF_NULL(seen);
  Ref<Tuple> values = NewTuple(keys->size);
  PY_RETURN_IF_NULL(values);
  for (int64_t i = 0; i < keys->size; ++i) {
    Object* key = keys->items[i];
    int dup = SetContains(seen.get(), key);
    if (dup < 0) return nullptr;
    if (dup) {
      SetErrorF(&ValueErrorType, "mapping pattern checks duplicate key (%s)",
                ReprUtf8(key).c_str());
      return nullptr;
    }
    if (SetAdd(seen.get(), key) < 0) return nullptr;
    Object* args[2] = {key, dummy.get()};
    Ref<> value = Call(get.get(), args, 2, nullptr);
    PY_RETURN_IF_NULL(value);
    if (value.get() == dummy.get()) return NewNone();
    TupleInit(values.get(), i, std::move(value));
  }
  return values;
}

// --- async ----------------------------------------------------------------------------------

Ref<> GetAwaitable(Object* o, int where) {
  if (o->type == &CoroutineType) return NewRef(o);
  UnaryFn await = o->type->am_await;
  if (await == nullptr) {
    if (where == 1 || where == 2) {
      SetErrorF(&TypeErrorType,
                "'async with' received an object from %s that does not implement __await__: %s",
                where == 1 ? "__aenter__" : "__aexit__", TypeNameOf(o));
    } else {
      SetErrorF(&TypeErrorType, "object %s can't be used in 'await' expression", TypeNameOf(o));
    }
    return nullptr;
  }
  Ref<> r = await(o);
  PY_RETURN_IF_NULL(r);
  if (r->type == &CoroutineType) {
    SetError(&TypeErrorType, "__await__() returned a coroutine");
    return nullptr;
  }
  if (r->type->iternext == nullptr) {
    SetErrorF(&TypeErrorType, "__await__() returned non-iterator of type '%s'",
              TypeNameOf(r.get()));
    return nullptr;
  }
  return r;
}

Ref<> GetAIter(Object* o) {
  if (o->type->am_aiter == nullptr) {
    SetErrorF(&TypeErrorType, "'async for' requires an object with __aiter__ method, got %s",
              TypeNameOf(o));
    return nullptr;
  }
  Ref<> it = o->type->am_aiter(o);
  PY_RETURN_IF_NULL(it);
  if (it->type->am_anext == nullptr) {
    SetErrorF(&TypeErrorType,
              "'async for' received an object from __aiter__ that does not implement __anext__: "
              "%s",
              TypeNameOf(it.get()));
    return nullptr;
  }
  return it;
}

Ref<> GetANext(Object* aiter) {
  if (aiter->type->am_anext == nullptr) {
    SetErrorF(&TypeErrorType, "'async for' requires an iterator with __anext__ method, got %s",
              TypeNameOf(aiter));
    return nullptr;
  }
  Ref<> next = aiter->type->am_anext(aiter);
  PY_RETURN_IF_NULL(next);
  if (aiter->type == &AsyncGeneratorType) return next;
  if (next->type == &CoroutineType) return next;
  if (next->type->am_await == nullptr) {
    SetErrorF(&TypeErrorType, "'async for' received an invalid object from __anext__: %s",
              TypeNameOf(next.get()));
    return nullptr;
  }
  return GetAwaitable(next.get(), 0);
}

// --- Names ----------------------------------------------------------------------------------

void RaiseNameError(Str* name) {
  SetErrorF(&NameErrorType, "name '%s' is not defined", std::string(StrUtf8(name)).c_str());
  Object* exc = PeekError();
  if (exc != nullptr && TypeCheck(exc, &NameErrorType)) {
    NameErrorObject* ne = static_cast<NameErrorObject*>(exc);
    Xdecref(ne->name);
    ne->name = NewRef<Object>(name).release();
  }
}

void RaiseUnboundLocal(Code* code, int slot) {
  Object* name = static_cast<Tuple*>(code->localsplusnames)->items[slot];
  SetErrorF(&UnboundLocalErrorType,
            "cannot access local variable '%s' where it is not associated with a value",
            Utf8(name).c_str());
  Object* exc = PeekError();
  if (exc != nullptr && TypeCheck(exc, &NameErrorType)) {
    NameErrorObject* ne = static_cast<NameErrorObject*>(exc);
    Xdecref(ne->name);
    ne->name = NewRef(name).release();
  }
}

void RaiseUnboundFree(Code* code, int slot) {
  uint8_t kind = code->source->localspluskinds[slot];
  if (!(kind & bytecode::kFree)) {
    RaiseUnboundLocal(code, slot);
    return;
  }
  Object* name = static_cast<Tuple*>(code->localsplusnames)->items[slot];
  SetErrorF(&NameErrorType,
            "cannot access free variable '%s' where it is not associated with a value in "
            "enclosing scope",
            Utf8(name).c_str());
  Object* exc = PeekError();
  if (exc != nullptr && TypeCheck(exc, &NameErrorType)) {
    NameErrorObject* ne = static_cast<NameErrorObject*>(exc);
    Xdecref(ne->name);
    ne->name = NewRef(name).release();
  }
}

// --- Interactive and annotations ------------------------------------------------------------

bool PrintExpr(Object* value) {
  Ref<> hook;
  if (interp->sys != nullptr) hook = LookupAttr(interp->sys, InternStr("displayhook"));
  if (!hook) {
    if (!ErrorOccurred()) SetError(&RuntimeErrorType, "lost sys.displayhook");
    return false;
  }
  Ref<> r = CallOneArg(hook.get(), value);
  return static_cast<bool>(r);
}

bool SetupAnnotations(Frame* f) {
  Object* locals = f->locals;
  if (locals == nullptr) {
    SetError(&SystemErrorType, "no locals found when setting up annotations");
    return false;
  }
  Str* name = InternStr("__annotations__");
  if (IsExactDict(locals)) {
    Object* ann = DictGetItemStr(static_cast<Dict*>(locals), name);
    if (ann != nullptr) return true;
    if (ErrorOccurred()) return false;
    Ref<Dict> d = NewDict();
    if (!d) return false;
    return DictSetItemStr(static_cast<Dict*>(locals), name, d.get()) == 0;
  }
  Ref<> ann = GetItem(locals, name);
  if (ann) return true;
  if (!ErrorMatches(&KeyErrorType)) return false;
  ClearError();
  Ref<Dict> d = NewDict();
  if (!d) return false;
  return SetItem(locals, name, d.get()) == 0;
}

}  // namespace pyrite::vm
