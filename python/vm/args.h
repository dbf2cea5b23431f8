// Argument parsing for builtin functions and methods: one declared signature per function, checked
// by one parser with CPython's messages, so that no builtin counts its arguments by hand.
//
// Example (str.split(sep=None, maxsplit=-1)):
//   static const Params kSplit{"split", {"sep", "maxsplit"}, /*posonly=*/0, /*required=*/0};
//   Object* a[2];
//   if (!ParseArgs(kSplit, args, nargs, kwnames, a)) return nullptr;
//   // a[0], a[1]: borrowed, or null when not given
#ifndef PYRITE_PYTHON_VM_ARGS_H_
#define PYRITE_PYTHON_VM_ARGS_H_

#include <cstddef>
#include <initializer_list>
#include <string_view>

#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

struct Params {
  std::string_view func;                       // name used in messages: "split", "int"
  std::initializer_list<std::string_view> names;  // every parameter, in order
  int posonly = 0;    // the first `posonly` parameters cannot be passed by keyword
  int required = 0;   // the first `required` parameters must be given
  int kwonly = -1;    // index of the first keyword-only parameter (-1: none)
};

// Binds args/kwnames to `p` (out has p.names.size() entries; borrowed, null when not given).
// Messages as CPython's argument clinic: "split() takes at most 2 arguments (3 given)",
// "split() got an unexpected keyword argument 'x'" ("'x' is an invalid keyword argument for
// split()" where CPython says so), "split() missing required argument 'sep' (pos 1)",
// "argument for split() given by name ('sep') and position (1)".
[[nodiscard]] bool ParseArgs(const Params& p, Object* const* args, size_t nargs, Tuple* kwnames,
                             Object** out);

// "f() takes no keyword arguments" when kwnames is non-empty.
[[nodiscard]] bool CheckNoKwargs(std::string_view func, Tuple* kwnames);
// Positional count check: "f expected at least 1 argument, got 0" /
// "f expected at most 2 arguments, got 3" (PyArg_UnpackTuple's wording).
[[nodiscard]] bool CheckPositional(std::string_view func, size_t nargs, size_t min, size_t max);

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_ARGS_H_
