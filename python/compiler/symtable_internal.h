// Private to the symbol table: the first pass's walker and the second pass's entry point,
// shared by symtable.cc (collect) and symtable_analyze.cc (analyse).
#ifndef PYRITE_PYTHON_COMPILER_SYMTABLE_INTERNAL_H_
#define PYRITE_PYTHON_COMPILER_SYMTABLE_INTERNAL_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "python/compiler/symtable.h"
#include "python/parser/ast_nodes.h"
#include "python/parser/syntax_error.h"

namespace pyrite::compiler {

// Pass 2: decides every symbol's scope in `top` and its descendants. On a SyntaxError fills
// `error` and returns false.
bool AnalyzeScopes(Block& top, parser::SyntaxError& error);

// Pass 1. Every Visit* returns false after recording the first error (Fail); the walk then
// unwinds without visiting anything else.
class SymbolTableBuilder {
 public:
  SymbolTableBuilder(int future_features, int start_depth);
  SymtableResult Build(const parser::ast::ModNode& mod);

 private:
  using Location = parser::ast::Location;

  static parser::SyntaxError ErrorAt(std::string message, const Location& loc);
  bool Fail(parser::SyntaxError error);
  bool Fail(std::string message, const Location& loc);
  bool EnterDepth();

  bool EnterBlock(std::string name, BlockType type, const void* node, const Location& loc);
  void ExitBlock();
  bool AddDefIn(Block* block, std::string_view name, int flag, const Location& loc);
  bool AddDef(std::string_view name, int flag, const Location& loc);
  int LookupFlags(std::string_view name) const;
  void RecordDirective(std::string_view name, const Location& loc);

  bool VisitStmts(const parser::ast::Seq<parser::ast::StmtNode*>& stmts);
  bool VisitStmt(const parser::ast::StmtNode& stmt);
  bool VisitStmtKind(const parser::ast::StmtNode& stmt);
  template <typename Def>
  bool VisitFunctionDef(const Def& def, bool is_async);
  bool VisitDeclaration(const parser::ast::StmtNode& stmt,
                        const parser::ast::Seq<parser::ast::Identifier>& names, bool is_global);
  bool VisitAnnAssign(const parser::ast::AnnAssign& s);
  bool VisitWithItems(const parser::ast::Seq<parser::ast::WithItem*>& items);
  bool VisitHandlers(const parser::ast::Seq<parser::ast::ExceptHandlerNode*>& handlers);
  bool VisitAliases(const parser::ast::Seq<parser::ast::Alias*>& aliases);

  bool VisitParams(const parser::ast::Seq<parser::ast::Arg*>& args);
  bool VisitArguments(const parser::ast::Arguments& a);
  bool VisitArgAnnotations(const parser::ast::Seq<parser::ast::Arg*>& args);
  bool VisitAnnotation(const parser::ast::ExprNode& annotation);
  bool VisitAnnotations(const Location& loc, const parser::ast::Arguments& a,
                        const parser::ast::ExprNode* returns);

  bool VisitExprs(const parser::ast::Seq<parser::ast::ExprNode*>& exprs);
  bool VisitExpr(const parser::ast::ExprNode& e);
  bool VisitExprKind(const parser::ast::ExprNode& e);
  bool VisitNamedExpr(const parser::ast::NamedExpr& e);
  bool ExtendNamedExprScope(const parser::ast::Name& target);
  bool VisitComprehension(const parser::ast::ExprNode& e, const char* scope_name,
                          const parser::ast::Seq<parser::ast::Comprehension*>& generators,
                          const parser::ast::ExprNode* elt, const parser::ast::ExprNode* value);
  bool RaiseIfAnnotationBlock(const char* what, const parser::ast::ExprNode& e);
  bool RaiseYieldInComprehension(const parser::ast::ExprNode& e);

  bool VisitPattern(const parser::ast::PatternNode& p);
  bool VisitPatterns(const parser::ast::Seq<parser::ast::PatternNode*>& patterns);
  bool VisitPatternKind(const parser::ast::PatternNode& p);

  std::unique_ptr<SymbolTable> table_;
  bool future_annotations_;
  Block* cur_ = nullptr;
  Block* global_ = nullptr;    // the module block (CPython's st_global)
  std::vector<Block*> stack_;  // enclosing blocks, innermost last, cur_ included
  std::string_view private_;   // name of the innermost enclosing class, for mangling
  int depth_;
  int depth_limit_;
  bool failed_ = false;
  bool recursion_error_ = false;
  parser::SyntaxError error_;
};

}  // namespace pyrite::compiler

#endif  // PYRITE_PYTHON_COMPILER_SYMTABLE_INTERNAL_H_
