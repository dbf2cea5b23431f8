// bytes % args and bytearray % args (PEP 461): printf-style formatting of byte strings. %s / %b
// take bytes-like objects (or __bytes__), %r / %a the ASCII repr, %c one byte; the numeric
// conversions are delegated to str % (one conversion at a time) and the ASCII result encoded, so
// the two share their number formatting.
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/bytes_internal.h"
#include "python/vm/objects/containers_internal.h"
#include "python/vm/objects/formatter.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

namespace {

// The bytes of %s / %b for one value.
bool BytesOfValue(Object* v, std::string* out) {
  if (IsBytesLike(v)) {
    *out = std::string(BytesLikeView(v));
    return true;
  }
  int found = BytesFromDunderBytes(v, out);
  if (found != 0) return found > 0;
  SetErrorF(&TypeErrorType,
            "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
            TypeNameOf(v));
  return false;
}

void Pad(std::string* s, int64_t width, bool left) {
  if (width <= static_cast<int64_t>(s->size())) return;
  size_t n = static_cast<size_t>(width) - s->size();
  if (left) {
    s->append(n, ' ');
  } else {
    s->insert(0, n, ' ');
  }
}

}  // namespace

// nb_remainder of bytes and bytearray.
Ref<> BytesPercentFormat(Object* self, Object* args) {
  if (!IsBytesLike(self)) return NewNotImplemented();
  std::string fmt(BytesLikeView(self));
  bool is_tuple = IsTuple(args);
  int64_t nargs = is_tuple ? static_cast<Tuple*>(args)->size : 1;
  int64_t argi = 0;
  bool is_mapping =
      !is_tuple && !IsBytesLike(args) && !IsStr(args) && args->type->subscript != nullptr;
  bool used_mapping = false;
  auto next_arg = [&]() -> Object* {
    if (argi >= nargs) {
      SetError(&TypeErrorType, "not enough arguments for format string");
      return nullptr;
    }
    return is_tuple ? static_cast<Tuple*>(args)->items[argi++] : (argi++, args);
  };
  std::string out;
  size_t i = 0;
  const size_t n = fmt.size();
  while (i < n) {
    char c = fmt[i];
    if (c != '%') {
      out.push_back(c);
      ++i;
      continue;
    }
    size_t start = i++;
    if (i >= n) {
      SetError(&ValueErrorType, "incomplete format");
      return nullptr;
    }
    if (fmt[i] == '%') {
      out.push_back('%');
      ++i;
      continue;
    }
    Ref<> keyed;
    if (fmt[i] == '(') {
      if (!is_mapping) {
        SetError(&TypeErrorType, "format requires a mapping");
        return nullptr;
      }
      int depth = 1;
      size_t kstart = ++i;
      while (i < n && depth > 0) {
        if (fmt[i] == '(') ++depth;
        if (fmt[i] == ')') --depth;
        ++i;
      }
      if (depth > 0) {
        SetError(&ValueErrorType, "incomplete format key");
        return nullptr;
      }
      Ref<> key = NewBytes(std::string_view(fmt).substr(kstart, i - 1 - kstart));
      PY_RETURN_IF_NULL(key);
      keyed = GetItem(args, key.get());
      PY_RETURN_IF_NULL(keyed);
      used_mapping = true;
    }
    std::string flags;
    while (i < n && std::string_view("-+ #0").find(fmt[i]) != std::string_view::npos) {
      flags.push_back(fmt[i++]);
    }
    std::string spec = "%" + flags;
    int64_t width = -1;
    Ref<> star_holder;
    // A '*' width or precision: the next argument, which must be an int.
    const auto star_arg = [&](int64_t* out) {
      Object* v = next_arg();
      if (v == nullptr) return false;
      if (!IsInt(v)) {
        SetError(&TypeErrorType, "* wants int");
        return false;
      }
      return IntAsInt64(v, out);
    };
    if (i < n && fmt[i] == '*') {
      ++i;
      if (!star_arg(&width)) return nullptr;
      if (width < 0) {
        flags.push_back('-');
        spec.push_back('-');
        width = -width;
      }
      spec += std::to_string(width);
    } else {
      while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
        width = (width < 0 ? 0 : width) * 10 + (fmt[i] - '0');
        spec.push_back(fmt[i++]);
      }
    }
    int64_t precision = -1;
    if (i < n && fmt[i] == '.') {
      spec.push_back(fmt[i++]);
      precision = 0;
      if (i < n && fmt[i] == '*') {
        ++i;
        if (!star_arg(&precision)) return nullptr;
        if (precision < 0) precision = 0;
        spec += std::to_string(precision);
      } else {
        while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
          precision = precision * 10 + (fmt[i] - '0');
          spec.push_back(fmt[i++]);
        }
      }
    }
    while (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
    if (i >= n) {
      SetError(&ValueErrorType, "incomplete format");
      return nullptr;
    }
    char conv = fmt[i++];
    Object* value = keyed ? keyed.get() : nullptr;
    auto get_value = [&]() -> Object* {
      if (value != nullptr) return value;
      return next_arg();
    };
    bool left = flags.find('-') != std::string::npos;
    switch (conv) {
      case 's':
      case 'b': {
        Object* v = get_value();
        if (v == nullptr) return nullptr;
        std::string s;
        if (!BytesOfValue(v, &s)) return nullptr;
        if (precision >= 0 && precision < static_cast<int64_t>(s.size())) s.resize(precision);
        Pad(&s, width, left);
        out += s;
        break;
      }
      case 'r':
      case 'a': {
        Object* v = get_value();
        if (v == nullptr) return nullptr;
        Ref<> r = Ascii(v);
        PY_RETURN_IF_NULL(r);
        std::string s(StrUtf8(static_cast<Str*>(r.get())));
        if (precision >= 0 && precision < static_cast<int64_t>(s.size())) s.resize(precision);
        Pad(&s, width, left);
        out += s;
        break;
      }
      case 'c': {
        Object* v = get_value();
        if (v == nullptr) return nullptr;
        std::string s;
        if (IsBytesLike(v) && BytesLikeView(v).size() == 1) {
          s = std::string(BytesLikeView(v));
        } else if (IsInt(v)) {
          auto b = IntSmall(v);
          if (!b || *b < 0 || *b > 255) {
            SetError(&OverflowErrorType, "%c arg not in range(256)");
            return nullptr;
          }
          s.push_back(static_cast<char>(*b));
        } else {
          SetError(&TypeErrorType, "%c requires an integer in range(256) or a single byte");
          return nullptr;
        }
        Pad(&s, width, left);
        out += s;
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X':
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        Object* v = get_value();
        if (v == nullptr) return nullptr;
        spec.push_back(conv);
        Ref<Str> f = NewStr(spec);
        PY_RETURN_IF_NULL(f);
        Ref<Tuple> one = NewTupleFrom({v});
        PY_RETURN_IF_NULL(one);
        Ref<> r = StrPercentFormat(f.get(), one.get());
        PY_RETURN_IF_NULL(r);
        out += StrUtf8(static_cast<Str*>(r.get()));
        break;
      }
      default:
        SetErrorF(&ValueErrorType, "unsupported format character '%c' (0x%x) at index %zu",
                  (conv >= 32 && conv < 127) ? conv : '?',
                  static_cast<unsigned>(static_cast<unsigned char>(conv)), i - 1);
        return nullptr;
    }
    (void)start;
  }
  if (!used_mapping && argi < nargs && !(is_mapping && !is_tuple)) {
    SetError(&TypeErrorType, "not all arguments converted during bytes formatting");
    return nullptr;
  }
  return NewBytesLike(self, out);
}

}  // namespace pyrite::vm
