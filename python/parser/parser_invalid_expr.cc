// The invalid_* rules for expressions, arguments, assignments and parameters: the second-pass
// rules of CPython 3.11's grammar that recognise common mistakes and raise specific messages.
// Each returns nullptr; it has matched when it raised (failed() is then true). Callers restore
// the position when they did not match.
#include <string>
#include <vector>

#include "python/parser/parser_internal.h"

namespace pyrite::parser {
namespace {

bool IsLegacyName(std::string_view id) { return id == "print" || id == "exec"; }

bool IsSoftKeyword(const Token* t) {
  return t != nullptr && t->kind == TokenKind::kName &&
         (t->text == "match" || t->text == "case" || t->text == "_");
}

}  // namespace

// expression_without_invalid: expression with the invalid_* rules switched off below it.
static ast::ExprNode* ExpressionWithoutInvalid(Parser* p, bool* invalid_flag) {
  bool saved = *invalid_flag;
  *invalid_flag = false;
  ast::ExprNode* e = p->Expression();
  *invalid_flag = saved;
  return e;
}

// invalid_legacy_expression: NAME !'(' star_expressions
ast::ExprNode* Parser::InvalidLegacyExpression() {
  const Token* name = Expect(TokenKind::kName);
  if (name == nullptr || Check(TokenKind::kLpar)) return nullptr;
  ast::ExprNode* b = StarExpressions();
  if (b == nullptr || failed()) return nullptr;
  if (!IsLegacyName(name->text)) return nullptr;
  std::string id(name->text);
  return RaiseRange(TokenLoc(*name), b->loc,
                    "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
}

// invalid_expression:
//     | !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
//     | disjunction 'if' disjunction !('else'|':')
ast::ExprNode* Parser::InvalidExpression() {
  int start = mark_;
  const Token* t0 = Peek();
  if (t0 == nullptr) return nullptr;
  bool blocked = IsSoftKeyword(t0);
  if (!blocked && t0->kind == TokenKind::kName) {
    const Token* t1 = PeekAt(mark_ + 1);
    if (failed()) return nullptr;
    blocked = t1 != nullptr && t1->kind == TokenKind::kString;
  }
  if (!blocked) {
    ast::ExprNode* a = Disjunction();
    if (failed()) return nullptr;
    if (a != nullptr) {
      ast::ExprNode* b = ExpressionWithoutInvalid(this, &invalid_rules_);
      if (failed()) return nullptr;
      if (b != nullptr) {
        bool legacy = a->kind == ast::ExprKind::Name && IsLegacyName(a->As<ast::Name>()->id);
        if (!legacy && levels_[mark_ - 1] != 0) {
          return RaiseRange(a->loc, b->loc, "invalid syntax. Perhaps you forgot a comma?");
        }
      }
    }
  }
  mark_ = start;
  ast::ExprNode* a = Disjunction();
  if (a == nullptr || failed()) return nullptr;
  if (!Expect(TokenKind::kIf)) return nullptr;
  ast::ExprNode* b = Disjunction();
  if (b == nullptr || failed()) return nullptr;
  if (Check(TokenKind::kElse) || Check(TokenKind::kColon) || failed()) return nullptr;
  return RaiseRange(a->loc, b->loc, "expected 'else' after 'if' expression");
}

// invalid_named_expression (memo):
//     | expression ':=' expression
//     | NAME '=' bitwise_or !('='|':=')
//     | !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=')
ast::ExprNode* Parser::InvalidNamedExpression() {
  int start = mark_;
  ast::ExprNode* a = Expression();
  if (failed()) return nullptr;
  if (a != nullptr && Expect(TokenKind::kColonEqual)) {
    ast::ExprNode* b = Expression();
    if (failed()) return nullptr;
    if (b != nullptr) {
      return RaiseAt(a->loc, std::string("cannot use assignment expressions with ") + ExprName(a));
    }
  }
  mark_ = start;
  if (const Token* name = Expect(TokenKind::kName)) {
    if (Expect(TokenKind::kEqual)) {
      ast::ExprNode* b = BitwiseOr();
      if (failed()) return nullptr;
      if (b != nullptr && !Check(TokenKind::kEqual) && !Check(TokenKind::kColonEqual)) {
        if (failed()) return nullptr;
        return RaiseRange(TokenLoc(*name), b->loc,
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
    }
  }
  if (failed()) return nullptr;
  mark_ = start;
  // !(list|tuple|genexp|'True'|'None'|'False')
  {
    TokenKind k = PeekKind();
    if (k == TokenKind::kTrue || k == TokenKind::kNone || k == TokenKind::kFalse) return nullptr;
    if (List() || Tuple() || Genexp()) {
      mark_ = start;
      return nullptr;
    }
    if (failed()) return nullptr;
    mark_ = start;
  }
  ast::ExprNode* target = BitwiseOr();
  if (target == nullptr || failed()) return nullptr;
  if (!Expect(TokenKind::kEqual)) return nullptr;
  ast::ExprNode* value = BitwiseOr();
  if (value == nullptr || failed()) return nullptr;
  if (Check(TokenKind::kEqual) || Check(TokenKind::kColonEqual) || failed()) return nullptr;
  return RaiseAt(target->loc, std::string("cannot assign to ") + ExprName(target) +
                                  " here. Maybe you meant '==' instead of '='?");
}

// invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
ast::ExprNode* Parser::InvalidAnnAssignTarget() {
  int start = mark_;
  if (ast::ExprNode* l = List()) return l;
  if (failed()) return nullptr;
  if (ast::ExprNode* t = Tuple()) return t;
  if (failed()) return nullptr;
  if (Expect(TokenKind::kLpar)) {
    ast::ExprNode* inner = InvalidAnnAssignTarget();
    if (inner != nullptr && Expect(TokenKind::kRpar)) return inner;
  }
  mark_ = start;
  return nullptr;
}

// invalid_assignment:
//     | invalid_ann_assign_target ':' expression
//     | star_named_expression ',' star_named_expressions* ':' expression
//     | expression ':' expression
//     | (star_targets '=')* star_expressions '='
//     | (star_targets '=')* yield_expr '='
//     | star_expressions augassign (yield_expr | star_expressions)
ast::ExprNode* Parser::InvalidAssignment() {
  int start = mark_;
  if (ast::ExprNode* a = InvalidAnnAssignTarget()) {
    if (Expect(TokenKind::kColon) && Expression()) {
      return RaiseAt(a->loc, std::string("only single target (not ") + ExprName(a) +
                                 ") can be annotated");
    }
  }
  if (failed()) return nullptr;
  mark_ = start;
  if (ast::ExprNode* a = StarNamedExpression()) {
    if (Expect(TokenKind::kComma)) {
      while (true) {
        int m = mark_;
        std::vector<ast::ExprNode*> ignored;
        if (!StarNamedExpressions(&ignored)) {
          mark_ = m;
          break;
        }
      }
      if (failed()) return nullptr;
      if (Expect(TokenKind::kColon) && Expression()) {
        return RaiseAt(a->loc, "only single target (not tuple) can be annotated");
      }
    }
  }
  if (failed()) return nullptr;
  mark_ = start;
  if (ast::ExprNode* a = Expression()) {
    if (Expect(TokenKind::kColon) && Expression()) {
      return RaiseAt(a->loc, "illegal target for annotation");
    }
  }
  if (failed()) return nullptr;
  mark_ = start;
  auto skip_targets = [&]() {
    while (true) {
      int m = mark_;
      if (StarTargets() && Expect(TokenKind::kEqual)) continue;
      mark_ = m;
      break;
    }
  };
  skip_targets();
  if (failed()) return nullptr;
  int after_targets = mark_;
  if (ast::ExprNode* a = StarExpressions()) {
    if (Expect(TokenKind::kEqual)) {
      RaiseInvalidTarget(a, TargetsType::kStar);
      if (failed()) return nullptr;
    }
  }
  if (failed()) return nullptr;
  mark_ = after_targets;
  if (ast::ExprNode* a = YieldExpr()) {
    if (Expect(TokenKind::kEqual)) {
      return RaiseAt(a->loc, "assignment to yield expression not possible");
    }
  }
  if (failed()) return nullptr;
  mark_ = start;
  if (ast::ExprNode* a = StarExpressions()) {
    switch (PeekKind()) {
      case TokenKind::kPlusEqual:
      case TokenKind::kMinEqual:
      case TokenKind::kStarEqual:
      case TokenKind::kAtEqual:
      case TokenKind::kSlashEqual:
      case TokenKind::kPercentEqual:
      case TokenKind::kAmperEqual:
      case TokenKind::kVbarEqual:
      case TokenKind::kCircumflexEqual:
      case TokenKind::kLeftShiftEqual:
      case TokenKind::kRightShiftEqual:
      case TokenKind::kDoubleStarEqual:
      case TokenKind::kDoubleSlashEqual: {
        ++mark_;
        if (AnnotatedRhs()) {
          return RaiseAt(a->loc, std::string("'") + ExprName(a) +
                                     "' is an illegal expression for augmented assignment");
        }
        break;
      }
      default:
        break;
    }
  }
  return nullptr;
}

// invalid_del_stmt: 'del' star_expressions
ast::ExprNode* Parser::InvalidDelStmt() {
  if (!Expect(TokenKind::kDel)) return nullptr;
  ast::ExprNode* a = StarExpressions();
  if (a == nullptr || failed()) return nullptr;
  return RaiseInvalidTarget(a, TargetsType::kDel);
}

// invalid_block: NEWLINE !INDENT
ast::ExprNode* Parser::InvalidBlock() {
  if (!Expect(TokenKind::kNewline)) return nullptr;
  if (Check(TokenKind::kIndent) || failed()) return nullptr;
  return RaiseIndentationError("expected an indented block");
}

// invalid_comprehension:
//     | ('[' | '(' | '{') starred_expression for_if_clauses
//     | ('[' | '{') star_named_expression ',' star_named_expressions for_if_clauses
//     | ('[' | '{') star_named_expression ',' for_if_clauses
ast::ExprNode* Parser::InvalidComprehension() {
  int start = mark_;
  TokenKind open = PeekKind();
  if (open != TokenKind::kLsqb && open != TokenKind::kLpar && open != TokenKind::kLbrace) {
    return nullptr;
  }
  ++mark_;
  std::vector<ast::Comprehension*> gens;
  if (ast::ExprNode* a = StarredExpression()) {
    if (ForIfClauses(&gens)) {
      return RaiseAt(a->loc, "iterable unpacking cannot be used in comprehension");
    }
  }
  if (failed() || open == TokenKind::kLpar) return nullptr;
  mark_ = start + 1;
  if (ast::ExprNode* a = StarNamedExpression()) {
    int after_a = mark_;
    if (const Token* comma = Expect(TokenKind::kComma)) {
      std::vector<ast::ExprNode*> rest;
      if (StarNamedExpressions(&rest) && ForIfClauses(&gens)) {
        return RaiseRange(a->loc, rest.back()->loc,
                          "did you forget parentheses around the comprehension target?");
      }
      if (failed()) return nullptr;
      mark_ = after_a + 1;
      gens.clear();
      if (ForIfClauses(&gens)) {
        return RaiseRange(a->loc, TokenLoc(*comma),
                          "did you forget parentheses around the comprehension target?");
      }
    }
  }
  return nullptr;
}

// invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
ast::ExprNode* Parser::InvalidDictComprehension() {
  if (!Expect(TokenKind::kLbrace)) return nullptr;
  const Token* stars = Expect(TokenKind::kDoubleStar);
  if (stars == nullptr) return nullptr;
  std::vector<ast::Comprehension*> gens;
  if (BitwiseOr() && ForIfClauses(&gens) && Expect(TokenKind::kRbrace)) {
    return RaiseAtToken(*stars, "dict unpacking cannot be used in dict comprehension");
  }
  return nullptr;
}

// invalid_double_starred_kvpairs:
//     | ','.double_starred_kvpair+ ',' invalid_kvpair
//     | expression ':' '*' bitwise_or
//     | expression ':' &('}'|',')
// invalid_kvpair:
//     | expression !(':')
//     | expression ':' '*' bitwise_or
//     | expression ':' &('}'|',')
ast::ExprNode* Parser::InvalidDoubleStarredKvpairs() {
  int start = mark_;
  std::vector<ast::ExprNode*> keys, values;
  if (DoubleStarredKvpairs(&keys, &values)) {
    // The list rule may have eaten a trailing comma: back up to just after the last pair.
    if (tokens_[mark_ - 1].kind == TokenKind::kComma) --mark_;
    if (Expect(TokenKind::kComma)) {
      InvalidKvpair();
      if (failed()) return nullptr;
    }
  }
  if (failed()) return nullptr;
  mark_ = start;
  if (Expression() && Expect(TokenKind::kColon)) {
    if (const Token* star = Expect(TokenKind::kStar)) {
      if (BitwiseOr()) {
        return RaiseStartingFrom(TokenLoc(*star),
                                 "cannot use a starred expression in a dictionary value");
      }
    } else if (Check(TokenKind::kRbrace) || Check(TokenKind::kComma)) {
      return RaiseAtToken(tokens_[mark_ - 1],
                          "expression expected after dictionary key and ':'");
    }
  }
  return nullptr;
}

ast::ExprNode* Parser::InvalidKvpair() {
  int start = mark_;
  ast::ExprNode* a = Expression();
  if (a == nullptr || failed()) return nullptr;
  if (!Check(TokenKind::kColon)) {
    if (failed()) return nullptr;
    return RaiseLocation(SyntaxErrorType::kSyntaxError, a->loc.lineno, a->loc.end_col_offset - 1,
                         a->loc.end_lineno, -2, "':' expected after dictionary key");
  }
  mark_ = start;
  if (Expression() && Expect(TokenKind::kColon)) {
    if (const Token* star = Expect(TokenKind::kStar)) {
      if (BitwiseOr()) {
        return RaiseStartingFrom(TokenLoc(*star),
                                 "cannot use a starred expression in a dictionary value");
      }
    } else if (Check(TokenKind::kRbrace) || Check(TokenKind::kComma)) {
      return RaiseAtToken(tokens_[mark_ - 1],
                          "expression expected after dictionary key and ':'");
    }
  }
  return nullptr;
}

// invalid_group: '(' starred_expression ')' | '(' '**' expression ')'
ast::ExprNode* Parser::InvalidGroup() {
  if (!Expect(TokenKind::kLpar)) return nullptr;
  int m = mark_;
  if (ast::ExprNode* a = StarredExpression()) {
    if (Expect(TokenKind::kRpar)) return RaiseAt(a->loc, "cannot use starred expression here");
  }
  if (failed()) return nullptr;
  mark_ = m;
  if (const Token* stars = Expect(TokenKind::kDoubleStar)) {
    if (Expression() && Expect(TokenKind::kRpar)) {
      return RaiseAtToken(*stars, "cannot use double starred expression here");
    }
  }
  return nullptr;
}

// invalid_arguments:
//     | args ',' '*'
//     | expression for_if_clauses ',' [args | expression for_if_clauses]
//     | NAME '=' expression for_if_clauses
//     | args for_if_clauses
//     | args ',' expression for_if_clauses
//     | args ',' args
ast::ExprNode* Parser::InvalidArguments() {
  int start = mark_;
  auto last_item = [](ast::Comprehension* c) -> ast::ExprNode* {
    return c->ifs.empty() ? c->iter : c->ifs[c->ifs.size - 1];
  };
  CallArgs a;
  if (Args(&a)) {
    // The location of `args`: from its first token to its last.
    Location args_loc = LocFrom(start);
    if (Expect(TokenKind::kComma) && Expect(TokenKind::kStar)) {
      return RaiseAt(args_loc, "iterable argument unpacking follows keyword argument unpacking");
    }
  }
  if (failed()) return nullptr;
  mark_ = start;
  std::vector<ast::Comprehension*> gens;
  if (ast::ExprNode* e = Expression()) {
    if (ForIfClauses(&gens) && Expect(TokenKind::kComma)) {
      int m = mark_;
      CallArgs more;
      if (!Args(&more)) {
        mark_ = m;
        std::vector<ast::Comprehension*> more_gens;
        if (!(Expression() && ForIfClauses(&more_gens))) mark_ = m;
      }
      if (failed()) return nullptr;
      return RaiseRange(e->loc, last_item(gens.back())->loc,
                        "Generator expression must be parenthesized");
    }
  }
  if (failed()) return nullptr;
  mark_ = start;
  gens.clear();
  if (const Token* name = Expect(TokenKind::kName)) {
    if (const Token* eq = Expect(TokenKind::kEqual)) {
      if (Expression() && ForIfClauses(&gens)) {
        return RaiseRange(TokenLoc(*name), TokenLoc(*eq),
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
    }
  }
  if (failed()) return nullptr;
  mark_ = start;
  gens.clear();
  a = CallArgs();
  if (Args(&a) && ForIfClauses(&gens)) {
    if (a.args.size() > 1) {
      return RaiseRange(a.args.back()->loc, last_item(gens.back())->loc,
                        "Generator expression must be parenthesized");
    }
    return nullptr;
  }
  if (failed()) return nullptr;
  mark_ = start;
  gens.clear();
  a = CallArgs();
  if (Args(&a) && Expect(TokenKind::kComma)) {
    int m = mark_;
    if (ast::ExprNode* e = Expression()) {
      if (ForIfClauses(&gens)) {
        return RaiseRange(e->loc, last_item(gens.back())->loc,
                          "Generator expression must be parenthesized");
      }
    }
    if (failed()) return nullptr;
    mark_ = m;
    CallArgs b;
    if (Args(&b)) {
      bool keyword_unpacking = false;
      for (ast::Keyword* k : a.keywords) keyword_unpacking |= k->arg.empty();
      return RaiseSyntaxError(keyword_unpacking
                                  ? "positional argument follows keyword argument unpacking"
                                  : "positional argument follows keyword argument");
    }
  }
  return nullptr;
}

// invalid_kwarg:
//     | ('True'|'False'|'None') '='
//     | NAME '=' expression for_if_clauses
//     | !(NAME '=') expression '='
ast::ExprNode* Parser::InvalidKwarg() {
  int start = mark_;
  const Token* t = Peek();
  if (t == nullptr) return nullptr;
  if (t->kind == TokenKind::kTrue || t->kind == TokenKind::kFalse ||
      t->kind == TokenKind::kNone) {
    ++mark_;
    if (const Token* eq = Expect(TokenKind::kEqual)) {
      return RaiseRange(TokenLoc(*t), TokenLoc(*eq),
                        "cannot assign to " + std::string(t->text));
    }
    mark_ = start;
  }
  if (const Token* name = Expect(TokenKind::kName)) {
    if (const Token* eq = Expect(TokenKind::kEqual)) {
      std::vector<ast::Comprehension*> gens;
      if (Expression() && ForIfClauses(&gens)) {
        return RaiseRange(TokenLoc(*name), TokenLoc(*eq),
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
      if (failed()) return nullptr;
      // !(NAME '='): the last alternative cannot match here.
      return nullptr;
    }
  }
  if (failed()) return nullptr;
  mark_ = start;
  if (ast::ExprNode* a = Expression()) {
    if (const Token* eq = Expect(TokenKind::kEqual)) {
      return RaiseRange(a->loc, TokenLoc(*eq),
                        "expression cannot contain assignment, perhaps you meant \"==\"?");
    }
  }
  return nullptr;
}

// invalid_parameters (and invalid_lambda_parameters through `lambda`):
//     | param_no_default* invalid_parameters_helper param_no_default
//     | param_no_default* '(' param_no_default+ ','? ')'
//     | "/" ','
//     | (slash_no_default | slash_with_default) param_maybe_default* '/'
//     | (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
//       param_maybe_default* '/'
//     | param_maybe_default+ '/' '*'
static ast::ExprNode* InvalidParametersImpl(Parser* p, bool lambda) {
  int start = p->mark();
  auto skip_no_defaults = [&]() {
    while (p->ParamNoDefault(lambda)) {
    }
  };
  auto skip_maybe_defaults = [&](int* count) {
    NameDefaultPair d;
    while (p->ParamMaybeDefault(lambda, &d)) ++*count;
  };
  // param_no_default* invalid_parameters_helper param_no_default
  skip_no_defaults();
  if (p->failed()) return nullptr;
  {
    int m = p->mark();
    SlashWithDefault swd;
    bool helper = p->SlashWithDefaultRule(lambda, &swd);
    if (!helper) {
      p->reset(m);
      NameDefaultPair d;
      while (p->ParamWithDefault(lambda, &d)) helper = true;
    }
    if (p->failed()) return nullptr;
    if (helper) {
      int before = p->mark();
      if (ast::Arg* a = p->ParamNoDefault(lambda)) {
        (void)before;
        return p->RaiseAt(a->loc, "non-default argument follows default argument");
      }
    }
  }
  if (p->failed()) return nullptr;
  p->reset(start);
  skip_no_defaults();
  if (const Token* open = p->Expect(TokenKind::kLpar)) {
    // def: param_no_default+ ','?   lambda: ','.lambda_param+ ','?
    int count = 0;
    if (lambda) {
      while (p->Param(true)) {
        ++count;
        int m = p->mark();
        if (!p->Expect(TokenKind::kComma) || !p->Check(TokenKind::kName)) {
          p->reset(m);
          break;
        }
      }
    } else {
      while (p->ParamNoDefault(false)) ++count;
    }
    if (p->failed()) return nullptr;
    p->Expect(TokenKind::kComma);
    if (count > 0) {
      if (const Token* close = p->Expect(TokenKind::kRpar)) {
        return p->RaiseRange(Parser::TokenLoc(*open), Parser::TokenLoc(*close),
                             lambda ? "Lambda expression parameters cannot be parenthesized"
                                    : "Function parameters cannot be parenthesized");
      }
    }
  }
  if (p->failed()) return nullptr;
  p->reset(start);
  if (const Token* slash = p->Expect(TokenKind::kSlash)) {
    if (p->Expect(TokenKind::kComma)) {
      return p->RaiseAtToken(*slash, "at least one argument must precede /");
    }
  }
  p->reset(start);
  auto slash_rule = [&]() -> bool {
    std::vector<ast::Arg*> snd;
    if (p->SlashNoDefault(lambda, &snd)) return true;
    if (p->failed()) return false;
    SlashWithDefault swd;
    return p->SlashWithDefaultRule(lambda, &swd);
  };
  if (slash_rule()) {
    int count = 0;
    skip_maybe_defaults(&count);
    if (const Token* slash = p->Expect(TokenKind::kSlash)) {
      return p->RaiseAtToken(*slash, "/ may appear only once");
    }
  }
  if (p->failed()) return nullptr;
  p->reset(start);
  if (!slash_rule()) p->reset(start);
  if (p->failed()) return nullptr;
  {
    int count = 0;
    skip_maybe_defaults(&count);
    if (p->Expect(TokenKind::kStar)) {
      if (p->Expect(TokenKind::kComma) || p->ParamNoDefault(lambda)) {
        skip_maybe_defaults(&count);
        if (const Token* slash = p->Expect(TokenKind::kSlash)) {
          return p->RaiseAtToken(*slash, "/ must be ahead of *");
        }
      }
    }
  }
  if (p->failed()) return nullptr;
  p->reset(start);
  {
    int count = 0;
    skip_maybe_defaults(&count);
    if (count > 0 && p->Expect(TokenKind::kSlash)) {
      if (const Token* star = p->Expect(TokenKind::kStar)) {
        return p->RaiseAtToken(*star, "expected comma between / and *");
      }
    }
  }
  return nullptr;
}

ast::ExprNode* Parser::InvalidParameters() { return InvalidParametersImpl(this, false); }
ast::ExprNode* Parser::InvalidLambdaParameters() { return InvalidParametersImpl(this, true); }

// invalid_default: '=' &(')'|',')
ast::ExprNode* Parser::InvalidDefault() {
  const Token* eq = Expect(TokenKind::kEqual);
  if (eq == nullptr) return nullptr;
  if (Check(TokenKind::kRpar) || Check(TokenKind::kComma)) {
    return RaiseAtToken(*eq, "expected default value expression");
  }
  return nullptr;
}

// invalid_star_etc / invalid_lambda_star_etc:
//     | '*' (')' | ',' (')' | '**'))          (lambda: ':' instead of ')', message at the end)
//     | '*' param '='
//     | '*' (param_no_default | ',') param_maybe_default* '*' (param_no_default | ',')
static ast::ExprNode* InvalidStarEtcImpl(Parser* p, bool lambda) {
  int start = p->mark();
  TokenKind close = lambda ? TokenKind::kColon : TokenKind::kRpar;
  if (const Token* star = p->Expect(TokenKind::kStar)) {
    bool bare = p->Check(close);
    if (!bare && p->Expect(TokenKind::kComma)) {
      bare = p->Check(close) || p->Check(TokenKind::kDoubleStar);
    }
    if (p->failed()) return nullptr;
    if (bare) {
      if (lambda) return p->RaiseSyntaxError("named arguments must follow bare *");
      return p->RaiseAtToken(*star, "named arguments must follow bare *");
    }
  }
  p->reset(start);
  if (p->Expect(TokenKind::kStar) && p->Param(lambda)) {
    if (const Token* eq = p->Expect(TokenKind::kEqual)) {
      return p->RaiseAtToken(*eq, "var-positional argument cannot have default value");
    }
  }
  if (p->failed()) return nullptr;
  p->reset(start);
  if (p->Expect(TokenKind::kStar)) {
    if (p->ParamNoDefault(lambda) || p->Expect(TokenKind::kComma)) {
      NameDefaultPair d;
      while (p->ParamMaybeDefault(lambda, &d)) {
      }
      if (const Token* star = p->Expect(TokenKind::kStar)) {
        if (p->ParamNoDefault(lambda) || p->Expect(TokenKind::kComma)) {
          return p->RaiseAtToken(*star, "* argument may appear only once");
        }
      }
    }
  }
  return nullptr;
}

ast::ExprNode* Parser::InvalidStarEtc() { return InvalidStarEtcImpl(this, false); }
ast::ExprNode* Parser::InvalidLambdaStarEtc() { return InvalidStarEtcImpl(this, true); }

// invalid_kwds / invalid_lambda_kwds:
//     | '**' param '='
//     | '**' param ',' param
//     | '**' param ',' ('*'|'**'|'/')
static ast::ExprNode* InvalidKwdsImpl(Parser* p, bool lambda) {
  int start = p->mark();
  if (!p->Expect(TokenKind::kDoubleStar) || !p->Param(lambda)) {
    p->reset(start);
    return nullptr;
  }
  if (const Token* eq = p->Expect(TokenKind::kEqual)) {
    return p->RaiseAtToken(*eq, "var-keyword argument cannot have default value");
  }
  if (p->Expect(TokenKind::kComma)) {
    if (ast::Arg* a = p->Param(lambda)) {
      return p->RaiseAt(a->loc, "arguments cannot follow var-keyword argument");
    }
    const Token* t = p->Peek();
    if (t != nullptr && (t->kind == TokenKind::kStar || t->kind == TokenKind::kDoubleStar ||
                         t->kind == TokenKind::kSlash)) {
      p->Expect(t->kind);
      return p->RaiseAtToken(*t, "arguments cannot follow var-keyword argument");
    }
  }
  return nullptr;
}

ast::ExprNode* Parser::InvalidKwds() { return InvalidKwdsImpl(this, false); }
ast::ExprNode* Parser::InvalidLambdaKwds() { return InvalidKwdsImpl(this, true); }


}  // namespace pyrite::parser
