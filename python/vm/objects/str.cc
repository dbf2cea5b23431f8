// The str object: allocation in the flexible layout (1, 2 or 4 bytes per code point, always the
// narrowest that fits, so equal strings have equal kinds and bytes), the caches of the empty and
// one-character strings, interning, hashing, comparison, concatenation, slicing, StrBuilder and
// repr. The str type's slots and constructor are in str_type.cc, its methods in str_*.cc.
#include "python/vm/objects/str.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>

#include "python/unicode/unicode.h"
#include "python/unicode/utf8.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/str_impl.h"

namespace pyrite::vm {
namespace {

// Allocates an uninitialised str of `type` holding `length` code points of `kind` bytes (the
// terminating NUL is already there: AllocRaw zero-fills).
Str* AllocStr(Type* type, int64_t length, int kind) {
  if (length < 0 || length > (int64_t{1} << 58) / kind) {
    SetError(&MemoryErrorType, "");
    return nullptr;
  }
  Str* s = AllocObject<Str>(type, static_cast<size_t>(length + 1) * kind);
  if (s == nullptr) return nullptr;
  s->length = length;
  s->hash = -1;
  s->kind = static_cast<uint8_t>(kind);
  s->ascii = false;
  s->interned = false;
  s->utf8 = nullptr;
  s->utf8_length = 0;
  return s;
}

int KindFor(char32_t max_cp) { return max_cp < 0x100 ? 1 : max_cp < 0x10000 ? 2 : 4; }

void MakeImmortal(Str* s) { s->refcnt = kImmortalRefcnt; }

// Stores `n` code points into a fresh str of the right kind (they all fit).
template <typename Src>
Ref<Str> BuildFrom(Type* type, const Src* cps, size_t n) {
  char32_t max_cp = 0;
  for (size_t i = 0; i < n; ++i) max_cp = std::max<char32_t>(max_cp, cps[i]);
  const int kind = KindFor(max_cp);
  Str* s = AllocStr(type, static_cast<int64_t>(n), kind);
  if (s == nullptr) return nullptr;
  s->ascii = max_cp < 0x80;
  switch (kind) {
    case 1: {
      auto* d = static_cast<uint8_t*>(s->data());
      if constexpr (sizeof(Src) == 1) {
        if (n > 0) std::memcpy(d, cps, n);
      } else {
        for (size_t i = 0; i < n; ++i) d[i] = static_cast<uint8_t>(cps[i]);
      }
      break;
    }
    case 2: {
      auto* d = static_cast<uint16_t*>(s->data());
      for (size_t i = 0; i < n; ++i) d[i] = static_cast<uint16_t>(cps[i]);
      break;
    }
    default: {
      auto* d = static_cast<uint32_t*>(s->data());
      for (size_t i = 0; i < n; ++i) d[i] = static_cast<uint32_t>(cps[i]);
      break;
    }
  }
  if (n == 0 && type == &StrType) {
    Decref(s);
    return EmptyStr();
  }
  if (n == 1 && type == &StrType && cps[0] < 0x100) {
    Decref(s);
    return StrFromCodePoint(cps[0]);
  }
  return StealRef(s);
}

Str* empty_str = nullptr;
Str* latin1_chars[256];

// The interned strings, keyed by their UTF-8 (which lives as long as the immortal string).
std::unordered_map<std::string_view, Str*>& InternTable() {
  static auto* table = new std::unordered_map<std::string_view, Str*>();
  return *table;
}

}  // namespace

Ref<Str> EmptyStr() {
  if (empty_str == nullptr) {
    empty_str = AllocStr(&StrType, 0, 1);
    if (empty_str == nullptr) return nullptr;
    empty_str->ascii = true;
    MakeImmortal(empty_str);
  }
  return NewRef(empty_str);
}

Ref<Str> StrFromCodePoint(char32_t cp) {
  if (cp < 0x100) {
    Str*& slot = latin1_chars[cp];
    if (slot == nullptr) {
      Str* s = AllocStr(&StrType, 1, 1);
      if (s == nullptr) return nullptr;
      static_cast<uint8_t*>(s->data())[0] = static_cast<uint8_t>(cp);
      s->ascii = cp < 0x80;
      MakeImmortal(s);
      slot = s;
    }
    return NewRef(slot);
  }
  return NewStrFromCodePoints(&cp, 1);
}

Ref<Str> NewStrFromCodePoints(const char32_t* cps, size_t n) {
  if (n == 0) return EmptyStr();
  return BuildFrom(&StrType, cps, n);
}

Ref<Str> NewStrFromLatin1(std::string_view bytes) {
  if (bytes.empty()) return EmptyStr();
  return BuildFrom(&StrType, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

Ref<Str> NewStr(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    if (utf8.size() <= 1) {
      return utf8.empty() ? EmptyStr()
                          : StrFromCodePoint(static_cast<unsigned char>(utf8[0]));
    }
    Str* s = AllocStr(&StrType, static_cast<int64_t>(utf8.size()), 1);
    if (s == nullptr) return nullptr;
    std::memcpy(s->data(), utf8.data(), utf8.size());
    s->ascii = true;
    return StealRef(s);
  }
  std::u32string cps;
  cps.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    cps.push_back(unicode::NextCodePoint(utf8, i).value_or(0xFFFD));
  }
  return NewStrFromCodePoints(cps.data(), cps.size());
}

Ref<Str> StrCopyAs(Type* type, Str* s) {
  if (type == &StrType && IsExactStr(s)) return NewRef(s);
  Str* r = AllocStr(type, s->length, s->kind);
  if (r == nullptr) return nullptr;
  std::memcpy(r->data(), s->data(), static_cast<size_t>(s->length) * s->kind);
  r->ascii = s->ascii;
  if (type == &StrType) {
    // An exact copy of a subclass instance: use the caches for tiny strings.
    if (r->length == 0) {
      Decref(r);
      return EmptyStr();
    }
    if (r->length == 1 && r->kind == 1) {
      char32_t cp = StrAt(r, 0);
      Decref(r);
      return StrFromCodePoint(cp);
    }
  }
  return StealRef(r);
}

std::u32string StrToU32(Str* s) {
  std::u32string out;
  out.resize(static_cast<size_t>(s->length));
  for (int64_t i = 0; i < s->length; ++i) out[i] = StrAt(s, i);
  return out;
}

// --- Interning -------------------------------------------------------------------------------

Str* InternStr(std::string_view utf8) {
  auto& table = InternTable();
  if (auto it = table.find(utf8); it != table.end()) return it->second;
  Ref<Str> s = NewStr(utf8);
  if (!s) return nullptr;
  InternInPlace(s);
  return s.get();  // immortal: the table's reference keeps it alive
}

void InternInPlace(Ref<Str>& s) {
  if (!s || s->interned || !IsExactStr(s.get())) return;
  auto& table = InternTable();
  std::string_view key = StrUtf8(s.get());
  if (auto it = table.find(key); it != table.end()) {
    s = NewRef(it->second);
    return;
  }
  s->interned = true;
  MakeImmortal(s.get());
  table.emplace(StrUtf8(s.get()), s.get());
}

// --- Access ----------------------------------------------------------------------------------

std::string_view StrUtf8(Str* s) {
  if (s->ascii) return {static_cast<const char*>(s->data()), static_cast<size_t>(s->length)};
  if (s->utf8 == nullptr) {
    std::string out;
    out.reserve(static_cast<size_t>(s->length) * 2);
    for (int64_t i = 0; i < s->length; ++i) unicode::AppendUtf8(out, StrAt(s, i));
    char* buf = static_cast<char*>(std::malloc(out.size() + 1));
    std::memcpy(buf, out.data(), out.size() + 1);
    s->utf8 = buf;
    s->utf8_length = static_cast<int64_t>(out.size());
  }
  return {s->utf8, static_cast<size_t>(s->utf8_length)};
}

namespace {

inline uint64_t Rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

// One SipRound of SipHash (Aumasson and Bernstein).
inline void SipRound(uint64_t& v0, uint64_t& v1, uint64_t& v2, uint64_t& v3) {
  v0 += v1;
  v1 = Rotl(v1, 13) ^ v0;
  v0 = Rotl(v0, 32);
  v2 += v3;
  v3 = Rotl(v3, 16) ^ v2;
  v0 += v3;
  v3 = Rotl(v3, 21) ^ v0;
  v2 += v1;
  v1 = Rotl(v1, 17) ^ v2;
  v2 = Rotl(v2, 32);
}

// SipHash-1-3 with the all-zero key: CPython 3.11's string hash under PYTHONHASHSEED=0, so that
// sets and dicts of strings iterate in CPython's order when the tests fix the seed.
uint64_t SipHash13(const uint8_t* in, size_t n) {
  const uint64_t k0 = 0, k1 = 0;
  uint64_t v0 = k0 ^ 0x736f6d6570736575ull;
  uint64_t v1 = k1 ^ 0x646f72616e646f6dull;
  uint64_t v2 = k0 ^ 0x6c7967656e657261ull;
  uint64_t v3 = k1 ^ 0x7465646279746573ull;
  const uint64_t last = static_cast<uint64_t>(n) << 56;
  for (; n >= 8; n -= 8, in += 8) {
    uint64_t m = 0;
    for (int i = 7; i >= 0; --i) m = (m << 8) | in[i];
    v3 ^= m;
    SipRound(v0, v1, v2, v3);
    v0 ^= m;
  }
  uint64_t m = last;
  for (size_t i = 0; i < n; ++i) m |= static_cast<uint64_t>(in[i]) << (8 * i);
  v3 ^= m;
  SipRound(v0, v1, v2, v3);
  v0 ^= m;
  v2 ^= 0xff;
  SipRound(v0, v1, v2, v3);
  SipRound(v0, v1, v2, v3);
  SipRound(v0, v1, v2, v3);
  return v0 ^ v1 ^ v2 ^ v3;
}

}  // namespace

int64_t HashBytes(const void* data, size_t n) {
  if (n == 0) return 0;
  int64_t h = static_cast<int64_t>(SipHash13(static_cast<const uint8_t*>(data), n));
  return h == -1 ? -2 : h;
}

int64_t StrHash(Str* s) {
  if (s->hash != -1) return s->hash;
  // CPython hashes the code units of its own layout (little-endian, `kind` bytes each), which is
  // ours: equal strings have equal kinds.
  s->hash = HashBytes(s->data(), static_cast<size_t>(s->length) * s->kind);
  return s->hash;
}

bool StrEqual(Str* a, Str* b) {
  if (a == b) return true;
  if (a->length != b->length || a->kind != b->kind) return false;
  if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
  return std::memcmp(a->data(), b->data(), static_cast<size_t>(a->length) * a->kind) == 0;
}

bool StrEqualUtf8(Str* a, std::string_view utf8) { return StrUtf8(a) == utf8; }

int StrCompare(Str* a, Str* b) {
  if (a == b) return 0;
  const int64_t n = std::min(a->length, b->length);
  if (a->kind == 1 && b->kind == 1) {
    int c = std::memcmp(a->data(), b->data(), static_cast<size_t>(n));
    if (c != 0) return c < 0 ? -1 : 1;
  } else {
    for (int64_t i = 0; i < n; ++i) {
      const char32_t x = StrAt(a, i), y = StrAt(b, i);
      if (x != y) return x < y ? -1 : 1;
    }
  }
  return a->length < b->length ? -1 : a->length > b->length ? 1 : 0;
}

Ref<Str> StrConcat(Str* a, Str* b) {
  if (b->length == 0 && IsExactStr(a)) return NewRef(a);
  if (a->length == 0 && IsExactStr(b)) return NewRef(b);
  if (a->length > (int64_t{1} << 58) - b->length) {
    SetError(&OverflowErrorType, "strings are too large to concat");
    return nullptr;
  }
  const int kind = std::max(a->kind, b->kind);
  Str* r = AllocStr(&StrType, a->length + b->length, kind);
  if (r == nullptr) return nullptr;
  r->ascii = a->ascii && b->ascii;
  if (a->kind == kind && b->kind == kind) {
    std::memcpy(r->data(), a->data(), static_cast<size_t>(a->length) * kind);
    std::memcpy(static_cast<char*>(r->data()) + a->length * kind, b->data(),
                static_cast<size_t>(b->length) * kind);
  } else {
    int64_t j = 0;
    for (Str* part : {a, b}) {
      for (int64_t i = 0; i < part->length; ++i, ++j) {
        const char32_t cp = StrAt(part, i);
        if (kind == 2) {
          static_cast<uint16_t*>(r->data())[j] = static_cast<uint16_t>(cp);
        } else {
          static_cast<uint32_t*>(r->data())[j] = cp;
        }
      }
    }
  }
  return StealRef(r);
}

Ref<Str> StrSubstring(Str* s, int64_t start, int64_t end) {
  if (start < 0) start = 0;
  if (end > s->length) end = s->length;
  if (start >= end) return EmptyStr();
  if (start == 0 && end == s->length && IsExactStr(s)) return NewRef(s);
  const int64_t n = end - start;
  if (n == 1) return StrFromCodePoint(StrAt(s, start));
  if (s->kind == 1) {
    // Latin-1 data stays Latin-1; only the ASCII flag may change.
    Str* r = AllocStr(&StrType, n, 1);
    if (r == nullptr) return nullptr;
    const uint8_t* src = static_cast<const uint8_t*>(s->data()) + start;
    std::memcpy(r->data(), src, static_cast<size_t>(n));
    bool ascii = s->ascii;
    if (!ascii) {
      ascii = true;
      for (int64_t i = 0; i < n; ++i) ascii = ascii && src[i] < 0x80;
    }
    r->ascii = ascii;
    return StealRef(r);
  }
  // Wider kinds may narrow: rebuild from the code points.
  if (s->kind == 2) {
    return BuildFrom(&StrType, static_cast<const uint16_t*>(s->data()) + start,
                     static_cast<size_t>(n));
  }
  return BuildFrom(&StrType, static_cast<const uint32_t*>(s->data()) + start,
                   static_cast<size_t>(n));
}

int64_t StrFind(Str* s, Str* sub, int64_t start, int64_t end) {
  if (start < 0) start = 0;
  if (end > s->length) end = s->length;
  const int64_t m = sub->length;
  if (end - start < m) return -1;
  if (m == 0) return start;
  if (s->kind == 1 && sub->kind == 1) {
    std::string_view hay(static_cast<const char*>(s->data()) + start,
                         static_cast<size_t>(end - start));
    std::string_view needle(static_cast<const char*>(sub->data()), static_cast<size_t>(m));
    size_t pos = hay.find(needle);
    return pos == std::string_view::npos ? -1 : start + static_cast<int64_t>(pos);
  }
  if (sub->kind > s->kind) return -1;  // sub holds a code point too wide to occur in s
  const char32_t first = StrAt(sub, 0);
  for (int64_t i = start; i + m <= end; ++i) {
    if (StrAt(s, i) != first) continue;
    int64_t j = 1;
    while (j < m && StrAt(s, i + j) == StrAt(sub, j)) ++j;
    if (j == m) return i;
  }
  return -1;
}

// --- StrBuilder ------------------------------------------------------------------------------

void StrBuilder::Widen() {
  cps_.reserve(latin1_.size() + 16);
  for (unsigned char c : latin1_) cps_.push_back(c);
  latin1_.clear();
  wide_ = true;
}

void StrBuilder::Append(char32_t cp) {
  if (!wide_) {
    if (cp < 0x100) {
      latin1_.push_back(static_cast<char>(cp));
      return;
    }
    Widen();
  }
  cps_.push_back(cp);
}

void StrBuilder::Append(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size();) {
    // Runs of ASCII bytes are appended at once.
    size_t j = i;
    while (j < utf8.size() && static_cast<unsigned char>(utf8[j]) < 0x80) ++j;
    if (j > i) {
      if (wide_) {
        cps_.append(utf8.begin() + static_cast<ptrdiff_t>(i),
                    utf8.begin() + static_cast<ptrdiff_t>(j));
      } else {
        latin1_.append(utf8.substr(i, j - i));
      }
      i = j;
      continue;
    }
    Append(unicode::NextCodePoint(utf8, i).value_or(0xFFFD));
  }
}

void StrBuilder::AppendSlice(Str* s, int64_t start, int64_t end) {
  if (end <= start) return;
  const size_t n = static_cast<size_t>(end - start);
  if (!wide_ && s->kind == 1) {
    latin1_.append(static_cast<const char*>(s->data()) + start, n);
    return;
  }
  if (!wide_) Widen();
  const size_t base = cps_.size();
  cps_.resize(base + n);
  for (size_t i = 0; i < n; ++i) cps_[base + i] = StrAt(s, start + static_cast<int64_t>(i));
}

void StrBuilder::AppendRepeated(char32_t cp, int64_t n) {
  if (n <= 0) return;
  if (!wide_ && cp >= 0x100) Widen();
  if (wide_) {
    cps_.append(static_cast<size_t>(n), cp);
  } else {
    latin1_.append(static_cast<size_t>(n), static_cast<char>(cp));
  }
}

int64_t StrBuilder::length() const {
  return static_cast<int64_t>(wide_ ? cps_.size() : latin1_.size());
}

Ref<Str> StrBuilder::Finish() {
  Ref<Str> r = wide_ ? NewStrFromCodePoints(cps_.data(), cps_.size()) : NewStrFromLatin1(latin1_);
  latin1_.clear();
  cps_.clear();
  wide_ = false;
  return r;
}

// --- repr ------------------------------------------------------------------------------------

Ref<Str> StrRepr(Str* s) {
  // Single quotes unless the text has a single quote and no double quote.
  bool has_single = false, has_double = false;
  for (int64_t i = 0; i < s->length; ++i) {
    const char32_t c = StrAt(s, i);
    if (c == '\'') has_single = true;
    if (c == '"') has_double = true;
  }
  const char32_t quote = has_single && !has_double ? '"' : '\'';
  static constexpr char kHex[] = "0123456789abcdef";
  std::u32string out;
  out.reserve(static_cast<size_t>(s->length) + 2);
  out.push_back(quote);
  auto hex = [&](char32_t c, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out.push_back(kHex[(c >> shift) & 15]);
  };
  for (int64_t i = 0; i < s->length; ++i) {
    const char32_t c = StrAt(s, i);
    if (c == quote || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\t') {
      out.append(U"\\t");
    } else if (c == '\n') {
      out.append(U"\\n");
    } else if (c == '\r') {
      out.append(U"\\r");
    } else if (c < 0x20 || c == 0x7F) {
      out.append(U"\\x");
      hex(c, 2);
    } else if (c < 0x7F) {
      out.push_back(c);
    } else if (unicode::IsPrintable(c)) {
      out.push_back(c);
    } else if (c < 0x100) {
      out.append(U"\\x");
      hex(c, 2);
    } else if (c < 0x10000) {
      out.append(U"\\u");
      hex(c, 4);
    } else {
      out.append(U"\\U");
      hex(c, 8);
    }
  }
  out.push_back(quote);
  return NewStrFromCodePoints(out.data(), out.size());
}

// Frees the cached UTF-8 form (the data is inline).
void StrDealloc(Object* o) {
  Str* s = static_cast<Str*>(o);
  if (HasFlag(o->type, kHaveGc)) GcUntrack(o);
  if (s->utf8 != nullptr && !s->ascii) std::free(s->utf8);
  s->utf8 = nullptr;
  FreeObject(o);
}

size_t StrVarSize(Object* o) {
  Str* s = static_cast<Str*>(o);
  return sizeof(Str) + static_cast<size_t>(s->length + 1) * s->kind;
}

}  // namespace pyrite::vm
