// The shared argument parser of builtin functions (CPython's Python/getargs.c,
// _PyArg_UnpackKeywords and _PyArg_CheckPositional): binds positional and keyword arguments to a
// declared parameter list, with CPython 3.11's messages. The checks run in CPython's order, since
// a call with several problems reports the first one CPython would.
#include "python/vm/args.h"

#include <algorithm>
#include <string>

#include "python/vm/error.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {
namespace {

// "split()" for messages; "function" when there is no name (CPython's wording).
std::string FuncName(std::string_view func) {
  if (func.empty()) return "function";
  return std::string(func) + "()";
}

const char* Plural(int64_t n) { return n == 1 ? "" : "s"; }

}  // namespace

bool ParseArgs(const Params& p, Object* const* args, size_t nargs, Tuple* kwnames, Object** out) {
  const int64_t len = static_cast<int64_t>(p.names.size());
  const int64_t maxpos = p.kwonly >= 0 ? p.kwonly : len;
  const int64_t nkw = kwnames != nullptr ? kwnames->size : 0;
  const int64_t npos = static_cast<int64_t>(nargs);
  const int64_t minpos = std::min<int64_t>(p.required, maxpos);
  // The name for messages, built only when a message needs it (calls that bind cleanly are hot).
  std::string fname_storage;
  auto fname_str = [&]() -> const char* {
    if (fname_storage.empty()) fname_storage = FuncName(p.func);
    return fname_storage.c_str();
  };

  for (int64_t i = 0; i < len; ++i) out[i] = nullptr;

  if (npos + nkw > len) {
    SetErrorF(&TypeErrorType, "%s takes at most %lld %sargument%s (%lld given)", fname_str(),
              static_cast<long long>(len), npos == 0 ? "keyword " : "", Plural(len),
              static_cast<long long>(npos + nkw));
    return false;
  }
  if (npos > maxpos) {
    if (maxpos == 0) {
      SetErrorF(&TypeErrorType, "%s takes no positional arguments", fname_str());
    } else {
      SetErrorF(&TypeErrorType, "%s takes %s %lld positional argument%s (%lld given)",
                fname_str(), minpos < maxpos ? "at most" : "exactly",
                static_cast<long long>(maxpos), Plural(maxpos), static_cast<long long>(npos));
    }
    return false;
  }
  const int64_t minposonly = std::min<int64_t>(p.posonly, p.required);
  // Functions whose parameters are all positional-only use getargs.c's wording (no
  // "positional"), the others the argument clinic's.
  const bool all_posonly = p.posonly >= len;
  if (all_posonly && nkw > 0) {
    SetErrorF(&TypeErrorType, "%s takes no keyword arguments", fname_str());
    return false;
  }
  if (npos < minposonly) {
    SetErrorF(&TypeErrorType, "%s takes %s %lld %sargument%s (%lld given)", fname_str(),
              minposonly < maxpos ? "at least" : "exactly", static_cast<long long>(minposonly),
              all_posonly ? "" : "positional ", Plural(minposonly), static_cast<long long>(npos));
    return false;
  }
  for (int64_t i = 0; i < npos; ++i) out[i] = args[i];

  // Keywords: each must name a parameter that can be passed by keyword and was not given yet.
  for (int64_t k = 0; k < nkw; ++k) {
    Str* key = static_cast<Str*>(kwnames->items[k]);
    std::string_view kname = StrUtf8(key);
    int64_t index = -1;
    int64_t i = 0;
    for (std::string_view name : p.names) {
      if (i >= p.posonly && name == kname) {
        index = i;
        break;
      }
      ++i;
    }
    if (index < 0) {
      SetErrorF(&TypeErrorType, "'%s' is an invalid keyword argument for %s",
                std::string(kname).c_str(), fname_str());
      return false;
    }
    if (out[index] != nullptr) {
      if (index < npos) {
        SetErrorF(&TypeErrorType, "argument for %s given by name ('%s') and position (%lld)",
                  fname_str(), std::string(kname).c_str(), static_cast<long long>(index + 1));
      } else {
        SetErrorF(&TypeErrorType, "%s got multiple values for argument '%s'", fname_str(),
                  std::string(kname).c_str());
      }
      return false;
    }
    out[index] = args[npos + k];
  }

  // Required parameters not given.
  int64_t i = 0;
  for (std::string_view name : p.names) {
    if (i >= p.required) break;
    if (out[i] == nullptr) {
      if (i < p.posonly) {
        SetErrorF(&TypeErrorType, "%s takes %s %lld %sargument%s (%lld given)", fname_str(),
                  p.posonly < maxpos ? "at least" : "exactly",
                  static_cast<long long>(std::min<int64_t>(p.posonly, p.required)),
                  all_posonly ? "" : "positional ",
                  Plural(std::min<int64_t>(p.posonly, p.required)), static_cast<long long>(npos));
      } else if (i < maxpos) {
        SetErrorF(&TypeErrorType, "%s missing required argument '%s' (pos %lld)", fname_str(),
                  std::string(name).c_str(), static_cast<long long>(i + 1));
      } else {
        SetErrorF(&TypeErrorType, "%s missing required keyword-only argument '%s'", fname_str(),
                  std::string(name).c_str());
      }
      return false;
    }
    ++i;
  }
  return true;
}

bool CheckNoKwargs(std::string_view func, Tuple* kwnames) {
  if (kwnames == nullptr || kwnames->size == 0) return true;
  SetErrorF(&TypeErrorType, "%s() takes no keyword arguments", std::string(func).c_str());
  return false;
}

bool CheckPositional(std::string_view func, size_t nargs, size_t min, size_t max) {
  if (nargs < min) {
    SetErrorF(&TypeErrorType, "%s expected %s%zu argument%s, got %zu", std::string(func).c_str(),
              min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > max) {
    SetErrorF(&TypeErrorType, "%s expected %s%zu argument%s, got %zu", std::string(func).c_str(),
              min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

}  // namespace pyrite::vm
