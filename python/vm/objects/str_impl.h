// Internal declarations shared by the files that implement str (str.cc, str_type.cc and the
// str_*.cc method files): the method functions listed in str_type.cc's method table and small
// helpers. Not part of the VM's interface.
#ifndef PYRITE_PYTHON_VM_OBJECTS_STR_IMPL_H_
#define PYRITE_PYTHON_VM_OBJECTS_STR_IMPL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "python/unicode/unicode.h"
#include "python/vm/object.h"
#include "python/vm/objects/str.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Tuple;

void StrDealloc(Object* o);
size_t StrVarSize(Object* o);
// The empty string (cached, immortal).
Ref<Str> EmptyStr();
inline Ref<Str> NewStrFromU32(const std::u32string& s) {
  return NewStrFromCodePoints(s.data(), s.size());
}

// str.isspace() of one code point (split and strip use it), with an ASCII fast path.
inline bool IsPySpace(char32_t c) {
  if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
  return unicode::IsSpace(c);
}

// Converts an optional start/end argument (None or an index) as CPython's _PyEval_SliceIndex:
// "slice indices must be integers or None or have an __index__ method".
[[nodiscard]] bool StrSliceIndex(Object* o, int64_t* out);
// Clamps start/end to [0, len] as the find family does (negative counts from the end).
void StrAdjustRange(int64_t len, int64_t* start, int64_t* end);

#define PYRITE_STR_METHOD(name) \
  Ref<> name(Object* self, Object* const* args, size_t nargs, Tuple* kwnames)

// str_methods.cc: searching, splitting, joining, stripping, replacing.
PYRITE_STR_METHOD(StrSplitMethod);
PYRITE_STR_METHOD(StrRSplitMethod);
PYRITE_STR_METHOD(StrJoinMethod);
PYRITE_STR_METHOD(StrStripMethod);
PYRITE_STR_METHOD(StrLStripMethod);
PYRITE_STR_METHOD(StrRStripMethod);
PYRITE_STR_METHOD(StrReplaceMethod);
PYRITE_STR_METHOD(StrFindMethod);
PYRITE_STR_METHOD(StrRFindMethod);
PYRITE_STR_METHOD(StrIndexMethod);
PYRITE_STR_METHOD(StrRIndexMethod);
PYRITE_STR_METHOD(StrCountMethod);
PYRITE_STR_METHOD(StrStartsWithMethod);
PYRITE_STR_METHOD(StrEndsWithMethod);
PYRITE_STR_METHOD(StrPartitionMethod);
PYRITE_STR_METHOD(StrRPartitionMethod);
PYRITE_STR_METHOD(StrSplitLinesMethod);
PYRITE_STR_METHOD(StrRemovePrefixMethod);
PYRITE_STR_METHOD(StrRemoveSuffixMethod);
PYRITE_STR_METHOD(StrMakeTransMethod);
PYRITE_STR_METHOD(StrTranslateMethod);

// str_case.cc: case mappings, character classes, padding.
PYRITE_STR_METHOD(StrUpperMethod);
PYRITE_STR_METHOD(StrLowerMethod);
PYRITE_STR_METHOD(StrTitleMethod);
PYRITE_STR_METHOD(StrCapitalizeMethod);
PYRITE_STR_METHOD(StrSwapCaseMethod);
PYRITE_STR_METHOD(StrCaseFoldMethod);
PYRITE_STR_METHOD(StrIsAlphaMethod);
PYRITE_STR_METHOD(StrIsDigitMethod);
PYRITE_STR_METHOD(StrIsDecimalMethod);
PYRITE_STR_METHOD(StrIsNumericMethod);
PYRITE_STR_METHOD(StrIsAlnumMethod);
PYRITE_STR_METHOD(StrIsSpaceMethod);
PYRITE_STR_METHOD(StrIsUpperMethod);
PYRITE_STR_METHOD(StrIsLowerMethod);
PYRITE_STR_METHOD(StrIsTitleMethod);
PYRITE_STR_METHOD(StrIsIdentifierMethod);
PYRITE_STR_METHOD(StrIsPrintableMethod);
PYRITE_STR_METHOD(StrIsAsciiMethod);
PYRITE_STR_METHOD(StrCenterMethod);
PYRITE_STR_METHOD(StrLJustMethod);
PYRITE_STR_METHOD(StrRJustMethod);
PYRITE_STR_METHOD(StrZFillMethod);
PYRITE_STR_METHOD(StrExpandTabsMethod);

// str_encode.cc.
PYRITE_STR_METHOD(StrEncodeMethod);

// str_format.cc.
PYRITE_STR_METHOD(StrFormatMethodFn);
PYRITE_STR_METHOD(StrFormatMapMethod);

#undef PYRITE_STR_METHOD

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_STR_IMPL_H_
