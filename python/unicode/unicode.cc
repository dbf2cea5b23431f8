// Character properties (XID, printable) and NFKC normalisation, answered from the generated
// tables (tables.h). Name lookup lives in names.cc.
#include "python/unicode/unicode.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "python/unicode/tables.h"
#include "python/unicode/utf8.h"

namespace pyrite::unicode {
namespace {

constexpr char32_t kMaxCodePoint = 0x10FFFF;

// Hangul syllables are composed of jamo algorithmically (Unicode §3.12).
constexpr char32_t kSBase = 0xAC00;
constexpr char32_t kLBase = 0x1100;
constexpr char32_t kVBase = 0x1161;
constexpr char32_t kTBase = 0x11A7;
constexpr char32_t kLCount = 19;
constexpr char32_t kVCount = 21;
constexpr char32_t kTCount = 28;
constexpr char32_t kNCount = kVCount * kTCount;
constexpr char32_t kSCount = kLCount * kNCount;

const tables::Record& RecordOf(char32_t cp) {
  static constexpr tables::Record kUnassigned = {0, 0, 0};
  if (cp > kMaxCodePoint) return kUnassigned;
  const int shift = tables::kBlockShift;
  const char32_t mask = (char32_t{1} << shift) - 1;
  const uint32_t block = tables::kBlockIndex[cp >> shift];
  return tables::kRecords[tables::kBlocks[(block << shift) + (cp & mask)]];
}

int CombiningClass(char32_t cp) { return RecordOf(cp).combining_class; }

// Appends the full compatibility decomposition of `cp`.
void Decompose(char32_t cp, std::u32string& out) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    const char32_t s = cp - kSBase;
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount != 0) out.push_back(kTBase + s % kTCount);
    return;
  }
  const uint16_t index = RecordOf(cp).decomposition;
  if (index == 0) {
    out.push_back(cp);
    return;
  }
  const char32_t header = tables::kDecompositions[index];
  const char32_t* parts = &tables::kDecompositions[index + 1];
  for (char32_t i = 0; i < header >> 1; ++i) Decompose(parts[i], out);
}

// The canonical composition of a starter and a following character, or 0.
char32_t Compose(char32_t first, char32_t second) {
  if (first >= kLBase && first < kLBase + kLCount && second >= kVBase &&
      second < kVBase + kVCount) {
    return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
  }
  if (first >= kSBase && first < kSBase + kSCount && (first - kSBase) % kTCount == 0 &&
      second > kTBase && second < kTBase + kTCount) {
    return first + (second - kTBase);
  }
  if (first > kMaxCodePoint || second > kMaxCodePoint) return 0;
  const uint64_t key = (uint64_t{first} << 21) | second;
  const tables::Composition* begin = tables::kCompositions;
  const tables::Composition* end = begin + tables::kCompositionCount;
  const tables::Composition* it = std::lower_bound(
      begin, end, key, [](const tables::Composition& c, uint64_t k) { return c.key < k; });
  return it != end && it->key == key ? it->composed : 0;
}

// Decodes UTF-8 leniently: surrogates encoded as 3-byte sequences are kept (identifiers never
// hold them, string constants may), malformed bytes become U+FFFD.
std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(NextCodePoint(s, i).value_or(0xFFFD));
  return out;
}

}  // namespace

std::string_view DataVersion() { return tables::kVersion; }

bool IsXidStart(char32_t cp) { return cp == '_' || (RecordOf(cp).flags & tables::kXidStart) != 0; }

bool IsXidContinue(char32_t cp) { return (RecordOf(cp).flags & tables::kXidContinue) != 0; }

bool IsPrintable(char32_t cp) { return (RecordOf(cp).flags & tables::kPrintable) != 0; }

std::string NormalizeNfkc(std::string_view utf8) {
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return (c & 0x80) == 0; })) {
    return std::string(utf8);
  }
  std::u32string chars;
  for (char32_t cp : DecodeUtf8(utf8)) Decompose(cp, chars);

  // Canonical ordering: a stable sort of each run of non-starters by combining class.
  for (size_t i = 0; i < chars.size();) {
    if (CombiningClass(chars[i]) == 0) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < chars.size() && CombiningClass(chars[end]) != 0) ++end;
    std::stable_sort(chars.begin() + i, chars.begin() + end,
                     [](char32_t a, char32_t b) { return CombiningClass(a) < CombiningClass(b); });
    i = end;
  }

  // Canonical composition: each character joins the last starter unless blocked, i.e. unless a
  // character in between has a class of 0 or at least its own.
  if (!chars.empty()) {
    size_t starter = 0;
    // 256 marks "no usable starter": a text opening with a non-starter composes nothing then.
    int last_class = CombiningClass(chars[0]) == 0 ? 0 : 256;
    size_t kept = 1;
    for (size_t i = 1; i < chars.size(); ++i) {
      const char32_t ch = chars[i];
      const int ch_class = CombiningClass(ch);
      if (last_class < ch_class || last_class == 0) {
        if (const char32_t composed = Compose(chars[starter], ch); composed != 0) {
          chars[starter] = composed;
          continue;
        }
      }
      if (ch_class == 0) starter = kept;
      last_class = ch_class;
      chars[kept++] = ch;
    }
    chars.resize(kept);
  }

  std::string out;
  out.reserve(utf8.size());
  for (char32_t cp : chars) AppendUtf8(out, cp);
  return out;
}

}  // namespace pyrite::unicode
