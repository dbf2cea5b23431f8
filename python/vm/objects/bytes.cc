// bytes: immutable byte strings stored inline after the header (NUL-terminated), with the hash
// cached. Also the slots bytes and bytearray share (comparison, indexing, slicing, `in`,
// concatenation, repetition, iteration) and their construction from objects. The shared methods
// are in bytes_methods.cc, bytearray in bytearray.cc.
#include "python/parser/constant_repr.h"
#include "python/vm/objects/bytes.h"

#include <cstring>
#include <string>
#include <utility>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/bytes_internal.h"
#include "python/vm/objects/containers_internal.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/one_ref_slots.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

Type BytesType;
Type BytesIterType;
Type ByteArrayIterType;

namespace {

Bytes* AllocBytes(Type* type, std::string_view data) {
  Bytes* b = AllocObject<Bytes>(type, data.size() + 1);
  if (b == nullptr) return nullptr;
  b->size = static_cast<int64_t>(data.size());
  b->hash = -1;
  if (!data.empty()) std::memcpy(b->data(), data.data(), data.size());
  b->data()[data.size()] = '\0';
  return b;
}

size_t BytesVarSize(Object* o) {
  return sizeof(Bytes) + static_cast<size_t>(static_cast<Bytes*>(o)->size) + 1;
}

}  // namespace

Ref<Bytes> NewBytes(std::string_view data) { return StealRef(AllocBytes(&BytesType, data)); }

Ref<> NewBytesLike(Object* self, std::string_view data) {
  if (IsByteArray(self)) return NewByteArray(data);
  return NewBytes(data);
}

bool RequireBytesLike(Object* o, std::string_view* out) {
  if (IsBytesLike(o)) {
    *out = BytesLikeView(o);
    return true;
  }
  SetErrorF(&TypeErrorType, "a bytes-like object is required, not '%s'", TypeNameOf(o));
  return false;
}

bool ByteFromObject(Object* o, unsigned char* out) {
  Ref<> i = Index(o);
  if (!i) return false;
  auto v = IntSmall(i.get());
  if (!v || *v < 0 || *v > 255) {
    SetError(&ValueErrorType, "byte must be in range(0, 256)");
    return false;
  }
  *out = static_cast<unsigned char>(*v);
  return true;
}

std::string BytesReprText(std::string_view data, bool escape_single_quote) {
  std::string out;
  parser::AppendBytesRepr(data, out, escape_single_quote);
  return out;
}

// --- Construction ---------------------------------------------------------------------------

int BytesFromDunderBytes(Object* x, std::string* out) {
  Ref<> m = LookupSpecial(x, InternStr("__bytes__"));
  if (!m) return ErrorOccurred() ? -1 : 0;
  Ref<> r = CallNoArgs(m.get());
  if (!r) return -1;
  if (!IsBytes(r.get())) {
    SetErrorF(&TypeErrorType, "__bytes__ returned non-bytes (type %s)", TypeNameOf(r.get()));
    return -1;
  }
  *out = std::string(BytesLikeView(r.get()));
  return 1;
}

bool BytesDataFromObject(Object* x, Object* encoding, Object* errors, const char* type_name,
                         bool check_bytes_method, std::string* out) {
  out->clear();
  if (x == nullptr) {
    if (encoding != nullptr) {
      SetError(&TypeErrorType, "encoding without a string argument");
      return false;
    }
    if (errors != nullptr) {
      SetError(&TypeErrorType, "errors without a string argument");
      return false;
    }
    return true;
  }
  if (encoding != nullptr || errors != nullptr) {
    if (!IsStr(x)) {
      SetError(&TypeErrorType, encoding != nullptr ? "encoding without a string argument"
                                                   : "errors without a string argument");
      return false;
    }
    if (encoding == nullptr) {
      SetError(&TypeErrorType, "string argument without an encoding");
      return false;
    }
    for (Object* a : {encoding, errors}) {
      if (a != nullptr && !IsStr(a)) {
        SetErrorF(&TypeErrorType, "%s() argument '%s' must be str, not %s", type_name,
                  a == encoding ? "encoding" : "errors", TypeNameOf(a));
        return false;
      }
    }
    Ref<> enc = StrEncode(static_cast<Str*>(x), StrUtf8(static_cast<Str*>(encoding)),
                          errors ? StrUtf8(static_cast<Str*>(errors)) : "strict");
    if (!enc) return false;
    if (!IsBytesLike(enc.get())) {
      SetErrorF(&TypeErrorType, "encoder did not return a bytes object (type=%s)",
                TypeNameOf(enc.get()));
      return false;
    }
    *out = std::string(BytesLikeView(enc.get()));
    return true;
  }
  if (check_bytes_method && !IsStr(x)) {
    int found = BytesFromDunderBytes(x, out);
    if (found != 0) return found > 0;
  }
  if (IsStr(x)) {
    SetError(&TypeErrorType, "string argument without an encoding");
    return false;
  }
  if (HasIndex(x)) {
    int64_t n;
    if (!AsSsize(x, &OverflowErrorType, &n)) return false;
    if (n < 0) {
      SetError(&ValueErrorType, "negative count");
      return false;
    }
    out->assign(static_cast<size_t>(n), '\0');
    return true;
  }
  if (IsBytesLike(x)) {
    *out = std::string(BytesLikeView(x));
    return true;
  }
  if (x->type->iter == nullptr && x->type->sq_item == nullptr) {
    SetErrorF(&TypeErrorType, "cannot convert '%s' object to %s", TypeNameOf(x), type_name);
    return false;
  }
  Ref<> it = GetIter(x);
  if (!it) return false;
  while (true) {
    Ref<> item = IterNext(it.get());
    if (!item) {
      if (ErrorOccurred()) return false;
      break;
    }
    Ref<> i = Index(item.get());
    if (!i) return false;
    auto v = IntSmall(i.get());
    if (!v || *v < 0 || *v > 255) {
      SetErrorF(&ValueErrorType, "%s must be in range(0, 256)",
                std::string_view(type_name) == "bytes" ? "bytes" : "byte");
      return false;
    }
    out->push_back(static_cast<char>(*v));
  }
  return true;
}

namespace {

// bytes(source=b'', encoding='utf-8', errors='strict')
Ref<> BytesNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"bytes", {"source", "encoding", "errors"}, 0, 0};
  Object* a[3];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  if (a[0] != nullptr && a[1] == nullptr && a[2] == nullptr && a[0]->type == &BytesType &&
      type == &BytesType) {
    return NewRef(a[0]);
  }
  std::string data;
  if (!BytesDataFromObject(a[0], a[1], a[2], "bytes", true, &data)) return nullptr;
  return StealRef<Object>(AllocBytes(type, data));
}

Ref<> BytesRepr(Object* self) { return NewStr(BytesReprText(BytesLikeView(self))); }

int64_t BytesHash(Object* self) {
  auto* b = static_cast<Bytes*>(self);
  if (b->hash != -1) return b->hash;
  // The same value as the str of the same Latin-1 characters, as CPython's hash(b'ab') ==
  // hash('ab').
  Ref<Str> s = NewStrFromLatin1(b->view());
  if (!s) return -1;
  b->hash = StrHash(s.get());
  return b->hash;
}

Ref<> BytesGetNewArgs(Object* self, Object* const*, size_t, Tuple*) {
  Ref<> b = NewBytes(BytesLikeView(self));
  PY_RETURN_IF_NULL(b);
  return NewTupleFrom({b.get()});
}

Ref<> BytesBytes(Object* self, Object* const*, size_t, Tuple*) {
  if (self->type == &BytesType) return NewRef(self);
  return NewBytes(BytesLikeView(self));
}

const MethodDef kBytesMethods[] = {
    PYRITE_BYTES_COMMON_METHODS,
    {"__getnewargs__", &BytesGetNewArgs, kMethNoArgs},
    {"__bytes__", &BytesBytes, kMethNoArgs, "Convert this value to exact type bytes."},
    {nullptr}};

}  // namespace

// --- Shared slots ---------------------------------------------------------------------------

int64_t BytesLikeLength(Object* self) { return static_cast<int64_t>(BytesLikeView(self).size()); }

Ref<> BytesLikeRichCompare(Object* a, Object* b, CompareOp op) {
  if (!IsBytesLike(a) || !IsBytesLike(b)) return NewNotImplemented();
  std::string_view x = BytesLikeView(a), y = BytesLikeView(b);
  int c = x.compare(y);
  return NewBool(CompareOrder(c, op));
}

int BytesLikeContains(Object* self, Object* item) {
  std::string_view data = BytesLikeView(self);
  if (HasIndex(item)) {
    unsigned char c;
    if (!ByteFromObject(item, &c)) return -1;
    return data.find(static_cast<char>(c)) != std::string_view::npos ? 1 : 0;
  }
  std::string_view sub;
  if (!RequireBytesLike(item, &sub)) return -1;
  return data.find(sub) != std::string_view::npos ? 1 : 0;
}

Ref<> BytesLikeItem(Object* self, int64_t i) {
  std::string_view data = BytesLikeView(self);
  if (!NormalizeIndex(&i, static_cast<int64_t>(data.size()))) {
    SetError(&IndexErrorType,
             IsByteArray(self) ? "bytearray index out of range" : "index out of range");
    return nullptr;
  }
  return NewInt(static_cast<unsigned char>(data[i]));
}

Ref<> BytesLikeSubscript(Object* self, Object* key) {
  if (HasIndex(key)) {
    int64_t i;
    if (!AsSsize(key, &IndexErrorType, &i)) return nullptr;
    return BytesLikeItem(self, i);
  }
  if (IsSliceObject(key)) {
    std::string_view data = BytesLikeView(self);
    int64_t start, stop, step;
    int64_t n = SliceIndicesFor(key, static_cast<int64_t>(data.size()), &start, &stop, &step);
    if (n < 0) return nullptr;
    if (step == 1) return NewBytesLike(self, data.substr(start, n));
    std::string out;
    out.reserve(n);
    for (int64_t k = 0, i = start; k < n; ++k, i += step) out.push_back(data[i]);
    return NewBytesLike(self, out);
  }
  SetErrorF(&TypeErrorType, "%s indices must be integers or slices, not %s",
            IsByteArray(self) ? "bytearray" : "byte", TypeNameOf(key));
  return nullptr;
}

Ref<> BytesLikeConcat(Object* a, Object* b) {
  if (!IsBytesLike(b) || !IsBytesLike(a)) {
    SetErrorF(&TypeErrorType, "can't concat %s to %s", TypeNameOf(b), TypeNameOf(a));
    return nullptr;
  }
  std::string out(BytesLikeView(a));
  out += BytesLikeView(b);
  return NewBytesLike(a, out);
}

Ref<> BytesLikeRepeat(Object* self, int64_t n) {
  std::string_view data = BytesLikeView(self);
  if (n <= 0) return NewBytesLike(self, "");
  if (n == 1 && self->type == &BytesType) return NewRef(self);
  if (!data.empty() && n > INT64_MAX / static_cast<int64_t>(data.size())) {
    if (IsByteArray(self)) {
      SetNoMemory();
    } else {
      SetError(&OverflowErrorType, "repeated bytes are too long");
    }
    return nullptr;
  }
  if (!data.empty() && static_cast<uint64_t>(n) > (uint64_t{1} << 40) / data.size()) {
    SetNoMemory();
    return nullptr;
  }
  std::string out;
  out.reserve(data.size() * n);
  for (int64_t i = 0; i < n; ++i) out += data;
  return NewBytesLike(self, out);
}

// --- Iterators ------------------------------------------------------------------------------

namespace {

struct BytesIter : Object {
  Object* seq;  // owned; null when exhausted
  int64_t index;
};

Ref<> BytesIterNext(Object* o) {
  auto* it = static_cast<BytesIter*>(o);
  if (it->seq == nullptr) return nullptr;
  std::string_view data = BytesLikeView(it->seq);
  if (it->index >= static_cast<int64_t>(data.size())) {
    ClearField(&it->seq);
    return nullptr;
  }
  return NewInt(static_cast<unsigned char>(data[it->index++]));
}
Ref<> BytesIterLengthHint(Object* o, Object* const*, size_t, Tuple*) {
  auto* it = static_cast<BytesIter*>(o);
  if (it->seq == nullptr) return NewInt(0);
  int64_t n = static_cast<int64_t>(BytesLikeView(it->seq).size()) - it->index;
  return NewInt(n > 0 ? n : 0);
}
const MethodDef kBytesIterMethods[] = {{"__length_hint__", &BytesIterLengthHint, kMethNoArgs},
                                       {nullptr}};

}  // namespace

Ref<> BytesLikeIter(Object* self) {
  Type* type = IsByteArray(self) ? &ByteArrayIterType : &BytesIterType;
  // The iterator types are not in the runtime's list of types: readied on first use.
  if (!HasFlag(type, kReady) && !ReadyType(type)) return nullptr;
  BytesIter* it = AllocObject<BytesIter>(type, 0);
  if (it == nullptr) return nullptr;
  it->seq = NewRef(self).release();
  it->index = 0;
  return StealRef<Object>(it);
}

// Defined in bytearray.cc.
void InitByteArrayType();

void InitBytesTypes() {
  InitStaticType(&BytesType, {.name = "bytes",
                              .basicsize = sizeof(Bytes),
                              .flags = kBaseType,
                              .methods = kBytesMethods,
                              .doc = "bytes(iterable_of_ints) -> bytes\n"
                                     "bytes(string, encoding[, errors]) -> bytes\n"
                                     "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
                                     "bytes(int) -> bytes object of size given by the parameter "
                                     "initialized with null bytes\n"
                                     "bytes() -> empty bytes object"});
  BytesType.varsize = &BytesVarSize;
  BytesType.dealloc = &DestroyObject<Bytes>;
  BytesType.new_ = &BytesNew;
  BytesType.repr = &BytesRepr;
  BytesType.hash = &BytesHash;
  BytesType.richcompare = &BytesLikeRichCompare;
  BytesType.iter = &BytesLikeIter;
  BytesType.length = &BytesLikeLength;
  BytesType.subscript = &BytesLikeSubscript;
  BytesType.contains = &BytesLikeContains;
  BytesType.nb_remainder = &BytesPercentFormat;
  BytesType.sq_concat = &BytesLikeConcat;
  BytesType.sq_repeat = &BytesLikeRepeat;
  BytesType.sq_item = &BytesLikeItem;

  for (auto [type, name] : {std::pair{&BytesIterType, "bytes_iterator"},
                            std::pair{&ByteArrayIterType, "bytearray_iterator"}}) {
    InitStaticType(type, {.name = name,
                          .basicsize = sizeof(BytesIter),
                          .flags = kHaveGc,
                          .methods = kBytesIterMethods});
    SetOneRefGcSlots<BytesIter, &BytesIter::seq>(type);
    type->iter = &SelfIter;
    type->iternext = &BytesIterNext;
  }
  InitByteArrayType();
}

}  // namespace pyrite::vm
