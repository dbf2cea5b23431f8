// ast.dump for Pyrite's AST: the text CPython 3.11's `ast.dump(tree, include_attributes=...)`
// prints for the same tree (annotated fields, no indentation), byte for byte.
//
// Example:
//   std::string text = Dump(*module, /*include_attributes=*/false);
//   // "Module(body=[Pass()], type_ignores=[])"
#ifndef PYRITE_PYTHON_PARSER_AST_DUMP_H_
#define PYRITE_PYTHON_PARSER_AST_DUMP_H_

#include <string>

#include "python/parser/ast_nodes.h"

namespace pyrite::parser {

// Fields print as `name=value` in ASDL order; optional fields that are absent are left out;
// with `include_attributes`, located nodes end with lineno, col_offset, end_lineno and
// end_col_offset.
std::string Dump(const ast::ModNode& mod, bool include_attributes);

// CPython walks a tree recursively twice on the way to ast.dump's text, and raises RecursionError
// when a tree is too deep for either walk; these measure both, so that a tool can fail where
// CPython fails. Each returns the walk's depth when it is at most `cap`, else some value above
// `cap` (it stops descending there, so any tree is safe to measure).
//
// ConversionDepth: ast.parse's conversion of the tree to Python objects (ast2obj), one level per
// node (Module = 1), none for enum singletons; CPython 3.11 fails ("maximum recursion depth
// exceeded during ast construction") past 3 * (recursion limit - Python frames of the caller).
int ConversionDepth(const ast::ModNode& mod, int cap);

// DumpRecursionDepth: the levels of the recursion counter that ast.dump's recursive _format
// uses at its deepest: one per node, per list and per leaf value, one more for a leaf's repr(),
// and two for the generator each non-empty list is joined through. CPython fails ("maximum
// recursion depth exceeded") when the caller's frames plus this exceed the recursion limit.
int DumpRecursionDepth(const ast::ModNode& mod, bool include_attributes, int cap);

// The same for any expression (a subtree), as ast.dump(node) prints it.
std::string Dump(const ast::ExprNode& expr, bool include_attributes);

// The same for any statement.
std::string Dump(const ast::StmtNode& stmt, bool include_attributes);

}  // namespace pyrite::parser

#endif  // PYRITE_PYTHON_PARSER_AST_DUMP_H_
