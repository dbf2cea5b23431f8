// The codecs built into str: str.encode and str(bytes, encoding, errors) for utf-8, ascii,
// latin-1, utf-16 and utf-32 (with and without byte order), with the error handlers strict,
// ignore, replace, backslashreplace, xmlcharrefreplace (encoding), surrogateescape and
// surrogatepass, raising UnicodeEncodeError / UnicodeDecodeError as CPython's codecs do.
#include <string>
#include <string_view>

#include "absl/strings/str_format.h"
#include "python/unicode/utf8.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/str_impl.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {
namespace {

enum class Codec { kUtf8, kAscii, kLatin1, kUtf16, kUtf16Le, kUtf16Be, kUtf32, kUtf32Le, kUtf32Be };

struct CodecInfo {
  Codec codec;
  const char* name;  // the name in error messages
};

// Normalises an encoding name as the codecs registry does ("UTF_8" -> "utf-8") and finds it.
bool LookupCodec(std::string_view encoding, CodecInfo* out) {
  std::string n;
  for (char c : encoding) {
    if (c == '_' || c == ' ') c = '-';
    n.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  struct Alias {
    const char* name;
    Codec codec;
    const char* canonical;
  };
  static const Alias kAliases[] = {
      {"utf-8", Codec::kUtf8, "utf-8"},       {"utf8", Codec::kUtf8, "utf-8"},
      {"u8", Codec::kUtf8, "utf-8"},          {"utf", Codec::kUtf8, "utf-8"},
      {"cp65001", Codec::kUtf8, "utf-8"},     {"utf8-ucs2", Codec::kUtf8, "utf-8"},
      {"utf8-ucs4", Codec::kUtf8, "utf-8"},   {"ascii", Codec::kAscii, "ascii"},
      {"us-ascii", Codec::kAscii, "ascii"},   {"646", Codec::kAscii, "ascii"},
      {"us", Codec::kAscii, "ascii"},         {"latin-1", Codec::kLatin1, "latin-1"},
      {"latin1", Codec::kLatin1, "latin-1"},  {"latin", Codec::kLatin1, "latin-1"},
      {"l1", Codec::kLatin1, "latin-1"},      {"iso-8859-1", Codec::kLatin1, "latin-1"},
      {"iso8859-1", Codec::kLatin1, "latin-1"}, {"8859", Codec::kLatin1, "latin-1"},
      {"cp819", Codec::kLatin1, "latin-1"},   {"iso-ir-100", Codec::kLatin1, "latin-1"},
      {"utf-16", Codec::kUtf16, "utf-16"},    {"utf16", Codec::kUtf16, "utf-16"},
      {"utf-16-le", Codec::kUtf16Le, "utf-16-le"}, {"utf-16le", Codec::kUtf16Le, "utf-16-le"},
      {"utf-16-be", Codec::kUtf16Be, "utf-16-be"}, {"utf-16be", Codec::kUtf16Be, "utf-16-be"},
      {"utf-32", Codec::kUtf32, "utf-32"},    {"utf32", Codec::kUtf32, "utf-32"},
      {"utf-32-le", Codec::kUtf32Le, "utf-32-le"}, {"utf-32le", Codec::kUtf32Le, "utf-32-le"},
      {"utf-32-be", Codec::kUtf32Be, "utf-32-be"}, {"utf-32be", Codec::kUtf32Be, "utf-32-be"},
  };
  for (const Alias& a : kAliases) {
    if (n == a.name) {
      *out = {a.codec, a.canonical};
      return true;
    }
  }
  SetErrorF(&LookupErrorType, "unknown encoding: %.*s", static_cast<int>(encoding.size()),
            encoding.data());
  return false;
}

enum class Handler {
  kStrict, kIgnore, kReplace, kBackslashReplace, kXmlCharRefReplace, kSurrogateEscape,
  kSurrogatePass, kNameReplace
};

// Finds an error handler; unknown names are reported only when an error needs the handler, as
// CPython does ('a'.encode('ascii', 'bogus') succeeds).
bool FindHandler(std::string_view errors, Handler* out) {
  static const std::pair<const char*, Handler> kHandlers[] = {
      {"strict", Handler::kStrict},
      {"ignore", Handler::kIgnore},
      {"replace", Handler::kReplace},
      {"backslashreplace", Handler::kBackslashReplace},
      {"xmlcharrefreplace", Handler::kXmlCharRefReplace},
      {"surrogateescape", Handler::kSurrogateEscape},
      {"surrogatepass", Handler::kSurrogatePass},
      {"namereplace", Handler::kNameReplace},
  };
  for (const auto& [name, h] : kHandlers) {
    if (errors == name) {
      *out = h;
      return true;
    }
  }
  *out = Handler::kStrict;
  return false;
}

void UnknownHandler(std::string_view errors) {
  SetErrorF(&LookupErrorType, "unknown error handler name '%.*s'",
            static_cast<int>(errors.size()), errors.data());
}

void RaiseUnicodeError(Type* type, const char* encoding, Object* object, int64_t start,
                       int64_t end, std::string_view reason) {
  Ref<Str> enc = NewStr(encoding);
  Ref<> s = NewInt(start);
  Ref<> e = NewInt(end);
  Ref<Str> r = NewStr(reason);
  if (!enc || !s || !e || !r) return;
  Object* args[] = {enc.get(), object, s.get(), e.get(), r.get()};
  Ref<> exc = Call(type, args, 5);
  if (!exc) return;
  SetErrorObject(exc.get());
}

void AppendUnit(std::string& out, uint32_t unit, int size, bool big_endian) {
  for (int i = 0; i < size; ++i) {
    const int shift = big_endian ? (size - 1 - i) * 8 : i * 8;
    out.push_back(static_cast<char>((unit >> shift) & 0xFF));
  }
}

// Appends one code point in the target encoding; false if it cannot be encoded there.
bool EncodeOne(Codec codec, char32_t c, std::string& out, bool surrogatepass) {
  const bool surrogate = c >= 0xD800 && c < 0xE000;
  switch (codec) {
    case Codec::kUtf8:
      if (surrogate && !surrogatepass) return false;
      unicode::AppendUtf8(out, c);
      return true;
    case Codec::kAscii:
      if (c >= 0x80) return false;
      out.push_back(static_cast<char>(c));
      return true;
    case Codec::kLatin1:
      if (c >= 0x100) return false;
      out.push_back(static_cast<char>(c));
      return true;
    case Codec::kUtf16:
    case Codec::kUtf16Le:
    case Codec::kUtf16Be: {
      if (surrogate && !surrogatepass) return false;
      const bool be = codec == Codec::kUtf16Be;
      if (c >= 0x10000) {
        AppendUnit(out, 0xD800 + ((c - 0x10000) >> 10), 2, be);
        AppendUnit(out, 0xDC00 + ((c - 0x10000) & 0x3FF), 2, be);
      } else {
        AppendUnit(out, c, 2, be);
      }
      return true;
    }
    default:
      if (surrogate && !surrogatepass) return false;
      AppendUnit(out, c, 4, codec == Codec::kUtf32Be);
      return true;
  }
}

const char* EncodeReason(Codec codec) {
  switch (codec) {
    case Codec::kAscii:
      return "ordinal not in range(128)";
    case Codec::kLatin1:
      return "ordinal not in range(256)";
    default:
      return "surrogates not allowed";
  }
}

}  // namespace

Ref<> StrEncode(Str* s, std::string_view encoding, std::string_view errors) {
  CodecInfo info;
  if (!LookupCodec(encoding, &info)) return nullptr;
  Handler handler;
  const bool known_handler = FindHandler(errors, &handler);
  if (info.codec == Codec::kUtf8 && (s->ascii || s->kind == 1)) {
    return NewBytes(StrUtf8(s));  // Latin-1 text has no surrogates
  }
  std::string out;
  out.reserve(static_cast<size_t>(s->length));
  if (info.codec == Codec::kUtf16) AppendUnit(out, 0xFEFF, 2, false);
  if (info.codec == Codec::kUtf32) AppendUnit(out, 0xFEFF, 4, false);
  const bool pass = handler == Handler::kSurrogatePass;
  for (int64_t i = 0; i < s->length; ++i) {
    const char32_t c = StrAt(s, i);
    if (EncodeOne(info.codec, c, out, pass)) continue;
    // The run of characters this codec cannot encode.
    int64_t end = i + 1;
    std::string scratch;
    while (end < s->length && !EncodeOne(info.codec, StrAt(s, end), scratch, pass)) ++end;
    if (!known_handler) {
      UnknownHandler(errors);
      return nullptr;
    }
    switch (handler) {
      case Handler::kStrict:
      case Handler::kSurrogatePass:
        RaiseUnicodeError(&UnicodeEncodeErrorType, info.name, s, i, end,
                          EncodeReason(info.codec));
        return nullptr;
      case Handler::kIgnore:
        break;
      case Handler::kReplace:
        for (int64_t j = i; j < end; ++j) EncodeOne(info.codec, '?', out, false);
        break;
      case Handler::kSurrogateEscape: {
        // Only byte-oriented codecs take escaped bytes back, and only if the whole run is
        // U+DC80..U+DCFF; otherwise the run's error stands.
        bool escapable = info.codec == Codec::kUtf8 || info.codec == Codec::kAscii ||
                         info.codec == Codec::kLatin1;
        for (int64_t j = i; j < end && escapable; ++j) {
          const char32_t d = StrAt(s, j);
          escapable = d >= 0xDC80 && d <= 0xDCFF;
        }
        if (!escapable) {
          RaiseUnicodeError(&UnicodeEncodeErrorType, info.name, s, i, end,
                            EncodeReason(info.codec));
          return nullptr;
        }
        for (int64_t j = i; j < end; ++j) out.push_back(static_cast<char>(StrAt(s, j) - 0xDC00));
        break;
      }
      case Handler::kXmlCharRefReplace:
        for (int64_t j = i; j < end; ++j) {
          for (char ch : absl::StrFormat("&#%d;", static_cast<uint32_t>(StrAt(s, j)))) {
            EncodeOne(info.codec, static_cast<unsigned char>(ch), out, false);
          }
        }
        break;
      case Handler::kBackslashReplace:
      case Handler::kNameReplace:
        for (int64_t j = i; j < end; ++j) {
          const char32_t d = StrAt(s, j);
          std::string esc = d < 0x100     ? absl::StrFormat("\\x%02x", static_cast<uint32_t>(d))
                            : d < 0x10000 ? absl::StrFormat("\\u%04x", static_cast<uint32_t>(d))
                                          : absl::StrFormat("\\U%08x", static_cast<uint32_t>(d));
          for (char ch : esc) EncodeOne(info.codec, static_cast<unsigned char>(ch), out, false);
        }
        break;
    }
    i = end - 1;
  }
  return NewBytes(out);
}

namespace {

// One UTF-8 sequence at data[i]: its length and code point, or 0 with the reason and the end of
// the bad bytes (CPython's error ranges).
int DecodeUtf8One(std::string_view data, size_t i, bool surrogatepass, char32_t* cp,
                  size_t* bad_end, const char** reason) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(data[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  int n;
  char32_t value;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    value = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    value = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED && !surrogatepass) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    value = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    *reason = "invalid start byte";
    *bad_end = i + 1;
    return 0;
  }
  for (int k = 1; k < n; ++k) {
    if (i + k >= data.size()) {
      *reason = "unexpected end of data";
      *bad_end = data.size();
      return 0;
    }
    const unsigned char d = b(i + k);
    const unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (d < l || d > h) {
      *reason = "invalid continuation byte";
      *bad_end = i + k;
      return 0;
    }
    value = (value << 6) | (d & 0x3F);
  }
  *cp = value;
  return n;
}

}  // namespace

Ref<> StrDecode(std::string_view data, std::string_view encoding, std::string_view errors) {
  CodecInfo info;
  if (!LookupCodec(encoding, &info)) return nullptr;
  Handler handler;
  const bool known_handler = FindHandler(errors, &handler);
  std::u32string out;
  out.reserve(data.size());
  // The codec named in decoding errors: utf-16 and utf-32 report the byte order they settled on.
  const char* error_name = info.name;
  // Reports bytes [start, end) with `reason`; false: raise.
  auto on_error = [&](size_t start, size_t end, const char* reason) -> bool {
    if (!known_handler) {
      UnknownHandler(errors);
      return false;
    }
    switch (handler) {
      case Handler::kIgnore:
        return true;
      case Handler::kReplace:
        out.push_back(0xFFFD);
        return true;
      case Handler::kSurrogateEscape:
        for (size_t k = start; k < end; ++k) {
          const unsigned char c = static_cast<unsigned char>(data[k]);
          if (c < 0x80) break;
          out.push_back(0xDC00 + c);
        }
        return true;
      case Handler::kBackslashReplace:
        for (size_t k = start; k < end; ++k) {
          for (char ch : absl::StrFormat("\\x%02x", static_cast<unsigned char>(data[k]))) {
            out.push_back(static_cast<unsigned char>(ch));
          }
        }
        return true;
      default: {
        Ref<> obj = NewBytes(data);
        if (!obj) return false;
        RaiseUnicodeError(&UnicodeDecodeErrorType, error_name, obj.get(),
                          static_cast<int64_t>(start), static_cast<int64_t>(end), reason);
        return false;
      }
    }
  };
  switch (info.codec) {
    case Codec::kUtf8: {
      const bool pass = handler == Handler::kSurrogatePass;
      for (size_t i = 0; i < data.size();) {
        char32_t cp;
        size_t bad_end = 0;
        const char* reason = nullptr;
        const int n = DecodeUtf8One(data, i, pass, &cp, &bad_end, &reason);
        if (n > 0) {
          out.push_back(cp);
          i += n;
          continue;
        }
        if (handler == Handler::kSurrogateEscape) bad_end = i + 1;  // byte by byte
        if (!on_error(i, bad_end, reason)) return nullptr;
        i = bad_end;
      }
      break;
    }
    case Codec::kAscii:
      for (size_t i = 0; i < data.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(data[i]);
        if (c < 0x80) {
          out.push_back(c);
        } else if (!on_error(i, i + 1, "ordinal not in range(128)")) {
          return nullptr;
        }
      }
      break;
    case Codec::kLatin1:
      return NewStrFromLatin1(data);
    case Codec::kUtf16:
    case Codec::kUtf16Le:
    case Codec::kUtf16Be: {
      bool be = info.codec == Codec::kUtf16Be;
      size_t i = 0;
      const auto unit = [&](size_t k) {
        const unsigned a = static_cast<unsigned char>(data[k]);
        const unsigned b = static_cast<unsigned char>(data[k + 1]);
        return be ? (a << 8 | b) : (b << 8 | a);
      };
      if (info.codec == Codec::kUtf16 && data.size() >= 2) {
        const unsigned first = unit(0);
        if (first == 0xFEFF) {
          i = 2;
        } else if (first == 0xFFFE) {
          be = true;
          i = 2;
        }
      }
      error_name = be ? "utf-16-be" : "utf-16-le";
      while (i < data.size()) {
        if (i + 1 >= data.size()) {
          if (!on_error(i, data.size(), "truncated data")) return nullptr;
          break;
        }
        const unsigned u = unit(i);
        if (u < 0xD800 || u > 0xDFFF) {
          out.push_back(u);
          i += 2;
          continue;
        }
        if (u >= 0xDC00) {
          if (handler == Handler::kSurrogatePass) {
            out.push_back(u);
          } else if (!on_error(i, i + 2, "illegal encoding")) {
            return nullptr;
          }
          i += 2;
          continue;
        }
        if (i + 3 >= data.size()) {
          if (!on_error(i, data.size(), "unexpected end of data")) return nullptr;
          break;
        }
        const unsigned v = unit(i + 2);
        if (v < 0xDC00 || v > 0xDFFF) {
          if (handler == Handler::kSurrogatePass) {
            out.push_back(u);
          } else if (!on_error(i, i + 2, "illegal UTF-16 surrogate")) {
            return nullptr;
          }
          i += 2;
          continue;
        }
        out.push_back(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
        i += 4;
      }
      break;
    }
    default: {
      bool be = info.codec == Codec::kUtf32Be;
      size_t i = 0;
      const auto unit = [&](size_t k) {
        uint32_t v = 0;
        for (int j = 0; j < 4; ++j) {
          const uint32_t byte = static_cast<unsigned char>(data[k + (be ? j : 3 - j)]);
          v = (v << 8) | byte;
        }
        return v;
      };
      if (info.codec == Codec::kUtf32 && data.size() >= 4) {
        if (unit(0) == 0xFEFF) {
          i = 4;
        } else if (unit(0) == 0xFFFE0000u) {
          be = true;
          i = 4;
        }
      }
      error_name = be ? "utf-32-be" : "utf-32-le";
      while (i < data.size()) {
        if (i + 3 >= data.size()) {
          if (!on_error(i, data.size(), "truncated data")) return nullptr;
          break;
        }
        const uint32_t u = unit(i);
        if (u > 0x10FFFF || (u >= 0xD800 && u < 0xE000 && handler != Handler::kSurrogatePass)) {
          if (!on_error(i, i + 4,
                        u > 0x10FFFF ? "code point not in range(0x110000)"
                                     : "code point in surrogate code point range(0xd800, "
                                       "0xe000)")) {
            return nullptr;
          }
        } else {
          out.push_back(u);
        }
        i += 4;
      }
      break;
    }
  }
  return NewStrFromU32(out);
}

Ref<> StrEncodeMethod(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"encode", {"encoding", "errors"}, 0, 0};
  Object* a[2] = {nullptr, nullptr};
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  std::string_view encoding = "utf-8", errors = "strict";
  for (int i = 0; i < 2; ++i) {
    if (a[i] == nullptr) continue;
    if (!IsStr(a[i])) {
      SetErrorF(&TypeErrorType, "encode() argument '%s' must be str, not %s",
                i == 0 ? "encoding" : "errors", TypeNameOf(a[i]));
      return nullptr;
    }
    (i == 0 ? encoding : errors) = StrUtf8(static_cast<Str*>(a[i]));
  }
  return StrEncode(static_cast<Str*>(self), encoding, errors);
}

}  // namespace pyrite::vm
