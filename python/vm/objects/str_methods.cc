// str methods that search and cut text: find/rfind/index/rindex/count, startswith/endswith,
// replace, split/rsplit/splitlines, partition/rpartition, join, strip/lstrip/rstrip,
// removeprefix/removesuffix, maketrans/translate. Semantics and messages are CPython 3.11's.
#include <string>
#include <string_view>

#include "python/unicode/unicode.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/str_impl.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {
namespace {

Str* AsStr(Object* o) { return static_cast<Str*>(o); }

// "must be str, not int" (the message of argument-clinic str parameters without a name).
bool CheckStrArg(Object* o, const char* prefix = "") {
  if (IsStr(o)) return true;
  SetErrorF(&TypeErrorType, "%smust be str, not %s", prefix, TypeNameOf(o));
  return false;
}

int64_t RFind(Str* s, Str* sub, int64_t start, int64_t end) {
  if (start < 0) start = 0;
  if (end > s->length) end = s->length;
  const int64_t m = sub->length;
  if (end - start < m) return -1;
  for (int64_t i = end - m; i >= start; --i) {
    int64_t j = 0;
    while (j < m && StrAt(s, i + j) == StrAt(sub, j)) ++j;
    if (j == m) return i;
  }
  return -1;
}

int64_t Count(Str* s, Str* sub, int64_t start, int64_t end, int64_t max_count) {
  if (start > s->length) return 0;
  if (end - start < sub->length) return 0;
  if (sub->length == 0) return std::min(end - start + 1, max_count);
  int64_t n = 0;
  while (n < max_count) {
    const int64_t i = StrFind(s, sub, start, end);
    if (i < 0) break;
    ++n;
    start = i + sub->length;
  }
  return n;
}

// The argument count check of find/count/startswith...: "find() takes at least 1 argument (0
// given)".
bool CheckSubArgCount(const char* name, size_t nargs) {
  if (nargs < 1) {
    SetErrorF(&TypeErrorType, "%s() takes at least 1 argument (0 given)", name);
    return false;
  }
  if (nargs > 3) {
    SetErrorF(&TypeErrorType, "%s() takes at most 3 arguments (%zu given)", name, nargs);
    return false;
  }
  return true;
}

// Parses (sub[, start[, end]]) for the find family and clamps the range.
bool ParseSubArgs(const char* name, Object* self, Object* const* args, size_t nargs, Str** sub,
                  int64_t* start, int64_t* end) {
  if (!CheckSubArgCount(name, nargs)) return false;
  if (!CheckStrArg(args[0])) return false;
  *sub = AsStr(args[0]);
  *start = 0;
  *end = INT64_MAX;
  if (nargs > 1 && !StrSliceIndex(args[1], start)) return false;
  if (nargs > 2 && !StrSliceIndex(args[2], end)) return false;
  StrAdjustRange(AsStr(self)->length, start, end);
  return true;
}

enum class FindKind { kFind, kRFind, kIndex, kRIndex };

Ref<> FindImpl(FindKind kind, const char* name, Object* self, Object* const* args, size_t nargs) {
  Str* sub;
  int64_t start, end;
  if (!ParseSubArgs(name, self, args, nargs, &sub, &start, &end)) return nullptr;
  Str* s = AsStr(self);
  int64_t r = -1;
  if (start <= s->length) {
    r = (kind == FindKind::kFind || kind == FindKind::kIndex) ? StrFind(s, sub, start, end)
                                                              : RFind(s, sub, start, end);
  }
  if (r < 0 && (kind == FindKind::kIndex || kind == FindKind::kRIndex)) {
    SetError(&ValueErrorType, "substring not found");
    return nullptr;
  }
  return NewInt(r);
}

// startswith/endswith of one str.
bool TailMatch(Str* s, Str* sub, int64_t start, int64_t end, bool at_end) {
  StrAdjustRange(s->length, &start, &end);
  end -= sub->length;
  if (end < start) return false;
  const int64_t offset = at_end ? end : start;
  for (int64_t j = 0; j < sub->length; ++j) {
    if (StrAt(s, offset + j) != StrAt(sub, j)) return false;
  }
  return true;
}

Ref<> StartsEndsWith(const char* name, bool at_end, Object* self, Object* const* args,
                     size_t nargs) {
  if (!CheckSubArgCount(name, nargs)) return nullptr;
  int64_t start = 0, end = INT64_MAX;
  if (nargs > 1 && !StrSliceIndex(args[1], &start)) return nullptr;
  if (nargs > 2 && !StrSliceIndex(args[2], &end)) return nullptr;
  Str* s = AsStr(self);
  Object* prefix = args[0];
  if (IsTuple(prefix)) {
    Tuple* t = static_cast<Tuple*>(prefix);
    for (int64_t i = 0; i < t->size; ++i) {
      if (!IsStr(t->items[i])) {
        SetErrorF(&TypeErrorType, "tuple for %s must only contain str, not %s", name,
                  TypeNameOf(t->items[i]));
        return nullptr;
      }
      if (TailMatch(s, AsStr(t->items[i]), start, end, at_end)) return NewBool(true);
    }
    return NewBool(false);
  }
  if (!IsStr(prefix)) {
    SetErrorF(&TypeErrorType, "%s first arg must be str or a tuple of str, not %s", name,
              TypeNameOf(prefix));
    return nullptr;
  }
  return NewBool(TailMatch(s, AsStr(prefix), start, end, at_end));
}

bool IsLineBoundary(char32_t c) {
  switch (c) {
    case '\n': case '\r': case 0x0b: case 0x0c: case 0x1c: case 0x1d: case 0x1e: case 0x85:
    case 0x2028: case 0x2029:
      return true;
    default:
      return false;
  }
}

// Parses split's (sep=None, maxsplit=-1).
bool ParseSplitArgs(const char* name, Object* const* args, size_t nargs, Tuple* kwnames,
                    Str** sep, int64_t* maxsplit) {
  static const Params kSplit{"split", {"sep", "maxsplit"}, 0, 0};
  static const Params kRSplit{"rsplit", {"sep", "maxsplit"}, 0, 0};
  Object* a[2] = {nullptr, nullptr};
  if (!ParseArgs(name[0] == 'r' ? kRSplit : kSplit, args, nargs, kwnames, a)) return false;
  *sep = nullptr;
  *maxsplit = -1;
  if (a[0] != nullptr && a[0] != None()) {
    if (!IsStr(a[0])) {
      SetErrorF(&TypeErrorType, "must be str or None, not %s", TypeNameOf(a[0]));
      return false;
    }
    *sep = AsStr(a[0]);
    if ((*sep)->length == 0) {
      SetError(&ValueErrorType, "empty separator");
      return false;
    }
  }
  if (a[1] != nullptr) {
    Ref<> i = Index(a[1]);
    if (!i) return false;
    if (!AsSsize(i.get(), &OverflowErrorType, maxsplit)) return false;
  }
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

bool AppendPiece(List* list, Str* s, int64_t start, int64_t end) {
  Ref<Str> piece =
      (start == 0 && end == s->length) ? StrCopyAs(&StrType, s) : StrSubstring(s, start, end);
  return piece && ListAppend(list, piece.get());
}

bool ReverseList(List* l) {
  for (int64_t i = 0, j = l->size - 1; i < j; ++i, --j) std::swap(l->items[i], l->items[j]);
  return true;
}

// Strips by a predicate on the code points; which: 1 left, 2 right, 3 both.
template <typename Pred>
Ref<> StripBy(Str* s, int which, Pred pred) {
  int64_t start = 0, end = s->length;
  if (which & 1) {
    while (start < end && pred(StrAt(s, start))) ++start;
  }
  if (which & 2) {
    while (end > start && pred(StrAt(s, end - 1))) --end;
  }
  if (start == 0 && end == s->length) return StrCopyAs(&StrType, s);
  return StrSubstring(s, start, end);
}

Ref<> StripImpl(const char* name, int which, Object* self, Object* const* args, size_t nargs) {
  if (!CheckPositional(name, nargs, 0, 1)) return nullptr;
  Str* s = AsStr(self);
  if (nargs == 0 || args[0] == None()) return StripBy(s, which, IsPySpace);
  if (!IsStr(args[0])) {
    SetErrorF(&TypeErrorType, "%s arg must be None or str", name);
    return nullptr;
  }
  Str* chars = AsStr(args[0]);
  return StripBy(s, which, [chars](char32_t c) {
    for (int64_t i = 0; i < chars->length; ++i) {
      if (StrAt(chars, i) == c) return true;
    }
    return false;
  });
}

Ref<> PartitionImpl(Object* self, Object* sep_obj, bool from_right) {
  if (!CheckStrArg(sep_obj)) return nullptr;
  Str* s = AsStr(self);
  Str* sep = AsStr(sep_obj);
  if (sep->length == 0) {
    SetError(&ValueErrorType, "empty separator");
    return nullptr;
  }
  const int64_t i = from_right ? RFind(s, sep, 0, s->length) : StrFind(s, sep, 0, s->length);
  Ref<Str> empty = EmptyStr();
  if (i < 0) {
    Ref<Str> whole = StrCopyAs(&StrType, s);
    PY_RETURN_IF_NULL(whole);
    return from_right ? NewTupleFrom({empty.get(), empty.get(), whole.get()})
                      : NewTupleFrom({whole.get(), empty.get(), empty.get()});
  }
  Ref<Str> head = StrSubstring(s, 0, i);
  PY_RETURN_IF_NULL(head);
  Ref<Str> tail = StrSubstring(s, i + sep->length, s->length);
  PY_RETURN_IF_NULL(tail);
  Ref<Str> sep_copy = StrCopyAs(&StrType, sep);
  PY_RETURN_IF_NULL(sep_copy);
  return NewTupleFrom({head.get(), sep_copy.get(), tail.get()});
}

}  // namespace

Ref<> StrFindMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return FindImpl(FindKind::kFind, "find", self, args, nargs);
}
Ref<> StrRFindMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return FindImpl(FindKind::kRFind, "rfind", self, args, nargs);
}
Ref<> StrIndexMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return FindImpl(FindKind::kIndex, "index", self, args, nargs);
}
Ref<> StrRIndexMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return FindImpl(FindKind::kRIndex, "rindex", self, args, nargs);
}

Ref<> StrCountMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  Str* sub;
  int64_t start, end;
  if (!ParseSubArgs("count", self, args, nargs, &sub, &start, &end)) return nullptr;
  return NewInt(Count(AsStr(self), sub, start, end, INT64_MAX));
}

Ref<> StrStartsWithMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return StartsEndsWith("startswith", false, self, args, nargs);
}
Ref<> StrEndsWithMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return StartsEndsWith("endswith", true, self, args, nargs);
}

Ref<> StrReplaceMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("replace", nargs, 2, 3)) return nullptr;
  for (int i = 0; i < 2; ++i) {
    if (!IsStr(args[i])) {
      SetErrorF(&TypeErrorType, "replace() argument %d must be str, not %s", i + 1,
                TypeNameOf(args[i]));
      return nullptr;
    }
  }
  int64_t count = -1;
  if (nargs > 2) {
    Ref<> i = Index(args[2]);
    if (!i) return nullptr;
    if (!AsSsize(i.get(), &OverflowErrorType, &count)) return nullptr;
  }
  if (count < 0) count = INT64_MAX;
  Str* s = AsStr(self);
  Str* old = AsStr(args[0]);
  Str* with = AsStr(args[1]);
  std::u32string out;
  int64_t done = 0;
  if (old->length == 0) {
    for (int64_t i = 0; i <= s->length; ++i) {
      if (done < count) {
        for (int64_t j = 0; j < with->length; ++j) out.push_back(StrAt(with, j));
        ++done;
      }
      if (i < s->length) out.push_back(StrAt(s, i));
    }
  } else {
    int64_t pos = 0;
    while (done < count) {
      const int64_t i = StrFind(s, old, pos, s->length);
      if (i < 0) break;
      for (int64_t j = pos; j < i; ++j) out.push_back(StrAt(s, j));
      for (int64_t j = 0; j < with->length; ++j) out.push_back(StrAt(with, j));
      pos = i + old->length;
      ++done;
    }
    if (done == 0) return StrCopyAs(&StrType, s);
    for (int64_t j = pos; j < s->length; ++j) out.push_back(StrAt(s, j));
  }
  return NewStrFromU32(out);
}

Ref<> StrSplitMethod(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  Str* sep;
  int64_t maxsplit;
  if (!ParseSplitArgs("split", args, nargs, kwnames, &sep, &maxsplit)) return nullptr;
  Str* s = AsStr(self);
  Ref<List> list = NewList();
  PY_RETURN_IF_NULL(list);
  const int64_t n = s->length;
  if (sep == nullptr) {
    int64_t i = 0;
    while (true) {
      while (i < n && IsPySpace(StrAt(s, i))) ++i;
      if (i == n) break;
      if (maxsplit-- == 0) {  // the rest, trailing whitespace included
        if (!AppendPiece(list.get(), s, i, n)) return nullptr;
        break;
      }
      int64_t j = i;
      while (j < n && !IsPySpace(StrAt(s, j))) ++j;
      if (!AppendPiece(list.get(), s, i, j)) return nullptr;
      i = j;
    }
    return list;
  }
  int64_t pos = 0;
  while (maxsplit-- > 0) {
    const int64_t i = StrFind(s, sep, pos, n);
    if (i < 0) break;
    if (!AppendPiece(list.get(), s, pos, i)) return nullptr;
    pos = i + sep->length;
  }
  if (!AppendPiece(list.get(), s, pos, n)) return nullptr;
  return list;
}

Ref<> StrRSplitMethod(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  Str* sep;
  int64_t maxsplit;
  if (!ParseSplitArgs("rsplit", args, nargs, kwnames, &sep, &maxsplit)) return nullptr;
  Str* s = AsStr(self);
  Ref<List> list = NewList();
  PY_RETURN_IF_NULL(list);
  if (sep == nullptr) {
    int64_t i = s->length;
    while (true) {
      while (i > 0 && IsPySpace(StrAt(s, i - 1))) --i;
      if (i == 0) break;
      if (maxsplit-- == 0) {  // the rest, leading whitespace included
        if (!AppendPiece(list.get(), s, 0, i)) return nullptr;
        break;
      }
      int64_t j = i;
      while (j > 0 && !IsPySpace(StrAt(s, j - 1))) --j;
      if (!AppendPiece(list.get(), s, j, i)) return nullptr;
      i = j;
    }
    ReverseList(list.get());
    return list;
  }
  int64_t end = s->length;
  while (maxsplit-- > 0) {
    const int64_t i = RFind(s, sep, 0, end);
    if (i < 0) break;
    if (!AppendPiece(list.get(), s, i + sep->length, end)) return nullptr;
    end = i;
  }
  if (!AppendPiece(list.get(), s, 0, end)) return nullptr;
  ReverseList(list.get());
  return list;
}

Ref<> StrSplitLinesMethod(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"splitlines", {"keepends"}, 0, 0};
  Object* a[1] = {nullptr};
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  bool keepends = false;
  if (a[0] != nullptr) {
    if (!IsInt(a[0])) {
      SetErrorF(&TypeErrorType, "'%s' object cannot be interpreted as an integer",
                TypeNameOf(a[0]));
      return nullptr;
    }
    keepends = !IntValue(a[0]).IsZero();
  }
  Str* s = AsStr(self);
  Ref<List> list = NewList();
  PY_RETURN_IF_NULL(list);
  const int64_t n = s->length;
  int64_t i = 0;
  while (i < n) {
    int64_t j = i;
    while (j < n && !IsLineBoundary(StrAt(s, j))) ++j;
    int64_t eol = j;
    if (j < n) {
      if (StrAt(s, j) == '\r' && j + 1 < n && StrAt(s, j + 1) == '\n') {
        j += 2;
      } else {
        ++j;
      }
      if (keepends) eol = j;
    }
    if (!AppendPiece(list.get(), s, i, eol)) return nullptr;
    i = j;
  }
  return list;
}

Ref<> StrPartitionMethod(Object* self, Object* const* args, size_t, Tuple*) {
  return PartitionImpl(self, args[0], false);
}
Ref<> StrRPartitionMethod(Object* self, Object* const* args, size_t, Tuple*) {
  return PartitionImpl(self, args[0], true);
}

Ref<> StrJoinMethod(Object* self, Object* const* args, size_t, Tuple*) {
  Str* sep = AsStr(self);
  Ref<> seq;
  Object* const* items;
  int64_t count;
  if (IsExactList(args[0]) || IsExactTuple(args[0])) {
    seq = NewRef(args[0]);
  } else {
    seq = SequenceList(args[0]);
    if (!seq) {
      if (ErrorMatches(&TypeErrorType) && args[0]->type->iter == nullptr) {
        SetError(&TypeErrorType, "can only join an iterable");
      }
      return nullptr;
    }
  }
  if (IsList(seq.get())) {
    items = static_cast<List*>(seq.get())->items;
    count = static_cast<List*>(seq.get())->size;
  } else {
    items = static_cast<Tuple*>(seq.get())->items;
    count = static_cast<Tuple*>(seq.get())->size;
  }
  if (count == 1 && IsExactStr(items[0])) return NewRef(items[0]);
  std::u32string out;
  for (int64_t i = 0; i < count; ++i) {
    // A list may change under us only through __str__ hooks we do not call; still re-read.
    if (IsList(seq.get())) {
      List* l = static_cast<List*>(seq.get());
      if (i >= l->size) break;
      items = l->items;
    }
    Object* item = items[i];
    if (!IsStr(item)) {
      SetErrorF(&TypeErrorType, "sequence item %lld: expected str instance, %s found",
                static_cast<long long>(i), TypeNameOf(item));
      return nullptr;
    }
    if (i > 0) {
      for (int64_t j = 0; j < sep->length; ++j) out.push_back(StrAt(sep, j));
    }
    Str* piece = AsStr(item);
    for (int64_t j = 0; j < piece->length; ++j) out.push_back(StrAt(piece, j));
  }
  return NewStrFromU32(out);
}

Ref<> StrStripMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return StripImpl("strip", 3, self, args, nargs);
}
Ref<> StrLStripMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return StripImpl("lstrip", 1, self, args, nargs);
}
Ref<> StrRStripMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return StripImpl("rstrip", 2, self, args, nargs);
}

Ref<> StrRemovePrefixMethod(Object* self, Object* const* args, size_t, Tuple*) {
  if (!CheckStrArg(args[0], "removeprefix() argument ")) return nullptr;
  Str* s = AsStr(self);
  Str* p = AsStr(args[0]);
  if (p->length > 0 && TailMatch(s, p, 0, s->length, false)) {
    return StrSubstring(s, p->length, s->length);
  }
  return StrCopyAs(&StrType, s);
}

Ref<> StrRemoveSuffixMethod(Object* self, Object* const* args, size_t, Tuple*) {
  if (!CheckStrArg(args[0], "removesuffix() argument ")) return nullptr;
  Str* s = AsStr(self);
  Str* p = AsStr(args[0]);
  if (p->length > 0 && TailMatch(s, p, 0, s->length, true)) {
    return StrSubstring(s, 0, s->length - p->length);
  }
  return StrCopyAs(&StrType, s);
}

// str.maketrans(x[, y[, z]]) (a static method: self is null).
Ref<> StrMakeTransMethod(Object*, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("maketrans", nargs, 1, 3)) return nullptr;
  Ref<Dict> result = NewDict();
  PY_RETURN_IF_NULL(result);
  if (nargs == 1) {
    if (!IsDict(args[0])) {
      SetError(&TypeErrorType,
               "if you give only one argument to maketrans it must be a dict");
      return nullptr;
    }
    Dict* d = static_cast<Dict*>(args[0]);
    int64_t pos = 0;
    Object *key, *value;
    while (DictNext(d, &pos, &key, &value)) {
      Ref<> k;
      if (IsStr(key)) {
        if (AsStr(key)->length != 1) {
          SetError(&ValueErrorType, "string keys in translate table must be of length 1");
          return nullptr;
        }
        k = NewInt(static_cast<int64_t>(StrAt(AsStr(key), 0)));
      } else if (IsInt(key)) {
        k = NewRef(key);
      } else {
        SetError(&TypeErrorType, "keys in translate table must be strings or integers");
        return nullptr;
      }
      PY_RETURN_IF_NULL(k);
      if (DictSetItem(result.get(), k.get(), value) < 0) return nullptr;
    }
    return result;
  }
  for (size_t i = 1; i < nargs; ++i) {
    if (!IsStr(args[i])) {
      SetErrorF(&TypeErrorType, "maketrans() argument %zu must be str, not %s", i + 1,
                TypeNameOf(args[i]));
      return nullptr;
    }
  }
  if (!IsStr(args[0])) {
    SetError(&TypeErrorType, "first maketrans argument must be a string if there is a second "
                             "argument");
    return nullptr;
  }
  Str* x = AsStr(args[0]);
  Str* y = AsStr(args[1]);
  if (x->length != y->length) {
    SetError(&ValueErrorType, "the first two maketrans arguments must have equal length");
    return nullptr;
  }
  for (int64_t i = 0; i < x->length; ++i) {
    Ref<> k = NewInt(static_cast<int64_t>(StrAt(x, i)));
    Ref<> v = NewInt(static_cast<int64_t>(StrAt(y, i)));
    if (!k || !v || DictSetItem(result.get(), k.get(), v.get()) < 0) return nullptr;
  }
  if (nargs == 3) {
    Str* z = AsStr(args[2]);
    for (int64_t i = 0; i < z->length; ++i) {
      Ref<> k = NewInt(static_cast<int64_t>(StrAt(z, i)));
      if (!k || DictSetItem(result.get(), k.get(), None()) < 0) return nullptr;
    }
  }
  return result;
}

Ref<> StrTranslateMethod(Object* self, Object* const* args, size_t, Tuple*) {
  Str* s = AsStr(self);
  Object* table = args[0];
  std::u32string out;
  out.reserve(static_cast<size_t>(s->length));
  for (int64_t i = 0; i < s->length; ++i) {
    const char32_t c = StrAt(s, i);
    Ref<> key = NewInt(static_cast<int64_t>(c));
    PY_RETURN_IF_NULL(key);
    Ref<> v = GetItem(table, key.get());
    if (!v) {
      if (ErrorMatches(&LookupErrorType)) {
        ClearError();
        out.push_back(c);
        continue;
      }
      return nullptr;
    }
    if (v.get() == None()) continue;
    if (IsInt(v.get())) {
      std::optional<int64_t> cp = IntSmall(v.get());
      if (!cp || *cp < 0 || *cp > 0x10FFFF) {
        SetError(&ValueErrorType, "character mapping must be in range(0x110000)");
        return nullptr;
      }
      out.push_back(static_cast<char32_t>(*cp));
    } else if (IsStr(v.get())) {
      Str* r = AsStr(v.get());
      for (int64_t j = 0; j < r->length; ++j) out.push_back(StrAt(r, j));
    } else {
      SetError(&TypeErrorType, "character mapping must return integer, None or str");
      return nullptr;
    }
  }
  return NewStrFromU32(out);
}

}  // namespace pyrite::vm
