// Future imports: the scan of a module's leading `from __future__ import` statements.
#include "python/compiler/future.h"

#include <string>
#include <string_view>

namespace pyrite::compiler {
namespace {

using parser::SyntaxError;
namespace ast = parser::ast;

SyntaxError ErrorAt(std::string message, int lineno, int offset) {
  SyntaxError error;
  error.message = std::move(message);
  error.lineno = lineno;
  error.offset = offset;
  return error;
}

bool IsDocstring(const ast::StmtNode* stmt) {
  const auto* expr = stmt->As<ast::ExprStmt>();
  if (expr == nullptr) return false;
  const auto* constant = expr->value->As<ast::Constant>();
  return constant != nullptr && constant->value.kind == ast::ConstantValue::Kind::kStr;
}

// Features that are always on in 3.11 are accepted and change nothing.
bool CheckFeatures(const ast::ImportFrom& import, FutureFeatures& ff, SyntaxError& error) {
  static constexpr std::string_view kMandatory[] = {
      "nested_scopes",  "generators",     "division",         "absolute_import",
      "with_statement", "print_function", "unicode_literals", "generator_stop",
  };
  for (const ast::Alias* alias : import.names) {
    std::string_view feature = alias->name;
    bool known = false;
    for (std::string_view name : kMandatory) known = known || feature == name;
    if (known) continue;
    if (feature == "barry_as_FLUFL") {
      ff.features |= kFutureBarryAsBdfl;
    } else if (feature == "annotations") {
      ff.features |= kFutureAnnotations;
    } else if (feature == "braces") {
      error = ErrorAt("not a chance", import.loc.lineno, import.loc.col_offset + 1);
      return false;
    } else {
      error = ErrorAt("future feature " + std::string(feature) + " is not defined",
                      import.loc.lineno, import.loc.col_offset + 1);
      return false;
    }
  }
  return true;
}

}  // namespace

std::variant<FutureFeatures, SyntaxError> FutureFromAst(const ast::ModNode& mod) {
  FutureFeatures ff;
  ast::Seq<ast::StmtNode*> body;
  if (const auto* module = mod.As<ast::Module>()) {
    body = module->body;
  } else if (const auto* interactive = mod.As<ast::Interactive>()) {
    body = interactive->body;
  } else {
    return ff;
  }
  uint32_t i = 0;
  if (!body.empty() && IsDocstring(body[0])) ++i;
  bool done = false;
  int prev_line = 0;
  for (; i < body.size; ++i) {
    const ast::StmtNode* stmt = body[i];
    // Once another statement has been seen, only a future import on that same line (after a
    // semicolon) is future.c's business.
    if (done && stmt->loc.lineno > prev_line) break;
    prev_line = stmt->loc.lineno;
    const auto* import = stmt->As<ast::ImportFrom>();
    if (import == nullptr || import->module != "__future__") {
      done = true;
      continue;
    }
    if (done) {
      // future.c passes col_offset here, not col_offset + 1.
      return ErrorAt("from __future__ imports must occur at the beginning of the file",
                     stmt->loc.lineno, stmt->loc.col_offset);
    }
    SyntaxError error;
    if (!CheckFeatures(*import, ff, error)) return error;
    ff.lineno = stmt->loc.lineno;
  }
  return ff;
}

}  // namespace pyrite::compiler
