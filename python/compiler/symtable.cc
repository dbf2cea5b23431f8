// The symbol table's first pass: one walk over the AST that opens a block per scope and records
// the raw facts about each name (symtable.h explains both passes). The order of the walk is
// CPython 3.11's, because it fixes the order of child blocks and which error is found first:
// defaults, annotations and decorators before a function's body, a comprehension's outermost
// iterable in the enclosing scope and the rest in its own.
#include "python/compiler/symtable.h"

#include <string>
#include <string_view>
#include <utility>

#include "python/compiler/symtable_internal.h"

namespace pyrite::compiler {

namespace ast = parser::ast;
using parser::SyntaxError;

// --- Block and SymbolTable ----------------------------------------------------------------

const Symbol* Block::Lookup(std::string_view name) const {
  auto it = index_.find(std::string(name));
  return it == index_.end() ? nullptr : &symbols_[it->second];
}

int Block::Flags(std::string_view name) const {
  const Symbol* symbol = Lookup(name);
  return symbol == nullptr ? 0 : symbol->flags;
}

NameScope Block::ScopeOf(std::string_view name) const {
  const Symbol* symbol = Lookup(name);
  return symbol == nullptr ? NameScope::kNone : symbol->scope;
}

Symbol& Block::SymbolFor(const std::string& name) {
  auto [it, inserted] = index_.try_emplace(name, symbols_.size());
  if (inserted) symbols_.push_back(Symbol{name, 0, NameScope::kNone});
  return symbols_[it->second];
}

const Block* SymbolTable::Lookup(const void* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

std::string Mangle(std::string_view class_name, std::string_view name) {
  if (class_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') {
    return std::string(name);
  }
  // Dunder names and dotted import names are never mangled.
  if ((name[name.size() - 1] == '_' && name[name.size() - 2] == '_') ||
      name.find('.') != std::string_view::npos) {
    return std::string(name);
  }
  size_t start = class_name.find_first_not_of('_');
  if (start == std::string_view::npos) return std::string(name);
  std::string mangled = "_";
  mangled += class_name.substr(start);
  mangled += name;
  return mangled;
}

// --- The builder ----------------------------------------------------------------------------

namespace {

// CPython's symtable counts one level per statement, expression and pattern it enters, and
// gives up at three times the interpreter's recursion limit (COMPILER_STACK_FRAME_SCALE).
constexpr int kRecursionLimit = 1000;
constexpr int kStackFrameScale = 3;

}  // namespace

SyntaxError SymbolTableBuilder::ErrorAt(std::string message, const ast::Location& loc) {
  SyntaxError error;
  error.message = std::move(message);
  error.lineno = loc.lineno;
  error.offset = loc.col_offset + 1;
  error.end_lineno = loc.end_lineno;
  error.end_offset = loc.end_col_offset + 1;
  return error;
}

bool SymbolTableBuilder::Fail(SyntaxError error) {
  if (!failed_) {
    failed_ = true;
    error_ = std::move(error);
  }
  return false;
}

bool SymbolTableBuilder::Fail(std::string message, const ast::Location& loc) {
  return Fail(ErrorAt(std::move(message), loc));
}

SymbolTableBuilder::SymbolTableBuilder(int future_features, int start_depth)
    : table_(std::make_unique<SymbolTable>()),
      future_annotations_((future_features & kFutureAnnotations) != 0),
      depth_(start_depth * kStackFrameScale),
      depth_limit_(kRecursionLimit * kStackFrameScale) {
  table_->future_features_ = future_features;
}

bool SymbolTableBuilder::EnterDepth() {
  if (++depth_ > depth_limit_) {
    recursion_error_ = true;
    failed_ = true;
    return false;
  }
  return true;
}

bool SymbolTableBuilder::EnterBlock(std::string name, BlockType type, const void* node,
                                    const ast::Location& loc) {
  auto block = std::make_unique<Block>(std::move(name), type, node, loc);
  Block* prev = cur_;
  if (prev != nullptr) {
    block->nested_ = prev->nested_ || prev->type_ == BlockType::kFunction;
    // bpo-37757: every walrus in a comprehension's outermost iterable is refused, even inside
    // a nested lambda or comprehension.
    block->comp_iter_expr_ = prev->comp_iter_expr_;
  }
  cur_ = block.get();
  stack_.push_back(cur_);
  table_->blocks_.push_back(std::move(block));
  // Annotation blocks (under `from __future__ import annotations`) bind nothing anywhere and
  // are not evaluated: they exist only so that their contents do not touch the real scopes.
  if (type == BlockType::kAnnotation) return true;
  table_->by_node_[node] = cur_;
  if (type == BlockType::kModule) global_ = cur_;
  if (prev != nullptr) prev->children_.push_back(cur_);
  return true;
}

void SymbolTableBuilder::ExitBlock() {
  stack_.pop_back();
  cur_ = stack_.empty() ? nullptr : stack_.back();
}

bool SymbolTableBuilder::AddDefIn(Block* block, std::string_view name, int flag,
                                  const ast::Location& loc) {
  std::string mangled = Mangle(private_, name);
  Symbol& symbol = block->SymbolFor(mangled);
  int val = symbol.flags;
  if ((flag & kDefParam) && (val & kDefParam)) {
    return Fail("duplicate argument '" + std::string(name) + "' in function definition", loc);
  }
  val |= flag;
  if (block->comp_iter_target_) {
    // An iteration variable: it must not rebind a walrus target already lifted out of this
    // comprehension, and later walrus targets must not rebind it.
    if (val & (kDefGlobal | kDefNonlocal)) {
      return Fail("comprehension inner loop cannot rebind assignment expression target '" +
                      std::string(name) + "'",
                  loc);
    }
    val |= kDefCompIter;
  }
  symbol.flags = val;
  if (flag & kDefParam) {
    block->varnames_.push_back(mangled);
  } else if (flag & kDefGlobal) {
    // A `global` anywhere also marks the module's own symbol.
    Symbol& module_symbol = global_->SymbolFor(mangled);
    module_symbol.flags |= flag;
  }
  return true;
}

bool SymbolTableBuilder::AddDef(std::string_view name, int flag, const ast::Location& loc) {
  return AddDefIn(cur_, name, flag, loc);
}

int SymbolTableBuilder::LookupFlags(std::string_view name) const {
  return cur_->Flags(Mangle(private_, name));
}

void SymbolTableBuilder::RecordDirective(std::string_view name, const ast::Location& loc) {
  cur_->directives_.push_back(Block::Directive{Mangle(private_, name), loc});
}

// --- Statements -----------------------------------------------------------------------------

bool SymbolTableBuilder::VisitStmts(const ast::Seq<ast::StmtNode*>& stmts) {
  for (const ast::StmtNode* stmt : stmts) {
    if (!VisitStmt(*stmt)) return false;
  }
  return true;
}

bool SymbolTableBuilder::VisitExprs(const ast::Seq<ast::ExprNode*>& exprs) {
  for (const ast::ExprNode* expr : exprs) {
    // Dict keys of `**d` and absent keyword-only defaults are null.
    if (expr != nullptr && !VisitExpr(*expr)) return false;
  }
  return true;
}

template <typename Def>
bool SymbolTableBuilder::VisitFunctionDef(const Def& def, bool is_async) {
  if (!AddDef(def.name, kDefLocal, def.loc)) return false;
  if (!VisitExprs(def.args->defaults)) return false;
  if (!VisitExprs(def.args->kw_defaults)) return false;
  if (!VisitAnnotations(def.loc, *def.args, def.returns)) return false;
  if (!VisitExprs(def.decorator_list)) return false;
  EnterBlock(std::string(def.name), BlockType::kFunction, &def, def.loc);
  if (is_async) cur_->coroutine_ = true;
  if (!VisitArguments(*def.args)) return false;
  if (!VisitStmts(def.body)) return false;
  ExitBlock();
  return true;
}

bool SymbolTableBuilder::VisitDeclaration(const ast::StmtNode& stmt,
                                          const ast::Seq<ast::Identifier>& names, bool is_global) {
  const char* what = is_global ? "global" : "nonlocal";
  for (ast::Identifier name : names) {
    int cur = LookupFlags(name);
    if (cur & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
      std::string quoted = "'" + std::string(name) + "'";
      std::string message;
      if (cur & kDefParam) {
        message = "name " + quoted + " is parameter and " + what;
      } else if (cur & kUse) {
        message = "name " + quoted + " is used prior to " + what + " declaration";
      } else if (cur & kDefAnnot) {
        message = "annotated name " + quoted + " can't be " + what;
      } else {
        message = "name " + quoted + " is assigned to before " + what + " declaration";
      }
      return Fail(std::move(message), stmt.loc);
    }
    if (!AddDef(name, is_global ? kDefGlobal : kDefNonlocal, stmt.loc)) return false;
    RecordDirective(name, stmt.loc);
  }
  return true;
}

bool SymbolTableBuilder::VisitAnnAssign(const ast::AnnAssign& s) {
  if (const auto* target = s.target->As<ast::Name>()) {
    int cur = LookupFlags(target->id);
    if ((cur & (kDefGlobal | kDefNonlocal)) && cur_ != global_ && s.simple) {
      std::string what = (cur & kDefGlobal) ? "global" : "nonlocal";
      return Fail("annotated name '" + std::string(target->id) + "' can't be " + what, s.loc);
    }
    if (s.simple) {
      if (!AddDef(target->id, kDefAnnot | kDefLocal, target->loc)) return false;
    } else if (s.value != nullptr) {
      if (!AddDef(target->id, kDefLocal, target->loc)) return false;
    }
  } else {
    if (!VisitExpr(*s.target)) return false;
  }
  if (!VisitAnnotation(*s.annotation)) return false;
  if (s.value != nullptr && !VisitExpr(*s.value)) return false;
  return true;
}

bool SymbolTableBuilder::VisitStmt(const ast::StmtNode& stmt) {
  if (!EnterDepth()) return false;
  bool ok = VisitStmtKind(stmt);
  --depth_;
  return ok;
}

bool SymbolTableBuilder::VisitStmtKind(const ast::StmtNode& stmt) {
  switch (stmt.kind) {
    case ast::StmtKind::FunctionDef:
      return VisitFunctionDef(*stmt.As<ast::FunctionDef>(), false);
    case ast::StmtKind::AsyncFunctionDef:
      return VisitFunctionDef(*stmt.As<ast::AsyncFunctionDef>(), true);
    case ast::StmtKind::ClassDef: {
      const auto& s = *stmt.As<ast::ClassDef>();
      if (!AddDef(s.name, kDefLocal, s.loc)) return false;
      if (!VisitExprs(s.bases)) return false;
      for (const ast::Keyword* keyword : s.keywords) {
        if (!VisitExpr(*keyword->value)) return false;
      }
      if (!VisitExprs(s.decorator_list)) return false;
      EnterBlock(std::string(s.name), BlockType::kClass, &s, s.loc);
      std::string_view saved = private_;
      private_ = s.name;
      if (!VisitStmts(s.body)) return false;
      private_ = saved;
      ExitBlock();
      return true;
    }
    case ast::StmtKind::Return: {
      const auto& s = *stmt.As<ast::Return>();
      if (s.value != nullptr) {
        if (!VisitExpr(*s.value)) return false;
        cur_->returns_value_ = true;
      }
      return true;
    }
    case ast::StmtKind::Delete:
      return VisitExprs(stmt.As<ast::Delete>()->targets);
    case ast::StmtKind::Assign: {
      const auto& s = *stmt.As<ast::Assign>();
      return VisitExprs(s.targets) && VisitExpr(*s.value);
    }
    case ast::StmtKind::AnnAssign:
      return VisitAnnAssign(*stmt.As<ast::AnnAssign>());
    case ast::StmtKind::AugAssign: {
      const auto& s = *stmt.As<ast::AugAssign>();
      return VisitExpr(*s.target) && VisitExpr(*s.value);
    }
    case ast::StmtKind::For: {
      const auto& s = *stmt.As<ast::For>();
      return VisitExpr(*s.target) && VisitExpr(*s.iter) && VisitStmts(s.body) &&
             VisitStmts(s.orelse);
    }
    case ast::StmtKind::AsyncFor: {
      const auto& s = *stmt.As<ast::AsyncFor>();
      return VisitExpr(*s.target) && VisitExpr(*s.iter) && VisitStmts(s.body) &&
             VisitStmts(s.orelse);
    }
    case ast::StmtKind::While: {
      const auto& s = *stmt.As<ast::While>();
      return VisitExpr(*s.test) && VisitStmts(s.body) && VisitStmts(s.orelse);
    }
    case ast::StmtKind::If: {
      const auto& s = *stmt.As<ast::If>();
      return VisitExpr(*s.test) && VisitStmts(s.body) && VisitStmts(s.orelse);
    }
    case ast::StmtKind::With: {
      const auto& s = *stmt.As<ast::With>();
      return VisitWithItems(s.items) && VisitStmts(s.body);
    }
    case ast::StmtKind::AsyncWith: {
      const auto& s = *stmt.As<ast::AsyncWith>();
      return VisitWithItems(s.items) && VisitStmts(s.body);
    }
    case ast::StmtKind::Match: {
      const auto& s = *stmt.As<ast::Match>();
      if (!VisitExpr(*s.subject)) return false;
      for (const ast::MatchCase* match_case : s.cases) {
        if (!VisitPattern(*match_case->pattern)) return false;
        if (match_case->guard != nullptr && !VisitExpr(*match_case->guard)) return false;
        if (!VisitStmts(match_case->body)) return false;
      }
      return true;
    }
    case ast::StmtKind::Raise: {
      const auto& s = *stmt.As<ast::Raise>();
      if (s.exc == nullptr) return true;
      if (!VisitExpr(*s.exc)) return false;
      return s.cause == nullptr || VisitExpr(*s.cause);
    }
    case ast::StmtKind::Try: {
      const auto& s = *stmt.As<ast::Try>();
      return VisitStmts(s.body) && VisitStmts(s.orelse) && VisitHandlers(s.handlers) &&
             VisitStmts(s.finalbody);
    }
    case ast::StmtKind::TryStar: {
      const auto& s = *stmt.As<ast::TryStar>();
      return VisitStmts(s.body) && VisitStmts(s.orelse) && VisitHandlers(s.handlers) &&
             VisitStmts(s.finalbody);
    }
    case ast::StmtKind::Assert: {
      const auto& s = *stmt.As<ast::Assert>();
      return VisitExpr(*s.test) && (s.msg == nullptr || VisitExpr(*s.msg));
    }
    case ast::StmtKind::Import:
      return VisitAliases(stmt.As<ast::Import>()->names);
    case ast::StmtKind::ImportFrom:
      return VisitAliases(stmt.As<ast::ImportFrom>()->names);
    case ast::StmtKind::Global:
      return VisitDeclaration(stmt, stmt.As<ast::Global>()->names, true);
    case ast::StmtKind::Nonlocal:
      return VisitDeclaration(stmt, stmt.As<ast::Nonlocal>()->names, false);
    case ast::StmtKind::Expr:
      return VisitExpr(*stmt.As<ast::ExprStmt>()->value);
    case ast::StmtKind::Pass:
    case ast::StmtKind::Break:
    case ast::StmtKind::Continue:
      return true;
  }
  return true;
}

bool SymbolTableBuilder::VisitWithItems(const ast::Seq<ast::WithItem*>& items) {
  for (const ast::WithItem* item : items) {
    if (!VisitExpr(*item->context_expr)) return false;
    if (item->optional_vars != nullptr && !VisitExpr(*item->optional_vars)) return false;
  }
  return true;
}

bool SymbolTableBuilder::VisitHandlers(const ast::Seq<ast::ExceptHandlerNode*>& handlers) {
  for (const ast::ExceptHandlerNode* node : handlers) {
    const auto& handler = *node->As<ast::ExceptHandler>();
    if (handler.type != nullptr && !VisitExpr(*handler.type)) return false;
    if (!handler.name.empty() && !AddDef(handler.name, kDefLocal, handler.loc)) return false;
    if (!VisitStmts(handler.body)) return false;
  }
  return true;
}

bool SymbolTableBuilder::VisitAliases(const ast::Seq<ast::Alias*>& aliases) {
  for (const ast::Alias* alias : aliases) {
    std::string_view name = alias->asname.empty() ? alias->name : alias->asname;
    if (name == "*") {
      if (cur_->type_ != BlockType::kModule) {
        return Fail("import * only allowed at module level", alias->loc);
      }
      continue;
    }
    // `import a.b.c` binds `a`.
    std::string_view store = name.substr(0, name.find('.'));
    if (!AddDef(store, kDefImport, alias->loc)) return false;
  }
  return true;
}

// --- Parameters and annotations -------------------------------------------------------------

bool SymbolTableBuilder::VisitParams(const ast::Seq<ast::Arg*>& args) {
  for (const ast::Arg* arg : args) {
    if (!AddDef(arg->arg, kDefParam, arg->loc)) return false;
  }
  return true;
}

bool SymbolTableBuilder::VisitArguments(const ast::Arguments& a) {
  if (!VisitParams(a.posonlyargs) || !VisitParams(a.args) || !VisitParams(a.kwonlyargs)) {
    return false;
  }
  if (a.vararg != nullptr) {
    if (!AddDef(a.vararg->arg, kDefParam, a.vararg->loc)) return false;
    cur_->varargs_ = true;
  }
  if (a.kwarg != nullptr) {
    if (!AddDef(a.kwarg->arg, kDefParam, a.kwarg->loc)) return false;
    cur_->varkeywords_ = true;
  }
  return true;
}

bool SymbolTableBuilder::VisitArgAnnotations(const ast::Seq<ast::Arg*>& args) {
  for (const ast::Arg* arg : args) {
    if (arg->annotation != nullptr && !VisitExpr(*arg->annotation)) return false;
  }
  return true;
}

bool SymbolTableBuilder::VisitAnnotation(const ast::ExprNode& annotation) {
  if (future_annotations_) {
    EnterBlock("_annotation", BlockType::kAnnotation, &annotation, annotation.loc);
  }
  if (!VisitExpr(annotation)) return false;
  if (future_annotations_) ExitBlock();
  return true;
}

bool SymbolTableBuilder::VisitAnnotations(const ast::Location& loc, const ast::Arguments& a,
                                          const ast::ExprNode* returns) {
  if (future_annotations_) {
    EnterBlock("_annotation", BlockType::kAnnotation, &a, loc);
  }
  if (!VisitArgAnnotations(a.posonlyargs) || !VisitArgAnnotations(a.args)) return false;
  if (a.vararg != nullptr && a.vararg->annotation != nullptr && !VisitExpr(*a.vararg->annotation)) {
    return false;
  }
  if (a.kwarg != nullptr && a.kwarg->annotation != nullptr && !VisitExpr(*a.kwarg->annotation)) {
    return false;
  }
  if (!VisitArgAnnotations(a.kwonlyargs)) return false;
  if (future_annotations_) ExitBlock();
  return returns == nullptr || VisitAnnotation(*returns);
}

// --- Expressions ----------------------------------------------------------------------------

bool SymbolTableBuilder::RaiseIfAnnotationBlock(const char* what, const ast::ExprNode& e) {
  if (cur_->type_ != BlockType::kAnnotation) return true;
  return Fail("'" + std::string(what) + "' can not be used within an annotation", e.loc);
}

bool SymbolTableBuilder::RaiseYieldInComprehension(const ast::ExprNode& e) {
  const char* message = "'yield' inside generator expression";
  switch (cur_->comprehension_) {
    case ComprehensionType::kList:
      message = "'yield' inside list comprehension";
      break;
    case ComprehensionType::kSet:
      message = "'yield' inside set comprehension";
      break;
    case ComprehensionType::kDict:
      message = "'yield' inside dict comprehension";
      break;
    default:
      break;
  }
  return Fail(message, e.loc);
}

bool SymbolTableBuilder::ExtendNamedExprScope(const ast::Name& target) {
  std::string_view name = target.id;
  // The target binds in the nearest enclosing scope that is not a comprehension.
  for (size_t i = stack_.size(); i-- > 0;) {
    Block* block = stack_[i];
    if (block->comprehension_ != ComprehensionType::kNone) {
      if (block->Flags(Mangle(private_, name)) & kDefCompIter) {
        return Fail("assignment expression cannot rebind comprehension iteration variable '" +
                        std::string(name) + "'",
                    target.loc);
      }
      continue;
    }
    if (block->type_ == BlockType::kFunction) {
      int in_scope = block->Flags(Mangle(private_, name));
      if (!AddDef(name, (in_scope & kDefGlobal) ? kDefGlobal : kDefNonlocal, target.loc)) {
        return false;
      }
      RecordDirective(name, target.loc);
      return AddDefIn(block, name, kDefLocal, target.loc);
    }
    if (block->type_ == BlockType::kModule) {
      if (!AddDef(name, kDefGlobal, target.loc)) return false;
      RecordDirective(name, target.loc);
      return AddDefIn(block, name, kDefGlobal, target.loc);
    }
    if (block->type_ == BlockType::kClass) {
      return Fail("assignment expression within a comprehension cannot be used in a class body",
                  target.loc);
    }
  }
  return true;
}

bool SymbolTableBuilder::VisitNamedExpr(const ast::NamedExpr& e) {
  if (!RaiseIfAnnotationBlock("named expression", e)) return false;
  if (cur_->comp_iter_expr_ > 0) {
    return Fail("assignment expression cannot be used in a comprehension iterable expression",
                e.loc);
  }
  if (cur_->comprehension_ != ComprehensionType::kNone) {
    if (!ExtendNamedExprScope(*e.target->As<ast::Name>())) return false;
  }
  return VisitExpr(*e.value) && VisitExpr(*e.target);
}

bool SymbolTableBuilder::VisitComprehension(const ast::ExprNode& e, const char* scope_name,
                                            const ast::Seq<ast::Comprehension*>& generators,
                                            const ast::ExprNode* elt, const ast::ExprNode* value) {
  bool is_generator = e.kind == ast::ExprKind::GeneratorExp;
  const ast::Comprehension& outermost = *generators[0];
  // The outermost iterable is evaluated in the enclosing scope.
  ++cur_->comp_iter_expr_;
  if (!VisitExpr(*outermost.iter)) return false;
  --cur_->comp_iter_expr_;
  EnterBlock(scope_name, BlockType::kFunction, &e, e.loc);
  switch (e.kind) {
    case ast::ExprKind::ListComp:
      cur_->comprehension_ = ComprehensionType::kList;
      break;
    case ast::ExprKind::SetComp:
      cur_->comprehension_ = ComprehensionType::kSet;
      break;
    case ast::ExprKind::DictComp:
      cur_->comprehension_ = ComprehensionType::kDict;
      break;
    default:
      cur_->comprehension_ = ComprehensionType::kGenerator;
      break;
  }
  if (outermost.is_async) cur_->coroutine_ = true;
  // The outermost iterator arrives as the implicit parameter `.0`.
  if (!AddDef(".0", kDefParam, cur_->loc_)) return false;
  cur_->comp_iter_target_ = true;
  if (!VisitExpr(*outermost.target)) return false;
  cur_->comp_iter_target_ = false;
  if (!VisitExprs(outermost.ifs)) return false;
  for (uint32_t i = 1; i < generators.size; ++i) {
    const ast::Comprehension& gen = *generators[i];
    cur_->comp_iter_target_ = true;
    if (!VisitExpr(*gen.target)) return false;
    cur_->comp_iter_target_ = false;
    ++cur_->comp_iter_expr_;
    if (!VisitExpr(*gen.iter)) return false;
    --cur_->comp_iter_expr_;
    if (!VisitExprs(gen.ifs)) return false;
    if (gen.is_async) cur_->coroutine_ = true;
  }
  if (value != nullptr && !VisitExpr(*value)) return false;
  if (!VisitExpr(*elt)) return false;
  cur_->generator_ = is_generator;
  bool is_async = cur_->coroutine_ && !is_generator;
  ExitBlock();
  if (is_async) cur_->coroutine_ = true;
  return true;
}

bool SymbolTableBuilder::VisitExpr(const ast::ExprNode& e) {
  if (!EnterDepth()) return false;
  bool ok = VisitExprKind(e);
  --depth_;
  return ok;
}

bool SymbolTableBuilder::VisitExprKind(const ast::ExprNode& e) {
  switch (e.kind) {
    case ast::ExprKind::NamedExpr:
      return VisitNamedExpr(*e.As<ast::NamedExpr>());
    case ast::ExprKind::BoolOp:
      return VisitExprs(e.As<ast::BoolOp>()->values);
    case ast::ExprKind::BinOp: {
      const auto& x = *e.As<ast::BinOp>();
      return VisitExpr(*x.left) && VisitExpr(*x.right);
    }
    case ast::ExprKind::UnaryOp:
      return VisitExpr(*e.As<ast::UnaryOp>()->operand);
    case ast::ExprKind::Lambda: {
      const auto& x = *e.As<ast::Lambda>();
      if (!VisitExprs(x.args->defaults) || !VisitExprs(x.args->kw_defaults)) return false;
      EnterBlock("lambda", BlockType::kFunction, &e, e.loc);
      if (!VisitArguments(*x.args) || !VisitExpr(*x.body)) return false;
      ExitBlock();
      return true;
    }
    case ast::ExprKind::IfExp: {
      const auto& x = *e.As<ast::IfExp>();
      return VisitExpr(*x.test) && VisitExpr(*x.body) && VisitExpr(*x.orelse);
    }
    case ast::ExprKind::Dict: {
      const auto& x = *e.As<ast::Dict>();
      return VisitExprs(x.keys) && VisitExprs(x.values);
    }
    case ast::ExprKind::Set:
      return VisitExprs(e.As<ast::Set>()->elts);
    case ast::ExprKind::GeneratorExp: {
      const auto& x = *e.As<ast::GeneratorExp>();
      return VisitComprehension(e, "genexpr", x.generators, x.elt, nullptr);
    }
    case ast::ExprKind::ListComp: {
      const auto& x = *e.As<ast::ListComp>();
      return VisitComprehension(e, "listcomp", x.generators, x.elt, nullptr);
    }
    case ast::ExprKind::SetComp: {
      const auto& x = *e.As<ast::SetComp>();
      return VisitComprehension(e, "setcomp", x.generators, x.elt, nullptr);
    }
    case ast::ExprKind::DictComp: {
      const auto& x = *e.As<ast::DictComp>();
      return VisitComprehension(e, "dictcomp", x.generators, x.key, x.value);
    }
    case ast::ExprKind::Yield: {
      const auto& x = *e.As<ast::Yield>();
      if (!RaiseIfAnnotationBlock("yield expression", e)) return false;
      if (x.value != nullptr && !VisitExpr(*x.value)) return false;
      cur_->generator_ = true;
      if (cur_->comprehension_ != ComprehensionType::kNone) return RaiseYieldInComprehension(e);
      return true;
    }
    case ast::ExprKind::YieldFrom: {
      if (!RaiseIfAnnotationBlock("yield expression", e)) return false;
      if (!VisitExpr(*e.As<ast::YieldFrom>()->value)) return false;
      cur_->generator_ = true;
      if (cur_->comprehension_ != ComprehensionType::kNone) return RaiseYieldInComprehension(e);
      return true;
    }
    case ast::ExprKind::Await: {
      if (!RaiseIfAnnotationBlock("await expression", e)) return false;
      if (!VisitExpr(*e.As<ast::Await>()->value)) return false;
      cur_->coroutine_ = true;
      return true;
    }
    case ast::ExprKind::Compare: {
      const auto& x = *e.As<ast::Compare>();
      return VisitExpr(*x.left) && VisitExprs(x.comparators);
    }
    case ast::ExprKind::Call: {
      const auto& x = *e.As<ast::Call>();
      if (!VisitExpr(*x.func) || !VisitExprs(x.args)) return false;
      for (const ast::Keyword* keyword : x.keywords) {
        if (!VisitExpr(*keyword->value)) return false;
      }
      return true;
    }
    case ast::ExprKind::FormattedValue: {
      const auto& x = *e.As<ast::FormattedValue>();
      return VisitExpr(*x.value) && (x.format_spec == nullptr || VisitExpr(*x.format_spec));
    }
    case ast::ExprKind::JoinedStr:
      return VisitExprs(e.As<ast::JoinedStr>()->values);
    case ast::ExprKind::Constant:
      return true;
    case ast::ExprKind::Attribute:
      return VisitExpr(*e.As<ast::Attribute>()->value);
    case ast::ExprKind::Subscript: {
      const auto& x = *e.As<ast::Subscript>();
      return VisitExpr(*x.value) && VisitExpr(*x.slice);
    }
    case ast::ExprKind::Starred:
      return VisitExpr(*e.As<ast::Starred>()->value);
    case ast::ExprKind::Slice: {
      const auto& x = *e.As<ast::Slice>();
      return (x.lower == nullptr || VisitExpr(*x.lower)) &&
             (x.upper == nullptr || VisitExpr(*x.upper)) &&
             (x.step == nullptr || VisitExpr(*x.step));
    }
    case ast::ExprKind::Name: {
      const auto& x = *e.As<ast::Name>();
      bool load = x.ctx == ast::ExprContext::Load;
      if (!AddDef(x.id, load ? kUse : kDefLocal, e.loc)) return false;
      // `super()` needs the implicit `__class__` cell of the enclosing class.
      if (load && cur_->type_ == BlockType::kFunction && x.id == "super") {
        return AddDef("__class__", kUse, e.loc);
      }
      return true;
    }
    case ast::ExprKind::List:
      return VisitExprs(e.As<ast::List>()->elts);
    case ast::ExprKind::Tuple:
      return VisitExprs(e.As<ast::Tuple>()->elts);
  }
  return true;
}

// --- Patterns -------------------------------------------------------------------------------

bool SymbolTableBuilder::VisitPattern(const ast::PatternNode& p) {
  if (!EnterDepth()) return false;
  bool ok = VisitPatternKind(p);
  --depth_;
  return ok;
}

bool SymbolTableBuilder::VisitPatterns(const ast::Seq<ast::PatternNode*>& patterns) {
  for (const ast::PatternNode* p : patterns) {
    if (!VisitPattern(*p)) return false;
  }
  return true;
}

bool SymbolTableBuilder::VisitPatternKind(const ast::PatternNode& p) {
  switch (p.kind) {
    case ast::PatternKind::MatchValue:
      return VisitExpr(*p.As<ast::MatchValue>()->value);
    case ast::PatternKind::MatchSingleton:
      return true;
    case ast::PatternKind::MatchSequence:
      return VisitPatterns(p.As<ast::MatchSequence>()->patterns);
    case ast::PatternKind::MatchStar: {
      const auto& x = *p.As<ast::MatchStar>();
      return x.name.empty() || AddDef(x.name, kDefLocal, p.loc);
    }
    case ast::PatternKind::MatchMapping: {
      const auto& x = *p.As<ast::MatchMapping>();
      if (!VisitExprs(x.keys) || !VisitPatterns(x.patterns)) return false;
      return x.rest.empty() || AddDef(x.rest, kDefLocal, p.loc);
    }
    case ast::PatternKind::MatchClass: {
      const auto& x = *p.As<ast::MatchClass>();
      return VisitExpr(*x.cls) && VisitPatterns(x.patterns) && VisitPatterns(x.kwd_patterns);
    }
    case ast::PatternKind::MatchAs: {
      const auto& x = *p.As<ast::MatchAs>();
      if (x.pattern != nullptr && !VisitPattern(*x.pattern)) return false;
      return x.name.empty() || AddDef(x.name, kDefLocal, p.loc);
    }
    case ast::PatternKind::MatchOr:
      return VisitPatterns(p.As<ast::MatchOr>()->patterns);
  }
  return true;
}

// --- Entry point ----------------------------------------------------------------------------

SymtableResult SymbolTableBuilder::Build(const ast::ModNode& mod) {
  EnterBlock("top", BlockType::kModule, &mod, ast::Location{});
  table_->top_ = cur_;
  bool ok = true;
  if (const auto* module = mod.As<ast::Module>()) {
    ok = VisitStmts(module->body);
  } else if (const auto* interactive = mod.As<ast::Interactive>()) {
    ok = VisitStmts(interactive->body);
  } else if (const auto* expression = mod.As<ast::Expression>()) {
    ok = VisitExpr(*expression->body);
  }
  if (ok) ok = AnalyzeScopes(*table_->top_, error_);
  if (recursion_error_) {
    return RecursionLimitError{"maximum recursion depth exceeded during compilation"};
  }
  if (!ok) return std::move(error_);
  return std::move(table_);
}

SymtableResult BuildSymbolTable(const ast::ModNode& mod, int future_features, int start_depth) {
  SymbolTableBuilder builder(future_features, start_depth);
  return builder.Build(mod);
}

}  // namespace pyrite::compiler
