// min, max, sum and sorted: the builtins that consume a whole iterable, with CPython 3.11's
// argument forms and messages (bltinmodule.c's min_max, builtin_sum_impl, builtin_sorted).
#include <cstdint>
#include <string_view>

#include "python/builtins/builtins_internal.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::builtins {

using namespace vm;  // NOLINT: this file is all VM objects

namespace {

// The keyword arguments of min/max (`key`, `default`) and sorted (`key`, `reverse`): each known
// one is stored in its out-parameter; false with TypeError for more than two or another name.
// `fn` names the function in the messages.
bool ParseKeyAndOther(Object* const* args, size_t nargs, Tuple* kwnames, const char* fn,
                      std::string_view other_name, Object** key, Object** other) {
  if (kwnames == nullptr) return true;
  if (kwnames->size > 2) {
    SetErrorF(&TypeErrorType, "%s() takes at most 2 keyword arguments (%lld given)", fn,
              static_cast<long long>(kwnames->size));
    return false;
  }
  for (int64_t i = 0; i < kwnames->size; ++i) {
    std::string_view n = StrUtf8(static_cast<Str*>(kwnames->items[i]));
    if (n == "key") {
      *key = args[nargs + i];
    } else if (n == other_name) {
      *other = args[nargs + i];
    } else {
      SetErrorF(&TypeErrorType, "'%.*s' is an invalid keyword argument for %s()",
                static_cast<int>(n.size()), n.data(), fn);
      return false;
    }
  }
  return true;
}

// min(iterable, *, key, default) / min(a, b, *args, key); `op` is kLt for min, kGt for max.
Ref<> MinMax(Object* const* args, size_t nargs, Tuple* kwnames, CompareOp op, const char* name) {
  Object* key = nullptr;
  Object* dflt = nullptr;
  if (nargs == 0) {
    SetErrorF(&TypeErrorType, "%s expected at least 1 argument, got 0", name);
    return nullptr;
  }
  if (!ParseKeyAndOther(args, nargs, kwnames, name, "default", &key, &dflt)) return nullptr;
  if (nargs > 1 && dflt != nullptr) {
    SetErrorF(&TypeErrorType,
              "Cannot specify a default for %s() with multiple positional arguments", name);
    return nullptr;
  }
  if (key == None()) key = nullptr;
  Ref<> iterable;
  if (nargs == 1) {
    iterable = NewRef(args[0]);
  } else {
    iterable = NewTupleFromArray(args, static_cast<int64_t>(nargs));
    if (!iterable) return nullptr;
  }
  Ref<> it = GetIter(iterable.get());
  if (!it) return nullptr;
  Ref<> best;
  Ref<> best_key;
  for (;;) {
    Ref<> item = IterNext(it.get());
    if (!item) {
      if (ErrorOccurred()) return nullptr;
      break;
    }
    Ref<> item_key = key == nullptr ? item : CallOneArg(key, item.get());
    if (!item_key) return nullptr;
    if (!best) {
      best = std::move(item);
      best_key = std::move(item_key);
      continue;
    }
    int cmp = RichCompareBool(item_key.get(), best_key.get(), op);
    if (cmp < 0) return nullptr;
    if (cmp > 0) {
      best = std::move(item);
      best_key = std::move(item_key);
    }
  }
  if (best) return best;
  if (dflt != nullptr) return NewRef(dflt);
  SetErrorF(&ValueErrorType, "%s() arg is an empty sequence", name);
  return nullptr;
}

Ref<> BuiltinMin(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  return MinMax(args, nargs, kwnames, CompareOp::kLt, "min");
}
Ref<> BuiltinMax(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  return MinMax(args, nargs, kwnames, CompareOp::kGt, "max");
}

Ref<> Add(Object* a, Object* b) { return BinaryOperation(a, b, static_cast<int>(BinaryOp::kAdd)); }

// sum(iterable, /, start=0): exact ints are added in an int64 while they fit and exact floats in
// a double (3.11 adds floats plainly; compensated summation came in 3.12), then the generic +.
Ref<> BuiltinSum(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"sum", {"iterable", "start"}, 1, 1};
  Object* a[2];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  Ref<> result;
  if (a[1] == nullptr) {
    result = NewInt(0);
  } else {
    Object* start = a[1];
    if (IsStr(start)) {
      SetError(&TypeErrorType, "sum() can't sum strings [use ''.join(seq) instead]");
      return nullptr;
    }
    if (IsBytes(start)) {
      SetError(&TypeErrorType, "sum() can't sum bytes [use b''.join(seq) instead]");
      return nullptr;
    }
    if (IsByteArray(start)) {
      SetError(&TypeErrorType, "sum() can't sum bytearray [use b''.join(seq) instead]");
      return nullptr;
    }
    result = NewRef(start);
  }
  Ref<> it = GetIter(a[0]);
  if (!it) return nullptr;
  Ref<> item;
  // Fast path over exact ints.
  if (IsExactInt(result.get()) && IntSmall(result.get())) {
    int64_t total = *IntSmall(result.get());
    for (;;) {
      item = IterNext(it.get());
      if (!item) {
        if (ErrorOccurred()) return nullptr;
        return NewInt(total);
      }
      if (IsExactInt(item.get()) || IsBool(item.get())) {
        std::optional<int64_t> v = IntSmall(item.get());
        int64_t sum;
        if (v && !__builtin_add_overflow(total, *v, &sum)) {
          total = sum;
          item = nullptr;
          continue;
        }
      }
      result = NewInt(total);
      if (!result) return nullptr;
      break;
    }
    // `item` is the first value the fast path could not take.
    result = Add(result.get(), item.get());
    if (!result) return nullptr;
    item = nullptr;
  }
  // Fast path over exact floats (and ints mixed in, converted as float + int would).
  if (result->type == &FloatType) {
    double total = FloatValue(result.get());
    for (;;) {
      item = IterNext(it.get());
      if (!item) {
        if (ErrorOccurred()) return nullptr;
        return NewFloat(total);
      }
      if (item->type == &FloatType) {
        total += FloatValue(item.get());
        item = nullptr;
        continue;
      }
      if (IsExactInt(item.get())) {
        std::optional<int64_t> v = IntSmall(item.get());
        if (v && *v > -(int64_t{1} << 53) && *v < (int64_t{1} << 53)) {
          total += static_cast<double>(*v);
          item = nullptr;
          continue;
        }
      }
      result = NewFloat(total);
      if (!result) return nullptr;
      break;
    }
    result = Add(result.get(), item.get());
    if (!result) return nullptr;
    item = nullptr;
  }
  for (;;) {
    item = IterNext(it.get());
    if (!item) {
      if (ErrorOccurred()) return nullptr;
      return result;
    }
    result = Add(result.get(), item.get());
    if (!result) return nullptr;
  }
}

// sorted(iterable, /, *, key=None, reverse=False)
Ref<> BuiltinSorted(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 1) {
    SetErrorF(&TypeErrorType, "sorted expected 1 argument, got %zu", nargs);
    return nullptr;
  }
  Object* key = nullptr;
  Object* reverse = nullptr;
  // The keywords go to list.sort's parser (two keyword-only parameters), hence its name.
  if (!ParseKeyAndOther(args, nargs, kwnames, "sort", "reverse", &key, &reverse)) return nullptr;
  if (key == None()) key = nullptr;
  bool rev = false;
  if (reverse != nullptr) {
    // list.sort takes reverse as an int ("an integer is required"), as CPython's clinic does.
    if (IsFloat(reverse)) {
      SetError(&TypeErrorType, "'float' object cannot be interpreted as an integer");
      return nullptr;
    }
    int t = IsTrue(reverse);
    if (t < 0) return nullptr;
    rev = t != 0;
  }
  Ref<> list = SequenceList(args[0]);
  if (!list) return nullptr;
  if (!ListSort(static_cast<List*>(list.get()), key, rev)) return nullptr;
  return list;
}

}  // namespace

extern const MethodDef kBuiltinMinMax[] = {
    {"max", &BuiltinMax, kMethKeywords},
    {"min", &BuiltinMin, kMethKeywords},
    {"sorted", &BuiltinSorted, kMethKeywords},
    {"sum", &BuiltinSum, kMethKeywords},
    {nullptr, nullptr, 0},
};

}  // namespace pyrite::builtins
