// `from __future__ import ...` as the compiler sees it: which features a module turns on, and
// the errors CPython 3.11's Python/future.c raises for unknown features and misplaced imports.
#ifndef PYRITE_PYTHON_COMPILER_FUTURE_H_
#define PYRITE_PYTHON_COMPILER_FUTURE_H_

#include <variant>

#include "python/parser/ast_nodes.h"
#include "python/parser/syntax_error.h"

namespace pyrite::compiler {

// Code flags of the features that change compilation (CPython's CO_FUTURE_* values).
inline constexpr int kFutureBarryAsBdfl = 0x400000;
inline constexpr int kFutureAnnotations = 0x1000000;

struct FutureFeatures {
  int features = 0;  // kFuture* bits
  int lineno = 0;    // line of the last future import, 0 when none
};

// Reads the future imports at the top of `mod` (after an optional docstring). Only what
// future.c checks is an error here: an unknown feature ("future feature X is not defined"),
// `braces` ("not a chance"), and a future import after another statement on the same line as
// a preceding one ("from __future__ imports must occur at the beginning of the file"); later
// misplaced future imports are the code generator's error, as in CPython.
std::variant<FutureFeatures, parser::SyntaxError> FutureFromAst(const parser::ast::ModNode& mod);

}  // namespace pyrite::compiler

#endif  // PYRITE_PYTHON_COMPILER_FUTURE_H_
