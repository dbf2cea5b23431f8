// Expression to source text, as CPython 3.11's Python/ast_unparse.c writes annotations under
// `from __future__ import annotations` (minimal parentheses by operator precedence).
#ifndef PYRITE_PYTHON_COMPILER_UNPARSE_H_
#define PYRITE_PYTHON_COMPILER_UNPARSE_H_

#include <string>

#include "python/parser/ast_nodes.h"

namespace pyrite::compiler {

std::string Unparse(const parser::ast::ExprNode* e);

}  // namespace pyrite::compiler

#endif  // PYRITE_PYTHON_COMPILER_UNPARSE_H_
