// The str type: its slots (repr, hash, comparison, len, indexing and slicing, `in`, `+`, `*`,
// `%`, iteration), the constructor str(object) / str(bytes, encoding, errors), the str iterator,
// the dunder methods without slots (__format__, __getnewargs__, __sizeof__) and the method table
// whose functions live in the str_*.cc files.
#include <cstring>
#include <string_view>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/formatter.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/one_ref_slots.h"
#include "python/vm/objects/range.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/str_impl.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

Type StrType;
Type StrIterType;
// iter() of a non-ASCII str is a `str_iterator` (CPython keeps two types; only the name differs).
static Type StrUnicodeIterType;

namespace {

Str* AsStr(Object* o) { return static_cast<Str*>(o); }

// --- Slots -----------------------------------------------------------------------------------

Ref<> StrReprSlot(Object* self) { return StrRepr(AsStr(self)); }

Ref<> StrStrSlot(Object* self) { return StrCopyAs(&StrType, AsStr(self)); }

int64_t StrHashSlot(Object* self) { return StrHash(AsStr(self)); }

Ref<> StrRichCompare(Object* a, Object* b, CompareOp op) {
  if (!IsStr(a) || !IsStr(b)) return NewNotImplemented();
  Str* x = AsStr(a);
  Str* y = AsStr(b);
  // Equality needs no ordering (and StrEqual checks lengths and hashes first).
  if (op == CompareOp::kEq) return NewBool(StrEqual(x, y));
  if (op == CompareOp::kNe) return NewBool(!StrEqual(x, y));
  return NewBool(CompareOrder(StrCompare(x, y), op));
}

int64_t StrLength(Object* self) { return AsStr(self)->length; }

Ref<> StrItem(Object* self, int64_t i) {
  Str* s = AsStr(self);
  if (i < 0) i += s->length;
  if (i < 0 || i >= s->length) {
    SetError(&IndexErrorType, "string index out of range");
    return nullptr;
  }
  return StrFromCodePoint(StrAt(s, i));
}

Ref<> StrSubscript(Object* self, Object* key) {
  Str* s = AsStr(self);
  if (IsInt(key) || key->type->nb_index != nullptr) {
    int64_t i;
    if (!AsSsize(key, &IndexErrorType, &i)) return nullptr;
    return StrItem(self, i);
  }
  if (TypeCheck(key, &SliceType)) {
    int64_t start, stop, step;
    if (!SliceUnpack(static_cast<Slice*>(key), &start, &stop, &step)) return nullptr;
    const int64_t n = SliceAdjustIndices(s->length, &start, &stop, step);
    if (step == 1) return StrSubstring(s, start, start + n);
    std::u32string out;
    out.reserve(static_cast<size_t>(n));
    for (int64_t i = 0, j = start; i < n; ++i, j += step) out.push_back(StrAt(s, j));
    return NewStrFromU32(out);
  }
  SetErrorF(&TypeErrorType, "string indices must be integers, not '%s'", TypeNameOf(key));
  return nullptr;
}

int StrContains(Object* self, Object* item) {
  if (!IsStr(item)) {
    SetErrorF(&TypeErrorType, "'in <string>' requires string as left operand, not %s",
              TypeNameOf(item));
    return -1;
  }
  Str* s = AsStr(self);
  return StrFind(s, AsStr(item), 0, s->length) >= 0 ? 1 : 0;
}

Ref<> StrConcatSlot(Object* a, Object* b) {
  if (!IsStr(a)) return NewNotImplemented();
  if (!IsStr(b)) {
    SetErrorF(&TypeErrorType, "can only concatenate str (not \"%s\") to str", TypeNameOf(b));
    return nullptr;
  }
  return StrConcat(AsStr(a), AsStr(b));
}

Ref<> StrRepeat(Object* self, int64_t n) {
  Str* s = AsStr(self);
  if (n <= 0 || s->length == 0) return EmptyStr();
  if (n == 1) return StrCopyAs(&StrType, s);
  if (s->length > ((int64_t{1} << 58) / s->kind) / n) {
    SetError(&OverflowErrorType, "repeated string is too long");
    return nullptr;
  }
  std::u32string unit = StrToU32(s);
  std::u32string out;
  out.reserve(unit.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) out.append(unit);
  return NewStrFromU32(out);
}

Ref<> StrRemainder(Object* a, Object* b) {
  if (!IsStr(a)) return NewNotImplemented();
  return StrPercentFormat(AsStr(a), b);
}

// str(object='') / str(object=b'', encoding='utf-8', errors='strict').
Ref<> StrNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"str", {"object", "encoding", "errors"}, 0, 0};
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  Ref<> result;
  if (a[1] == nullptr && a[2] == nullptr) {
    if (a[0] == nullptr) {
      result = EmptyStr();
    } else {
      result = ToStr(a[0]);
    }
  } else {
    std::string_view encoding = "utf-8", errors = "strict";
    for (int i = 1; i < 3; ++i) {
      if (a[i] == nullptr) continue;
      if (!IsStr(a[i])) {
        SetErrorF(&TypeErrorType, "str() argument '%s' must be str, not %s",
                  i == 1 ? "encoding" : "errors", TypeNameOf(a[i]));
        return nullptr;
      }
      (i == 1 ? encoding : errors) = StrUtf8(AsStr(a[i]));
    }
    Object* obj = a[0];
    if (obj == nullptr) {
      result = EmptyStr();
    } else if (IsBytes(obj)) {
      result = StrDecode(static_cast<Bytes*>(obj)->view(), encoding, errors);
    } else if (IsByteArray(obj)) {
      std::string copy = static_cast<ByteArray*>(obj)->buffer;
      result = StrDecode(copy, encoding, errors);
    } else if (IsStr(obj)) {
      SetError(&TypeErrorType, "decoding str is not supported");
      return nullptr;
    } else {
      SetErrorF(&TypeErrorType, "decoding to str: need a bytes-like object, %s found",
                TypeNameOf(obj));
      return nullptr;
    }
  }
  if (!result) return nullptr;
  if (type == &StrType) return result;
  return StrCopyAs(type, AsStr(result.get()));
}

// --- Methods without slots -------------------------------------------------------------------

Ref<> StrFormatDunder(Object* self, Object* const* args, size_t, Tuple*) {
  if (!IsStr(args[0])) {
    SetErrorF(&TypeErrorType, "__format__() argument must be str, not %s", TypeNameOf(args[0]));
    return nullptr;
  }
  return FormatStr(AsStr(self), AsStr(args[0]));
}

Ref<> StrGetNewArgs(Object* self, Object* const*, size_t, Tuple*) {
  Ref<Str> copy = StrCopyAs(&StrType, AsStr(self));
  PY_RETURN_IF_NULL(copy);
  return NewTupleFrom({copy.get()});
}

// CPython's sizes: a compact ASCII object is 48 bytes, other compact objects 72, plus the data.
Ref<> StrSizeOf(Object* self, Object* const*, size_t, Tuple*) {
  Str* s = AsStr(self);
  const int64_t size = s->ascii ? 48 + s->length + 1 : 72 + (s->length + 1) * s->kind;
  return NewInt(size);
}

// --- The iterator ----------------------------------------------------------------------------

struct StrIter : Object {
  Object* str;  // owned; null when exhausted
  int64_t index;
};

Ref<> StrIterSelf(Object* o) { return NewRef(o); }

Ref<> StrIterNext(Object* o) {
  auto* it = static_cast<StrIter*>(o);
  if (it->str == nullptr) return nullptr;
  Str* s = AsStr(it->str);
  if (it->index < s->length) return StrFromCodePoint(StrAt(s, it->index++));
  it->str = nullptr;
  Decref(s);
  return nullptr;
}

Ref<> StrIterLengthHint(Object* o, Object* const*, size_t, Tuple*) {
  auto* it = static_cast<StrIter*>(o);
  int64_t n = it->str == nullptr ? 0 : AsStr(it->str)->length - it->index;
  return NewInt(n);
}

Ref<> StrIterNew(Object* self) {
  Type* type = AsStr(self)->ascii ? &StrIterType : &StrUnicodeIterType;
  if (!HasFlag(type, kReady) && !ReadyType(type)) return nullptr;
  StrIter* it = AllocObject<StrIter>(type, 0);
  if (it == nullptr) return nullptr;
  it->str = NewRef(self).release();
  it->index = 0;
  return StealRef<Object>(it);
}

const MethodDef kStrIterMethods[] = {
    {"__length_hint__", &StrIterLengthHint, kMethNoArgs},
    {nullptr, nullptr, 0},
};

const MethodDef kStrMethods[] = {
    {"encode", &StrEncodeMethod, kMethKeywords},
    {"replace", &StrReplaceMethod, kMethFastcall},
    {"split", &StrSplitMethod, kMethKeywords},
    {"rsplit", &StrRSplitMethod, kMethKeywords},
    {"join", &StrJoinMethod, kMethO},
    {"capitalize", &StrCapitalizeMethod, kMethNoArgs},
    {"casefold", &StrCaseFoldMethod, kMethNoArgs},
    {"title", &StrTitleMethod, kMethNoArgs},
    {"center", &StrCenterMethod, kMethFastcall},
    {"count", &StrCountMethod, kMethFastcall},
    {"expandtabs", &StrExpandTabsMethod, kMethKeywords},
    {"find", &StrFindMethod, kMethFastcall},
    {"partition", &StrPartitionMethod, kMethO},
    {"index", &StrIndexMethod, kMethFastcall},
    {"ljust", &StrLJustMethod, kMethFastcall},
    {"lower", &StrLowerMethod, kMethNoArgs},
    {"lstrip", &StrLStripMethod, kMethFastcall},
    {"rfind", &StrRFindMethod, kMethFastcall},
    {"rindex", &StrRIndexMethod, kMethFastcall},
    {"rjust", &StrRJustMethod, kMethFastcall},
    {"rstrip", &StrRStripMethod, kMethFastcall},
    {"rpartition", &StrRPartitionMethod, kMethO},
    {"splitlines", &StrSplitLinesMethod, kMethKeywords},
    {"strip", &StrStripMethod, kMethFastcall},
    {"swapcase", &StrSwapCaseMethod, kMethNoArgs},
    {"translate", &StrTranslateMethod, kMethO},
    {"upper", &StrUpperMethod, kMethNoArgs},
    {"startswith", &StrStartsWithMethod, kMethFastcall},
    {"endswith", &StrEndsWithMethod, kMethFastcall},
    {"removeprefix", &StrRemovePrefixMethod, kMethO},
    {"removesuffix", &StrRemoveSuffixMethod, kMethO},
    {"isascii", &StrIsAsciiMethod, kMethNoArgs},
    {"islower", &StrIsLowerMethod, kMethNoArgs},
    {"isupper", &StrIsUpperMethod, kMethNoArgs},
    {"istitle", &StrIsTitleMethod, kMethNoArgs},
    {"isspace", &StrIsSpaceMethod, kMethNoArgs},
    {"isdecimal", &StrIsDecimalMethod, kMethNoArgs},
    {"isdigit", &StrIsDigitMethod, kMethNoArgs},
    {"isnumeric", &StrIsNumericMethod, kMethNoArgs},
    {"isalpha", &StrIsAlphaMethod, kMethNoArgs},
    {"isalnum", &StrIsAlnumMethod, kMethNoArgs},
    {"isidentifier", &StrIsIdentifierMethod, kMethNoArgs},
    {"isprintable", &StrIsPrintableMethod, kMethNoArgs},
    {"zfill", &StrZFillMethod, kMethO},
    {"format", &StrFormatMethodFn, kMethKeywords},
    {"format_map", &StrFormatMapMethod, kMethO},
    {"__format__", &StrFormatDunder, kMethO},
    {"maketrans", &StrMakeTransMethod, kMethFastcall | kMethStatic},
    {"__sizeof__", &StrSizeOf, kMethNoArgs},
    {"__getnewargs__", &StrGetNewArgs, kMethNoArgs},
    {nullptr, nullptr, 0},
};

}  // namespace

bool StrSliceIndex(Object* o, int64_t* out) {
  if (o == nullptr || o == None()) return true;
  if (!IsInt(o) && o->type->nb_index == nullptr) {
    SetError(&TypeErrorType,
             "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  return AsSsize(o, nullptr, out);
}

void StrAdjustRange(int64_t len, int64_t* start, int64_t* end) {
  if (*end > len) {
    *end = len;
  } else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
}

void InitStrType() {
  InitStaticType(&StrType,
                 {.name = "str",
                  .basicsize = sizeof(Str),
                  .flags = kBaseType | kStrSubclass,
                  .methods = kStrMethods,
                  .doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> "
                         "str\n\nCreate a new string object from the given object. If encoding "
                         "or\nerrors is specified, then the object must expose a data buffer\n"
                         "that will be decoded using the given encoding and error handler.\n"
                         "Otherwise, returns the result of object.__str__() (if defined)\n"
                         "or repr(object).\nencoding defaults to sys.getdefaultencoding().\n"
                         "errors defaults to 'strict'."});
  StrType.varsize = &StrVarSize;
  StrType.dealloc = &StrDealloc;
  StrType.new_ = &StrNew;
  StrType.repr = &StrReprSlot;
  StrType.str = &StrStrSlot;
  StrType.hash = &StrHashSlot;
  StrType.richcompare = &StrRichCompare;
  StrType.iter = &StrIterNew;
  StrType.nb_remainder = &StrRemainder;
  StrType.length = &StrLength;
  StrType.subscript = &StrSubscript;
  StrType.contains = &StrContains;
  StrType.sq_concat = &StrConcatSlot;
  StrType.sq_repeat = &StrRepeat;
  StrType.sq_item = &StrItem;

  for (Type* t : {&StrIterType, &StrUnicodeIterType}) {
    InitStaticType(t, {.name = t == &StrIterType ? "str_ascii_iterator" : "str_iterator",
                       .basicsize = sizeof(StrIter),
                       .flags = kHaveGc,
                       .methods = kStrIterMethods});
    SetOneRefGcSlots<StrIter, &StrIter::str>(t);
    t->iter = &StrIterSelf;
    t->iternext = &StrIterNext;
  }
}

}  // namespace pyrite::vm
