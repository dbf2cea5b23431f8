// The invalid_* rules for statements and patterns: missing colons, missing indented blocks,
// misplaced except/except*, bad with-items, for-targets and imports, and pattern mistakes
// (second-pass rules of CPython 3.11's grammar; see parser_invalid_expr.cc for conventions).
#include <string>
#include <vector>

#include "python/parser/parser_internal.h"

namespace pyrite::parser {
namespace {

std::string BlockMessage(const char* what, int lineno) {
  return std::string("expected an indented block after ") + what + " on line " +
         std::to_string(lineno);
}

}  // namespace

// True at `NEWLINE !INDENT` (consumes the NEWLINE).
static bool NewlineNoIndent(Parser* p) {
  if (!p->Expect(TokenKind::kNewline)) return false;
  return !p->Check(TokenKind::kIndent) && !p->failed();
}

// invalid_with_item: expression 'as' expression &(',' | ')' | ':')
ast::ExprNode* Parser::InvalidWithItem() {
  if (!Expression() || !Expect(TokenKind::kAs)) return nullptr;
  ast::ExprNode* a = Expression();
  if (a == nullptr || failed()) return nullptr;
  if (!Check(TokenKind::kComma) && !Check(TokenKind::kRpar) && !Check(TokenKind::kColon)) {
    return nullptr;
  }
  return RaiseInvalidTarget(a, TargetsType::kStar);
}

// invalid_for_target: ASYNC? 'for' star_expressions
ast::ExprNode* Parser::InvalidForTarget() {
  Expect(TokenKind::kAsync);
  if (!Expect(TokenKind::kFor)) return nullptr;
  ast::ExprNode* a = StarExpressions();
  if (a == nullptr || failed()) return nullptr;
  return RaiseInvalidTarget(a, TargetsType::kFor);
}

// invalid_import_from_targets: import_from_as_names ',' NEWLINE
ast::ExprNode* Parser::InvalidImportFromTargets() {
  std::vector<ast::Alias*> names;
  if (ImportFromAsNames(&names) && Expect(TokenKind::kComma) && Expect(TokenKind::kNewline)) {
    return RaiseSyntaxError("trailing comma not allowed without surrounding parentheses");
  }
  return nullptr;
}

// The with-items of the invalid_with_* rules: ','.(expression ['as' star_target])+ or, in
// parentheses, ','.(expressions ['as' star_target])+ ','?
static bool SkipWithItems(Parser* p, bool parenthesized) {
  auto item = [&]() -> bool {
    ast::ExprNode* e = parenthesized ? p->Expressions() : p->Expression();
    if (e == nullptr) return false;
    int m = p->mark();
    if (!(p->Expect(TokenKind::kAs) && p->StarTarget())) p->reset(m);
    return !p->failed();
  };
  if (!item()) return false;
  while (true) {
    int m = p->mark();
    if (!p->Expect(TokenKind::kComma) || !item()) {
      p->reset(m);
      break;
    }
  }
  if (parenthesized) p->Expect(TokenKind::kComma);
  return !p->failed();
}

// invalid_with_stmt:
//     | [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE
//     | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE
ast::ExprNode* Parser::InvalidWithStmt() {
  int start = mark_;
  Expect(TokenKind::kAsync);
  if (!Expect(TokenKind::kWith)) return nullptr;
  int after_with = mark_;
  if (SkipWithItems(this, false) && Expect(TokenKind::kNewline)) {
    return RaiseSyntaxError("expected ':'");
  }
  if (failed()) return nullptr;
  mark_ = after_with;
  if (Expect(TokenKind::kLpar) && SkipWithItems(this, true) && Expect(TokenKind::kRpar) &&
      Expect(TokenKind::kNewline)) {
    return RaiseSyntaxError("expected ':'");
  }
  (void)start;
  return nullptr;
}

// invalid_with_stmt_indent:
//     | [ASYNC] 'with' ','.(expression ['as' star_target])+ ':' NEWLINE !INDENT
//     | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' ':' NEWLINE !INDENT
ast::ExprNode* Parser::InvalidWithStmtIndent() {
  Expect(TokenKind::kAsync);
  const Token* with = Expect(TokenKind::kWith);
  if (with == nullptr) return nullptr;
  int after_with = mark_;
  if (SkipWithItems(this, false) && Expect(TokenKind::kColon) && NewlineNoIndent(this)) {
    return RaiseIndentationError(BlockMessage("'with' statement", with->lineno));
  }
  if (failed()) return nullptr;
  mark_ = after_with;
  if (Expect(TokenKind::kLpar) && SkipWithItems(this, true) && Expect(TokenKind::kRpar) &&
      Expect(TokenKind::kColon) && NewlineNoIndent(this)) {
    return RaiseIndentationError(BlockMessage("'with' statement", with->lineno));
  }
  return nullptr;
}

// invalid_try_stmt:
//     | 'try' ':' NEWLINE !INDENT
//     | 'try' ':' block !('except' | 'finally')
//     | 'try' ':' block* except_block+ 'except' '*' expression ['as' NAME] ':'
//     | 'try' ':' block* except_star_block+ 'except' [expression ['as' NAME]] ':'
ast::ExprNode* Parser::InvalidTryStmt() {
  int start = mark_;
  const Token* t = Expect(TokenKind::kTry);
  if (t == nullptr || !Expect(TokenKind::kColon)) return nullptr;
  int after_colon = mark_;
  if (NewlineNoIndent(this)) {
    return RaiseIndentationError(BlockMessage("'try' statement", t->lineno));
  }
  if (failed()) return nullptr;
  mark_ = after_colon;
  ast::Seq<ast::StmtNode*> body;
  if (Block(&body)) {
    if (!Check(TokenKind::kExcept) && !Check(TokenKind::kFinally)) {
      if (failed()) return nullptr;
      // Placed at the last token read, as RAISE_SYNTAX_ERROR does (CPython's rule names the
      // block's last token, but its error lands there).
      return RaiseSyntaxError("expected 'except' or 'finally' block");
    }
  }
  if (failed()) return nullptr;
  for (bool star : {false, true}) {
    mark_ = after_colon;
    while (Block(&body)) {
    }
    if (failed()) return nullptr;
    int handlers = 0;
    while (ExceptBlock(star)) ++handlers;
    if (failed()) return nullptr;
    if (handlers == 0) continue;
    int m = mark_;
    const Token* except = Expect(TokenKind::kExcept);
    if (except == nullptr) continue;
    if (!star) {
      const Token* s = Expect(TokenKind::kStar);
      if (s != nullptr && Expression()) {
        int a = mark_;
        if (!(Expect(TokenKind::kAs) && Expect(TokenKind::kName))) mark_ = a;
        if (Expect(TokenKind::kColon)) {
          return RaiseRange(TokenLoc(*except), TokenLoc(*s),
                            "cannot have both 'except' and 'except*' on the same 'try'");
        }
      }
    } else {
      int e = mark_;
      if (Expression()) {
        int a = mark_;
        if (!(Expect(TokenKind::kAs) && Expect(TokenKind::kName))) mark_ = a;
      } else {
        mark_ = e;
      }
      if (failed()) return nullptr;
      if (Expect(TokenKind::kColon)) {
        return RaiseAtToken(*except, "cannot have both 'except' and 'except*' on the same 'try'");
      }
    }
    if (failed()) return nullptr;
    mark_ = m;
  }
  mark_ = start;
  return nullptr;
}

// invalid_except_stmt:
//     | 'except' '*'? expression ',' expressions ['as' NAME ] ':'
//     | 'except' '*'? expression ['as' NAME ] NEWLINE
//     | 'except' NEWLINE
//     | 'except' '*' (NEWLINE | ':')     "expected one or more exception types"
ast::ExprNode* Parser::InvalidExceptStmt() {
  if (!Expect(TokenKind::kExcept)) return nullptr;
  int after_except = mark_;
  Expect(TokenKind::kStar);
  if (ast::ExprNode* a = Expression()) {
    if (Expect(TokenKind::kComma) && Expressions()) {
      int m = mark_;
      if (!(Expect(TokenKind::kAs) && Expect(TokenKind::kName))) mark_ = m;
      if (Expect(TokenKind::kColon)) {
        return RaiseStartingFrom(a->loc, "multiple exception types must be parenthesized");
      }
    }
  }
  if (failed()) return nullptr;
  mark_ = after_except;
  Expect(TokenKind::kStar);
  if (Expression()) {
    int m = mark_;
    if (!(Expect(TokenKind::kAs) && Expect(TokenKind::kName))) mark_ = m;
    if (Expect(TokenKind::kNewline)) return RaiseSyntaxError("expected ':'");
  }
  if (failed()) return nullptr;
  mark_ = after_except;
  if (Expect(TokenKind::kNewline)) return RaiseSyntaxError("expected ':'");
  if (Expect(TokenKind::kStar) &&
      (Expect(TokenKind::kNewline) || Expect(TokenKind::kColon))) {
    return RaiseSyntaxError("expected one or more exception types");
  }
  return nullptr;
}

// invalid_finally_stmt: 'finally' ':' NEWLINE !INDENT
ast::ExprNode* Parser::InvalidFinallyStmt() {
  const Token* f = Expect(TokenKind::kFinally);
  if (f != nullptr && Expect(TokenKind::kColon) && NewlineNoIndent(this)) {
    return RaiseIndentationError(BlockMessage("'finally' statement", f->lineno));
  }
  return nullptr;
}

// invalid_except_stmt_indent:
//     | 'except' expression ['as' NAME ] ':' NEWLINE !INDENT
//     | 'except' ':' NEWLINE !INDENT
ast::ExprNode* Parser::InvalidExceptStmtIndent() {
  const Token* e = Expect(TokenKind::kExcept);
  if (e == nullptr) return nullptr;
  int after = mark_;
  if (Expression()) {
    int m = mark_;
    if (!(Expect(TokenKind::kAs) && Expect(TokenKind::kName))) mark_ = m;
    if (Expect(TokenKind::kColon) && NewlineNoIndent(this)) {
      return RaiseIndentationError(BlockMessage("'except' statement", e->lineno));
    }
  }
  if (failed()) return nullptr;
  mark_ = after;
  if (Expect(TokenKind::kColon) && NewlineNoIndent(this)) {
    return RaiseIndentationError(BlockMessage("'except' statement", e->lineno));
  }
  return nullptr;
}

// invalid_except_star_stmt_indent: 'except' '*' expression ['as' NAME ] ':' NEWLINE !INDENT
ast::ExprNode* Parser::InvalidExceptStarStmtIndent() {
  const Token* e = Expect(TokenKind::kExcept);
  if (e == nullptr || !Expect(TokenKind::kStar) || !Expression()) return nullptr;
  int m = mark_;
  if (!(Expect(TokenKind::kAs) && Expect(TokenKind::kName))) mark_ = m;
  if (Expect(TokenKind::kColon) && NewlineNoIndent(this)) {
    return RaiseIndentationError(BlockMessage("'except*' statement", e->lineno));
  }
  return nullptr;
}

// invalid_match_stmt:
//     | "match" subject_expr NEWLINE
//     | "match" subject_expr ':' NEWLINE !INDENT
ast::ExprNode* Parser::InvalidMatchStmt() {
  const Token* m = ExpectSoftKeyword("match");
  if (m == nullptr || !SubjectExpr()) return nullptr;
  if (Expect(TokenKind::kNewline)) return RaiseSyntaxError("expected ':'");
  if (Expect(TokenKind::kColon) && NewlineNoIndent(this)) {
    return RaiseIndentationError(BlockMessage("'match' statement", m->lineno));
  }
  return nullptr;
}

// invalid_case_block:
//     | "case" patterns guard? NEWLINE
//     | "case" patterns guard? ':' NEWLINE !INDENT
ast::ExprNode* Parser::InvalidCaseBlock() {
  const Token* c = ExpectSoftKeyword("case");
  if (c == nullptr || !Patterns()) return nullptr;
  int m = mark_;
  if (!(Expect(TokenKind::kIf) && NamedExpression())) mark_ = m;
  if (failed()) return nullptr;
  if (Expect(TokenKind::kNewline)) return RaiseSyntaxError("expected ':'");
  if (Expect(TokenKind::kColon) && NewlineNoIndent(this)) {
    return RaiseIndentationError(BlockMessage("'case' statement", c->lineno));
  }
  return nullptr;
}

// invalid_as_pattern: or_pattern 'as' "_" | or_pattern 'as' !NAME expression
ast::ExprNode* Parser::InvalidAsPattern() {
  if (!OrPattern() || !Expect(TokenKind::kAs)) return nullptr;
  if (const Token* u = ExpectSoftKeyword("_")) {
    return RaiseAtToken(*u, "cannot use '_' as a target");
  }
  if (Check(TokenKind::kName) || failed()) return nullptr;
  if (ast::ExprNode* a = Expression()) return RaiseAt(a->loc, "invalid pattern target");
  return nullptr;
}

// invalid_class_pattern: name_or_attr '(' invalid_class_argument_pattern
// invalid_class_argument_pattern: [positional_patterns ','] keyword_patterns ',' positional_patterns
ast::ExprNode* Parser::InvalidClassPattern() {
  if (!NameOrAttr() || !Expect(TokenKind::kLpar)) return nullptr;
  int m = mark_;
  std::vector<ast::PatternNode*> pos;
  if (!(PositionalPatterns(&pos) && Expect(TokenKind::kComma))) mark_ = m;
  if (failed()) return nullptr;
  std::vector<ast::Identifier> names;
  std::vector<ast::PatternNode*> kw;
  if (!KeywordPatterns(&names, &kw) || !Expect(TokenKind::kComma)) return nullptr;
  std::vector<ast::PatternNode*> after;
  if (!PositionalPatterns(&after)) return nullptr;
  return RaiseRange(after.front()->loc, after.back()->loc,
                    "positional patterns follow keyword patterns");
}

// invalid_if_stmt / invalid_elif_stmt / invalid_while_stmt:
//     | KEYWORD named_expression NEWLINE
//     | KEYWORD named_expression ':' NEWLINE !INDENT
static ast::ExprNode* InvalidConditionStmt(Parser* p, TokenKind keyword, const char* what) {
  const Token* k = p->Expect(keyword);
  if (k == nullptr || !p->NamedExpression()) return nullptr;
  if (p->Expect(TokenKind::kNewline)) return p->RaiseSyntaxError("expected ':'");
  if (p->Expect(TokenKind::kColon) && NewlineNoIndent(p)) {
    return p->RaiseIndentationError(BlockMessage(what, k->lineno));
  }
  return nullptr;
}

ast::ExprNode* Parser::InvalidIfStmt() {
  return InvalidConditionStmt(this, TokenKind::kIf, "'if' statement");
}
ast::ExprNode* Parser::InvalidElifStmt() {
  return InvalidConditionStmt(this, TokenKind::kElif, "'elif' statement");
}
ast::ExprNode* Parser::InvalidWhileStmt() {
  return InvalidConditionStmt(this, TokenKind::kWhile, "'while' statement");
}

// invalid_else_stmt: 'else' ':' NEWLINE !INDENT
ast::ExprNode* Parser::InvalidElseStmt() {
  const Token* e = Expect(TokenKind::kElse);
  if (e != nullptr && Expect(TokenKind::kColon) && NewlineNoIndent(this)) {
    return RaiseIndentationError(BlockMessage("'else' statement", e->lineno));
  }
  return nullptr;
}

// invalid_for_stmt:
//     | [ASYNC] 'for' star_targets 'in' star_expressions NEWLINE
//     | [ASYNC] 'for' star_targets 'in' star_expressions ':' NEWLINE !INDENT
ast::ExprNode* Parser::InvalidForStmt() {
  Expect(TokenKind::kAsync);
  const Token* f = Expect(TokenKind::kFor);
  if (f == nullptr || !StarTargets() || !Expect(TokenKind::kIn) || !StarExpressions()) {
    return nullptr;
  }
  if (Expect(TokenKind::kNewline)) return RaiseSyntaxError("expected ':'");
  if (Expect(TokenKind::kColon) && NewlineNoIndent(this)) {
    return RaiseIndentationError(BlockMessage("'for' statement", f->lineno));
  }
  return nullptr;
}

// invalid_def_raw: [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT
ast::ExprNode* Parser::InvalidDefRaw() {
  Expect(TokenKind::kAsync);
  const Token* d = Expect(TokenKind::kDef);
  if (d == nullptr || !Expect(TokenKind::kName) || !Expect(TokenKind::kLpar)) return nullptr;
  int m = mark_;
  if (!Params(false)) mark_ = m;
  if (failed() || !Expect(TokenKind::kRpar)) return nullptr;
  m = mark_;
  if (!(Expect(TokenKind::kRarrow) && Expression())) mark_ = m;
  if (failed()) return nullptr;
  if (Expect(TokenKind::kColon) && NewlineNoIndent(this)) {
    return RaiseIndentationError(BlockMessage("function definition", d->lineno));
  }
  return nullptr;
}

// invalid_class_def_raw:
//     | 'class' NAME ['(' [arguments] ')'] NEWLINE
//     | 'class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT
ast::ExprNode* Parser::InvalidClassDefRaw() {
  const Token* c = Expect(TokenKind::kClass);
  if (c == nullptr || !Expect(TokenKind::kName)) return nullptr;
  int m = mark_;
  if (Expect(TokenKind::kLpar)) {
    CallArgs args;
    int a = mark_;
    if (!Arguments(&args)) mark_ = a;
    if (failed()) return nullptr;
    if (!Expect(TokenKind::kRpar)) mark_ = m;
  }
  if (failed()) return nullptr;
  if (Expect(TokenKind::kNewline)) return RaiseSyntaxError("expected ':'");
  if (Expect(TokenKind::kColon) && NewlineNoIndent(this)) {
    return RaiseIndentationError(BlockMessage("class definition", c->lineno));
  }
  return nullptr;
}

}  // namespace pyrite::parser
