// str methods about letters and layout: the case mappings (upper, lower, title, capitalize,
// swapcase, casefold: full mappings, so 'ß'.upper() == 'SS', with the final-sigma rule), the
// character-class predicates (isalpha ... isprintable) and padding (center, ljust, rjust, zfill,
// expandtabs). Character properties come from python/unicode.
#include <string>

#include "python/unicode/unicode.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/str_impl.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {
namespace {

Str* AsStr(Object* o) { return static_cast<Str*>(o); }

// upper() / lower() of an ASCII string: a byte-wise mapping, without the Unicode tables and the
// code-point buffer (the common case for identifiers, keys and words).
Ref<> MapAsciiCase(Str* s, bool upper) {
  const char* src = static_cast<const char*>(s->data());
  const size_t n = static_cast<size_t>(s->length);
  char small[256];
  std::string big;
  char* out = small;
  if (n > sizeof(small)) {
    big.resize(n);
    out = big.data();
  }
  const char from = upper ? 'a' : 'A';
  for (size_t i = 0; i < n; ++i) {
    char c = src[i];
    if (static_cast<unsigned char>(c - from) < 26) c = static_cast<char>(c ^ 0x20);
    out[i] = c;
  }
  return NewStrFromLatin1(std::string_view(out, n));
}

void AppendMapped(std::u32string& out, int (*map)(char32_t, char32_t*), char32_t c) {
  char32_t buf[3];
  const int n = map(c, buf);
  out.append(buf, static_cast<size_t>(n));
}

// Lowercase of s[i] with the final sigma rule: capital sigma becomes final sigma when it ends a
// word, i.e. a cased letter precedes it and none follows (case-ignorable characters skipped).
void AppendLower(std::u32string& out, Str* s, int64_t i) {
  const char32_t c = StrAt(s, i);
  if (c != 0x3A3) {
    AppendMapped(out, unicode::ToLowerFull, c);
    return;
  }
  int64_t j = i - 1;
  while (j >= 0 && unicode::IsCaseIgnorable(StrAt(s, j))) --j;
  bool final_sigma = j >= 0 && unicode::IsCased(StrAt(s, j));
  if (final_sigma) {
    j = i + 1;
    while (j < s->length && unicode::IsCaseIgnorable(StrAt(s, j))) ++j;
    final_sigma = j == s->length || !unicode::IsCased(StrAt(s, j));
  }
  out.push_back(final_sigma ? 0x3C2 : 0x3C3);
}

template <typename Pred>
Ref<> AllChars(Object* self, Pred pred) {
  Str* s = AsStr(self);
  if (s->length == 0) return NewBool(false);
  for (int64_t i = 0; i < s->length; ++i) {
    if (!pred(StrAt(s, i))) return NewBool(false);
  }
  return NewBool(true);
}

// An int argument through __index__ ("'str' object cannot be interpreted as an integer").
bool IndexArg(Object* o, int64_t* out) {
  Ref<> i = Index(o);
  if (!i) return false;
  return AsSsize(i.get(), &OverflowErrorType, out);
}

// Parses (width[, fillchar]) for center/ljust/rjust.
bool ParsePadArgs(const char* name, Object* const* args, size_t nargs, int64_t* width,
                  char32_t* fill) {
  if (!CheckPositional(name, nargs, 1, 2)) return false;
  if (!IndexArg(args[0], width)) return false;
  *fill = ' ';
  if (nargs > 1) {
    if (!IsStr(args[1])) {
      SetErrorF(&TypeErrorType, "The fill character must be a unicode character, not %s",
                TypeNameOf(args[1]));
      return false;
    }
    if (AsStr(args[1])->length != 1) {
      SetError(&TypeErrorType, "The fill character must be exactly one character long");
      return false;
    }
    *fill = StrAt(AsStr(args[1]), 0);
  }
  return true;
}

Ref<> Pad(Str* s, int64_t left, int64_t right, char32_t fill) {
  if (left <= 0 && right <= 0) return StrCopyAs(&StrType, s);
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  std::u32string out(static_cast<size_t>(left), fill);
  for (int64_t i = 0; i < s->length; ++i) out.push_back(StrAt(s, i));
  out.append(static_cast<size_t>(right), fill);
  return NewStrFromU32(out);
}

}  // namespace

Ref<> StrUpperMethod(Object* self, Object* const*, size_t, Tuple*) {
  Str* s = AsStr(self);
  if (s->ascii) return MapAsciiCase(s, true);
  std::u32string out;
  out.reserve(static_cast<size_t>(s->length));
  for (int64_t i = 0; i < s->length; ++i) AppendMapped(out, unicode::ToUpperFull, StrAt(s, i));
  return NewStrFromU32(out);
}

Ref<> StrLowerMethod(Object* self, Object* const*, size_t, Tuple*) {
  Str* s = AsStr(self);
  if (s->ascii) return MapAsciiCase(s, false);
  std::u32string out;
  out.reserve(static_cast<size_t>(s->length));
  for (int64_t i = 0; i < s->length; ++i) AppendLower(out, s, i);
  return NewStrFromU32(out);
}

Ref<> StrCaseFoldMethod(Object* self, Object* const*, size_t, Tuple*) {
  Str* s = AsStr(self);
  std::u32string out;
  out.reserve(static_cast<size_t>(s->length));
  for (int64_t i = 0; i < s->length; ++i) AppendMapped(out, unicode::ToFoldedFull, StrAt(s, i));
  return NewStrFromU32(out);
}

Ref<> StrTitleMethod(Object* self, Object* const*, size_t, Tuple*) {
  Str* s = AsStr(self);
  std::u32string out;
  bool previous_is_cased = false;
  for (int64_t i = 0; i < s->length; ++i) {
    const char32_t c = StrAt(s, i);
    if (previous_is_cased) {
      AppendLower(out, s, i);
    } else {
      AppendMapped(out, unicode::ToTitleFull, c);
    }
    previous_is_cased = unicode::IsCased(c);
  }
  return NewStrFromU32(out);
}

Ref<> StrCapitalizeMethod(Object* self, Object* const*, size_t, Tuple*) {
  Str* s = AsStr(self);
  std::u32string out;
  for (int64_t i = 0; i < s->length; ++i) {
    if (i == 0) {
      AppendMapped(out, unicode::ToTitleFull, StrAt(s, 0));
    } else {
      AppendLower(out, s, i);
    }
  }
  return NewStrFromU32(out);
}

Ref<> StrSwapCaseMethod(Object* self, Object* const*, size_t, Tuple*) {
  Str* s = AsStr(self);
  std::u32string out;
  for (int64_t i = 0; i < s->length; ++i) {
    const char32_t c = StrAt(s, i);
    if (unicode::IsUpper(c)) {
      AppendLower(out, s, i);
    } else if (unicode::IsLower(c)) {
      AppendMapped(out, unicode::ToUpperFull, c);
    } else {
      out.push_back(c);
    }
  }
  return NewStrFromU32(out);
}

Ref<> StrIsAlphaMethod(Object* self, Object* const*, size_t, Tuple*) {
  return AllChars(self, unicode::IsAlpha);
}
Ref<> StrIsDigitMethod(Object* self, Object* const*, size_t, Tuple*) {
  return AllChars(self, unicode::IsDigit);
}
Ref<> StrIsDecimalMethod(Object* self, Object* const*, size_t, Tuple*) {
  return AllChars(self, unicode::IsDecimal);
}
Ref<> StrIsNumericMethod(Object* self, Object* const*, size_t, Tuple*) {
  return AllChars(self, unicode::IsNumeric);
}
Ref<> StrIsAlnumMethod(Object* self, Object* const*, size_t, Tuple*) {
  return AllChars(self, [](char32_t c) {
    return unicode::IsAlpha(c) || unicode::IsDecimal(c) || unicode::IsDigit(c) ||
           unicode::IsNumeric(c);
  });
}
Ref<> StrIsSpaceMethod(Object* self, Object* const*, size_t, Tuple*) {
  return AllChars(self, IsPySpace);
}
Ref<> StrIsAsciiMethod(Object* self, Object* const*, size_t, Tuple*) {
  Str* s = AsStr(self);
  for (int64_t i = 0; i < s->length; ++i) {
    if (StrAt(s, i) >= 0x80) return NewBool(false);
  }
  return NewBool(true);
}
Ref<> StrIsPrintableMethod(Object* self, Object* const*, size_t, Tuple*) {
  Str* s = AsStr(self);
  for (int64_t i = 0; i < s->length; ++i) {
    if (!unicode::IsPrintable(StrAt(s, i))) return NewBool(false);
  }
  return NewBool(true);
}

Ref<> StrIsIdentifierMethod(Object* self, Object* const*, size_t, Tuple*) {
  Str* s = AsStr(self);
  if (s->length == 0 || !unicode::IsXidStart(StrAt(s, 0))) return NewBool(false);
  for (int64_t i = 1; i < s->length; ++i) {
    if (!unicode::IsXidContinue(StrAt(s, i))) return NewBool(false);
  }
  return NewBool(true);
}

namespace {

// isupper() (upper: true) / islower(): some character of that case and none of the other case
// nor titlecase.
Ref<> AllCased(Object* self, bool upper) {
  Str* s = AsStr(self);
  bool (*is_case)(char32_t) = upper ? &unicode::IsUpper : &unicode::IsLower;
  bool (*is_other)(char32_t) = upper ? &unicode::IsLower : &unicode::IsUpper;
  bool cased = false;
  for (int64_t i = 0; i < s->length; ++i) {
    const char32_t c = StrAt(s, i);
    if (is_other(c) || unicode::IsTitle(c)) return NewBool(false);
    if (is_case(c)) cased = true;
  }
  return NewBool(cased);
}

}  // namespace

Ref<> StrIsUpperMethod(Object* self, Object* const*, size_t, Tuple*) {
  return AllCased(self, true);
}

Ref<> StrIsLowerMethod(Object* self, Object* const*, size_t, Tuple*) {
  return AllCased(self, false);
}

Ref<> StrIsTitleMethod(Object* self, Object* const*, size_t, Tuple*) {
  Str* s = AsStr(self);
  bool cased = false, previous_is_cased = false;
  for (int64_t i = 0; i < s->length; ++i) {
    const char32_t c = StrAt(s, i);
    if (unicode::IsUpper(c) || unicode::IsTitle(c)) {
      if (previous_is_cased) return NewBool(false);
      previous_is_cased = cased = true;
    } else if (unicode::IsLower(c)) {
      if (!previous_is_cased) return NewBool(false);
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return NewBool(cased);
}

Ref<> StrCenterMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  int64_t width;
  char32_t fill;
  if (!ParsePadArgs("center", args, nargs, &width, &fill)) return nullptr;
  Str* s = AsStr(self);
  const int64_t marg = width - s->length;
  if (marg <= 0) return StrCopyAs(&StrType, s);
  const int64_t left = marg / 2 + (marg & width & 1);
  return Pad(s, left, marg - left, fill);
}

Ref<> StrLJustMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  int64_t width;
  char32_t fill;
  if (!ParsePadArgs("ljust", args, nargs, &width, &fill)) return nullptr;
  Str* s = AsStr(self);
  return Pad(s, 0, width - s->length, fill);
}

Ref<> StrRJustMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  int64_t width;
  char32_t fill;
  if (!ParsePadArgs("rjust", args, nargs, &width, &fill)) return nullptr;
  Str* s = AsStr(self);
  return Pad(s, width - s->length, 0, fill);
}

Ref<> StrZFillMethod(Object* self, Object* const* args, size_t, Tuple*) {
  int64_t width;
  if (!IndexArg(args[0], &width)) return nullptr;
  Str* s = AsStr(self);
  if (width <= s->length) return StrCopyAs(&StrType, s);
  std::u32string out = StrToU32(s);
  const int64_t fill = width - s->length;
  out.insert(0, static_cast<size_t>(fill), U'0');
  if (s->length > 0 && (out[fill] == '+' || out[fill] == '-')) {
    out[0] = out[fill];
    out[fill] = '0';
  }
  return NewStrFromU32(out);
}

Ref<> StrExpandTabsMethod(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"expandtabs", {"tabsize"}, 0, 0};
  Object* a[1] = {nullptr};
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  int64_t tabsize = 8;
  if (a[0] != nullptr) {
    if (!IsInt(a[0])) {
      SetErrorF(&TypeErrorType, "'%s' object cannot be interpreted as an integer",
                TypeNameOf(a[0]));
      return nullptr;
    }
    if (!IntAsInt64(a[0], &tabsize)) return nullptr;
  }
  Str* s = AsStr(self);
  std::u32string out;
  int64_t column = 0;
  for (int64_t i = 0; i < s->length; ++i) {
    const char32_t c = StrAt(s, i);
    if (c == '\t') {
      if (tabsize > 0) {
        const int64_t spaces = tabsize - column % tabsize;
        if (static_cast<int64_t>(out.size()) + spaces > (int64_t{1} << 40)) {
          SetError(&OverflowErrorType, "result too long");
          return nullptr;
        }
        out.append(static_cast<size_t>(spaces), U' ');
        column += spaces;
      }
    } else {
      out.push_back(c);
      ++column;
      if (c == '\n' || c == '\r') column = 0;
    }
  }
  return NewStrFromU32(out);
}

}  // namespace pyrite::vm
