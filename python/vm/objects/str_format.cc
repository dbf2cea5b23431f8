// str.format and str.format_map (PEP 3101, CPython's Objects/stringlib/unicode_format.h):
// replacement fields `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[key]}`, conversions `!r !s !a`,
// nested fields in the spec (`{:{width}}`, two levels deep), `{{` / `}}`, automatic and manual
// numbering, and each field formatted by format(value, spec) (abstract.h's Format).
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/formatter.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/str_impl.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {
namespace {

struct FormatState {
  Object* const* args;
  size_t nargs;
  Object* kwargs;  // a mapping or null
  bool positional_allowed = true;  // false for format_map
  enum { kInit, kAuto, kManual } numbering = kInit;
  int64_t next_auto = 0;
};

bool IsDigits(Str* s, int64_t b, int64_t e) {
  if (b >= e) return false;
  for (int64_t i = b; i < e; ++i) {
    const char32_t c = StrAt(s, i);
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The decimal value of s[b, e) (digits only), or -1 when too big.
int64_t DigitsValue(Str* s, int64_t b, int64_t e) {
  int64_t v = 0;
  for (int64_t i = b; i < e; ++i) {
    const int64_t d = StrAt(s, i) - '0';
    if (v > (INT64_MAX - d) / 10) return -1;
    v = v * 10 + d;
  }
  return v;
}

// Looks the field `s[b, e)` up: the first part (index or name), then `.attr` and `[key]` parts.
Ref<> GetField(Str* s, int64_t b, int64_t e, FormatState& st) {
  int64_t i = b;
  while (i < e && StrAt(s, i) != '.' && StrAt(s, i) != '[') ++i;
  Ref<> obj;
  if (i == b || IsDigits(s, b, i)) {
    int64_t index;
    if (i == b) {
      if (st.numbering == FormatState::kManual) {
        SetError(&ValueErrorType,
                 "cannot switch from manual field specification to automatic field numbering");
        return nullptr;
      }
      st.numbering = FormatState::kAuto;
      index = st.next_auto++;
    } else {
      if (st.numbering == FormatState::kAuto) {
        SetError(&ValueErrorType,
                 "cannot switch from automatic field numbering to manual field specification");
        return nullptr;
      }
      st.numbering = FormatState::kManual;
      index = DigitsValue(s, b, i);
      if (index < 0) {
        SetError(&ValueErrorType, "Too many decimal digits in format string");
        return nullptr;
      }
    }
    if (!st.positional_allowed) {
      SetError(&ValueErrorType, "Format string contains positional fields");
      return nullptr;
    }
    if (index >= static_cast<int64_t>(st.nargs)) {
      SetErrorF(&IndexErrorType, "Replacement index %lld out of range for positional args tuple",
                static_cast<long long>(index));
      return nullptr;
    }
    obj = NewRef(st.args[index]);
  } else {
    Ref<Str> key = StrSubstring(s, b, i);
    PY_RETURN_IF_NULL(key);
    if (st.kwargs == nullptr) {
      SetErrorWithValue(&KeyErrorType, key.get());
      return nullptr;
    }
    obj = GetItem(st.kwargs, key.get());
    PY_RETURN_IF_NULL(obj);
  }
  while (i < e) {
    const char32_t c = StrAt(s, i++);
    if (c == '.') {
      const int64_t start = i;
      while (i < e && StrAt(s, i) != '.' && StrAt(s, i) != '[') ++i;
      if (i == start) {
        SetError(&ValueErrorType, "Empty attribute in format string");
        return nullptr;
      }
      Ref<Str> name = StrSubstring(s, start, i);
      PY_RETURN_IF_NULL(name);
      InternInPlace(name);
      obj = GetAttr(obj.get(), name.get());
      PY_RETURN_IF_NULL(obj);
    } else if (c == '[') {
      const int64_t start = i;
      while (i < e && StrAt(s, i) != ']') ++i;
      if (i >= e) {
        SetError(&ValueErrorType, "Missing ']' in format field");
        return nullptr;
      }
      if (i == start) {
        SetError(&ValueErrorType, "Empty attribute in format string");
        return nullptr;
      }
      Ref<> key;
      if (IsDigits(s, start, i)) {
        const int64_t v = DigitsValue(s, start, i);
        key = v < 0 ? Ref<>(StrSubstring(s, start, i)) : NewInt(v);
      } else {
        key = StrSubstring(s, start, i);
      }
      PY_RETURN_IF_NULL(key);
      ++i;  // ']'
      obj = GetItem(obj.get(), key.get());
      PY_RETURN_IF_NULL(obj);
      if (i < e && StrAt(s, i) != '.' && StrAt(s, i) != '[') {
        SetError(&ValueErrorType, "Only '.' or '[' may follow ']' in format field specifier");
        return nullptr;
      }
    } else {
      SetError(&ValueErrorType, "Only '.' or '[' may follow ']' in format field specifier");
      return nullptr;
    }
  }
  return obj;
}

bool Render(Str* s, int64_t b, int64_t e, FormatState& st, int depth, StrBuilder& out);

// The parts of one replacement field `{name!conversion:spec}`.
struct Field {
  int64_t name_begin, name_end;
  char32_t conversion = 0;
  int64_t spec_begin = 0, spec_end = 0;
  bool spec_has_fields = false;
  int64_t end;  // just past the closing '}'
};

// Parses the field whose '{' is at s[i] (MarkupIterator's scan, with its messages).
bool ParseField(Str* s, int64_t i, int64_t e, Field* f) {
  int64_t j = i + 1;
  f->name_begin = j;
  while (j < e) {
    const char32_t c = StrAt(s, j);
    if (c == '[') {
      while (j < e && StrAt(s, j) != ']') ++j;
      if (j < e) ++j;
      continue;
    }
    if (c == '!' || c == ':' || c == '}') break;
    if (c == '{') {
      SetError(&ValueErrorType, "unexpected '{' in field name");
      return false;
    }
    ++j;
  }
  if (j >= e) {
    SetError(&ValueErrorType, "expected '}' before end of string");
    return false;
  }
  f->name_end = j;
  if (StrAt(s, j) == '!') {
    ++j;
    if (j >= e) {
      SetError(&ValueErrorType, "end of string while looking for conversion specifier");
      return false;
    }
    f->conversion = StrAt(s, j++);
    if (j >= e) {
      SetError(&ValueErrorType, "unmatched '{' in format spec");
      return false;
    }
    if (StrAt(s, j) != ':' && StrAt(s, j) != '}') {
      SetError(&ValueErrorType, "expected ':' after conversion specifier");
      return false;
    }
  }
  if (StrAt(s, j) == ':') {
    f->spec_begin = ++j;
    int level = 1;
    for (; j < e; ++j) {
      const char32_t c = StrAt(s, j);
      if (c == '{') {
        f->spec_has_fields = true;
        ++level;
      } else if (c == '}' && --level == 0) {
        break;
      }
    }
    if (j >= e) {
      SetError(&ValueErrorType, "unmatched '{' in format spec");
      return false;
    }
    f->spec_end = j;
  } else {
    f->spec_begin = f->spec_end = j;
  }
  f->end = j + 1;
  return true;
}

bool RenderField(Str* s, const Field& f, FormatState& st, int depth, StrBuilder& out) {
  Ref<> obj = GetField(s, f.name_begin, f.name_end, st);
  if (!obj) return false;
  if (f.conversion != 0) {
    switch (f.conversion) {
      case 'r':
        obj = Repr(obj.get());
        break;
      case 's':
        obj = ToStr(obj.get());
        break;
      case 'a':
        obj = Ascii(obj.get());
        break;
      default:
        if (f.conversion >= 32 && f.conversion < 127) {
          SetErrorF(&ValueErrorType, "Unknown conversion specifier %c",
                    static_cast<char>(f.conversion));
        } else {
          SetErrorF(&ValueErrorType, "Unknown conversion specifier \\x%x",
                    static_cast<unsigned>(f.conversion));
        }
        return false;
    }
    if (!obj) return false;
  }
  // The spec may itself hold replacement fields.
  Ref<Str> spec;
  if (f.spec_has_fields) {
    StrBuilder spec_text;
    if (!Render(s, f.spec_begin, f.spec_end, st, depth - 1, spec_text)) return false;
    spec = spec_text.Finish();
  } else {
    spec = StrSubstring(s, f.spec_begin, f.spec_end);
  }
  if (!spec) return false;
  Ref<> text = Format(obj.get(), spec.get());
  if (!text) return false;
  out.Append(static_cast<Str*>(text.get()));
  return true;
}

bool Render(Str* s, int64_t b, int64_t e, FormatState& st, int depth, StrBuilder& out) {
  if (depth <= 0) {
    SetError(&ValueErrorType, "Max string recursion exceeded");
    return false;
  }
  int64_t i = b;
  while (i < e) {
    const char32_t c = StrAt(s, i);
    if (c == '}') {
      if (i + 1 < e && StrAt(s, i + 1) == '}') {
        out.Append(U'}');
        i += 2;
        continue;
      }
      SetError(&ValueErrorType, "Single '}' encountered in format string");
      return false;
    }
    if (c != '{') {
      // Literal text up to the next brace, copied at once.
      int64_t j = i + 1;
      while (j < e && StrAt(s, j) != '{' && StrAt(s, j) != '}') ++j;
      out.AppendSlice(s, i, j);
      i = j;
      continue;
    }
    if (i + 1 < e && StrAt(s, i + 1) == '{') {
      out.Append(U'{');
      i += 2;
      continue;
    }
    if (i + 1 >= e) {
      SetError(&ValueErrorType, "Single '{' encountered in format string");
      return false;
    }
    Field f;
    if (!ParseField(s, i, e, &f)) return false;
    if (!RenderField(s, f, st, depth, out)) return false;
    i = f.end;
  }
  return true;
}

}  // namespace

Ref<> StrFormatMethod(Str* format, Object* const* args, size_t nargs, Object* kwargs_mapping) {
  FormatState st{args, nargs, kwargs_mapping};
  StrBuilder out;
  if (!Render(format, 0, format->length, st, 2, out)) return nullptr;
  return out.Finish();
}

Ref<> StrFormatMethodFn(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  Ref<Dict> kwargs;
  if (kwnames != nullptr && kwnames->size > 0) {
    kwargs = NewDict();
    PY_RETURN_IF_NULL(kwargs);
    for (int64_t i = 0; i < kwnames->size; ++i) {
      if (DictSetItem(kwargs.get(), kwnames->items[i], args[nargs + i]) < 0) return nullptr;
    }
  }
  return StrFormatMethod(static_cast<Str*>(self), args, nargs, kwargs.get());
}

Ref<> StrFormatMapMethod(Object* self, Object* const* args, size_t, Tuple*) {
  Str* format = static_cast<Str*>(self);
  FormatState st{nullptr, 0, args[0]};
  st.positional_allowed = false;
  StrBuilder out;
  if (!Render(format, 0, format->length, st, 2, out)) return nullptr;
  return out.Finish();
}

}  // namespace pyrite::vm
