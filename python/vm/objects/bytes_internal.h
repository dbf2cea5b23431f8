// Helpers shared by bytes.cc, bytes_methods.cc and bytearray.cc: access to the data of either
// type, the methods both types have (implemented once over a string_view; results are of self's
// kind), construction from an object, comparison, indexing and iteration. Not part of the VM's
// interface.
#ifndef PYRITE_PYTHON_VM_OBJECTS_BYTES_INTERNAL_H_
#define PYRITE_PYTHON_VM_OBJECTS_BYTES_INTERNAL_H_

#include <string>
#include <string_view>

#include "python/vm/object.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/type.h"

namespace pyrite::vm {

// The data of a bytes or bytearray (the view of a bytearray is valid until it is mutated).
inline std::string_view BytesLikeView(Object* o) {
  if (IsBytes(o)) return static_cast<Bytes*>(o)->view();
  return static_cast<ByteArray*>(o)->buffer;
}
inline bool IsBytesLike(Object* o) { return IsBytes(o) || IsByteArray(o); }
// Like IsBytesLike, else TypeError "a bytes-like object is required, not 'str'".
[[nodiscard]] bool RequireBytesLike(Object* o, std::string_view* out);

// A result of self's kind: bytearray for a bytearray, bytes otherwise.
Ref<> NewBytesLike(Object* self, std::string_view data);

// b'...' (the repr of bytes; bytearray wraps it, and always escapes a single quote, as CPython's
// bytearray repr does).
std::string BytesReprText(std::string_view data, bool escape_single_quote = false);

// The data of bytes(source, encoding, errors) / bytearray(...); `type_name` for messages.
[[nodiscard]] bool BytesDataFromObject(Object* source, Object* encoding, Object* errors,
                                       const char* type_name, bool check_bytes_method,
                                       std::string* out);

// x.__bytes__() if x's type has one: 1 with its data in *out, 0 if there is no __bytes__ (no
// error set), -1 on error (TypeError "__bytes__ returned non-bytes (type int)" included).
[[nodiscard]] int BytesFromDunderBytes(Object* x, std::string* out);

// Slots shared by both types.
Ref<> BytesLikeRichCompare(Object* a, Object* b, CompareOp op);
int BytesLikeContains(Object* self, Object* item);
Ref<> BytesLikeSubscript(Object* self, Object* key);
Ref<> BytesLikeItem(Object* self, int64_t i);
Ref<> BytesLikeConcat(Object* a, Object* b);
Ref<> BytesLikeRepeat(Object* self, int64_t n);
Ref<> BytesLikeIter(Object* self);
int64_t BytesLikeLength(Object* self);

// bytes % args / bytearray % args (bytes_format.cc); NotImplemented for other left operands.
Ref<> BytesPercentFormat(Object* self, Object* args);

// A byte value from an int-like object (ValueError "byte must be in range(0, 256)").
[[nodiscard]] bool ByteFromObject(Object* o, unsigned char* out);

// The methods both types share (bytes_methods.cc), as MethodDef entries.
Ref<> BytesMethodDecode(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodHex(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodFromHex(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodJoin(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodSplit(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodRSplit(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodSplitLines(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodStrip(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodLStrip(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodRStrip(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodReplace(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodFind(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodRFind(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodIndex(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodRIndex(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodCount(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodStartsWith(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodEndsWith(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodUpper(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodLower(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodSwapCase(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodCapitalize(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodTitle(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodIsDigit(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodIsAlpha(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodIsAlnum(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodIsSpace(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodIsLower(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodIsUpper(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodIsTitle(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodIsAscii(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodCenter(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodLJust(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodRJust(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodZFill(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodPartition(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodRPartition(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodRemovePrefix(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodRemoveSuffix(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodExpandTabs(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodTranslate(Object*, Object* const*, size_t, Tuple*);
Ref<> BytesMethodMakeTrans(Object*, Object* const*, size_t, Tuple*);

// MethodDef entries for the shared methods (inside a type's table).
// clang-format off
#define PYRITE_BYTES_COMMON_METHODS \
  {"decode", &BytesMethodDecode, kMethKeywords}, \
  {"hex", &BytesMethodHex, kMethKeywords}, \
  {"fromhex", &BytesMethodFromHex, kMethO | kMethClass}, \
  {"join", &BytesMethodJoin, kMethO}, \
  {"split", &BytesMethodSplit, kMethKeywords}, \
  {"rsplit", &BytesMethodRSplit, kMethKeywords}, \
  {"splitlines", &BytesMethodSplitLines, kMethKeywords}, \
  {"strip", &BytesMethodStrip, kMethFastcall}, \
  {"lstrip", &BytesMethodLStrip, kMethFastcall}, \
  {"rstrip", &BytesMethodRStrip, kMethFastcall}, \
  {"replace", &BytesMethodReplace, kMethFastcall}, \
  {"find", &BytesMethodFind, kMethFastcall}, \
  {"rfind", &BytesMethodRFind, kMethFastcall}, \
  {"index", &BytesMethodIndex, kMethFastcall}, \
  {"rindex", &BytesMethodRIndex, kMethFastcall}, \
  {"count", &BytesMethodCount, kMethFastcall}, \
  {"startswith", &BytesMethodStartsWith, kMethFastcall}, \
  {"endswith", &BytesMethodEndsWith, kMethFastcall}, \
  {"upper", &BytesMethodUpper, kMethNoArgs}, \
  {"lower", &BytesMethodLower, kMethNoArgs}, \
  {"swapcase", &BytesMethodSwapCase, kMethNoArgs}, \
  {"capitalize", &BytesMethodCapitalize, kMethNoArgs}, \
  {"title", &BytesMethodTitle, kMethNoArgs}, \
  {"isdigit", &BytesMethodIsDigit, kMethNoArgs}, \
  {"isalpha", &BytesMethodIsAlpha, kMethNoArgs}, \
  {"isalnum", &BytesMethodIsAlnum, kMethNoArgs}, \
  {"isspace", &BytesMethodIsSpace, kMethNoArgs}, \
  {"islower", &BytesMethodIsLower, kMethNoArgs}, \
  {"isupper", &BytesMethodIsUpper, kMethNoArgs}, \
  {"istitle", &BytesMethodIsTitle, kMethNoArgs}, \
  {"isascii", &BytesMethodIsAscii, kMethNoArgs}, \
  {"center", &BytesMethodCenter, kMethFastcall}, \
  {"ljust", &BytesMethodLJust, kMethFastcall}, \
  {"rjust", &BytesMethodRJust, kMethFastcall}, \
  {"zfill", &BytesMethodZFill, kMethO}, \
  {"partition", &BytesMethodPartition, kMethO}, \
  {"rpartition", &BytesMethodRPartition, kMethO}, \
  {"removeprefix", &BytesMethodRemovePrefix, kMethO}, \
  {"removesuffix", &BytesMethodRemoveSuffix, kMethO}, \
  {"expandtabs", &BytesMethodExpandTabs, kMethKeywords}, \
  {"translate", &BytesMethodTranslate, kMethKeywords}, \
  {"maketrans", &BytesMethodMakeTrans, kMethFastcall | kMethStatic}
// clang-format on

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_BYTES_INTERNAL_H_
