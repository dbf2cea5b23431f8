// BaseException and the simple exception subclasses (SystemExit, StopIteration, KeyError,
// NameError, AttributeError, ImportError), the creation of every type listed in exceptions.def,
// and traceback objects. OSError, SyntaxError and the Unicode errors are in exceptions_os.cc;
// ExceptionGroup and except* in exceptions_group.cc.
#include "python/vm/objects/exceptions.h"

#include <cstddef>
#include <cstring>
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/frame.h"
#include "python/vm/gc.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions_internal.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

#define EXCEPTION(name, base, layout) Type name##Type;
#include "python/vm/exceptions.def"
#undef EXCEPTION

Type TracebackType;

namespace exc_internal {

size_t NumExtraFields(Object* o) {
  Type* t = o->type;
  while (t != nullptr && HasFlag(t, kHeapType)) t = t->base;
  if (t == nullptr || t->basicsize < sizeof(BaseExceptionObject)) return 0;
  return (t->basicsize - sizeof(BaseExceptionObject)) / sizeof(Object*);
}

bool SetArgs(Object* self, Object* const* args, size_t nargs) {
  Ref<Tuple> t = NewTupleFromArray(args, static_cast<int64_t>(nargs));
  if (!t) return false;
  SetField(&static_cast<BaseExceptionObject*>(self)->args, t.get());
  return true;
}

bool ParseExcKwargs(const char* func, Object* const* args, size_t nargs, Tuple* kwnames,
                    std::initializer_list<const char*> allowed, Object** out) {
  for (size_t i = 0; i < allowed.size(); ++i) out[i] = nullptr;
  if (kwnames == nullptr) return true;
  for (int64_t k = 0; k < kwnames->size; ++k) {
    Str* key = static_cast<Str*>(kwnames->items[k]);
    size_t i = 0;
    bool found = false;
    for (const char* name : allowed) {
      if (StrEqualUtf8(key, name)) {
        out[i] = args[nargs + k];
        found = true;
        break;
      }
      ++i;
    }
    if (!found) {
      SetErrorF(&TypeErrorType, "'%s' is an invalid keyword argument for %s()", StrUtf8(key).data(),
                func);
      return false;
    }
  }
  return true;
}

bool NoKwargs(Object* self, Tuple* kwnames) {
  if (kwnames != nullptr && kwnames->size > 0) {
    SetErrorF(&TypeErrorType, "%s() takes no keyword arguments", self->type->name);
    return false;
  }
  return true;
}

Ref<> ExcNew(Type* type, Object* const* args, size_t nargs, Tuple* /*kwnames*/) {
  // Every layout is zero-initialisable (null fields, suppress_context false), so the builtin
  // base's basicsize is all the allocation needs.
  Type* builtin = type;
  while (HasFlag(builtin, kHeapType)) builtin = builtin->base;
  Object* o = AllocRaw(type, builtin->basicsize);
  if (o == nullptr) return nullptr;
  if (HasFlag(o->type, kHaveGc)) GcTrack(o);
  Ref<> self = StealRef(o);
  if (!SetArgs(self.get(), args, nargs)) return nullptr;
  return self;
}

int BaseExceptionInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!NoKwargs(self, kwnames)) return -1;
  return SetArgs(self, args, nargs) ? 0 : -1;
}

Ref<> BaseExceptionStr(Object* self) {
  Tuple* args = static_cast<Tuple*>(static_cast<BaseExceptionObject*>(self)->args);
  if (args == nullptr || args->size == 0) return NewStr("");
  if (args->size == 1) return ToStr(args->items[0]);
  return ToStr(args);
}

}  // namespace exc_internal

using namespace exc_internal;

namespace {

BaseExceptionObject* AsExc(Object* o) { return static_cast<BaseExceptionObject*>(o); }

// --- Lifecycle --------------------------------------------------------------------------------

void ExcTraverse(Object* o, VisitFn visit, void* arg) {
  BaseExceptionObject* e = AsExc(o);
  for (Object* f : {e->dict, e->args, e->notes, e->traceback, e->context, e->cause}) {
    if (f != nullptr) visit(f, arg);
  }
  Object** extra = ExtraFields(o);
  for (size_t i = 0, n = NumExtraFields(o); i < n; ++i) {
    if (extra[i] != nullptr) visit(extra[i], arg);
  }
}

void ExcClear(Object* o) {
  BaseExceptionObject* e = AsExc(o);
  for (Object** f : {&e->dict, &e->args, &e->notes, &e->traceback, &e->context, &e->cause}) {
    SetField(f, nullptr);
  }
  Object** extra = ExtraFields(o);
  for (size_t i = 0, n = NumExtraFields(o); i < n; ++i) SetField(&extra[i], nullptr);
}

void ExcDealloc(Object* o) {
  GcUntrack(o);
  ExcClear(o);
  FreeObject(o);
}

// --- BaseException slots and attributes -------------------------------------------------------

Ref<> BaseExceptionRepr(Object* self) {
  Tuple* args = static_cast<Tuple*>(AsExc(self)->args);
  Ref<> inner;
  if (args != nullptr && args->size == 1) {
    Ref<> r = Repr(args->items[0]);
    PY_RETURN_IF_NULL(r);
    std::string s = TypeNameOf(self);
    s += "(";
    s += StrUtf8(static_cast<Str*>(r.get()));
    s += ")";
    return NewStr(s);
  }
  if (args == nullptr) return NewStr(std::string(TypeNameOf(self)) + "()");
  Ref<> r = Repr(args);
  PY_RETURN_IF_NULL(r);
  std::string s = TypeNameOf(self);
  s += StrUtf8(static_cast<Str*>(r.get()));
  return NewStr(s);
}

Ref<> GetArgs(Object* self) {
  Object* args = AsExc(self)->args;
  if (args == nullptr) return NewRef<Object>(NewTuple(0).get());
  return NewRef(args);
}
int SetArgsAttr(Object* self, Object* value) {
  if (value == nullptr) {
    SetError(&TypeErrorType, "args may not be deleted");
    return -1;
  }
  Ref<> t = SequenceTuple(value);
  if (!t) return -1;
  SetField(&AsExc(self)->args, t.get());
  return 0;
}

Ref<> GetTracebackAttr(Object* self) {
  Object* tb = AsExc(self)->traceback;
  return NewRef(tb != nullptr ? tb : None());
}
int SetTracebackAttr(Object* self, Object* value) {
  if (value == nullptr) {
    SetError(&TypeErrorType, "__traceback__ may not be deleted");
    return -1;
  }
  if (value != None() && value->type != &TracebackType) {
    SetError(&TypeErrorType, "__traceback__ must be a traceback or None");
    return -1;
  }
  ExceptionSetTraceback(self, value);
  return 0;
}

Ref<> GetContextAttr(Object* self) {
  Object* c = AsExc(self)->context;
  return NewRef(c != nullptr ? c : None());
}
// The checks of the __context__ and __cause__ setters (`what`: "context" or "cause"): the value
// is None or an exception, and cannot be deleted.
bool CheckChainedValue(Object* value, const char* what) {
  if (value == nullptr) {
    SetErrorF(&TypeErrorType, "__%s__ may not be deleted", what);
    return false;
  }
  if (value != None() && !IsExceptionInstance(value)) {
    SetErrorF(&TypeErrorType, "exception %s must be None or derive from BaseException", what);
    return false;
  }
  return true;
}

int SetContextAttr(Object* self, Object* value) {
  if (!CheckChainedValue(value, "context")) return -1;
  ExceptionSetContext(self, value);
  return 0;
}

Ref<> GetCauseAttr(Object* self) {
  Object* c = AsExc(self)->cause;
  return NewRef(c != nullptr ? c : None());
}
int SetCauseAttr(Object* self, Object* value) {
  if (!CheckChainedValue(value, "cause")) return -1;
  ExceptionSetCause(self, value);
  return 0;
}

Ref<> GetSuppressContext(Object* self) { return NewBool(AsExc(self)->suppress_context); }
int SetSuppressContext(Object* self, Object* value) {
  if (value == nullptr) {
    SetError(&TypeErrorType, "can't delete numeric/char attribute");
    return -1;
  }
  if (!IsBool(value)) {
    SetError(&TypeErrorType, "attribute value type must be bool");
    return -1;
  }
  AsExc(self)->suppress_context = value == True();
  return 0;
}

Ref<> GetDictAttr(Object* self) {
  BaseExceptionObject* e = AsExc(self);
  if (!EnsureDict(&e->dict)) return nullptr;
  return NewRef(e->dict);
}
int SetDictAttr(Object* self, Object* value) {
  if (value == nullptr) {
    SetError(&TypeErrorType, "__dict__ may not be deleted");
    return -1;
  }
  if (!IsDict(value)) {
    SetError(&TypeErrorType, "__dict__ must be a dictionary");
    return -1;
  }
  SetField(&AsExc(self)->dict, value);
  return 0;
}

// __notes__ lives in the `notes` field (the traceback printer reads it there) rather than in the
// instance dict as in CPython; it behaves the same otherwise: missing until add_note() or an
// assignment creates it.
Ref<> GetNotesAttr(Object* self) {
  Object* n = AsExc(self)->notes;
  if (n == nullptr) {
    SetErrorF(&AttributeErrorType, "'%s' object has no attribute '__notes__'", TypeNameOf(self));
    return nullptr;
  }
  return NewRef(n);
}
int SetNotesAttr(Object* self, Object* value) {
  if (value == nullptr && AsExc(self)->notes == nullptr) {
    SetError(&AttributeErrorType, "__notes__");
    return -1;
  }
  SetField(&AsExc(self)->notes, value);
  return 0;
}

Ref<> WithTraceback(Object* self, Object* const* args, size_t, Tuple*) {
  if (SetTracebackAttr(self, args[0]) < 0) return nullptr;
  return NewRef(self);
}

Ref<> AddNote(Object* self, Object* const* args, size_t, Tuple*) {
  Object* note = args[0];
  if (!IsStr(note)) {
    SetErrorF(&TypeErrorType, "note must be a str, not '%s'", TypeNameOf(note));
    return nullptr;
  }
  Str* name = InternStr("__notes__");
  Ref<> notes = LookupAttr(self, name);
  if (!notes) {
    if (ErrorOccurred()) return nullptr;
    Ref<List> fresh = NewList();
    PY_RETURN_IF_NULL(fresh);
    if (SetAttr(self, name, fresh.get()) < 0) return nullptr;
    notes = GetAttr(self, name);
    PY_RETURN_IF_NULL(notes);
  }
  if (!IsList(notes.get())) {
    SetError(&TypeErrorType, "Cannot add note: __notes__ is not a list");
    return nullptr;
  }
  if (!ListAppend(static_cast<List*>(notes.get()), note)) return nullptr;
  return NewNone();
}

Ref<> Reduce(Object* self, Object* const*, size_t, Tuple*) {
  BaseExceptionObject* e = AsExc(self);
  Ref<> args = GetArgs(self);
  if (e->dict != nullptr && DictSize(static_cast<Dict*>(e->dict)) > 0) {
    return NewTupleFrom({self->type, args.get(), e->dict});
  }
  return NewTupleFrom({self->type, args.get()});
}

Ref<> SetState(Object* self, Object* const* args, size_t, Tuple*) {
  Object* state = args[0];
  if (state == None()) return NewNone();
  if (!IsDict(state)) {
    SetError(&TypeErrorType, "state is not a dictionary");
    return nullptr;
  }
  int64_t pos = 0;
  Object *key, *value;
  while (DictNext(static_cast<Dict*>(state), &pos, &key, &value)) {
    if (!IsStr(key)) {
      SetError(&TypeErrorType, "attribute name must be string");
      return nullptr;
    }
    if (SetAttr(self, static_cast<Str*>(key), value) < 0) return nullptr;
  }
  return NewNone();
}

const MethodDef kBaseExceptionMethods[] = {
    {"with_traceback", &WithTraceback, kMethO,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", &AddNote, kMethO, "Exception.add_note(note) --\n    add a note to the exception"},
    {"__reduce__", &Reduce, kMethNoArgs},
    {"__setstate__", &SetState, kMethO},
    {nullptr}};

const GetSetDef kBaseExceptionGetSets[] = {
    {"__dict__", &GetDictAttr, &SetDictAttr},
    {"args", &GetArgs, &SetArgsAttr},
    {"__traceback__", &GetTracebackAttr, &SetTracebackAttr},
    {"__context__", &GetContextAttr, &SetContextAttr, "exception context"},
    {"__cause__", &GetCauseAttr, &SetCauseAttr, "exception cause"},
    {"__suppress_context__", &GetSuppressContext, &SetSuppressContext},
    {"__notes__", &GetNotesAttr, &SetNotesAttr},
    {nullptr}};

// --- Simple subclasses ------------------------------------------------------------------------

Object* ArgOrNone(Object* const* args, size_t nargs) { return nargs > 0 ? args[0] : None(); }

int SystemExitInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (BaseExceptionInit(self, args, nargs, kwnames) < 0) return -1;
  Object** code = &ExtraFields(self)[0];
  if (nargs == 0) return 0;
  if (nargs == 1) {
    SetField(code, args[0]);
  } else {
    SetField(code, AsExc(self)->args);
  }
  return 0;
}
const GetSetDef kSystemExitGetSets[] = {
    {"code", &GetExtraField<0>, &SetExtraField<0>, "exception code"}, {nullptr}};

int StopIterationInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (BaseExceptionInit(self, args, nargs, kwnames) < 0) return -1;
  SetField(&ExtraFields(self)[0], ArgOrNone(args, nargs));
  return 0;
}
const GetSetDef kStopIterationGetSets[] = {
    {"value", &GetExtraField<0>, &SetExtraField<0>, "generator return value"}, {nullptr}};

Ref<> KeyErrorStr(Object* self) {
  Tuple* args = static_cast<Tuple*>(AsExc(self)->args);
  // A missing key is shown by its repr, so that KeyError('') reads "''", not nothing.
  if (args != nullptr && args->size == 1) return Repr(args->items[0]);
  return BaseExceptionStr(self);
}

int NameErrorInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  Object* kw[1];
  if (!ParseExcKwargs("NameError", args, nargs, kwnames, {"name"}, kw)) return -1;
  if (!SetArgs(self, args, nargs)) return -1;
  SetField(&ExtraFields(self)[0], kw[0]);
  return 0;
}
const GetSetDef kNameErrorGetSets[] = {{"name", &GetExtraField<0>, &SetExtraField<0>, "name"},
                                       {nullptr}};

int AttributeErrorInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  Object* kw[2];
  if (!ParseExcKwargs("AttributeError", args, nargs, kwnames, {"name", "obj"}, kw)) return -1;
  if (!SetArgs(self, args, nargs)) return -1;
  SetField(&ExtraFields(self)[0], kw[0]);
  SetField(&ExtraFields(self)[1], kw[1]);
  return 0;
}
const GetSetDef kAttributeErrorGetSets[] = {
    {"name", &GetExtraField<0>, &SetExtraField<0>, "attribute name"},
    {"obj", &GetExtraField<1>, &SetExtraField<1>, "object"},
    {nullptr}};

// ImportErrorObject: msg, name, path.
int ImportErrorInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  Object* kw[2];
  if (!ParseExcKwargs("ImportError", args, nargs, kwnames, {"name", "path"}, kw)) return -1;
  if (!SetArgs(self, args, nargs)) return -1;
  Object** f = ExtraFields(self);
  SetField(&f[1], kw[0]);
  SetField(&f[2], kw[1]);
  SetField(&f[0], nargs == 1 ? args[0] : nullptr);
  return 0;
}
Ref<> ImportErrorStr(Object* self) {
  Object* msg = ExtraFields(self)[0];
  if (msg != nullptr && IsExactStr(msg)) return NewRef(msg);
  return BaseExceptionStr(self);
}
Ref<> ImportErrorReduce(Object* self, Object* const*, size_t, Tuple*) {
  Object** f = ExtraFields(self);
  Ref<> args = GetArgs(self);
  Ref<Dict> state;
  BaseExceptionObject* e = AsExc(self);
  if (e->dict != nullptr) {
    state = DictCopy(static_cast<Dict*>(e->dict));
    PY_RETURN_IF_NULL(state);
  }
  if (f[1] != nullptr || f[2] != nullptr) {
    if (!state) {
      state = NewDict();
      PY_RETURN_IF_NULL(state);
    }
    if (f[1] != nullptr && DictSetItemUtf8(state.get(), "name", f[1]) < 0) return nullptr;
    if (f[2] != nullptr && DictSetItemUtf8(state.get(), "path", f[2]) < 0) return nullptr;
  }
  if (state && DictSize(state.get()) > 0)
    return NewTupleFrom({self->type, args.get(), state.get()});
  return NewTupleFrom({self->type, args.get()});
}
const MethodDef kImportErrorMethods[] = {{"__reduce__", &ImportErrorReduce, kMethNoArgs},
                                         {nullptr}};
const GetSetDef kImportErrorGetSets[] = {
    {"msg", &GetExtraField<0>, &SetExtraField<0>, "exception message"},
    {"name", &GetExtraField<1>, &SetExtraField<1>, "module name"},
    {"path", &GetExtraField<2>, &SetExtraField<2>, "module path"},
    {nullptr}};

// --- Traceback objects ------------------------------------------------------------------------

Traceback* AsTb(Object* o) { return static_cast<Traceback*>(o); }

void TbTraverse(Object* o, VisitFn visit, void* arg) {
  Traceback* tb = AsTb(o);
  if (tb->next != nullptr) visit(tb->next, arg);
  if (tb->frame != nullptr) visit(tb->frame, arg);
}
void TbClear(Object* o) {
  Traceback* tb = AsTb(o);
  SetField(&tb->next, nullptr);
  SetField(&tb->frame, nullptr);
}
void TbDealloc(Object* o) {
  GcUntrack(o);
  TbClear(o);
  FreeObject(o);
}

Ref<> NewTraceback(Object* next, Object* frame, int32_t lasti, int32_t lineno) {
  Traceback* tb = AllocObject<Traceback>(&TracebackType, 0);
  if (tb == nullptr) return nullptr;
  tb->next = next;
  Xincref(next);
  tb->frame = frame;
  Xincref(frame);
  tb->lasti = lasti;
  tb->lineno = lineno;
  return StealRef<Object>(tb);
}

Ref<> TbNew(Type*, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"traceback", {"tb_next", "tb_frame", "tb_lasti", "tb_lineno"}, 0, 4};
  Object* a[4];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  Object* next = a[0];
  if (next == None()) {
    next = nullptr;
  } else if (next->type != &TracebackType) {
    SetErrorF(&TypeErrorType, "expected traceback object or None, got '%s'", TypeNameOf(next));
    return nullptr;
  }
  if (a[1]->type != &FrameType) {
    SetErrorF(&TypeErrorType, "TracebackType() argument 'tb_frame' must be frame, not %s",
              TypeNameOf(a[1]));
    return nullptr;
  }
  int64_t lasti, lineno;
  for (Object* v : {a[2], a[3]}) {
    if (!IsInt(v)) {
      SetErrorF(&TypeErrorType, "'%s' object cannot be interpreted as an integer", TypeNameOf(v));
      return nullptr;
    }
  }
  if (!IntAsInt64(a[2], &lasti) || !IntAsInt64(a[3], &lineno)) return nullptr;
  // tb_lasti is a byte offset at the Python level; the record keeps code-unit indices.
  return NewTraceback(next, a[1], static_cast<int32_t>(lasti / 2), static_cast<int32_t>(lineno));
}

Ref<> TbGetNext(Object* self) {
  Object* n = AsTb(self)->next;
  return NewRef(n != nullptr ? n : None());
}
int TbSetNext(Object* self, Object* value) {
  if (value == nullptr) {
    SetError(&TypeErrorType, "can't delete tb_next attribute");
    return -1;
  }
  if (value == None()) {
    SetField(&AsTb(self)->next, nullptr);
    return 0;
  }
  if (value->type != &TracebackType) {
    SetErrorF(&TypeErrorType, "expected traceback object, got '%s'", TypeNameOf(value));
    return -1;
  }
  for (Object* c = value; c != nullptr; c = AsTb(c)->next) {
    if (c == self) {
      SetError(&ValueErrorType, "traceback loop detected");
      return -1;
    }
  }
  SetField(&AsTb(self)->next, value);
  return 0;
}
Ref<> TbGetFrame(Object* self) {
  Object* f = AsTb(self)->frame;
  return NewRef(f != nullptr ? f : None());
}
Ref<> TbGetLasti(Object* self) { return NewInt(int64_t{AsTb(self)->lasti} * 2); }
Ref<> TbGetLineno(Object* self) {
  int32_t line = AsTb(self)->lineno;
  if (line < 0) return NewNone();
  return NewInt(line);
}

const GetSetDef kTracebackGetSets[] = {{"tb_next", &TbGetNext, &TbSetNext},
                                       {"tb_frame", &TbGetFrame},
                                       {"tb_lasti", &TbGetLasti},
                                       {"tb_lineno", &TbGetLineno},
                                       {nullptr}};

Ref<> TbDir(Object*, Object* const*, size_t, Tuple*) {
  Ref<List> l = NewList();
  PY_RETURN_IF_NULL(l);
  for (const char* n : {"tb_frame", "tb_lasti", "tb_lineno", "tb_next"}) {
    if (!ListAppend(l.get(), InternStr(n))) return nullptr;
  }
  return l;
}
const MethodDef kTracebackMethods[] = {{"__dir__", &TbDir, kMethNoArgs}, {nullptr}};

// --- Type set-up ------------------------------------------------------------------------------

const char* ExceptionDoc(const char* name) {
  struct Entry {
    const char* name;
    const char* doc;
  };
  static const Entry kDocs[] = {
#define EXCEPTION_DOC(name, doc) {#name, doc},
#include "python/vm/objects/exceptions_docs.h"
#undef EXCEPTION_DOC
  };
  for (const Entry& e : kDocs) {
    if (strcmp(e.name, name) == 0) return e.doc;
  }
  return nullptr;
}

void InitOne(Type* type, const char* name, Type* base, size_t basicsize) {
  InitStaticType(type, {.name = name,
                        .basicsize = basicsize,
                        .flags = kBaseType | kHaveGc | kBaseExceptionSubclass,
                        .base = base,
                        .doc = ExceptionDoc(name)});
  type->dealloc = &ExcDealloc;
  type->traverse = &ExcTraverse;
  type->clear = &ExcClear;
  // As in CPython, every class has its own __new__ and __init__ (so `ValueError.__init__` names
  // ValueError), while __repr__ and __str__ are inherited unless a family overrides them.
  type->new_ = &ExcNew;
  type->init = &BaseExceptionInit;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  type->dict_offset = static_cast<int32_t>(offsetof(BaseExceptionObject, dict));
#pragma GCC diagnostic pop
}

// Types whose instances use `layout`'s init/getsets (subclasses inherit them).
void SetLayout(Type* type, InitFn init, const GetSetDef* getsets) {
  type->init = init;
  type->getsets = getsets;
}

}  // namespace

Ref<> NewException(Type* type, Object* const* args, size_t nargs) {
  if (HasFlag(type, kHeapType) || type->new_ == nullptr) return Call(type, args, nargs);
  Ref<> exc = type->new_(type, args, nargs, nullptr);
  PY_RETURN_IF_NULL(exc);
  Type* t = exc->type;
  if (t->init != nullptr && IsSubtype(t, type)) {
    if (t->init(exc.get(), args, nargs, nullptr) < 0) return nullptr;
  }
  return exc;
}

void ExceptionAddTraceback(Object* exc, Object* frame, int32_t lasti, int32_t lineno) {
  if (exc == nullptr || !IsExceptionInstance(exc)) return;
  BaseExceptionObject* e = AsExc(exc);
  // Allocation failure here must not replace the exception being propagated.
  Ref<> saved = FetchError();
  Ref<> tb = NewTraceback(e->traceback, frame, lasti, lineno);
  if (tb) {
    SetField(&e->traceback, tb.get());
  }
  RestoreError(std::move(saved));
}

void ExceptionSetContext(Object* exc, Object* context) {
  if (context == None()) context = nullptr;
  SetField(&AsExc(exc)->context, context);
}

void ExceptionSetCause(Object* exc, Object* cause) {
  if (cause == None()) cause = nullptr;
  SetField(&AsExc(exc)->cause, cause);
  AsExc(exc)->suppress_context = true;
}

void ExceptionSetTraceback(Object* exc, Object* tb) {
  if (tb == None()) tb = nullptr;
  SetField(&AsExc(exc)->traceback, tb);
}

void InitExceptionTypes() {
  // Generic set-up in exceptions.def order (bases before subclasses).
#define EXCEPTION(name, base, layout) InitOne(&name##Type, #name, EXC_BASE_##base, sizeof(layout));
#define EXC_BASE_Object nullptr
#define EXC_BASE_BaseException &BaseExceptionType
#define EXC_BASE_BaseExceptionGroup &BaseExceptionGroupType
#define EXC_BASE_Exception &ExceptionType
#define EXC_BASE_ArithmeticError &ArithmeticErrorType
#define EXC_BASE_ImportError &ImportErrorType
#define EXC_BASE_LookupError &LookupErrorType
#define EXC_BASE_NameError &NameErrorType
#define EXC_BASE_OSError &OSErrorType
#define EXC_BASE_ConnectionError &ConnectionErrorType
#define EXC_BASE_RuntimeError &RuntimeErrorType
#define EXC_BASE_SyntaxError &SyntaxErrorType
#define EXC_BASE_IndentationError &IndentationErrorType
#define EXC_BASE_ValueError &ValueErrorType
#define EXC_BASE_UnicodeError &UnicodeErrorType
#define EXC_BASE_Warning &WarningType
#include "python/vm/exceptions.def"
#undef EXCEPTION
  BaseExceptionType.repr = &BaseExceptionRepr;
  BaseExceptionType.str = &BaseExceptionStr;
  BaseExceptionType.methods = kBaseExceptionMethods;
  BaseExceptionType.getsets = kBaseExceptionGetSets;

  SetLayout(&SystemExitType, &SystemExitInit, kSystemExitGetSets);
  SetLayout(&StopIterationType, &StopIterationInit, kStopIterationGetSets);
  KeyErrorType.str = &KeyErrorStr;
  SetLayout(&NameErrorType, &NameErrorInit, kNameErrorGetSets);
  SetLayout(&UnboundLocalErrorType, &NameErrorInit, nullptr);
  SetLayout(&AttributeErrorType, &AttributeErrorInit, kAttributeErrorGetSets);
  for (Type* t : {&ImportErrorType, &ModuleNotFoundErrorType}) t->init = &ImportErrorInit;
  ImportErrorType.str = &ImportErrorStr;
  ImportErrorType.getsets = kImportErrorGetSets;
  ImportErrorType.methods = kImportErrorMethods;

  InitOSErrorTypes();
  InitSyntaxAndUnicodeErrorTypes();
  InitExceptionGroupTypes();

  InitStaticType(&TracebackType, {.name = "traceback",
                                  .basicsize = sizeof(Traceback),
                                  .flags = kHaveGc,
                                  .methods = kTracebackMethods,
                                  .getsets = kTracebackGetSets});
  TracebackType.dealloc = &TbDealloc;
  TracebackType.traverse = &TbTraverse;
  TracebackType.clear = &TbClear;
  TracebackType.new_ = &TbNew;
}

}  // namespace pyrite::vm
