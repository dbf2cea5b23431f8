// The methods bytes and bytearray share (CPython's Objects/bytes_methods.c and the common parts of
// bytesobject.c / bytearrayobject.c): each works on a view of self's data and returns results of
// self's kind (bytes for bytes, bytearray for bytearray). Byte classes (isalpha, upper, split's
// white space) are ASCII-only, as in CPython.
#include <string>
#include <string_view>
#include <vector>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/bytes_internal.h"
#include "python/vm/objects/containers_internal.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

namespace {

using View = std::string_view;

bool IsSpaceByte(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }
bool IsLowerByte(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsUpperByte(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsAlphaByte(unsigned char c) { return IsLowerByte(c) || IsUpperByte(c); }
bool IsDigitByte(unsigned char c) { return c >= '0' && c <= '9'; }
char ToUpperByte(char c) { return IsLowerByte(c) ? static_cast<char>(c - 32) : c; }
char ToLowerByte(char c) { return IsUpperByte(c) ? static_cast<char>(c + 32) : c; }

// The `sub` argument of find/count/index: an int (one byte) or a bytes-like object.
bool SubArg(Object* o, std::string* out) {
  if (IsBytesLike(o)) {
    *out = std::string(BytesLikeView(o));
    return true;
  }
  if (HasIndex(o)) {
    unsigned char c;
    if (!ByteFromObject(o, &c)) return false;
    *out = std::string(1, static_cast<char>(c));
    return true;
  }
  SetErrorF(&TypeErrorType, "argument should be integer or bytes-like object, not '%s'",
            TypeNameOf(o));
  return false;
}

// Optional start / end arguments (None allowed), adjusted as slice indices for `len`.
bool StartEnd(Object* const* args, size_t nargs, size_t first, int64_t len, int64_t* start,
              int64_t* end) {
  *start = 0;
  *end = len;
  if (nargs > first && args[first] != None() && !SliceIndexArg(args[first], start)) return false;
  if (nargs > first + 1 && args[first + 1] != None() && !SliceIndexArg(args[first + 1], end)) {
    return false;
  }
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
  return true;
}

// find / rfind core: the index or -1 (-2 with an error set).
int64_t FindImpl(const char* name, Object* self, Object* const* args, size_t nargs, bool reverse) {
  if (!CheckPositional(name, nargs, 1, 3)) return -2;
  std::string sub;
  if (!SubArg(args[0], &sub)) return -2;
  View data = BytesLikeView(self);
  int64_t start, end;
  if (!StartEnd(args, nargs, 1, static_cast<int64_t>(data.size()), &start, &end)) return -2;
  data = BytesLikeView(self);  // __index__ may have mutated a bytearray
  int64_t len = static_cast<int64_t>(data.size());
  if (end > len) end = len;
  if (start > end || end - start < static_cast<int64_t>(sub.size())) return -1;
  View window = data.substr(start, end - start);
  size_t pos = reverse ? window.rfind(sub) : window.find(sub);
  if (pos == View::npos) return -1;
  return start + static_cast<int64_t>(pos);
}

Ref<> MakeList(Object* self, const std::vector<View>& parts) {
  Ref<List> list = NewListSized(static_cast<int64_t>(parts.size()));
  PY_RETURN_IF_NULL(list);
  for (size_t i = 0; i < parts.size(); ++i) {
    Ref<> item = NewBytesLike(self, parts[i]);
    PY_RETURN_IF_NULL(item);
    ListInit(list.get(), static_cast<int64_t>(i), std::move(item));
  }
  return list;
}

// sep / maxsplit arguments of split and rsplit.
bool SplitArgs(const char* name, Object* const* args, size_t nargs, Tuple* kwnames,
               std::string* sep, bool* has_sep, int64_t* maxsplit) {
  const Params params{name, {"sep", "maxsplit"}, 0, 0};
  Object* a[2];
  if (!ParseArgs(params, args, nargs, kwnames, a)) return false;
  *has_sep = a[0] != nullptr && a[0] != None();
  if (*has_sep) {
    View v;
    if (!RequireBytesLike(a[0], &v)) return false;
    if (v.empty()) {
      SetError(&ValueErrorType, "empty separator");
      return false;
    }
    *sep = std::string(v);
  }
  *maxsplit = -1;
  if (a[1] != nullptr && !AsSsize(a[1], &OverflowErrorType, maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

// The bytes to strip: None / missing means ASCII white space.
bool StripChars(Object* const* args, size_t nargs, const char* name, std::string* chars,
                bool* whitespace) {
  if (!CheckPositional(name, nargs, 0, 1)) return false;
  *whitespace = nargs == 0 || args[0] == None();
  if (!*whitespace) {
    View v;
    if (!RequireBytesLike(args[0], &v)) return false;
    *chars = std::string(v);
  }
  return true;
}

Ref<> StripImpl(Object* self, Object* const* args, size_t nargs, const char* name, bool left,
                bool right) {
  std::string chars;
  bool ws;
  if (!StripChars(args, nargs, name, &chars, &ws)) return nullptr;
  View data = BytesLikeView(self);
  auto strip = [&](char c) {
    return ws ? IsSpaceByte(static_cast<unsigned char>(c)) : chars.find(c) != std::string::npos;
  };
  size_t b = 0, e = data.size();
  if (left) {
    while (b < e && strip(data[b])) ++b;
  }
  if (right) {
    while (e > b && strip(data[e - 1])) --e;
  }
  return NewBytesLike(self, data.substr(b, e - b));
}

// The fill argument of center/ljust/rjust: a bytes-like object of length 1.
bool PadArgs(const char* name, Object* const* args, size_t nargs, int64_t* width, char* fill) {
  if (!CheckPositional(name, nargs, 1, 2)) return false;
  if (!AsSsize(args[0], &OverflowErrorType, width)) return false;
  *fill = ' ';
  if (nargs == 2) {
    if (!IsBytesLike(args[1]) || BytesLikeView(args[1]).size() != 1) {
      SetErrorF(&TypeErrorType, "%s() argument 2 must be a byte string of length 1, not %s", name,
                TypeNameOf(args[1]));
      return false;
    }
    *fill = BytesLikeView(args[1])[0];
  }
  return true;
}

Ref<> PadImpl(Object* self, int64_t left, int64_t right, char fill) {
  View data = BytesLikeView(self);
  std::string out(static_cast<size_t>(left), fill);
  out += data;
  out.append(static_cast<size_t>(right), fill);
  return NewBytesLike(self, out);
}

// startswith / endswith core.
Ref<> TailMatch(const char* name, Object* self, Object* const* args, size_t nargs, bool end_match) {
  if (!CheckPositional(name, nargs, 1, 3)) return nullptr;
  View data = BytesLikeView(self);
  int64_t start, end;
  if (!StartEnd(args, nargs, 1, static_cast<int64_t>(data.size()), &start, &end)) return nullptr;
  data = BytesLikeView(self);
  auto match = [&](View sub) {
    int64_t slen = static_cast<int64_t>(sub.size());
    if (end - start < slen || start > static_cast<int64_t>(data.size())) return false;
    if (end_match) return data.substr(end - slen, slen) == sub;
    return data.substr(start, slen) == sub;
  };
  Object* arg = args[0];
  if (IsTuple(arg)) {
    auto* t = static_cast<Tuple*>(arg);
    for (int64_t i = 0; i < t->size; ++i) {
      if (!IsBytesLike(t->items[i])) {
        SetErrorF(&TypeErrorType, "a bytes-like object is required, not '%s'",
                  TypeNameOf(t->items[i]));
        return nullptr;
      }
      if (match(BytesLikeView(t->items[i]))) return NewBool(true);
    }
    return NewBool(false);
  }
  if (!IsBytesLike(arg)) {
    SetErrorF(&TypeErrorType, "%s first arg must be bytes or a tuple of bytes, not %s", name,
              TypeNameOf(arg));
    return nullptr;
  }
  return NewBool(match(BytesLikeView(arg)));
}

template <typename Pred>
Ref<> AllBytes(Object* self, Pred pred) {
  View data = BytesLikeView(self);
  if (data.empty()) return NewBool(false);
  for (unsigned char c : data) {
    if (!pred(c)) return NewBool(false);
  }
  return NewBool(true);
}

Ref<> PartitionImpl(Object* self, Object* sep_obj, bool reverse) {
  View sep;
  if (!RequireBytesLike(sep_obj, &sep)) return nullptr;
  if (sep.empty()) {
    SetError(&ValueErrorType, "empty separator");
    return nullptr;
  }
  std::string sep_copy(sep);
  View data = BytesLikeView(self);
  size_t pos = reverse ? data.rfind(sep_copy) : data.find(sep_copy);
  Ref<> a, b, c;
  if (pos == View::npos) {
    a = NewBytesLike(self, reverse ? "" : data);
    b = NewBytesLike(self, "");
    c = NewBytesLike(self, reverse ? data : "");
  } else {
    a = NewBytesLike(self, data.substr(0, pos));
    b = NewBytesLike(self, sep_copy);
    c = NewBytesLike(self, data.substr(pos + sep_copy.size()));
  }
  if (!a || !b || !c) return nullptr;
  return NewTupleFrom({a.get(), b.get(), c.get()});
}

int HexValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

}  // namespace

Ref<> BytesMethodDecode(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"decode", {"encoding", "errors"}, 0, 0};
  Object* a[2];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  for (int i = 0; i < 2; ++i) {
    if (a[i] != nullptr && !IsStr(a[i])) {
      SetErrorF(&TypeErrorType, "decode() argument '%s' must be str, not %s",
                i == 0 ? "encoding" : "errors", TypeNameOf(a[i]));
      return nullptr;
    }
  }
  std::string data(BytesLikeView(self));
  return StrDecode(data, a[0] ? StrUtf8(static_cast<Str*>(a[0])) : "utf-8",
                   a[1] ? StrUtf8(static_cast<Str*>(a[1])) : "strict");
}

Ref<> BytesMethodHex(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"hex", {"sep", "bytes_per_sep"}, 0, 0};
  Object* a[2];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  std::string sep;
  if (a[0] != nullptr) {
    if (IsStr(a[0])) {
      sep = std::string(StrUtf8(static_cast<Str*>(a[0])));
    } else if (IsBytesLike(a[0])) {
      sep = std::string(BytesLikeView(a[0]));
    } else {
      SetError(&TypeErrorType, "sep must be str or bytes.");
      return nullptr;
    }
    if (sep.size() != 1) {
      SetError(&ValueErrorType, "sep must be length 1.");
      return nullptr;
    }
    if (static_cast<unsigned char>(sep[0]) >= 128) {
      SetError(&ValueErrorType, "sep must be ASCII.");
      return nullptr;
    }
  }
  int64_t per = 1;
  if (a[1] != nullptr && !AsSsize(a[1], &OverflowErrorType, &per)) return nullptr;
  View data = BytesLikeView(self);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  int64_t n = static_cast<int64_t>(data.size());
  int64_t group = per < 0 ? -per : per;
  for (int64_t i = 0; i < n; ++i) {
    if (!sep.empty() && group > 0 && i > 0) {
      // Groups are counted from the right for a positive bytes_per_sep, from the left otherwise.
      bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out += sep;
    }
    unsigned char c = static_cast<unsigned char>(data[i]);
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return NewStr(out);
}

Ref<> BytesMethodFromHex(Object* cls, Object* const* args, size_t, Tuple*) {
  if (!IsStr(args[0])) {
    SetErrorF(&TypeErrorType, "fromhex() argument must be str, not %s", TypeNameOf(args[0]));
    return nullptr;
  }
  auto* s = static_cast<Str*>(args[0]);
  std::string out;
  int64_t i = 0;
  while (i < s->length) {
    char32_t c = StrAt(s, i);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
      continue;
    }
    int hi = HexValue(c);
    if (hi < 0) {
      SetErrorF(&ValueErrorType, "non-hexadecimal number found in fromhex() arg at position %lld",
                static_cast<long long>(i));
      return nullptr;
    }
    int lo = i + 1 < s->length ? HexValue(StrAt(s, i + 1)) : -1;
    if (lo < 0) {
      SetErrorF(&ValueErrorType, "non-hexadecimal number found in fromhex() arg at position %lld",
                static_cast<long long>(i + 1));
      return nullptr;
    }
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  Type* type = static_cast<Type*>(cls);
  Ref<> r = IsSubtype(type, &ByteArrayType) ? NewByteArray(out) : Ref<>(NewBytes(out));
  PY_RETURN_IF_NULL(r);
  if (type == &BytesType || type == &ByteArrayType) return r;
  return CallOneArg(cls, r.get());
}

Ref<> BytesMethodJoin(Object* self, Object* const* args, size_t, Tuple*) {
  Ref<> seq = SequenceList(args[0]);
  PY_RETURN_IF_NULL(seq);
  auto* list = static_cast<List*>(seq.get());
  std::string sep(BytesLikeView(self));
  std::string out;
  for (int64_t i = 0; i < list->size; ++i) {
    Object* item = list->items[i];
    if (!IsBytesLike(item)) {
      SetErrorF(&TypeErrorType, "sequence item %lld: expected a bytes-like object, %s found",
                static_cast<long long>(i), TypeNameOf(item));
      return nullptr;
    }
    if (i > 0) out += sep;
    out += BytesLikeView(item);
  }
  return NewBytesLike(self, out);
}

Ref<> BytesMethodSplit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  std::string sep;
  bool has_sep;
  int64_t maxsplit;
  if (!SplitArgs("split", args, nargs, kwnames, &sep, &has_sep, &maxsplit)) return nullptr;
  View data = BytesLikeView(self);
  std::vector<View> parts;
  if (has_sep) {
    size_t pos = 0;
    while (maxsplit-- > 0) {
      size_t f = data.find(sep, pos);
      if (f == View::npos) break;
      parts.push_back(data.substr(pos, f - pos));
      pos = f + sep.size();
    }
    parts.push_back(data.substr(pos));
  } else {
    size_t i = 0, n = data.size();
    while (true) {
      while (i < n && IsSpaceByte(data[i])) ++i;
      if (i == n) break;
      if (maxsplit-- <= 0) {
        parts.push_back(data.substr(i));  // the rest keeps its trailing white space
        break;
      }
      size_t j = i;
      while (j < n && !IsSpaceByte(data[j])) ++j;
      parts.push_back(data.substr(i, j - i));
      i = j;
    }
  }
  return MakeList(self, parts);
}

Ref<> BytesMethodRSplit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  std::string sep;
  bool has_sep;
  int64_t maxsplit;
  if (!SplitArgs("rsplit", args, nargs, kwnames, &sep, &has_sep, &maxsplit)) return nullptr;
  View data = BytesLikeView(self);
  std::vector<View> parts;
  if (has_sep) {
    size_t end = data.size();
    while (maxsplit-- > 0 && end >= sep.size()) {
      size_t f = data.substr(0, end).rfind(sep);
      if (f == View::npos) break;
      parts.push_back(data.substr(f + sep.size(), end - f - sep.size()));
      end = f;
    }
    parts.push_back(data.substr(0, end));
  } else {
    size_t j = data.size();
    while (true) {
      while (j > 0 && IsSpaceByte(data[j - 1])) --j;
      if (j == 0) break;
      if (maxsplit-- <= 0) {
        parts.push_back(data.substr(0, j));  // the rest keeps its leading white space
        break;
      }
      size_t i = j;
      while (i > 0 && !IsSpaceByte(data[i - 1])) --i;
      parts.push_back(data.substr(i, j - i));
      j = i;
    }
  }
  std::vector<View> reversed(parts.rbegin(), parts.rend());
  return MakeList(self, reversed);
}

Ref<> BytesMethodSplitLines(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"splitlines", {"keepends"}, 0, 0};
  Object* a[1];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  bool keep = false;
  if (a[0] != nullptr) {
    int t = IsTrue(a[0]);
    if (t < 0) return nullptr;
    keep = t != 0;
  }
  View data = BytesLikeView(self);
  std::vector<View> parts;
  size_t i = 0, n = data.size();
  while (i < n) {
    size_t j = i;
    while (j < n && data[j] != '\n' && data[j] != '\r') ++j;
    size_t eol = j;
    if (j < n) {
      j += (data[j] == '\r' && j + 1 < n && data[j + 1] == '\n') ? 2 : 1;
      if (keep) eol = j;
    }
    parts.push_back(data.substr(i, eol - i));
    i = j;
  }
  return MakeList(self, parts);
}

Ref<> BytesMethodStrip(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return StripImpl(self, args, nargs, "strip", true, true);
}
Ref<> BytesMethodLStrip(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return StripImpl(self, args, nargs, "lstrip", true, false);
}
Ref<> BytesMethodRStrip(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return StripImpl(self, args, nargs, "rstrip", false, true);
}

Ref<> BytesMethodReplace(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("replace", nargs, 2, 3)) return nullptr;
  View old_v, new_v;
  if (!RequireBytesLike(args[0], &old_v) || !RequireBytesLike(args[1], &new_v)) return nullptr;
  std::string old_s(old_v), new_s(new_v);
  int64_t count = -1;
  if (nargs == 3 && !AsSsize(args[2], &OverflowErrorType, &count)) return nullptr;
  if (count < 0) count = INT64_MAX;
  View data = BytesLikeView(self);
  std::string out;
  if (old_s.empty()) {
    size_t i = 0;
    for (; i <= data.size(); ++i) {
      if (count-- > 0) {
        out += new_s;
      } else {
        out += data.substr(i);
        break;
      }
      if (i < data.size()) out.push_back(data[i]);
    }
    return NewBytesLike(self, out);
  }
  size_t pos = 0;
  while (count-- > 0) {
    size_t f = data.find(old_s, pos);
    if (f == View::npos) break;
    out += data.substr(pos, f - pos);
    out += new_s;
    pos = f + old_s.size();
  }
  out += data.substr(pos);
  return NewBytesLike(self, out);
}

namespace {

// The result of find() (index: false) or index() (index: true) for FindImpl's answer `r`.
Ref<> FindResult(int64_t r, bool index) {
  if (r == -2) return nullptr;
  if (r == -1 && index) {
    SetError(&ValueErrorType, "subsection not found");
    return nullptr;
  }
  return NewInt(r);
}

}  // namespace

Ref<> BytesMethodFind(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return FindResult(FindImpl("find", self, args, nargs, false), false);
}
Ref<> BytesMethodRFind(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return FindResult(FindImpl("rfind", self, args, nargs, true), false);
}
Ref<> BytesMethodIndex(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return FindResult(FindImpl("index", self, args, nargs, false), true);
}
Ref<> BytesMethodRIndex(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return FindResult(FindImpl("rindex", self, args, nargs, true), true);
}

Ref<> BytesMethodCount(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("count", nargs, 1, 3)) return nullptr;
  std::string sub;
  if (!SubArg(args[0], &sub)) return nullptr;
  View data = BytesLikeView(self);
  int64_t start, end;
  if (!StartEnd(args, nargs, 1, static_cast<int64_t>(data.size()), &start, &end)) return nullptr;
  data = BytesLikeView(self);
  if (start > end || start > static_cast<int64_t>(data.size())) return NewInt(0);
  View window = data.substr(start, end - start);
  if (sub.empty()) return NewInt(static_cast<int64_t>(window.size()) + 1);
  int64_t n = 0;
  size_t pos = 0;
  while ((pos = window.find(sub, pos)) != View::npos) {
    ++n;
    pos += sub.size();
  }
  return NewInt(n);
}

Ref<> BytesMethodStartsWith(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return TailMatch("startswith", self, args, nargs, false);
}
Ref<> BytesMethodEndsWith(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return TailMatch("endswith", self, args, nargs, true);
}

Ref<> BytesMethodUpper(Object* self, Object* const*, size_t, Tuple*) {
  std::string s(BytesLikeView(self));
  for (char& c : s) c = ToUpperByte(c);
  return NewBytesLike(self, s);
}
Ref<> BytesMethodLower(Object* self, Object* const*, size_t, Tuple*) {
  std::string s(BytesLikeView(self));
  for (char& c : s) c = ToLowerByte(c);
  return NewBytesLike(self, s);
}
Ref<> BytesMethodSwapCase(Object* self, Object* const*, size_t, Tuple*) {
  std::string s(BytesLikeView(self));
  for (char& c : s) c = IsUpperByte(c) ? ToLowerByte(c) : ToUpperByte(c);
  return NewBytesLike(self, s);
}
Ref<> BytesMethodCapitalize(Object* self, Object* const*, size_t, Tuple*) {
  std::string s(BytesLikeView(self));
  for (size_t i = 0; i < s.size(); ++i) s[i] = i == 0 ? ToUpperByte(s[i]) : ToLowerByte(s[i]);
  return NewBytesLike(self, s);
}
Ref<> BytesMethodTitle(Object* self, Object* const*, size_t, Tuple*) {
  std::string s(BytesLikeView(self));
  bool prev_cased = false;
  for (char& c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (IsAlphaByte(u)) {
      c = prev_cased ? ToLowerByte(c) : ToUpperByte(c);
      prev_cased = true;
    } else {
      prev_cased = false;
    }
  }
  return NewBytesLike(self, s);
}

Ref<> BytesMethodIsDigit(Object* self, Object* const*, size_t, Tuple*) {
  return AllBytes(self, IsDigitByte);
}
Ref<> BytesMethodIsAlpha(Object* self, Object* const*, size_t, Tuple*) {
  return AllBytes(self, IsAlphaByte);
}
Ref<> BytesMethodIsAlnum(Object* self, Object* const*, size_t, Tuple*) {
  return AllBytes(self, [](unsigned char c) { return IsAlphaByte(c) || IsDigitByte(c); });
}
Ref<> BytesMethodIsSpace(Object* self, Object* const*, size_t, Tuple*) {
  return AllBytes(self, IsSpaceByte);
}
Ref<> BytesMethodIsAscii(Object* self, Object* const*, size_t, Tuple*) {
  for (unsigned char c : BytesLikeView(self)) {
    if (c >= 128) return NewBool(false);
  }
  return NewBool(true);
}
Ref<> BytesMethodIsLower(Object* self, Object* const*, size_t, Tuple*) {
  bool any = false;
  for (unsigned char c : BytesLikeView(self)) {
    if (IsUpperByte(c)) return NewBool(false);
    if (IsLowerByte(c)) any = true;
  }
  return NewBool(any);
}
Ref<> BytesMethodIsUpper(Object* self, Object* const*, size_t, Tuple*) {
  bool any = false;
  for (unsigned char c : BytesLikeView(self)) {
    if (IsLowerByte(c)) return NewBool(false);
    if (IsUpperByte(c)) any = true;
  }
  return NewBool(any);
}
Ref<> BytesMethodIsTitle(Object* self, Object* const*, size_t, Tuple*) {
  bool cased = false, prev_cased = false;
  for (unsigned char c : BytesLikeView(self)) {
    if (IsUpperByte(c)) {
      if (prev_cased) return NewBool(false);
      prev_cased = cased = true;
    } else if (IsLowerByte(c)) {
      if (!prev_cased) return NewBool(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return NewBool(cased);
}

Ref<> BytesMethodCenter(Object* self, Object* const* args, size_t nargs, Tuple*) {
  int64_t width;
  char fill;
  if (!PadArgs("center", args, nargs, &width, &fill)) return nullptr;
  int64_t len = static_cast<int64_t>(BytesLikeView(self).size());
  if (width <= len) return NewBytesLike(self, BytesLikeView(self));
  int64_t marg = width - len;
  int64_t left = marg / 2 + (marg & width & 1);
  return PadImpl(self, left, marg - left, fill);
}
Ref<> BytesMethodLJust(Object* self, Object* const* args, size_t nargs, Tuple*) {
  int64_t width;
  char fill;
  if (!PadArgs("ljust", args, nargs, &width, &fill)) return nullptr;
  int64_t len = static_cast<int64_t>(BytesLikeView(self).size());
  return PadImpl(self, 0, width > len ? width - len : 0, fill);
}
Ref<> BytesMethodRJust(Object* self, Object* const* args, size_t nargs, Tuple*) {
  int64_t width;
  char fill;
  if (!PadArgs("rjust", args, nargs, &width, &fill)) return nullptr;
  int64_t len = static_cast<int64_t>(BytesLikeView(self).size());
  return PadImpl(self, width > len ? width - len : 0, 0, fill);
}
Ref<> BytesMethodZFill(Object* self, Object* const* args, size_t, Tuple*) {
  int64_t width;
  if (!AsSsize(args[0], &OverflowErrorType, &width)) return nullptr;
  std::string s(BytesLikeView(self));
  int64_t len = static_cast<int64_t>(s.size());
  if (width <= len) return NewBytesLike(self, s);
  size_t fill = static_cast<size_t>(width - len);
  std::string out(fill, '0');
  out += s;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    out[0] = s[0];
    out[fill] = '0';
  }
  return NewBytesLike(self, out);
}

Ref<> BytesMethodPartition(Object* self, Object* const* args, size_t, Tuple*) {
  return PartitionImpl(self, args[0], false);
}
Ref<> BytesMethodRPartition(Object* self, Object* const* args, size_t, Tuple*) {
  return PartitionImpl(self, args[0], true);
}

Ref<> BytesMethodRemovePrefix(Object* self, Object* const* args, size_t, Tuple*) {
  View p;
  if (!RequireBytesLike(args[0], &p)) return nullptr;
  View data = BytesLikeView(self);
  if (data.starts_with(p) && !p.empty()) return NewBytesLike(self, data.substr(p.size()));
  if (self->type == &BytesType) return NewRef(self);
  return NewBytesLike(self, data);
}
Ref<> BytesMethodRemoveSuffix(Object* self, Object* const* args, size_t, Tuple*) {
  View p;
  if (!RequireBytesLike(args[0], &p)) return nullptr;
  View data = BytesLikeView(self);
  if (data.ends_with(p) && !p.empty()) {
    return NewBytesLike(self, data.substr(0, data.size() - p.size()));
  }
  if (self->type == &BytesType) return NewRef(self);
  return NewBytesLike(self, data);
}

Ref<> BytesMethodExpandTabs(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"expandtabs", {"tabsize"}, 0, 0};
  Object* a[1];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  int64_t tabsize = 8;
  if (a[0] != nullptr && !AsSsize(a[0], &OverflowErrorType, &tabsize)) return nullptr;
  std::string out;
  int64_t col = 0;
  for (char c : BytesLikeView(self)) {
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t n = tabsize - col % tabsize;
        out.append(static_cast<size_t>(n), ' ');
        col += n;
      }
    } else {
      out.push_back(c);
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  return NewBytesLike(self, out);
}

// translate(table, /, delete=b''): table is None or 256 bytes.
Ref<> BytesMethodTranslate(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"translate", {"table", "delete"}, 1, 1};
  Object* a[2];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  std::string table;
  if (a[0] != None()) {
    View t;
    if (!RequireBytesLike(a[0], &t)) return nullptr;
    if (t.size() != 256) {
      SetError(&ValueErrorType, "translation table must be 256 characters long");
      return nullptr;
    }
    table = std::string(t);
  }
  std::string del;
  if (a[1] != nullptr) {
    View d;
    if (!RequireBytesLike(a[1], &d)) return nullptr;
    del = std::string(d);
  }
  std::string out;
  for (char c : BytesLikeView(self)) {
    if (del.find(c) != std::string::npos) continue;
    out.push_back(table.empty() ? c : table[static_cast<unsigned char>(c)]);
  }
  return NewBytesLike(self, out);
}

// bytes.maketrans(frm, to) (static): the 256-byte table mapping frm[i] to to[i].
Ref<> BytesMethodMakeTrans(Object*, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("maketrans", nargs, 2, 2)) return nullptr;
  View frm, to;
  if (!RequireBytesLike(args[0], &frm) || !RequireBytesLike(args[1], &to)) return nullptr;
  if (frm.size() != to.size()) {
    SetError(&ValueErrorType, "maketrans arguments must have same length");
    return nullptr;
  }
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i);
  for (size_t i = 0; i < frm.size(); ++i) table[static_cast<unsigned char>(frm[i])] = to[i];
  return NewBytes(table);
}

}  // namespace pyrite::vm
