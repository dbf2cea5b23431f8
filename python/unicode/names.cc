// LookupName: "\N{...}" names as CPython 3.11's unicodedata resolves them for string literals.
// Stored names and aliases match case-insensitively; the algorithmic "HANGUL SYLLABLE " and
// "CJK UNIFIED IDEOGRAPH-" forms only in upper case, as in CPython.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "python/unicode/tables.h"
#include "python/unicode/unicode.h"

namespace pyrite::unicode {
namespace {

// The short names of the jamo making up a Hangul syllable, in the order of their indices.
constexpr std::string_view kLeadJamo[] = {"G",  "GG", "N", "D",  "DD", "R", "M", "B", "BB", "S",
                                          "SS", "",   "J", "JJ", "C",  "K", "T", "P", "H"};
constexpr std::string_view kVowelJamo[] = {"A",   "AE", "YA", "YAE", "EO", "E",  "YEO",
                                           "YE",  "O",  "WA", "WAE", "OE", "YO", "U",
                                           "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
constexpr std::string_view kTrailJamo[] = {
    "",   "G",  "GG", "GS", "N",  "NJ", "NH", "D",  "L", "LG", "LM", "LB", "LS", "LT",
    "LP", "LH", "M",  "B",  "BS", "S",  "SS", "NG", "J", "C",  "K",  "T",  "P",  "H"};

// Consumes the longest of `jamo` that prefixes `name`; returns its index.
template <size_t N>
int ConsumeJamo(std::string_view& name, const std::string_view (&jamo)[N]) {
  int best = -1;
  for (size_t i = 0; i < N; ++i) {
    if (name.starts_with(jamo[i]) && (best < 0 || jamo[i].size() > jamo[best].size())) {
      best = static_cast<int>(i);
    }
  }
  if (best >= 0) name.remove_prefix(jamo[best].size());
  return best;
}

std::optional<char32_t> LookupHangul(std::string_view rest) {
  const int lead = ConsumeJamo(rest, kLeadJamo);
  const int vowel = ConsumeJamo(rest, kVowelJamo);
  const int trail = ConsumeJamo(rest, kTrailJamo);
  // Only the vowel table has no empty entry, so only it can fail to match.
  if (!rest.empty() || vowel < 0) return std::nullopt;
  return 0xAC00 + (lead * 21 + vowel) * 28 + trail;
}

std::optional<char32_t> LookupCjk(std::string_view hex) {
  if (hex.size() != 4 && hex.size() != 5) return std::nullopt;
  char32_t cp = 0;
  for (char c : hex) {
    if (c >= '0' && c <= '9') {
      cp = cp * 16 + (c - '0');
    } else if (c >= 'A' && c <= 'F') {
      cp = cp * 16 + (c - 'A' + 10);
    } else {
      return std::nullopt;
    }
  }
  for (int i = 0; i < tables::kCjkRangeCount; ++i) {
    if (cp >= tables::kCjkRanges[i].first && cp <= tables::kCjkRanges[i].last) return cp;
  }
  return std::nullopt;
}

int Symbol(char c) { return c - '#' - (c > '?' ? 1 : 0) - (c > '\\' ? 1 : 0); }

uint32_t Base90(const char* p, int width) {
  uint32_t value = 0;
  for (int i = 0; i < width; ++i) value = value * 90 + static_cast<uint32_t>(Symbol(p[i]));
  return value;
}

std::string_view Word(uint32_t n) {
  const char* start = tables::kLexicon + Base90(tables::kWordOffsets + 3 * n, 3);
  const char* end = start;
  while (*end != ' ') ++end;
  return std::string_view(start, static_cast<size_t>(end - start));
}

// One record of kNames: reading it yields the words of a name and its code point.
class NameRecord {
 public:
  explicit NameRecord(const char* p)
      : words_left_(Symbol(p[0])), code_point_(Base90(p + 1, 4)), next_(p + 5) {}

  char32_t code_point() const { return code_point_; }
  bool done() const { return words_left_ == 0; }

  std::string_view NextWord() {
    --words_left_;
    const int first = Symbol(*next_++);
    if (first < 60) return Word(static_cast<uint32_t>(first));
    if (first < 85) {
      const int second = Symbol(*next_++);
      return Word(static_cast<uint32_t>(60 + (first - 60) * 90 + second));
    }
    const uint32_t rest = Base90(next_, 2);
    next_ += 2;
    return Word(2310 + static_cast<uint32_t>(first - 85) * 8100 + rest);
  }

  // Where the following record starts, once every word is read.
  const char* end() const { return next_; }

 private:
  int words_left_;
  char32_t code_point_;
  const char* next_;
};

// Three-way comparison of the name in `record` with `query` (already upper case); reads the
// whole record.
int CompareName(NameRecord& record, std::string_view query) {
  int result = 0;
  bool first = true;
  while (!record.done()) {
    const std::string_view word = record.NextWord();
    if (result != 0) continue;
    if (!first) {
      if (query.empty()) {
        result = 1;
        continue;
      }
      if (query[0] != ' ') {
        result = ' ' < query[0] ? -1 : 1;
        continue;
      }
      query.remove_prefix(1);
    }
    first = false;
    const size_t common = std::min(word.size(), query.size());
    if (int c = word.substr(0, common).compare(query.substr(0, common)); c != 0) {
      result = c;
    } else if (word.size() > query.size()) {
      result = 1;
    } else {
      query.remove_prefix(common);
    }
  }
  if (result == 0 && !query.empty()) result = -1;
  return result;
}

const char* BucketStart(int bucket) {
  return tables::kNames + Base90(tables::kNameBuckets + 4 * bucket, 4);
}

}  // namespace

std::optional<char32_t> LookupName(std::string_view name) {
  constexpr std::string_view kHangul = "HANGUL SYLLABLE ";
  constexpr std::string_view kCjk = "CJK UNIFIED IDEOGRAPH-";
  if (name.starts_with(kHangul)) return LookupHangul(name.substr(kHangul.size()));
  if (name.starts_with(kCjk)) return LookupCjk(name.substr(kCjk.size()));

  std::string upper(name);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  // The last bucket whose first name is not after the query, then a scan of its names.
  const int buckets = (tables::kNameCount + tables::kNameBucket - 1) / tables::kNameBucket;
  int low = 0;
  int high = buckets;
  while (high - low > 1) {
    const int mid = low + (high - low) / 2;
    NameRecord record(BucketStart(mid));
    if (CompareName(record, upper) <= 0) {
      low = mid;
    } else {
      high = mid;
    }
  }
  const int count = std::min(tables::kNameBucket, tables::kNameCount - low * tables::kNameBucket);
  const char* p = BucketStart(low);
  for (int i = 0; i < count; ++i) {
    NameRecord record(p);
    const int c = CompareName(record, upper);
    if (c == 0) return record.code_point();
    if (c > 0) break;
    p = record.end();
  }
  return std::nullopt;
}

}  // namespace pyrite::unicode
