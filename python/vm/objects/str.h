// str: immutable Unicode text in CPython's flexible layout. A string stores `length` code points
// inline after the header, 1, 2 or 4 bytes each (the smallest width that holds its largest code
// point), so indexing is O(1) and lone surrogates are ordinary code points. The hash is cached.
// The UTF-8 form, which most C++ code wants, is computed on first use and cached (for ASCII
// strings it *is* the data). Identifiers and attribute names are interned: equal interned strings
// are the same object, so name lookups compare pointers first.
#ifndef PYRITE_PYTHON_VM_OBJECTS_STR_H_
#define PYRITE_PYTHON_VM_OBJECTS_STR_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Str : Object {
  int64_t length;     // code points
  int64_t hash;       // -1: not computed yet
  uint8_t kind;       // bytes per code point: 1, 2 or 4
  bool ascii;         // every code point < 128 (then utf8 == data)
  bool interned;
  char* utf8;         // cached UTF-8 (lone surrogates as 3-byte sequences); owned unless ascii
  int64_t utf8_length;
  // `length + 1` units of `kind` bytes follow (NUL-terminated).
  void* data() { return this + 1; }
  const void* data() const { return this + 1; }
};

extern Type StrType;
// The iterator of iter(str) (CPython's str_ascii_iterator). InitStrType fills it.
extern Type StrIterType;

inline bool IsStr(Object* o) { return HasFlag(o->type, kStrSubclass); }
inline bool IsExactStr(Object* o) { return o->type == &StrType; }

// New strings. `utf8` may contain lone surrogates as 3-byte sequences ("surrogatepass").
Ref<Str> NewStr(std::string_view utf8);
Ref<Str> NewStrFromCodePoints(const char32_t* cps, size_t n);
Ref<Str> NewStrFromLatin1(std::string_view bytes);
// The empty string and one-character strings for code points < 256 are cached.
Ref<Str> StrFromCodePoint(char32_t cp);

// Interned strings (immortal): identifiers, attribute and keyword names. InternStr returns a
// borrowed pointer that stays valid for the interpreter's lifetime.
Str* InternStr(std::string_view utf8);
// Replaces *s by the interned string equal to it.
void InternInPlace(Ref<Str>& s);

// Access.
std::string_view StrUtf8(Str* s);  // cached UTF-8 view
inline char32_t StrAt(const Str* s, int64_t i) {
  switch (s->kind) {
    case 1: return static_cast<const uint8_t*>(s->data())[i];
    case 2: return static_cast<const uint16_t*>(s->data())[i];
    default: return static_cast<const uint32_t*>(s->data())[i];
  }
}
int64_t StrHash(Str* s);
// CPython 3.11's hash of a byte string (SipHash-1-3) with the key PYTHONHASHSEED=0 gives, so str
// and bytes hashes (and the iteration order of sets of them) match CPython's under that seed.
// Empty: 0; never -1.
int64_t HashBytes(const void* data, size_t n);
bool StrEqual(Str* a, Str* b);
bool StrEqualUtf8(Str* a, std::string_view utf8);
int StrCompare(Str* a, Str* b);  // code point order: <0, 0, >0
Ref<Str> StrConcat(Str* a, Str* b);
Ref<Str> StrSubstring(Str* s, int64_t start, int64_t end);

// Builds a str from pieces without intermediate objects.
class StrBuilder {
 public:
  void Append(char32_t cp);
  void Append(std::string_view utf8);
  void Append(Str* s) { AppendSlice(s, 0, s->length); }
  // Code points [start, end) of `s` (in range).
  void AppendSlice(Str* s, int64_t start, int64_t end);
  void AppendRepeated(char32_t cp, int64_t n);
  void AppendAscii(std::string_view ascii) { Append(ascii); }
  int64_t length() const;
  Ref<Str> Finish();
 private:
  // Most built strings are Latin-1 (usually ASCII): one byte per code point until a wider one
  // arrives, which moves everything to `cps_` for good.
  void Widen();
  std::string latin1_;
  std::u32string cps_;
  bool wide_ = false;
};

// repr(str) with CPython's quoting and escapes.
Ref<Str> StrRepr(Str* s);

// A str of `type` (str or a subclass) with the code points of `s`; an exact str is shared.
Ref<Str> StrCopyAs(Type* type, Str* s);
// s.find(sub, start, end) on already clamped bounds: the index, or -1.
int64_t StrFind(Str* s, Str* sub, int64_t start, int64_t end);
// The code points as UTF-32.
std::u32string StrToU32(Str* s);

// Codecs (str.encode, str(bytes, encoding, errors); bytes.decode may use StrDecode): utf-8,
// ascii, latin-1, utf-16/32 with the usual error handlers. Encode returns bytes, decode a str.
Ref<> StrEncode(Str* s, std::string_view encoding, std::string_view errors);
Ref<> StrDecode(std::string_view data, std::string_view encoding, std::string_view errors);

void InitStrType();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_STR_H_
