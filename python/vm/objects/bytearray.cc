// bytearray: a mutable byte string over std::string. The read-only methods and slots are shared
// with bytes (bytes_methods.cc, bytes.cc); this file has construction and the mutations (item and
// slice assignment and deletion, append, extend, pop, insert, remove, clear, reverse, +=, *=).
#include <algorithm>
#include <string>
#include <vector>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/bytes_internal.h"
#include "python/vm/objects/containers_internal.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

Type ByteArrayType;

namespace {

std::string& Buf(Object* self) { return static_cast<ByteArray*>(self)->buffer; }

Ref<> NewByteArrayOfType(Type* type, std::string_view data) {
  ByteArray* b = AllocObject<ByteArray>(type, 0);
  if (b == nullptr) return nullptr;
  b->buffer.assign(data.data(), data.size());
  return StealRef<Object>(b);
}

}  // namespace

Ref<> NewByteArray(std::string_view data) { return NewByteArrayOfType(&ByteArrayType, data); }

namespace {

Ref<> ByteArrayNew(Type* type, Object* const*, size_t, Tuple*) {
  return NewByteArrayOfType(type, "");
}

// bytearray(source=b'', encoding='utf-8', errors='strict')
int ByteArrayInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"bytearray", {"source", "encoding", "errors"}, 0, 0};
  Object* a[3];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return -1;
  std::string data;
  if (!BytesDataFromObject(a[0], a[1], a[2], "bytearray", false, &data)) return -1;
  Buf(self) = std::move(data);
  return 0;
}

Ref<> ByteArrayRepr(Object* self) {
  std::string out = TypeNameOf(self);
  out += "(";
  out += BytesReprText(Buf(self), /*escape_single_quote=*/true);
  out += ")";
  return NewStr(out);
}

// The data of a value assigned to a slice: bytes-like, or an iterable of ints.
bool AssignedData(Object* value, std::string* out) {
  if (IsBytesLike(value)) {
    *out = std::string(BytesLikeView(value));
    return true;
  }
  if (HasIndex(value) || IsStr(value)) {
    SetError(&TypeErrorType,
             "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    return false;
  }
  return BytesDataFromObject(value, nullptr, nullptr, "bytearray", false, out);
}

int ByteArrayAssSubscript(Object* self, Object* key, Object* value) {
  std::string& buf = Buf(self);
  if (HasIndex(key)) {
    int64_t i;
    if (!AsSsize(key, &IndexErrorType, &i)) return -1;
    unsigned char c = 0;
    if (value != nullptr && !ByteFromObject(value, &c)) return -1;
    if (!NormalizeIndex(&i, static_cast<int64_t>(buf.size()))) {
      SetError(&IndexErrorType, "bytearray index out of range");
      return -1;
    }
    if (value == nullptr) {
      buf.erase(static_cast<size_t>(i), 1);
    } else {
      buf[i] = static_cast<char>(c);
    }
    return 0;
  }
  if (!IsSliceObject(key)) {
    SetErrorF(&TypeErrorType, "bytearray indices must be integers or slices, not %s",
              TypeNameOf(key));
    return -1;
  }
  std::string data;
  if (value != nullptr && !AssignedData(value, &data)) return -1;
  int64_t start, stop, step;
  int64_t n = SliceIndicesFor(key, static_cast<int64_t>(buf.size()), &start, &stop, &step);
  if (n < 0) return -1;
  if (step == 1) {
    if (stop < start) stop = start;
    buf.replace(static_cast<size_t>(start), static_cast<size_t>(stop - start), data);
    return 0;
  }
  if (value == nullptr) {
    // Delete every selected index, walking the selection in increasing order.
    std::vector<bool> drop(buf.size(), false);
    for (int64_t k = 0, i = start; k < n; ++k, i += step) drop[i] = true;
    std::string kept;
    for (size_t i = 0; i < buf.size(); ++i) {
      if (!drop[i]) kept.push_back(buf[i]);
    }
    buf = std::move(kept);
    return 0;
  }
  if (static_cast<int64_t>(data.size()) != n) {
    SetErrorF(&ValueErrorType,
              "attempt to assign bytes of size %lld to extended slice of size %lld",
              static_cast<long long>(data.size()), static_cast<long long>(n));
    return -1;
  }
  for (int64_t k = 0, i = start; k < n; ++k, i += step) buf[i] = data[k];
  return 0;
}

Ref<> ByteArrayInplaceConcat(Object* self, Object* other) {
  if (!IsBytesLike(other)) {
    SetErrorF(&TypeErrorType, "can't concat %s to %s", TypeNameOf(other), TypeNameOf(self));
    return nullptr;
  }
  std::string data(BytesLikeView(other));
  Buf(self) += data;
  return NewRef(self);
}

Ref<> ByteArrayInplaceRepeat(Object* self, int64_t n) {
  std::string& buf = Buf(self);
  if (n <= 0) {
    buf.clear();
  } else {
    std::string one = buf;
    buf.reserve(one.size() * n);
    for (int64_t i = 1; i < n; ++i) buf += one;
  }
  return NewRef(self);
}

Ref<> ByteArrayAppend(Object* self, Object* const* args, size_t, Tuple*) {
  unsigned char c;
  if (!ByteFromObject(args[0], &c)) return nullptr;
  Buf(self).push_back(static_cast<char>(c));
  return NewNone();
}

Ref<> ByteArrayExtend(Object* self, Object* const* args, size_t, Tuple*) {
  Object* x = args[0];
  if (IsBytesLike(x)) {
    std::string data(BytesLikeView(x));
    Buf(self) += data;
    return NewNone();
  }
  if (IsStr(x)) {
    SetError(&TypeErrorType, "expected iterable of integers; got: 'str'");
    return nullptr;
  }
  if (x->type->iter == nullptr && x->type->sq_item == nullptr) {
    SetErrorF(&TypeErrorType, "can't extend bytearray with %s", TypeNameOf(x));
    return nullptr;
  }
  std::string data;
  if (!BytesDataFromObject(x, nullptr, nullptr, "bytearray", false, &data)) return nullptr;
  Buf(self) += data;
  return NewNone();
}

Ref<> ByteArrayPop(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("pop", nargs, 0, 1)) return nullptr;
  int64_t i = -1;
  if (nargs == 1 && !AsSsize(args[0], &OverflowErrorType, &i)) return nullptr;
  std::string& buf = Buf(self);
  if (buf.empty()) {
    SetError(&IndexErrorType, "pop from empty bytearray");
    return nullptr;
  }
  if (!NormalizeIndex(&i, static_cast<int64_t>(buf.size()))) {
    SetError(&IndexErrorType, "pop index out of range");
    return nullptr;
  }
  unsigned char c = static_cast<unsigned char>(buf[i]);
  buf.erase(static_cast<size_t>(i), 1);
  return NewInt(c);
}

Ref<> ByteArrayInsert(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("insert", nargs, 2, 2)) return nullptr;
  int64_t i;
  if (!AsSsize(args[0], &OverflowErrorType, &i)) return nullptr;
  unsigned char c;
  if (!ByteFromObject(args[1], &c)) return nullptr;
  std::string& buf = Buf(self);
  int64_t n = static_cast<int64_t>(buf.size());
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  buf.insert(buf.begin() + i, static_cast<char>(c));
  return NewNone();
}

Ref<> ByteArrayRemove(Object* self, Object* const* args, size_t, Tuple*) {
  unsigned char c;
  if (!ByteFromObject(args[0], &c)) return nullptr;
  std::string& buf = Buf(self);
  size_t pos = buf.find(static_cast<char>(c));
  if (pos == std::string::npos) {
    SetError(&ValueErrorType, "value not found in bytearray");
    return nullptr;
  }
  buf.erase(pos, 1);
  return NewNone();
}

Ref<> ByteArrayClear(Object* self, Object* const*, size_t, Tuple*) {
  Buf(self).clear();
  return NewNone();
}
Ref<> ByteArrayCopy(Object* self, Object* const*, size_t, Tuple*) {
  return NewByteArray(Buf(self));
}
Ref<> ByteArrayReverse(Object* self, Object* const*, size_t, Tuple*) {
  std::reverse(Buf(self).begin(), Buf(self).end());
  return NewNone();
}
Ref<> ByteArrayAlloc(Object* self, Object* const*, size_t, Tuple*) {
  return NewInt(static_cast<int64_t>(Buf(self).capacity()) + 1);
}
Ref<> ByteArraySizeOf(Object* self, Object* const*, size_t, Tuple*) {
  return NewInt(56 + static_cast<int64_t>(Buf(self).capacity()));
}

const MethodDef kByteArrayMethods[] = {
    PYRITE_BYTES_COMMON_METHODS,
    {"append", &ByteArrayAppend, kMethO, "Append a single item to the end of the bytearray."},
    {"extend", &ByteArrayExtend, kMethO,
     "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"pop", &ByteArrayPop, kMethFastcall, "Remove and return a single item from B."},
    {"insert", &ByteArrayInsert, kMethFastcall,
     "Insert a single item into the bytearray before "
     "the given index."},
    {"remove", &ByteArrayRemove, kMethO,
     "Remove the first occurrence of a value in the "
     "bytearray."},
    {"clear", &ByteArrayClear, kMethNoArgs, "Remove all items from the bytearray."},
    {"copy", &ByteArrayCopy, kMethNoArgs, "Return a copy of B."},
    {"reverse", &ByteArrayReverse, kMethNoArgs, "Reverse the order of the values in B in place."},
    {"__alloc__", &ByteArrayAlloc, kMethNoArgs},
    {"__sizeof__", &ByteArraySizeOf, kMethNoArgs},
    {nullptr}};

}  // namespace

void InitByteArrayType() {
  InitStaticType(&ByteArrayType,
                 {.name = "bytearray",
                  .basicsize = sizeof(ByteArray),
                  .flags = kBaseType,
                  .methods = kByteArrayMethods,
                  .doc = "bytearray(iterable_of_ints) -> bytearray\n"
                         "bytearray(string, encoding[, errors]) -> bytearray\n"
                         "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
                         "bytearray(int) -> bytes array of size given by the parameter "
                         "initialized with null bytes\n"
                         "bytearray() -> empty bytes array"});
  ByteArrayType.dealloc = &DestroyObject<ByteArray>;
  ByteArrayType.new_ = &ByteArrayNew;
  ByteArrayType.init = &ByteArrayInit;
  ByteArrayType.repr = &ByteArrayRepr;
  ByteArrayType.richcompare = &BytesLikeRichCompare;
  ByteArrayType.iter = &BytesLikeIter;
  ByteArrayType.length = &BytesLikeLength;
  ByteArrayType.subscript = &BytesLikeSubscript;
  ByteArrayType.ass_subscript = &ByteArrayAssSubscript;
  ByteArrayType.contains = &BytesLikeContains;
  ByteArrayType.nb_remainder = &BytesPercentFormat;
  ByteArrayType.sq_concat = &BytesLikeConcat;
  ByteArrayType.sq_repeat = &BytesLikeRepeat;
  ByteArrayType.sq_inplace_concat = &ByteArrayInplaceConcat;
  ByteArrayType.sq_inplace_repeat = &ByteArrayInplaceRepeat;
  ByteArrayType.sq_item = &BytesLikeItem;
}

}  // namespace pyrite::vm
