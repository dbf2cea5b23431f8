// Source decoding: what CPython 3.11's decode_str (Parser/tokenizer.c) does to the bytes given to
// compile(): newline translation first, then the UTF-8 BOM, then a PEP 263 declaration on line 1
// or 2, then transcoding to UTF-8.
//
// Without a declaration (or with exactly "utf-8") the bytes pass through unchecked, as in CPython:
// invalid UTF-8 is only an error where the tokenizer or the string parser looks at it (comments
// may hold anything). A declared codec decodes the whole buffer strictly.
#include "python/parser/source.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>

#include "python/unicode/utf8.h"

namespace pyrite::parser {
namespace {

// CPython's translate_newlines: "\r\n" and "\r" become "\n" and a final "\n" is added when the
// last character copied is not one. Quirk kept on purpose: a final "\r\n" leaves `last` at the
// terminator, so such a file gets one more empty line (it moves EOF error positions).
std::string TranslateNewlines(std::string_view in) {
  std::string out;
  out.reserve(in.size() + 2);
  if (in.find('\r') == std::string_view::npos) {
    out.assign(in);
    if (out.empty() || out.back() != '\n') out.push_back('\n');
    return out;
  }
  bool skip_next_lf = false;
  char last = '\0';
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (skip_next_lf) {
      skip_next_lf = false;
      if (c == '\n') {
        if (++i == in.size()) {
          last = '\0';
          break;
        }
        c = in[i];
      }
    }
    if (c == '\r') {
      skip_next_lf = true;
      c = '\n';
    }
    out.push_back(c);
    last = c;
  }
  if (last != '\n') out.push_back('\n');
  return out;
}

// get_normal_name: only the utf-8 and latin-1 families are renamed; it looks at 12 characters.
std::string NormalName(const std::string& s) {
  std::string buf;
  for (size_t i = 0; i < s.size() && i < 12; ++i) {
    char c = s[i];
    buf.push_back(c == '_' ? '-' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  auto starts = [&buf](std::string_view p) { return std::string_view(buf).starts_with(p); };
  if (buf == "utf-8" || starts("utf-8-")) return "utf-8";
  if (buf == "latin-1" || buf == "iso-8859-1" || buf == "iso-latin-1" || starts("latin-1-") ||
      starts("iso-8859-1-") || starts("iso-latin-1-")) {
    return "iso-8859-1";
  }
  return s;
}

bool IsSpaceTabFf(char c) { return c == ' ' || c == '\t' || c == '\f'; }
bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// get_coding_spec + the "comment or blank" test of check_coding_spec. `line` excludes its "\n".
// Returns true when the line may be followed by a declaration on the next line.
bool FindCodingSpec(std::string_view line, std::string* spec) {
  // "size - 6" in CPython counts the newline for line 2 but not line 1; both come to: "coding"
  // must be followed by at least one more character of the line.
  const size_t n = line.size();
  size_t i = 0;
  bool comment = false;
  for (; i + 6 < n; ++i) {
    if (line[i] == '#') {
      comment = true;
      break;
    }
    if (!IsSpaceTabFf(line[i])) break;
  }
  for (; comment && i + 6 < n; ++i) {
    if (line.compare(i, 6, "coding") != 0) continue;
    size_t t = i + 6;
    if (line[t] != ':' && line[t] != '=') continue;
    do {
      ++t;
    } while (t < n && (line[t] == ' ' || line[t] == '\t'));
    size_t begin = t;
    while (t < n && (IsAlnum(line[t]) || line[t] == '-' || line[t] == '_' || line[t] == '.')) ++t;
    if (begin < t) {
      *spec = NormalName(std::string(line.substr(begin, t - begin)));
      return false;
    }
  }
  for (char c : line) {
    if (c == '#') return true;
    if (!IsSpaceTabFf(c)) return false;
  }
  return true;
}

SyntaxError NoPositionError(std::string message) {
  SyntaxError e;
  e.message = std::move(message);
  e.lineno = 0;
  e.offset = -1;
  return e;
}

std::string Hex2(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", b);
  return buf;
}

// Upper halves of the single-byte codecs that Lib/test files declare (values from Python's
// encodings package); 0 marks a byte the codec leaves undefined.
constexpr std::array<uint16_t, 128> kKoi8R = {
    0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524, 0x252C, 0x2534, 0x253C, 0x2580,
    0x2584, 0x2588, 0x258C, 0x2590, 0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248,
    0x2264, 0x2265, 0x00A0, 0x2321, 0x00B0, 0x00B2, 0x00B7, 0x00F7, 0x2550, 0x2551, 0x2552, 0x0451,
    0x2553, 0x2554, 0x2555, 0x2556, 0x2557, 0x2558, 0x2559, 0x255A, 0x255B, 0x255C, 0x255D, 0x255E,
    0x255F, 0x2560, 0x2561, 0x0401, 0x2562, 0x2563, 0x2564, 0x2565, 0x2566, 0x2567, 0x2568, 0x2569,
    0x256A, 0x256B, 0x256C, 0x00A9, 0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433,
    0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F, 0x044F, 0x0440, 0x0441,
    0x0442, 0x0443, 0x0436, 0x0432, 0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A,
    0x042E, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413, 0x0425, 0x0418, 0x0419, 0x041A,
    0x041B, 0x041C, 0x041D, 0x041E, 0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412,
    0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A};

constexpr std::array<uint16_t, 32> kCp1252Low = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

enum class Codec { kUtf8, kLatin1, kAscii, kCp1252, kLatin9, kKoi8R, kUnknown };

// Python's codec lookup: lower case, runs of other than alphanumerics and '.' become '_', then
// the aliases of encodings/aliases.py for the codecs supported here.
Codec LookupCodec(const std::string& name) {
  std::string n;
  bool pending_underscore = false;
  for (char c : name) {
    if (IsAlnum(c) || c == '.') {
      if (pending_underscore && !n.empty()) n.push_back('_');
      pending_underscore = false;
      n.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else {
      pending_underscore = true;
    }
  }
  struct Alias {
    std::string_view name;
    Codec codec;
  };
  static constexpr Alias kAliases[] = {
      {"utf_8", Codec::kUtf8},
      {"utf8", Codec::kUtf8},
      {"u8", Codec::kUtf8},
      {"utf", Codec::kUtf8},
      {"cp65001", Codec::kUtf8},
      {"utf8_ucs2", Codec::kUtf8},
      {"utf8_ucs4", Codec::kUtf8},
      {"latin_1", Codec::kLatin1},
      {"latin1", Codec::kLatin1},
      {"latin", Codec::kLatin1},
      {"l1", Codec::kLatin1},
      {"iso8859_1", Codec::kLatin1},
      {"iso_8859_1", Codec::kLatin1},
      {"iso_8859_1_1987", Codec::kLatin1},
      {"8859", Codec::kLatin1},
      {"cp819", Codec::kLatin1},
      {"ibm819", Codec::kLatin1},
      {"iso_ir_100", Codec::kLatin1},
      {"csisolatin1", Codec::kLatin1},
      {"ascii", Codec::kAscii},
      {"us_ascii", Codec::kAscii},
      {"us", Codec::kAscii},
      {"646", Codec::kAscii},
      {"ansi_x3.4_1968", Codec::kAscii},
      {"ansi_x3_4_1968", Codec::kAscii},
      {"ansi_x3.4_1986", Codec::kAscii},
      {"cp367", Codec::kAscii},
      {"csascii", Codec::kAscii},
      {"ibm367", Codec::kAscii},
      {"iso646_us", Codec::kAscii},
      {"iso_646.irv_1991", Codec::kAscii},
      {"iso_ir_6", Codec::kAscii},
      {"cp1252", Codec::kCp1252},
      {"windows_1252", Codec::kCp1252},
      {"1252", Codec::kCp1252},
      {"iso8859_15", Codec::kLatin9},
      {"iso_8859_15", Codec::kLatin9},
      {"latin9", Codec::kLatin9},
      {"l9", Codec::kLatin9},
      {"koi8_r", Codec::kKoi8R},
  };
  for (const Alias& a : kAliases) {
    if (n == a.name) return a.codec;
  }
  return Codec::kUnknown;
}

// Strict UTF-8 validation with the message of CPython's decoder ("invalid start byte",
// "invalid continuation byte", "unexpected end of data", over the bytes it names).
bool CheckUtf8(std::string_view s, std::string* message) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      *message = "'utf-8' codec can't decode byte " + Hex2(b) + " in position " +
                 std::to_string(i) + ": invalid start byte";
      return false;
    }
    size_t k = 1;
    for (; k <= need && i + k < n; ++k) {
      unsigned char c = p[i + k];
      unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
      if (c < l || c > h) break;
    }
    if (k > need) {
      i += need + 1;
      continue;
    }
    const char* reason = i + k >= n ? "unexpected end of data" : "invalid continuation byte";
    if (k == 1) {
      *message = "'utf-8' codec can't decode byte " + Hex2(b) + " in position " +
                 std::to_string(i) + ": " + reason;
    } else {
      *message = "'utf-8' codec can't decode bytes in position " + std::to_string(i) + "-" +
                 std::to_string(i + k - 1) + ": " + reason;
    }
    return false;
  }
  return true;
}

// Decodes `in` with a single-byte codec (or checks UTF-8) into UTF-8.
bool Transcode(std::string_view in, Codec codec, std::string* out, std::string* message) {
  if (codec == Codec::kUtf8) {
    if (!CheckUtf8(in, message)) return false;
    *out = std::string(in);
    return true;
  }
  out->clear();
  out->reserve(in.size() + in.size() / 8);
  for (size_t i = 0; i < in.size(); ++i) {
    auto b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      out->push_back(static_cast<char>(b));
      continue;
    }
    uint32_t cp = b;
    switch (codec) {
      case Codec::kAscii:
        *message = "'ascii' codec can't decode byte " + Hex2(b) + " in position " +
                   std::to_string(i) + ": ordinal not in range(128)";
        return false;
      case Codec::kCp1252:
        if (b < 0xA0) cp = kCp1252Low[b - 0x80];
        break;
      case Codec::kLatin9:
        switch (b) {
          case 0xA4:
            cp = 0x20AC;
            break;
          case 0xA6:
            cp = 0x0160;
            break;
          case 0xA8:
            cp = 0x0161;
            break;
          case 0xB4:
            cp = 0x017D;
            break;
          case 0xB8:
            cp = 0x017E;
            break;
          case 0xBC:
            cp = 0x0152;
            break;
          case 0xBD:
            cp = 0x0153;
            break;
          case 0xBE:
            cp = 0x0178;
            break;
          default:
            break;
        }
        break;
      case Codec::kKoi8R:
        cp = kKoi8R[b - 0x80];
        break;
      default:
        break;
    }
    if (cp == 0) {
      *message = "'charmap' codec can't decode byte " + Hex2(b) + " in position " +
                 std::to_string(i) + ": character maps to <undefined>";
      return false;
    }
    unicode::AppendUtf8(*out, cp);
  }
  return true;
}

}  // namespace

std::variant<DecodedSource, SyntaxError> DecodeSource(std::string_view bytes) {
  if (bytes.find('\0') != std::string_view::npos) {
    // CPython raises ValueError before tokenizing; the nearest SyntaxError-shaped report.
    return NoPositionError("source code string cannot contain null bytes");
  }
  std::string text = TranslateNewlines(bytes);
  bool bom = text.starts_with("\xEF\xBB\xBF");
  std::string_view body(text);
  if (bom) body.remove_prefix(3);

  std::string spec;
  size_t nl1 = body.find('\n');
  if (nl1 != std::string_view::npos) {
    bool look_further = FindCodingSpec(body.substr(0, nl1), &spec);
    size_t nl2 = body.find('\n', nl1 + 1);
    if (spec.empty() && look_further && nl2 != std::string_view::npos) {
      FindCodingSpec(body.substr(nl1 + 1, nl2 - nl1 - 1), &spec);
    }
  }

  DecodedSource out;
  out.encoding = spec.empty() ? "utf-8" : spec;
  if (bom && !spec.empty() && spec != "utf-8") {
    return NoPositionError("encoding problem: " + spec + " with BOM");
  }
  if (spec.empty() || spec == "utf-8") {
    out.text = bom ? std::string(body) : std::move(text);
    return out;
  }
  Codec codec = LookupCodec(spec);
  if (codec == Codec::kUnknown) return NoPositionError("unknown encoding: " + spec);
  std::string message;
  if (!Transcode(body, codec, &out.text, &message)) return NoPositionError(message);
  return out;
}

DecodedSource DecodeStrSource(std::string_view utf8) {
  DecodedSource out;
  out.text = TranslateNewlines(utf8);
  out.encoding = "utf-8";
  return out;
}

}  // namespace pyrite::parser
