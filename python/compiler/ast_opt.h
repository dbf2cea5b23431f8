// Constant folding, as CPython 3.11's Python/ast_opt.c decides it: which expressions are
// compile-time constants and their values. The parser's ConstantValue cannot hold negative ints
// or tuples, so instead of rewriting the tree the evaluator answers for a node (memoised) and
// code generation loads the folded constant in place of the expression. Folded: literals,
// `__debug__`, unary and binary operators on numbers, str and bytes (with CPython's limits on
// the size of results), tuples of constants.
#ifndef PYRITE_PYTHON_COMPILER_AST_OPT_H_
#define PYRITE_PYTHON_COMPILER_AST_OPT_H_

#include <optional>
#include <unordered_map>

#include "python/bytecode/code.h"
#include "python/parser/ast_nodes.h"

namespace pyrite::compiler {

class ConstEvaluator {
 public:
  explicit ConstEvaluator(int optimize) : optimize_(optimize) {}

  // The value of `e` when CPython's AST optimiser makes it a constant.
  std::optional<bytecode::Constant> Evaluate(const parser::ast::ExprNode* e);

  // The constant a literal node holds.
  static bytecode::Constant FromLiteral(const parser::ast::ConstantValue& value);

 private:
  std::optional<bytecode::Constant> Compute(const parser::ast::ExprNode* e);
  int optimize_;
  std::unordered_map<const parser::ast::ExprNode*, std::optional<bytecode::Constant>> memo_;
};

// Python truthiness of a constant.
bool ConstTruth(const bytecode::Constant& c);

}  // namespace pyrite::compiler

#endif  // PYRITE_PYTHON_COMPILER_AST_OPT_H_
