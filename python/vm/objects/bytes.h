// bytes and bytearray.
#ifndef PYRITE_PYTHON_VM_OBJECTS_BYTES_H_
#define PYRITE_PYTHON_VM_OBJECTS_BYTES_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Bytes : Object {
  int64_t size;
  int64_t hash;  // -1: not computed
  // size + 1 bytes follow (NUL-terminated).
  char* data() { return reinterpret_cast<char*>(this + 1); }
  std::string_view view() { return {data(), static_cast<size_t>(size)}; }
};
struct ByteArray : Object {
  std::string buffer;
  int64_t exports = 0;
};

extern Type BytesType;
extern Type ByteArrayType;

inline bool IsBytes(Object* o) { return HasFlag(o->type, kBytesSubclass); }
inline bool IsByteArray(Object* o) { return TypeCheck(o, &ByteArrayType); }

Ref<Bytes> NewBytes(std::string_view data);
Ref<> NewByteArray(std::string_view data);

void InitBytesTypes();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_BYTES_H_
