// Statement rules of the Python 3.11 grammar: the start rules, simple statements (assignments,
// imports, ...) and compound statements (if/while/for/with/try, def, class). The match
// statement is in parser_pattern.cc, parameter lists in parser_params.cc.
#include <string>
#include <vector>

#include "python/parser/parser_internal.h"

namespace pyrite::parser {



// file: [statements] ENDMARKER
ast::ModNode* Parser::FileRule() {
  std::vector<ast::StmtNode*> body;
  int m = mark_;
  if (!Statements(&body)) {
    RETURN_IF_ERROR();
    mark_ = m;
  }
  if (!Expect(TokenKind::kEndMarker)) return nullptr;
  auto* mod = arena_.New<ast::Module>();
  mod->body = Seq(body);
  return mod;
}

// eval: expressions NEWLINE* ENDMARKER
ast::ModNode* Parser::EvalRule() {
  ast::ExprNode* e = Expressions();
  if (e == nullptr) return nullptr;
  while (Expect(TokenKind::kNewline)) {
  }
  if (!Expect(TokenKind::kEndMarker)) return nullptr;
  auto* mod = arena_.New<ast::Expression>();
  mod->body = e;
  return mod;
}

// interactive: statement_newline
// statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
ast::ModNode* Parser::InteractiveRule() {
  std::vector<ast::StmtNode*> body;
  int start = mark_;
  if (ast::StmtNode* s = CompoundStmt()) {
    if (Expect(TokenKind::kNewline)) {
      body.push_back(s);
      auto* mod = arena_.New<ast::Interactive>();
      mod->body = Seq(body);
      return mod;
    }
  }
  RETURN_IF_ERROR();
  mark_ = start;
  if (SimpleStmts(&body)) {
    auto* mod = arena_.New<ast::Interactive>();
    mod->body = Seq(body);
    return mod;
  }
  RETURN_IF_ERROR();
  mark_ = start;
  if (const Token* t = Expect(TokenKind::kNewline)) {
    auto* pass = arena_.New<ast::Pass>();
    pass->loc = TokenLoc(*t);
    body.push_back(pass);
    auto* mod = arena_.New<ast::Interactive>();
    mod->body = Seq(body);
    return mod;
  }
  return nullptr;
}

// statements: statement+
bool Parser::Statements(std::vector<ast::StmtNode*>* out) {
  size_t before = out->size();
  while (Statement(out)) {
  }
  return !failed() && out->size() > before;
}

// statement: compound_stmt | simple_stmts
bool Parser::Statement(std::vector<ast::StmtNode*>* out) {
  int start = mark_;
  if (ast::StmtNode* s = CompoundStmt()) {
    out->push_back(s);
    return true;
  }
  if (failed()) return false;
  mark_ = start;
  if (SimpleStmts(out)) return true;
  mark_ = start;
  return false;
}

// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
bool Parser::SimpleStmts(std::vector<ast::StmtNode*>* out) {
  int start = mark_;
  ast::StmtNode* first = SimpleStmt();
  if (first == nullptr) return false;
  if (!Check(TokenKind::kSemi) && Expect(TokenKind::kNewline)) {
    out->push_back(first);
    return true;
  }
  if (failed()) return false;
  std::vector<ast::StmtNode*> stmts{first};
  while (true) {
    int m = mark_;
    if (!Expect(TokenKind::kSemi)) break;
    ast::StmtNode* s = SimpleStmt();
    if (failed()) return false;
    if (s == nullptr) {
      mark_ = m;
      Expect(TokenKind::kSemi);
      break;
    }
    stmts.push_back(s);
  }
  if (!Expect(TokenKind::kNewline)) {
    mark_ = start;
    return false;
  }
  out->insert(out->end(), stmts.begin(), stmts.end());
  return true;
}

// simple_stmt (memo):
//     | assignment | star_expressions | &'return' return_stmt | &('import' | 'from') import_stmt
//     | &'raise' raise_stmt | 'pass' | &'del' del_stmt | &'yield' yield_stmt
//     | &'assert' assert_stmt | 'break' | 'continue' | &'global' global_stmt
//     | &'nonlocal' nonlocal_stmt
ast::StmtNode* Parser::SimpleStmt() {
  return Memoized<ast::StmtNode>(this, MemoRule::kSimpleStmt,
                                 [this] { return SimpleStmtUncached(); });
}

ast::StmtNode* Parser::SimpleStmtUncached() {
  int start = mark_;
  if (ast::StmtNode* s = Assignment()) return s;
  RETURN_IF_ERROR();
  mark_ = start;
  if (ast::ExprNode* e = StarExpressions()) {
    auto* s = arena_.New<ast::ExprStmt>();
    s->value = e;
    s->loc = LocFrom(start);
    return s;
  }
  RETURN_IF_ERROR();
  mark_ = start;
  const Token* t = Peek();
  if (t == nullptr) return nullptr;
  auto simple = [&](auto* node) -> ast::StmtNode* {
    ++mark_;
    node->loc = TokenLoc(*t);
    return node;
  };
  switch (t->kind) {
    case TokenKind::kReturn:
      return ReturnStmt();
    case TokenKind::kImport:
    case TokenKind::kFrom:
      return ImportStmt();
    case TokenKind::kRaise:
      return RaiseStmt();
    case TokenKind::kPass:
      return simple(arena_.New<ast::Pass>());
    case TokenKind::kDel:
      return DelStmt();
    case TokenKind::kYield: {
      ast::ExprNode* y = YieldExpr();
      RETURN_IF_ERROR();
      if (y == nullptr) return nullptr;
      auto* s = arena_.New<ast::ExprStmt>();
      s->value = y;
      s->loc = LocFrom(start);
      return s;
    }
    case TokenKind::kAssert:
      return AssertStmt();
    case TokenKind::kBreak:
      return simple(arena_.New<ast::Break>());
    case TokenKind::kContinue:
      return simple(arena_.New<ast::Continue>());
    case TokenKind::kGlobal:
      return GlobalOrNonlocal(true);
    case TokenKind::kNonlocal:
      return GlobalOrNonlocal(false);
    default:
      return nullptr;
  }
}

// compound_stmt:
//     | &('def' | '@' | ASYNC) function_def | &'if' if_stmt | &('class' | '@') class_def
//     | &('with' | ASYNC) with_stmt | &('for' | ASYNC) for_stmt | &'try' try_stmt
//     | &'while' while_stmt | match_stmt
ast::StmtNode* Parser::CompoundStmt() {
  TokenKind k = PeekKind();
  RETURN_IF_ERROR();
  int start = mark_;
  auto attempt = [&](ast::StmtNode* s) -> bool {
    if (s != nullptr || failed()) return true;
    mark_ = start;
    return false;
  };
  ast::StmtNode* s = nullptr;
  if ((k == TokenKind::kDef || k == TokenKind::kAt || k == TokenKind::kAsync) &&
      attempt(s = FunctionDef())) {
    return s;
  }
  if (k == TokenKind::kIf && attempt(s = IfStmt(false))) return s;
  if ((k == TokenKind::kClass || k == TokenKind::kAt) && attempt(s = ClassDef())) return s;
  if ((k == TokenKind::kWith || k == TokenKind::kAsync) && attempt(s = WithStmt())) return s;
  if ((k == TokenKind::kFor || k == TokenKind::kAsync) && attempt(s = ForStmt())) return s;
  if (k == TokenKind::kTry && attempt(s = TryStmt())) return s;
  if (k == TokenKind::kWhile && attempt(s = WhileStmt())) return s;
  if (k == TokenKind::kName && attempt(s = MatchStmt())) return s;
  return nullptr;
}

// annotated_rhs: yield_expr | star_expressions
ast::ExprNode* Parser::AnnotatedRhs() {
  if (ast::ExprNode* y = YieldExpr()) return y;
  RETURN_IF_ERROR();
  return StarExpressions();
}

namespace {

bool AugAssignOperator(TokenKind k, ast::OperatorKind* op) {
  switch (k) {
    case TokenKind::kPlusEqual:
      *op = ast::OperatorKind::Add;
      return true;
    case TokenKind::kMinEqual:
      *op = ast::OperatorKind::Sub;
      return true;
    case TokenKind::kStarEqual:
      *op = ast::OperatorKind::Mult;
      return true;
    case TokenKind::kAtEqual:
      *op = ast::OperatorKind::MatMult;
      return true;
    case TokenKind::kSlashEqual:
      *op = ast::OperatorKind::Div;
      return true;
    case TokenKind::kPercentEqual:
      *op = ast::OperatorKind::Mod;
      return true;
    case TokenKind::kAmperEqual:
      *op = ast::OperatorKind::BitAnd;
      return true;
    case TokenKind::kVbarEqual:
      *op = ast::OperatorKind::BitOr;
      return true;
    case TokenKind::kCircumflexEqual:
      *op = ast::OperatorKind::BitXor;
      return true;
    case TokenKind::kLeftShiftEqual:
      *op = ast::OperatorKind::LShift;
      return true;
    case TokenKind::kRightShiftEqual:
      *op = ast::OperatorKind::RShift;
      return true;
    case TokenKind::kDoubleStarEqual:
      *op = ast::OperatorKind::Pow;
      return true;
    case TokenKind::kDoubleSlashEqual:
      *op = ast::OperatorKind::FloorDiv;
      return true;
    default:
      return false;
  }
}

}  // namespace

// assignment:
//     | NAME ':' expression ['=' annotated_rhs]
//     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression
//       ['=' annotated_rhs]
//     | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
//     | single_target augassign ~ (yield_expr | star_expressions)
//     | invalid_assignment
ast::StmtNode* Parser::Assignment() {
  int start = mark_;
  auto ann_assign = [&](ast::ExprNode* target, int simple) -> ast::StmtNode* {
    if (!Expect(TokenKind::kColon)) return nullptr;
    ast::ExprNode* annotation = Expression();
    if (annotation == nullptr) return nullptr;
    ast::ExprNode* value = nullptr;
    int m = mark_;
    if (Expect(TokenKind::kEqual)) {
      value = AnnotatedRhs();
      if (failed()) return nullptr;
      if (value == nullptr) mark_ = m;
    }
    auto* s = arena_.New<ast::AnnAssign>();
    s->target = target;
    s->annotation = annotation;
    s->value = value;
    s->simple = simple;
    s->loc = LocFrom(start);
    return s;
  };
  // NAME ':' expression ['=' annotated_rhs]
  if (const Token* name = Expect(TokenKind::kName)) {
    if (ast::StmtNode* s = ann_assign(NameFromToken(*name, ast::ExprContext::Store), 1)) return s;
    RETURN_IF_ERROR();
  }
  RETURN_IF_ERROR();
  mark_ = start;
  // ('(' single_target ')' | single_subscript_attribute_target) ':' ...
  {
    ast::ExprNode* target = nullptr;
    if (Expect(TokenKind::kLpar)) {
      target = SingleTarget();
      RETURN_IF_ERROR();
      if (target == nullptr || !Expect(TokenKind::kRpar)) target = nullptr;
      RETURN_IF_ERROR();
    }
    if (target == nullptr) {
      mark_ = start;
      target = SingleSubscriptAttributeTarget();
      RETURN_IF_ERROR();
    }
    if (target != nullptr) {
      if (ast::StmtNode* s = ann_assign(target, 0)) return s;
      RETURN_IF_ERROR();
    }
  }
  mark_ = start;
  // (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
  {
    std::vector<ast::ExprNode*> targets;
    while (true) {
      int m = mark_;
      ast::ExprNode* t = StarTargets();
      RETURN_IF_ERROR();
      if (t == nullptr || !Expect(TokenKind::kEqual)) {
        RETURN_IF_ERROR();
        mark_ = m;
        break;
      }
      targets.push_back(t);
    }
    if (!targets.empty()) {
      ast::ExprNode* value = AnnotatedRhs();
      RETURN_IF_ERROR();
      if (value != nullptr && !Check(TokenKind::kEqual)) {
        RETURN_IF_ERROR();
        auto* s = arena_.New<ast::Assign>();
        s->targets = Seq(targets);
        s->value = value;
        s->loc = LocFrom(start);
        return s;
      }
      RETURN_IF_ERROR();
    }
  }
  mark_ = start;
  // single_target augassign ~ (yield_expr | star_expressions)
  {
    ast::ExprNode* target = SingleTarget();
    RETURN_IF_ERROR();
    ast::OperatorKind op;
    if (target != nullptr && AugAssignOperator(PeekKind(), &op)) {
      ++mark_;
      ast::ExprNode* value = AnnotatedRhs();
      RETURN_IF_ERROR();
      if (value == nullptr) {
        mark_ = start;
        return nullptr;  // the cut: no invalid_assignment either
      }
      auto* s = arena_.New<ast::AugAssign>();
      s->target = target;
      s->op = op;
      s->value = value;
      s->loc = LocFrom(start);
      return s;
    }
    RETURN_IF_ERROR();
  }
  mark_ = start;
  TRY_INVALID(InvalidAssignment);
  return nullptr;
}

// return_stmt: 'return' [star_expressions]
ast::StmtNode* Parser::ReturnStmt() {
  int start = mark_;
  if (!Expect(TokenKind::kReturn)) return nullptr;
  ast::ExprNode* value = StarExpressions();
  RETURN_IF_ERROR();
  auto* s = arena_.New<ast::Return>();
  s->value = value;
  s->loc = LocFrom(start);
  return s;
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
ast::StmtNode* Parser::RaiseStmt() {
  int start = mark_;
  if (!Expect(TokenKind::kRaise)) return nullptr;
  auto* s = arena_.New<ast::Raise>();
  if (ast::ExprNode* exc = Expression()) {
    s->exc = exc;
    int m = mark_;
    if (Expect(TokenKind::kFrom)) {
      s->cause = Expression();
      RETURN_IF_ERROR();
      if (s->cause == nullptr) mark_ = m;
    }
  }
  RETURN_IF_ERROR();
  s->loc = LocFrom(start);
  return s;
}

// global_stmt: 'global' ','.NAME+
// nonlocal_stmt: 'nonlocal' ','.NAME+
ast::StmtNode* Parser::GlobalOrNonlocal(bool global) {
  int start = mark_;
  ++mark_;
  std::vector<ast::Identifier> names;
  while (true) {
    const Token* name = Expect(TokenKind::kName);
    RETURN_IF_ERROR();
    if (name == nullptr) {
      if (names.empty()) {
        mark_ = start;
        return nullptr;
      }
      --mark_;  // give the ',' back
      break;
    }
    names.push_back(NewIdentifier(*name));
    if (!Expect(TokenKind::kComma)) break;
  }
  RETURN_IF_ERROR();
  if (global) {
    auto* s = arena_.New<ast::Global>();
    s->names = Seq(names);
    s->loc = LocFrom(start);
    return s;
  }
  auto* s = arena_.New<ast::Nonlocal>();
  s->names = Seq(names);
  s->loc = LocFrom(start);
  return s;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
ast::StmtNode* Parser::DelStmt() {
  int start = mark_;
  if (Expect(TokenKind::kDel)) {
    std::vector<ast::ExprNode*> targets;
    if (DelTargets(&targets) && (Check(TokenKind::kSemi) || Check(TokenKind::kNewline))) {
      auto* s = arena_.New<ast::Delete>();
      s->targets = Seq(targets);
      s->loc = LocFrom(start);
      return s;
    }
    RETURN_IF_ERROR();
  }
  mark_ = start;
  TRY_INVALID(InvalidDelStmt);
  return nullptr;
}

// assert_stmt: 'assert' expression [',' expression]
ast::StmtNode* Parser::AssertStmt() {
  int start = mark_;
  if (!Expect(TokenKind::kAssert)) return nullptr;
  ast::ExprNode* test = Expression();
  if (test == nullptr) {
    mark_ = start;
    return nullptr;
  }
  ast::ExprNode* msg = nullptr;
  int m = mark_;
  if (Expect(TokenKind::kComma)) {
    msg = Expression();
    RETURN_IF_ERROR();
    if (msg == nullptr) mark_ = m;
  }
  auto* s = arena_.New<ast::Assert>();
  s->test = test;
  s->msg = msg;
  s->loc = LocFrom(start);
  return s;
}

// import_stmt: import_name | import_from
ast::StmtNode* Parser::ImportStmt() {
  if (ast::StmtNode* s = ImportName()) return s;
  RETURN_IF_ERROR();
  return ImportFrom();
}

// import_name: 'import' dotted_as_names
// dotted_as_names: ','.dotted_as_name+
ast::StmtNode* Parser::ImportName() {
  int start = mark_;
  if (!Expect(TokenKind::kImport)) return nullptr;
  std::vector<ast::Alias*> names;
  while (true) {
    ast::Alias* a = DottedAsName();
    RETURN_IF_ERROR();
    if (a == nullptr) {
      if (names.empty()) {
        mark_ = start;
        return nullptr;
      }
      --mark_;
      break;
    }
    names.push_back(a);
    if (!Expect(TokenKind::kComma)) break;
  }
  auto* s = arena_.New<ast::Import>();
  s->names = Seq(names);
  s->loc = LocFrom(start);
  return s;
}

// dotted_as_name: dotted_name ['as' NAME]
ast::Alias* Parser::DottedAsName() {
  int start = mark_;
  ast::ExprNode* name = DottedName();
  if (name == nullptr) return nullptr;
  auto* a = arena_.New<ast::Alias>();
  a->name = name->As<ast::Name>()->id;
  int m = mark_;
  if (Expect(TokenKind::kAs)) {
    const Token* as = Expect(TokenKind::kName);
    RETURN_IF_ERROR();
    if (as != nullptr) {
      a->asname = NewIdentifier(*as);
    } else {
      mark_ = m;
    }
  }
  a->loc = LocFrom(start);
  return a;
}

// dotted_name: dotted_name '.' NAME | NAME
ast::ExprNode* Parser::DottedName() {
  const Token* first = Expect(TokenKind::kName);
  if (first == nullptr) return nullptr;
  ast::Name* name = NameFromToken(*first);
  std::string joined;
  bool dotted = false;
  while (true) {
    int m = mark_;
    if (!Expect(TokenKind::kDot)) break;
    const Token* next = Expect(TokenKind::kName);
    RETURN_IF_ERROR();
    if (next == nullptr) {
      mark_ = m;
      break;
    }
    if (!dotted) joined = std::string(name->id);
    dotted = true;
    joined += ".";
    joined += NewIdentifier(*next);
  }
  RETURN_IF_ERROR();
  if (dotted) name->id = arena_.CopyString(joined);
  return name;
}

// import_from:
//     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//     | 'from' ('.' | '...')+ 'import' import_from_targets
ast::StmtNode* Parser::ImportFrom() {
  int start = mark_;
  if (!Expect(TokenKind::kFrom)) return nullptr;
  int level = 0;
  while (true) {
    if (Expect(TokenKind::kDot)) {
      level += 1;
    } else if (Expect(TokenKind::kEllipsis)) {
      level += 3;
    } else {
      break;
    }
  }
  RETURN_IF_ERROR();
  int after_dots = mark_;
  ast::ExprNode* module = DottedName();
  RETURN_IF_ERROR();
  if (module == nullptr && level == 0) {
    mark_ = start;
    return nullptr;
  }
  std::vector<ast::Alias*> names;
  if (Expect(TokenKind::kImport) && ImportFromTargets(&names)) {
    auto* s = arena_.New<ast::ImportFrom>();
    s->module = module ? module->As<ast::Name>()->id : ast::Identifier();
    s->names = Seq(names);
    s->level = level;
    s->loc = LocFrom(start);
    return s;
  }
  RETURN_IF_ERROR();
  if (module != nullptr && level > 0) {
    // The first alternative failed; the second one ('.'+ 'import') cannot match either,
    // since a dotted name follows the dots.
    (void)after_dots;
  }
  mark_ = start;
  return nullptr;
}

// import_from_targets:
//     | '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'
//     | invalid_import_from_targets
bool Parser::ImportFromTargets(std::vector<ast::Alias*>* out) {
  int start = mark_;
  if (Expect(TokenKind::kLpar)) {
    if (ImportFromAsNames(out)) {
      Expect(TokenKind::kComma);
      if (Expect(TokenKind::kRpar)) return true;
    }
    if (failed()) return false;
    out->clear();
    mark_ = start;
  }
  if (ImportFromAsNames(out)) {
    if (!Check(TokenKind::kComma)) return !failed();
  }
  if (failed()) return false;
  out->clear();
  mark_ = start;
  if (const Token* star = Expect(TokenKind::kStar)) {
    auto* a = arena_.New<ast::Alias>();
    a->name = star->text;
    a->loc = TokenLoc(*star);
    out->push_back(a);
    return true;
  }
  if (failed()) return false;
  if (invalid_rules_) {
    InvalidImportFromTargets();
    if (failed()) return false;
    mark_ = start;
  }
  return false;
}

// import_from_as_names: ','.import_from_as_name+
bool Parser::ImportFromAsNames(std::vector<ast::Alias*>* out) {
  return CommaList(out, /*trailing_comma=*/false, [this] { return ImportFromAsName(); });
}

// import_from_as_name: NAME ['as' NAME]
ast::Alias* Parser::ImportFromAsName() {
  int start = mark_;
  const Token* name = Expect(TokenKind::kName);
  if (name == nullptr) return nullptr;
  auto* a = arena_.New<ast::Alias>();
  a->name = NewIdentifier(*name);
  int m = mark_;
  if (Expect(TokenKind::kAs)) {
    const Token* as = Expect(TokenKind::kName);
    RETURN_IF_ERROR();
    if (as != nullptr) {
      a->asname = NewIdentifier(*as);
    } else {
      mark_ = m;
    }
  }
  a->loc = LocFrom(start);
  return a;
}

// block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
bool Parser::Block(ast::Seq<ast::StmtNode*>* out) {
  int start = mark_;
  if (MemoEntry* e = FindMemo(MemoRule::kBlock, start)) {
    mark_ = e->end;
    if (e->node == nullptr) return false;
    *out = *static_cast<ast::Seq<ast::StmtNode*>*>(e->node);
    return true;
  }
  std::vector<ast::StmtNode*> body;
  bool ok = BlockUncached(&body);
  if (failed()) return false;
  ast::Seq<ast::StmtNode*>* saved = nullptr;
  if (ok) {
    saved = arena_.New<ast::Seq<ast::StmtNode*>>(Seq(body));
    *out = *saved;
  } else {
    mark_ = start;
  }
  StoreMemo(MemoRule::kBlock, start, saved, mark_);
  return ok;
}

bool Parser::BlockUncached(std::vector<ast::StmtNode*>* out) {
  DepthGuard guard(this);
  if (TooDeep()) return false;
  int start = mark_;
  if (Expect(TokenKind::kNewline) && Expect(TokenKind::kIndent) && Statements(out) &&
      Expect(TokenKind::kDedent)) {
    return true;
  }
  if (failed()) return false;
  out->clear();
  mark_ = start;
  if (SimpleStmts(out)) return true;
  if (failed()) return false;
  mark_ = start;
  if (invalid_rules_) {
    InvalidBlock();
    mark_ = start;
  }
  return false;
}

// decorators: ('@' named_expression NEWLINE)+
bool Parser::Decorators(std::vector<ast::ExprNode*>* out) {
  while (true) {
    int m = mark_;
    if (!Expect(TokenKind::kAt)) break;
    ast::ExprNode* e = NamedExpression();
    if (failed()) return false;
    if (e == nullptr || !Expect(TokenKind::kNewline)) {
      if (failed()) return false;
      mark_ = m;
      break;
    }
    out->push_back(e);
  }
  return !out->empty();
}

// class_def: decorators class_def_raw | class_def_raw
ast::StmtNode* Parser::ClassDef() {
  int start = mark_;
  std::vector<ast::ExprNode*> decorators;
  if (Decorators(&decorators)) {
    ast::StmtNode* c = ClassDefRaw();
    RETURN_IF_ERROR();
    if (c != nullptr) {
      c->As<ast::ClassDef>()->decorator_list = Seq(decorators);
      return c;
    }
  }
  RETURN_IF_ERROR();
  mark_ = start;
  return ClassDefRaw();
}

// class_def_raw: invalid_class_def_raw | 'class' NAME ['(' [arguments] ')'] ':' block
ast::StmtNode* Parser::ClassDefRaw() {
  TRY_INVALID(InvalidClassDefRaw);
  int start = mark_;
  if (!Expect(TokenKind::kClass)) return nullptr;
  const Token* name = Expect(TokenKind::kName);
  if (name == nullptr) {
    mark_ = start;
    return nullptr;
  }
  CallArgs args;
  int m = mark_;
  if (Expect(TokenKind::kLpar)) {
    int a = mark_;
    if (!Arguments(&args)) {
      RETURN_IF_ERROR();
      mark_ = a;
    }
    if (!Expect(TokenKind::kRpar)) {
      RETURN_IF_ERROR();
      mark_ = m;
      args = CallArgs();
    }
  }
  RETURN_IF_ERROR();
  ast::Seq<ast::StmtNode*> body;
  if (!Expect(TokenKind::kColon) || !Block(&body)) {
    RETURN_IF_ERROR();
    mark_ = start;
    return nullptr;
  }
  auto* c = arena_.New<ast::ClassDef>();
  c->name = NewIdentifier(*name);
  c->bases = Seq(args.args);
  c->keywords = Seq(args.keywords);
  c->body = body;
  c->loc = LocFrom(start);
  return c;
}

// function_def: decorators function_def_raw | function_def_raw
ast::StmtNode* Parser::FunctionDef() {
  int start = mark_;
  std::vector<ast::ExprNode*> decorators;
  if (Decorators(&decorators)) {
    ast::StmtNode* f = FunctionDefRaw();
    RETURN_IF_ERROR();
    if (f != nullptr) {
      if (auto* def = f->As<ast::FunctionDef>()) def->decorator_list = Seq(decorators);
      if (auto* def = f->As<ast::AsyncFunctionDef>()) def->decorator_list = Seq(decorators);
      return f;
    }
  }
  RETURN_IF_ERROR();
  mark_ = start;
  return FunctionDefRaw();
}

// function_def_raw:
//     | invalid_def_raw
//     | 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
//     | ASYNC 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
ast::StmtNode* Parser::FunctionDefRaw() {
  TRY_INVALID(InvalidDefRaw);
  int start = mark_;
  bool is_async = Expect(TokenKind::kAsync) != nullptr;
  if (!Expect(TokenKind::kDef)) {
    mark_ = start;
    return nullptr;
  }
  const Token* name = Expect(TokenKind::kName);
  if (name == nullptr) {
    mark_ = start;
    return nullptr;
  }
  if (!ExpectForced(TokenKind::kLpar)) return nullptr;
  int m = mark_;
  ast::Arguments* params = Params(/*lambda=*/false);
  RETURN_IF_ERROR();
  if (params == nullptr) mark_ = m;
  if (!Expect(TokenKind::kRpar)) {
    mark_ = start;
    return nullptr;
  }
  ast::ExprNode* returns = nullptr;
  m = mark_;
  if (Expect(TokenKind::kRarrow)) {
    returns = Expression();
    RETURN_IF_ERROR();
    if (returns == nullptr) mark_ = m;
  }
  if (!ExpectForced(TokenKind::kColon)) return nullptr;
  ast::Seq<ast::StmtNode*> body;
  if (!Block(&body)) {
    RETURN_IF_ERROR();
    mark_ = start;
    return nullptr;
  }
  if (params == nullptr) params = EmptyArguments();
  if (is_async) {
    auto* f = arena_.New<ast::AsyncFunctionDef>();
    f->name = NewIdentifier(*name);
    f->args = params;
    f->body = body;
    f->returns = returns;
    f->loc = LocFrom(start);
    return f;
  }
  auto* f = arena_.New<ast::FunctionDef>();
  f->name = NewIdentifier(*name);
  f->args = params;
  f->body = body;
  f->returns = returns;
  f->loc = LocFrom(start);
  return f;
}

// if_stmt:
//     | invalid_if_stmt
//     | 'if' named_expression ':' block elif_stmt
//     | 'if' named_expression ':' block [else_block]
// elif_stmt: the same with 'elif' and invalid_elif_stmt.
ast::StmtNode* Parser::IfStmt(bool elif) {
  if (elif) {
    TRY_INVALID(InvalidElifStmt);
  } else {
    TRY_INVALID(InvalidIfStmt);
  }
  int start = mark_;
  if (!Expect(elif ? TokenKind::kElif : TokenKind::kIf)) return nullptr;
  ast::ExprNode* test = NamedExpression();
  ast::Seq<ast::StmtNode*> body;
  if (test == nullptr || !Expect(TokenKind::kColon) || !Block(&body)) {
    RETURN_IF_ERROR();
    mark_ = start;
    return nullptr;
  }
  auto* s = arena_.New<ast::If>();
  s->test = test;
  s->body = body;
  if (Check(TokenKind::kElif)) {
    ast::StmtNode* e = IfStmt(true);
    RETURN_IF_ERROR();
    if (e != nullptr) {
      std::vector<ast::StmtNode*> orelse{e};
      s->orelse = Seq(orelse);
      s->loc = LocFrom(start);
      return s;
    }
  }
  RETURN_IF_ERROR();
  ast::Seq<ast::StmtNode*> orelse;
  if (ElseBlock(&orelse)) s->orelse = orelse;
  RETURN_IF_ERROR();
  s->loc = LocFrom(start);
  return s;
}

// else_block: invalid_else_stmt | 'else' &&':' block
bool Parser::ElseBlock(ast::Seq<ast::StmtNode*>* out) {
  int start = mark_;
  if (invalid_rules_) {
    InvalidElseStmt();
    if (failed()) return false;
    mark_ = start;
  }
  if (!Expect(TokenKind::kElse)) return false;
  if (!ExpectForced(TokenKind::kColon)) return false;
  if (!Block(out)) {
    mark_ = start;
    return false;
  }
  return true;
}

// while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block]
ast::StmtNode* Parser::WhileStmt() {
  TRY_INVALID(InvalidWhileStmt);
  int start = mark_;
  if (!Expect(TokenKind::kWhile)) return nullptr;
  ast::ExprNode* test = NamedExpression();
  ast::Seq<ast::StmtNode*> body;
  if (test == nullptr || !Expect(TokenKind::kColon) || !Block(&body)) {
    RETURN_IF_ERROR();
    mark_ = start;
    return nullptr;
  }
  auto* s = arena_.New<ast::While>();
  s->test = test;
  s->body = body;
  ast::Seq<ast::StmtNode*> orelse;
  if (ElseBlock(&orelse)) s->orelse = orelse;
  RETURN_IF_ERROR();
  s->loc = LocFrom(start);
  return s;
}

// for_stmt:
//     | invalid_for_stmt
//     | [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
//     | invalid_for_target
ast::StmtNode* Parser::ForStmt() {
  TRY_INVALID(InvalidForStmt);
  int start = mark_;
  bool is_async = Expect(TokenKind::kAsync) != nullptr;
  if (Expect(TokenKind::kFor)) {
    ast::ExprNode* target = StarTargets();
    RETURN_IF_ERROR();
    if (target != nullptr && Expect(TokenKind::kIn)) {
      // The cut: once 'in' is seen, only this alternative may match.
      ast::ExprNode* iter = StarExpressions();
      ast::Seq<ast::StmtNode*> body;
      if (iter == nullptr || !Expect(TokenKind::kColon) || !Block(&body)) {
        RETURN_IF_ERROR();
        mark_ = start;
        return nullptr;
      }
      ast::Seq<ast::StmtNode*> orelse;
      if (!ElseBlock(&orelse)) orelse = {};
      RETURN_IF_ERROR();
      if (is_async) {
        auto* s = arena_.New<ast::AsyncFor>();
        s->target = target;
        s->iter = iter;
        s->body = body;
        s->orelse = orelse;
        s->loc = LocFrom(start);
        return s;
      }
      auto* s = arena_.New<ast::For>();
      s->target = target;
      s->iter = iter;
      s->body = body;
      s->orelse = orelse;
      s->loc = LocFrom(start);
      return s;
    }
    RETURN_IF_ERROR();
  }
  RETURN_IF_ERROR();
  mark_ = start;
  TRY_INVALID(InvalidForTarget);
  return nullptr;
}

// with_stmt:
//     | invalid_with_stmt_indent
//     | [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
//     | [ASYNC] 'with' ','.with_item+ ':' [TYPE_COMMENT] block
//     | invalid_with_stmt
ast::StmtNode* Parser::WithStmt() {
  TRY_INVALID(InvalidWithStmtIndent);
  int start = mark_;
  bool is_async = Expect(TokenKind::kAsync) != nullptr;
  if (!Expect(TokenKind::kWith)) {
    mark_ = start;
    return nullptr;
  }
  int after_with = mark_;
  auto items_list = [&](std::vector<ast::WithItem*>* items) -> bool {
    ast::WithItem* first = WithItem();
    if (first == nullptr) return false;
    items->push_back(first);
    while (true) {
      int m = mark_;
      if (!Expect(TokenKind::kComma)) break;
      ast::WithItem* next = WithItem();
      if (failed()) return false;
      if (next == nullptr) {
        mark_ = m;
        break;
      }
      items->push_back(next);
    }
    return true;
  };
  auto finish = [&](std::vector<ast::WithItem*>& items,
                    ast::Seq<ast::StmtNode*> body) -> ast::StmtNode* {
    if (is_async) {
      auto* s = arena_.New<ast::AsyncWith>();
      s->items = Seq(items);
      s->body = body;
      s->loc = LocFrom(start);
      return s;
    }
    auto* s = arena_.New<ast::With>();
    s->items = Seq(items);
    s->body = body;
    s->loc = LocFrom(start);
    return s;
  };
  {
    std::vector<ast::WithItem*> items;
    ast::Seq<ast::StmtNode*> body;
    if (Expect(TokenKind::kLpar) && items_list(&items)) {
      Expect(TokenKind::kComma);
      if (Expect(TokenKind::kRpar) && Expect(TokenKind::kColon) && Block(&body)) {
        return finish(items, body);
      }
    }
    RETURN_IF_ERROR();
  }
  mark_ = after_with;
  {
    std::vector<ast::WithItem*> items;
    ast::Seq<ast::StmtNode*> body;
    if (items_list(&items) && Expect(TokenKind::kColon) && Block(&body)) {
      return finish(items, body);
    }
    RETURN_IF_ERROR();
  }
  mark_ = start;
  TRY_INVALID(InvalidWithStmt);
  return nullptr;
}

// with_item:
//     | expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression
ast::WithItem* Parser::WithItem() {
  int start = mark_;
  ast::ExprNode* e = Expression();
  if (e == nullptr) return nullptr;
  int after = mark_;
  if (Expect(TokenKind::kAs)) {
    ast::ExprNode* t = StarTarget();
    RETURN_IF_ERROR();
    if (t != nullptr &&
        (Check(TokenKind::kComma) || Check(TokenKind::kRpar) || Check(TokenKind::kColon))) {
      auto* w = arena_.New<ast::WithItem>();
      w->context_expr = e;
      w->optional_vars = t;
      return w;
    }
    RETURN_IF_ERROR();
  }
  mark_ = start;
  if (invalid_rules_) {
    InvalidWithItem();
    RETURN_IF_ERROR();
  }
  mark_ = after;
  auto* w = arena_.New<ast::WithItem>();
  w->context_expr = e;
  return w;
}

// try_stmt:
//     | invalid_try_stmt
//     | 'try' &&':' block finally_block
//     | 'try' &&':' block except_block+ [else_block] [finally_block]
//     | 'try' &&':' block except_star_block+ [else_block] [finally_block]
ast::StmtNode* Parser::TryStmt() {
  TRY_INVALID(InvalidTryStmt);
  int start = mark_;
  if (!Expect(TokenKind::kTry)) return nullptr;
  if (!ExpectForced(TokenKind::kColon)) return nullptr;
  ast::Seq<ast::StmtNode*> body;
  if (!Block(&body)) {
    mark_ = start;
    return nullptr;
  }
  int after_body = mark_;
  ast::Seq<ast::StmtNode*> finalbody;
  if (FinallyBlock(&finalbody)) {
    auto* s = arena_.New<ast::Try>();
    s->body = body;
    s->finalbody = finalbody;
    s->loc = LocFrom(start);
    return s;
  }
  RETURN_IF_ERROR();
  for (bool star : {false, true}) {
    mark_ = after_body;
    std::vector<ast::ExceptHandlerNode*> handlers;
    while (ast::ExceptHandlerNode* h = ExceptBlock(star)) handlers.push_back(h);
    RETURN_IF_ERROR();
    if (handlers.empty()) continue;
    ast::Seq<ast::StmtNode*> orelse;
    if (!ElseBlock(&orelse)) orelse = {};
    RETURN_IF_ERROR();
    ast::Seq<ast::StmtNode*> fin;
    if (!FinallyBlock(&fin)) fin = {};
    RETURN_IF_ERROR();
    if (star) {
      auto* s = arena_.New<ast::TryStar>();
      s->body = body;
      s->handlers = Seq(handlers);
      s->orelse = orelse;
      s->finalbody = fin;
      s->loc = LocFrom(start);
      return s;
    }
    auto* s = arena_.New<ast::Try>();
    s->body = body;
    s->handlers = Seq(handlers);
    s->orelse = orelse;
    s->finalbody = fin;
    s->loc = LocFrom(start);
    return s;
  }
  mark_ = start;
  return nullptr;
}

// except_block:
//     | invalid_except_stmt_indent
//     | 'except' expression ['as' NAME] ':' block
//     | 'except' ':' block
//     | invalid_except_stmt
// except_star_block:
//     | invalid_except_star_stmt_indent
//     | 'except' '*' expression ['as' NAME] ':' block
//     | invalid_except_stmt
ast::ExceptHandlerNode* Parser::ExceptBlock(bool star) {
  if (invalid_rules_) {
    int m = mark_;
    if (star) {
      InvalidExceptStarStmtIndent();
    } else {
      InvalidExceptStmtIndent();
    }
    RETURN_IF_ERROR();
    mark_ = m;
  }
  int start = mark_;
  if (Expect(TokenKind::kExcept)) {
    int after_except = mark_;
    if (!star || Expect(TokenKind::kStar)) {
      ast::ExprNode* type = Expression();
      RETURN_IF_ERROR();
      if (type != nullptr) {
        ast::Identifier name;
        int m = mark_;
        if (Expect(TokenKind::kAs)) {
          const Token* n = Expect(TokenKind::kName);
          RETURN_IF_ERROR();
          if (n != nullptr) {
            name = NewIdentifier(*n);
          } else {
            mark_ = m;
          }
        }
        ast::Seq<ast::StmtNode*> body;
        if (Expect(TokenKind::kColon) && Block(&body)) {
          auto* h = arena_.New<ast::ExceptHandler>();
          h->type = type;
          h->name = name;
          h->body = body;
          h->loc = LocFrom(start);
          return h;
        }
        RETURN_IF_ERROR();
      }
    }
    RETURN_IF_ERROR();
    mark_ = after_except;
    if (!star) {
      ast::Seq<ast::StmtNode*> body;
      if (Expect(TokenKind::kColon) && Block(&body)) {
        auto* h = arena_.New<ast::ExceptHandler>();
        h->body = body;
        h->loc = LocFrom(start);
        return h;
      }
      RETURN_IF_ERROR();
    }
  }
  RETURN_IF_ERROR();
  mark_ = start;
  if (invalid_rules_) {
    InvalidExceptStmt();
    RETURN_IF_ERROR();
    mark_ = start;
  }
  return nullptr;
}

// finally_block: invalid_finally_stmt | 'finally' &&':' block
bool Parser::FinallyBlock(ast::Seq<ast::StmtNode*>* out) {
  int start = mark_;
  if (invalid_rules_) {
    InvalidFinallyStmt();
    if (failed()) return false;
    mark_ = start;
  }
  if (!Expect(TokenKind::kFinally)) return false;
  if (!ExpectForced(TokenKind::kColon)) return false;
  if (!Block(out)) {
    mark_ = start;
    return false;
  }
  return true;
}

}  // namespace pyrite::parser
