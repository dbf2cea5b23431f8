// OSError (errno/strerror/filename attributes, the errno -> subclass mapping of PEP 3151),
// SyntaxError (location attributes and its str) and the Unicode errors (5-argument constructors
// and the "'utf-8' codec can't decode byte ..." messages).
#include <cerrno>
#include <string>
#include <type_traits>

#include "absl/strings/str_format.h"
#include "python/vm/abstract.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/exceptions_internal.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

using namespace exc_internal;

namespace {

std::string Utf8Of(Object* str_obj) { return std::string(StrUtf8(static_cast<Str*>(str_obj))); }

// --- OSError ----------------------------------------------------------------------------------
// OSErrorObject fields: errno(0), strerror(1), filename(2), filename2(3), written(4).

Type* TypeForErrno(int64_t err) {
  switch (err) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
      return &BlockingIOErrorType;
    case ECHILD:
      return &ChildProcessErrorType;
    case EPIPE:
    case ESHUTDOWN:
      return &BrokenPipeErrorType;
    case ECONNABORTED:
      return &ConnectionAbortedErrorType;
    case ECONNREFUSED:
      return &ConnectionRefusedErrorType;
    case ECONNRESET:
      return &ConnectionResetErrorType;
    case EEXIST:
      return &FileExistsErrorType;
    case ENOENT:
      return &FileNotFoundErrorType;
    case EISDIR:
      return &IsADirectoryErrorType;
    case ENOTDIR:
      return &NotADirectoryErrorType;
    case EINTR:
      return &InterruptedErrorType;
    case EACCES:
    case EPERM:
      return &PermissionErrorType;
    case ESRCH:
      return &ProcessLookupErrorType;
    case ETIMEDOUT:
      return &TimeoutErrorType;
    default:
      return nullptr;
  }
}

int OSErrorInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);

// CPython parses the arguments in __new__ unless a subclass overrides __init__ (then in
// OSError.__init__, reached through super().__init__).
bool ParsesInInit(Type* type) { return type->init != &OSErrorInit; }

// Stores errno/strerror/filename/filename2 from (errno, strerror[, filename[, winerror[,
// filename2]]]) and trims args to (errno, strerror) when a filename is given.
bool OSErrorParse(Object* self, Object* const* args, size_t nargs) {
  if (!SetArgs(self, args, nargs)) return false;
  if (nargs < 2 || nargs > 5) return true;
  Object** f = ExtraFields(self);
  Object* filename = nargs >= 3 ? args[2] : nullptr;
  Object* filename2 = nargs >= 5 ? args[4] : nullptr;
  if (filename != nullptr && filename != None() && self->type == &BlockingIOErrorType &&
      (IsInt(filename) || filename->type->nb_index != nullptr)) {
    // BlockingIOError's third argument can be the number of characters written.
    Ref<> written = Index(filename);
    if (!written) return false;
    SetField(&f[4], written.get());
  } else if (filename != nullptr && filename != None()) {
    SetField(&f[2], filename);
    if (filename2 != nullptr && filename2 != None()) SetField(&f[3], filename2);
    if (!SetArgs(self, args, 2)) return false;
  }
  SetField(&f[0], args[0]);
  SetField(&f[1], args[1]);
  return true;
}

Ref<> OSErrorNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  Type* actual = type;
  if (type == &OSErrorType && nargs >= 2 && nargs <= 5 && IsInt(args[0])) {
    if (auto err = IntSmall(args[0])) {
      if (Type* mapped = TypeForErrno(*err)) actual = mapped;
    }
  }
  if (!ParsesInInit(actual) && kwnames != nullptr && kwnames->size > 0) {
    SetErrorF(&TypeErrorType, "%s() takes no keyword arguments", type->name);
    return nullptr;
  }
  Ref<> self = ExcNew(actual, args, nargs, nullptr);
  PY_RETURN_IF_NULL(self);
  if (!ParsesInInit(actual) && !OSErrorParse(self.get(), args, nargs)) return nullptr;
  return self;
}

int OSErrorInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!ParsesInInit(self->type)) return 0;
  if (!NoKwargs(self, kwnames)) return -1;
  return OSErrorParse(self, args, nargs) ? 0 : -1;
}

Ref<> OSErrorStr(Object* self) {
  Object** f = ExtraFields(self);
  auto str_of = [](Object* o) { return ToStr(o != nullptr ? o : None()); };
  if (f[2] != nullptr) {
    Ref<> no = str_of(f[0]);
    PY_RETURN_IF_NULL(no);
    Ref<> msg = str_of(f[1]);
    PY_RETURN_IF_NULL(msg);
    Ref<> name = Repr(f[2]);
    PY_RETURN_IF_NULL(name);
    std::string s = absl::StrFormat("[Errno %s] %s: %s", Utf8Of(no.get()), Utf8Of(msg.get()),
                                    Utf8Of(name.get()));
    if (f[3] != nullptr) {
      Ref<> name2 = Repr(f[3]);
      PY_RETURN_IF_NULL(name2);
      s += " -> " + Utf8Of(name2.get());
    }
    return NewStr(s);
  }
  if (f[0] != nullptr && f[1] != nullptr) {
    Ref<> no = ToStr(f[0]);
    PY_RETURN_IF_NULL(no);
    Ref<> msg = ToStr(f[1]);
    PY_RETURN_IF_NULL(msg);
    return NewStr(absl::StrFormat("[Errno %s] %s", Utf8Of(no.get()), Utf8Of(msg.get())));
  }
  return BaseExceptionStr(self);
}

Ref<> OSErrorReduce(Object* self, Object* const*, size_t, Tuple*) {
  BaseExceptionObject* e = static_cast<BaseExceptionObject*>(self);
  Object** f = ExtraFields(self);
  Ref<> args = NewRef(e->args);
  Tuple* t = static_cast<Tuple*>(e->args);
  if (t->size == 2 && f[2] != nullptr) {
    if (f[3] != nullptr) {
      args = NewTupleFrom({t->items[0], t->items[1], f[2], None(), f[3]});
    } else {
      args = NewTupleFrom({t->items[0], t->items[1], f[2]});
    }
    PY_RETURN_IF_NULL(args);
  }
  if (e->dict != nullptr) return NewTupleFrom({self->type, args.get(), e->dict});
  return NewTupleFrom({self->type, args.get()});
}

Ref<> GetCharactersWritten(Object* self) {
  Object* w = ExtraFields(self)[4];
  if (w == nullptr) {
    SetError(&AttributeErrorType, "characters_written");
    return nullptr;
  }
  return NewRef(w);
}
int SetCharactersWritten(Object* self, Object* value) {
  Object** f = ExtraFields(self);
  if (value == nullptr) {
    if (f[4] == nullptr) {
      SetError(&AttributeErrorType, "characters_written");
      return -1;
    }
    SetField(&f[4], nullptr);
    return 0;
  }
  Ref<> n = Index(value);
  if (!n) return -1;
  SetField(&f[4], n.get());
  return 0;
}

const MethodDef kOSErrorMethods[] = {{"__reduce__", &OSErrorReduce, kMethNoArgs}, {nullptr}};
const GetSetDef kOSErrorGetSets[] = {
    {"errno", &GetExtraField<0>, &SetExtraField<0>, "POSIX exception code"},
    {"strerror", &GetExtraField<1>, &SetExtraField<1>, "exception strerror"},
    {"filename", &GetExtraField<2>, &SetExtraField<2>, "exception filename"},
    {"filename2", &GetExtraField<3>, &SetExtraField<3>, "second exception filename"},
    {"characters_written", &GetCharactersWritten, &SetCharactersWritten},
    {nullptr}};

// --- SyntaxError ------------------------------------------------------------------------------
// Fields: msg(0), filename(1), lineno(2), offset(3), text(4), end_lineno(5), end_offset(6),
// print_file_and_line(7).

int SyntaxErrorInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (BaseExceptionInit(self, args, nargs, kwnames) < 0) return -1;
  Object** f = ExtraFields(self);
  if (nargs >= 1) SetField(&f[0], args[0]);
  if (nargs == 2) {
    Ref<> info = SequenceTuple(args[1]);
    if (!info) return -1;
    Tuple* t = static_cast<Tuple*>(info.get());
    if (t->size < 4) {
      SetErrorF(&TypeErrorType, "function takes at least 4 arguments (%lld given)",
                static_cast<long long>(t->size));
      return -1;
    }
    if (t->size > 6) {
      SetErrorF(&TypeErrorType, "function takes at most 6 arguments (%lld given)",
                static_cast<long long>(t->size));
      return -1;
    }
    for (int i = 0; i < 6; ++i) SetField(&f[1 + i], i < t->size ? t->items[i] : nullptr);
    if (f[5] != nullptr && f[6] == nullptr) {
      SetError(&TypeErrorType, "end_offset must be provided when end_lineno is provided");
      return -1;
    }
  }
  return 0;
}

Ref<> SyntaxErrorStr(Object* self) {
  Object** f = ExtraFields(self);
  Object* msg = f[0] != nullptr ? f[0] : None();
  std::string filename;
  bool have_filename = false;
  if (f[1] != nullptr && IsStr(f[1])) {
    filename = Utf8Of(f[1]);
    size_t slash = filename.rfind('/');
    if (slash != std::string::npos) filename = filename.substr(slash + 1);
    have_filename = true;
  }
  bool have_lineno = f[2] != nullptr && IsExactInt(f[2]);
  Ref<> msg_str = ToStr(msg);
  PY_RETURN_IF_NULL(msg_str);
  if (!have_filename && !have_lineno) return msg_str;
  std::string m = Utf8Of(msg_str.get());
  std::string line;
  if (have_lineno) {
    Ref<> r = Repr(f[2]);
    PY_RETURN_IF_NULL(r);
    line = Utf8Of(r.get());
  }
  if (have_filename && have_lineno) {
    return NewStr(absl::StrFormat("%s (%s, line %s)", m, filename, line));
  }
  if (have_filename) return NewStr(absl::StrFormat("%s (%s)", m, filename));
  return NewStr(absl::StrFormat("%s (line %s)", m, line));
}

const GetSetDef kSyntaxErrorGetSets[] = {
    {"msg", &GetExtraField<0>, &SetExtraField<0>, "exception msg"},
    {"filename", &GetExtraField<1>, &SetExtraField<1>, "exception filename"},
    {"lineno", &GetExtraField<2>, &SetExtraField<2>, "exception lineno"},
    {"offset", &GetExtraField<3>, &SetExtraField<3>, "exception offset"},
    {"text", &GetExtraField<4>, &SetExtraField<4>, "exception text"},
    {"end_lineno", &GetExtraField<5>, &SetExtraField<5>, "exception end lineno"},
    {"end_offset", &GetExtraField<6>, &SetExtraField<6>, "exception end offset"},
    {"print_file_and_line", &GetExtraField<7>, &SetExtraField<7>, "exception print_file_and_line"},
    {nullptr}};

// --- Unicode errors ---------------------------------------------------------------------------
// Fields: encoding(0), object(1), start(2), end(3), reason(4).

bool CheckArgCount(size_t nargs, size_t want) {
  if (nargs != want) {
    SetErrorF(&TypeErrorType, "function takes exactly %zu arguments (%zu given)", want, nargs);
    return false;
  }
  return true;
}
bool CheckStrArg(Object* o, int position) {
  if (!IsStr(o)) {
    SetErrorF(&TypeErrorType, "argument %d must be str, not %s", position, TypeNameOf(o));
    return false;
  }
  return true;
}
bool CheckIndexArg(Object* o) {
  Ref<> i = Index(o);
  return static_cast<bool>(i);
}

int UnicodeEncodeErrorInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (BaseExceptionInit(self, args, nargs, kwnames) < 0) return -1;
  if (!CheckArgCount(nargs, 5) || !CheckStrArg(args[0], 1) || !CheckStrArg(args[1], 2) ||
      !CheckIndexArg(args[2]) || !CheckIndexArg(args[3]) || !CheckStrArg(args[4], 5)) {
    return -1;
  }
  for (int i = 0; i < 5; ++i) SetField(&ExtraFields(self)[i], args[i]);
  return 0;
}

int UnicodeDecodeErrorInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (BaseExceptionInit(self, args, nargs, kwnames) < 0) return -1;
  if (!CheckArgCount(nargs, 5) || !CheckStrArg(args[0], 1)) return -1;
  Ref<> object;
  if (IsBytes(args[1])) {
    object = NewRef(args[1]);
  } else if (IsByteArray(args[1])) {
    object = NewBytes(static_cast<ByteArray*>(args[1])->buffer);
    if (!object) return -1;
  } else {
    SetErrorF(&TypeErrorType, "a bytes-like object is required, not '%s'", TypeNameOf(args[1]));
    return -1;
  }
  if (!CheckIndexArg(args[2]) || !CheckIndexArg(args[3]) || !CheckStrArg(args[4], 5)) return -1;
  Object** f = ExtraFields(self);
  SetField(&f[0], args[0]);
  SetField(&f[1], object.get());
  for (int i = 2; i < 5; ++i) SetField(&f[i], args[i]);
  return 0;
}

int UnicodeTranslateErrorInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (BaseExceptionInit(self, args, nargs, kwnames) < 0) return -1;
  if (!CheckArgCount(nargs, 4) || !CheckStrArg(args[0], 1) || !CheckIndexArg(args[1]) ||
      !CheckIndexArg(args[2]) || !CheckStrArg(args[3], 4)) {
    return -1;
  }
  Object** f = ExtraFields(self);
  SetField(&f[0], nullptr);
  for (int i = 0; i < 4; ++i) SetField(&f[1 + i], args[i]);
  return 0;
}

// start/end as integers (0 when unset or not an int).
int64_t IntField(Object* o) {
  if (o == nullptr || !IsInt(o)) return 0;
  return IntSmall(o).value_or(0);
}

// Fetches str(reason) and str(encoding) for the messages.
bool ReasonAndEncoding(Object* self, std::string* reason, std::string* encoding) {
  Object** f = ExtraFields(self);
  Ref<> r = ToStr(f[4] != nullptr ? f[4] : None());
  if (!r) return false;
  *reason = Utf8Of(r.get());
  if (encoding != nullptr) {
    Ref<> e = ToStr(f[0] != nullptr ? f[0] : None());
    if (!e) return false;
    *encoding = Utf8Of(e.get());
  }
  return true;
}

std::string BadCharEscape(char32_t c) {
  if (c <= 0xff) return absl::StrFormat("\\x%02x", static_cast<unsigned>(c));
  if (c <= 0xffff) return absl::StrFormat("\\u%04x", static_cast<unsigned>(c));
  return absl::StrFormat("\\U%08x", static_cast<unsigned>(c));
}

Ref<> UnicodeEncodeErrorStr(Object* self) {
  Object** f = ExtraFields(self);
  if (f[1] == nullptr) return NewStr("");
  std::string reason, encoding;
  if (!ReasonAndEncoding(self, &reason, &encoding)) return nullptr;
  int64_t start = IntField(f[2]), end = IntField(f[3]);
  if (IsStr(f[1]) && start >= 0 && start < static_cast<Str*>(f[1])->length && end == start + 1) {
    char32_t c = StrAt(static_cast<Str*>(f[1]), start);
    return NewStr(absl::StrFormat("'%s' codec can't encode character '%s' in position %d: %s",
                                  encoding, BadCharEscape(c), start, reason));
  }
  return NewStr(absl::StrFormat("'%s' codec can't encode characters in position %d-%d: %s",
                                encoding, start, end - 1, reason));
}

Ref<> UnicodeDecodeErrorStr(Object* self) {
  Object** f = ExtraFields(self);
  if (f[1] == nullptr) return NewStr("");
  std::string reason, encoding;
  if (!ReasonAndEncoding(self, &reason, &encoding)) return nullptr;
  int64_t start = IntField(f[2]), end = IntField(f[3]);
  if (IsBytes(f[1]) && start >= 0 && start < static_cast<Bytes*>(f[1])->size && end == start + 1) {
    unsigned byte = static_cast<unsigned char>(static_cast<Bytes*>(f[1])->data()[start]);
    return NewStr(absl::StrFormat("'%s' codec can't decode byte 0x%02x in position %d: %s",
                                  encoding, byte, start, reason));
  }
  return NewStr(absl::StrFormat("'%s' codec can't decode bytes in position %d-%d: %s", encoding,
                                start, end - 1, reason));
}

Ref<> UnicodeTranslateErrorStr(Object* self) {
  Object** f = ExtraFields(self);
  if (f[1] == nullptr) return NewStr("");
  std::string reason;
  if (!ReasonAndEncoding(self, &reason, nullptr)) return nullptr;
  int64_t start = IntField(f[2]), end = IntField(f[3]);
  if (IsStr(f[1]) && start >= 0 && start < static_cast<Str*>(f[1])->length && end == start + 1) {
    char32_t c = StrAt(static_cast<Str*>(f[1]), start);
    return NewStr(absl::StrFormat("can't translate character '%s' in position %d: %s",
                                  BadCharEscape(c), start, reason));
  }
  return NewStr(
      absl::StrFormat("can't translate characters in position %d-%d: %s", start, end - 1, reason));
}

const GetSetDef kUnicodeErrorGetSets[] = {
    {"encoding", &GetExtraField<0>, &SetExtraField<0>, "exception encoding"},
    {"object", &GetExtraField<1>, &SetExtraField<1>, "exception object"},
    {"start", &GetExtraField<2>, &SetExtraField<2>, "exception start"},
    {"end", &GetExtraField<3>, &SetExtraField<3>, "exception end"},
    {"reason", &GetExtraField<4>, &SetExtraField<4>, "exception reason"},
    {nullptr}};

}  // namespace

namespace exc_internal {

void InitOSErrorTypes() {
  // The subclasses share OSError's __new__ and __str__ (inherited) and have their own
  // __init__ slot, as in CPython.
#define EXCEPTION(name, base, layout)                    \
  if constexpr (std::is_same_v<layout, OSErrorObject>) { \
    name##Type.new_ = nullptr;                           \
    name##Type.init = &OSErrorInit;                      \
  }
#include "python/vm/exceptions.def"
#undef EXCEPTION
  OSErrorType.new_ = &OSErrorNew;
  OSErrorType.str = &OSErrorStr;
  OSErrorType.getsets = kOSErrorGetSets;
  OSErrorType.methods = kOSErrorMethods;
}

void InitSyntaxAndUnicodeErrorTypes() {
  for (Type* t : {&SyntaxErrorType, &IndentationErrorType, &TabErrorType}) {
    t->init = &SyntaxErrorInit;
  }
  SyntaxErrorType.str = &SyntaxErrorStr;
  SyntaxErrorType.getsets = kSyntaxErrorGetSets;
  UnicodeEncodeErrorType.init = &UnicodeEncodeErrorInit;
  UnicodeEncodeErrorType.str = &UnicodeEncodeErrorStr;
  UnicodeEncodeErrorType.getsets = kUnicodeErrorGetSets;
  UnicodeDecodeErrorType.init = &UnicodeDecodeErrorInit;
  UnicodeDecodeErrorType.str = &UnicodeDecodeErrorStr;
  UnicodeDecodeErrorType.getsets = kUnicodeErrorGetSets;
  UnicodeTranslateErrorType.init = &UnicodeTranslateErrorInit;
  UnicodeTranslateErrorType.str = &UnicodeTranslateErrorStr;
  UnicodeTranslateErrorType.getsets = kUnicodeErrorGetSets;
}

}  // namespace exc_internal

}  // namespace pyrite::vm
