// The match statement (PEP 634) of the Python 3.11 grammar: subjects, case blocks and every
// pattern kind (literal, capture, wildcard, value, group, sequence, mapping, class, or, as).
#include <vector>

#include "python/parser/parser_internal.h"

namespace pyrite::parser {



// match_stmt:
//     | "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
//     | invalid_match_stmt
ast::StmtNode* Parser::MatchStmt() {
  int start = mark_;
  if (ExpectSoftKeyword("match")) {
    ast::ExprNode* subject = SubjectExpr();
    RETURN_IF_ERROR();
    if (subject != nullptr && Expect(TokenKind::kColon) && Expect(TokenKind::kNewline) &&
        Expect(TokenKind::kIndent)) {
      std::vector<ast::MatchCase*> cases;
      while (ast::MatchCase* c = CaseBlock()) cases.push_back(c);
      RETURN_IF_ERROR();
      if (!cases.empty() && Expect(TokenKind::kDedent)) {
        auto* m = arena_.New<ast::Match>();
        m->subject = subject;
        m->cases = Seq(cases);
        m->loc = LocFrom(start);
        return m;
      }
    }
    RETURN_IF_ERROR();
  }
  RETURN_IF_ERROR();
  mark_ = start;
  TRY_INVALID(InvalidMatchStmt);
  return nullptr;
}

// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
ast::ExprNode* Parser::SubjectExpr() {
  int start = mark_;
  if (ast::ExprNode* first = StarNamedExpression()) {
    if (Expect(TokenKind::kComma)) {
      std::vector<ast::ExprNode*> elts{first};
      int m = mark_;
      if (!StarNamedExpressions(&elts)) {
        RETURN_IF_ERROR();
        mark_ = m;
      }
      auto* t = arena_.New<ast::Tuple>();
      t->elts = Seq(elts);
      t->ctx = ast::ExprContext::Load;
      t->loc = LocFrom(start);
      return t;
    }
  }
  RETURN_IF_ERROR();
  mark_ = start;
  return NamedExpression();
}

// case_block: invalid_case_block | "case" patterns guard? ':' block
// guard: 'if' named_expression
ast::MatchCase* Parser::CaseBlock() {
  if (invalid_rules_) {
    int m = mark_;
    InvalidCaseBlock();
    RETURN_IF_ERROR();
    mark_ = m;
  }
  int start = mark_;
  if (!ExpectSoftKeyword("case")) return nullptr;
  ast::PatternNode* pattern = Patterns();
  RETURN_IF_ERROR();
  if (pattern != nullptr) {
    ast::ExprNode* guard = nullptr;
    int m = mark_;
    if (Expect(TokenKind::kIf)) {
      guard = NamedExpression();
      RETURN_IF_ERROR();
      if (guard == nullptr) mark_ = m;
    }
    ast::Seq<ast::StmtNode*> body;
    if (Expect(TokenKind::kColon) && Block(&body)) {
      auto* c = arena_.New<ast::MatchCase>();
      c->pattern = pattern;
      c->guard = guard;
      c->body = body;
      return c;
    }
    RETURN_IF_ERROR();
  }
  mark_ = start;
  return nullptr;
}

// patterns: open_sequence_pattern | pattern
ast::PatternNode* Parser::Patterns() {
  int start = mark_;
  std::vector<ast::PatternNode*> items;
  if (OpenSequencePattern(&items)) {
    auto* s = arena_.New<ast::MatchSequence>();
    s->patterns = Seq(items);
    s->loc = LocFrom(start);
    return s;
  }
  RETURN_IF_ERROR();
  mark_ = start;
  return Pattern();
}

// pattern: as_pattern | or_pattern
ast::PatternNode* Parser::Pattern() {
  DepthGuard guard(this);
  if (TooDeep()) return nullptr;
  int start = mark_;
  if (ast::PatternNode* p = AsPattern()) return p;
  RETURN_IF_ERROR();
  mark_ = start;
  return OrPattern();
}

// as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern
ast::PatternNode* Parser::AsPattern() {
  int start = mark_;
  ast::PatternNode* p = OrPattern();
  if (p != nullptr && Expect(TokenKind::kAs)) {
    ast::ExprNode* target = PatternCaptureTarget();
    RETURN_IF_ERROR();
    if (target != nullptr) {
      auto* as = arena_.New<ast::MatchAs>();
      as->pattern = p;
      as->name = target->As<ast::Name>()->id;
      as->loc = LocFrom(start);
      return as;
    }
  }
  RETURN_IF_ERROR();
  mark_ = start;
  TRY_INVALID(InvalidAsPattern);
  return nullptr;
}

// or_pattern: '|'.closed_pattern+
ast::PatternNode* Parser::OrPattern() {
  int start = mark_;
  ast::PatternNode* first = ClosedPattern();
  if (first == nullptr) return nullptr;
  std::vector<ast::PatternNode*> alts{first};
  while (true) {
    int m = mark_;
    if (!Expect(TokenKind::kVbar)) break;
    ast::PatternNode* next = ClosedPattern();
    RETURN_IF_ERROR();
    if (next == nullptr) {
      mark_ = m;
      break;
    }
    alts.push_back(next);
  }
  if (alts.size() == 1) return first;
  auto* o = arena_.New<ast::MatchOr>();
  o->patterns = Seq(alts);
  o->loc = LocFrom(start);
  return o;
}

// closed_pattern (memo):
//     | literal_pattern | capture_pattern | wildcard_pattern | value_pattern | group_pattern
//     | sequence_pattern | mapping_pattern | class_pattern
ast::PatternNode* Parser::ClosedPattern() {
  return Memoized<ast::PatternNode>(this, MemoRule::kClosedPattern,
                                    [this] { return ClosedPatternUncached(); });
}

ast::PatternNode* Parser::ClosedPatternUncached() {
  int start = mark_;
  for (auto rule : {&Parser::LiteralPattern, &Parser::CapturePattern, &Parser::WildcardPattern,
                    &Parser::ValuePattern, &Parser::GroupPattern, &Parser::SequencePattern,
                    &Parser::MappingPattern, &Parser::ClassPattern}) {
    if (ast::PatternNode* p = (this->*rule)()) return p;
    RETURN_IF_ERROR();
    mark_ = start;
  }
  return nullptr;
}

// literal_pattern:
//     | signed_number !('+' | '-') | complex_number | strings | 'None' | 'True' | 'False'
ast::PatternNode* Parser::LiteralPattern() {
  int start = mark_;
  ast::ConstantValue singleton;
  switch (PeekKind()) {
    case TokenKind::kNone:
      singleton.kind = ast::ConstantValue::Kind::kNone;
      break;
    case TokenKind::kTrue:
      singleton.kind = ast::ConstantValue::Kind::kTrue;
      break;
    case TokenKind::kFalse:
      singleton.kind = ast::ConstantValue::Kind::kFalse;
      break;
    default: {
      RETURN_IF_ERROR();
      ast::ExprNode* value = LiteralExpr();
      if (value == nullptr) return nullptr;
      auto* v = arena_.New<ast::MatchValue>();
      v->value = value;
      v->loc = LocFrom(start);
      return v;
    }
  }
  ++mark_;
  auto* s = arena_.New<ast::MatchSingleton>();
  s->value = singleton;
  s->loc = LocFrom(start);
  return s;
}

// literal_expr:
//     | signed_number !('+' | '-') | complex_number | strings | 'None' | 'True' | 'False'
ast::ExprNode* Parser::LiteralExpr() {
  int start = mark_;
  if (ast::ExprNode* n = SignedNumber()) {
    if (!Check(TokenKind::kPlus) && !Check(TokenKind::kMinus)) return n;
  }
  RETURN_IF_ERROR();
  mark_ = start;
  if (ast::ExprNode* c = ComplexNumber()) return c;
  RETURN_IF_ERROR();
  mark_ = start;
  if (Check(TokenKind::kString)) return Strings();
  ast::ConstantValue v;
  switch (PeekKind()) {
    case TokenKind::kNone:
      v.kind = ast::ConstantValue::Kind::kNone;
      break;
    case TokenKind::kTrue:
      v.kind = ast::ConstantValue::Kind::kTrue;
      break;
    case TokenKind::kFalse:
      v.kind = ast::ConstantValue::Kind::kFalse;
      break;
    default:
      return nullptr;
  }
  ++mark_;
  return NewConstant(v, LocFrom(start));
}

// complex_number: signed_real_number ('+' | '-') imaginary_number
ast::ExprNode* Parser::ComplexNumber() {
  int start = mark_;
  ast::ExprNode* real = SignedRealNumber();
  if (real == nullptr) return nullptr;
  ast::OperatorKind op;
  if (Expect(TokenKind::kPlus)) {
    op = ast::OperatorKind::Add;
  } else if (Expect(TokenKind::kMinus)) {
    op = ast::OperatorKind::Sub;
  } else {
    mark_ = start;
    return nullptr;
  }
  ast::ExprNode* imag = ImaginaryNumber();
  if (imag == nullptr) {
    RETURN_IF_ERROR();
    mark_ = start;
    return nullptr;
  }
  auto* b = arena_.New<ast::BinOp>();
  b->left = real;
  b->op = op;
  b->right = imag;
  b->loc = LocFrom(start);
  return b;
}

// signed_number: NUMBER | '-' NUMBER
ast::ExprNode* Parser::SignedNumber() {
  int start = mark_;
  if (const Token* t = Expect(TokenKind::kNumber)) return NumberFromToken(*t);
  if (Expect(TokenKind::kMinus)) {
    if (const Token* t = Expect(TokenKind::kNumber)) {
      ast::ExprNode* n = NumberFromToken(*t);
      RETURN_IF_ERROR();
      auto* u = arena_.New<ast::UnaryOp>();
      u->op = ast::UnaryOpKind::USub;
      u->operand = n;
      u->loc = LocFrom(start);
      return u;
    }
  }
  mark_ = start;
  return nullptr;
}

// signed_real_number: real_number | '-' real_number
ast::ExprNode* Parser::SignedRealNumber() {
  int start = mark_;
  if (ast::ExprNode* r = RealNumber()) return r;
  RETURN_IF_ERROR();
  if (Expect(TokenKind::kMinus)) {
    if (ast::ExprNode* r = RealNumber()) {
      auto* u = arena_.New<ast::UnaryOp>();
      u->op = ast::UnaryOpKind::USub;
      u->operand = r;
      u->loc = LocFrom(start);
      return u;
    }
    RETURN_IF_ERROR();
  }
  mark_ = start;
  return nullptr;
}

// real_number: NUMBER (ensure_real)
ast::ExprNode* Parser::RealNumber() {
  const Token* t = Expect(TokenKind::kNumber);
  if (t == nullptr) return nullptr;
  ast::ExprNode* n = NumberFromToken(*t);
  RETURN_IF_ERROR();
  if (n->As<ast::Constant>()->value.kind == ast::ConstantValue::Kind::kComplex) {
    return RaiseAt(n->loc, "real number required in complex literal");
  }
  return n;
}

// imaginary_number: NUMBER (ensure_imaginary)
ast::ExprNode* Parser::ImaginaryNumber() {
  const Token* t = Expect(TokenKind::kNumber);
  if (t == nullptr) return nullptr;
  ast::ExprNode* n = NumberFromToken(*t);
  RETURN_IF_ERROR();
  if (n->As<ast::Constant>()->value.kind != ast::ConstantValue::Kind::kComplex) {
    return RaiseAt(n->loc, "imaginary number required in complex literal");
  }
  return n;
}

// capture_pattern: pattern_capture_target
ast::PatternNode* Parser::CapturePattern() {
  int start = mark_;
  ast::ExprNode* target = PatternCaptureTarget();
  if (target == nullptr) return nullptr;
  auto* as = arena_.New<ast::MatchAs>();
  as->name = target->As<ast::Name>()->id;
  as->loc = LocFrom(start);
  return as;
}

// pattern_capture_target: !"_" NAME !('.' | '(' | '=')
ast::ExprNode* Parser::PatternCaptureTarget() {
  int start = mark_;
  const Token* t = Peek();
  if (t == nullptr || t->kind != TokenKind::kName || t->text == "_") return nullptr;
  ++mark_;
  if (Check(TokenKind::kDot) || Check(TokenKind::kLpar) || Check(TokenKind::kEqual)) {
    mark_ = start;
    return nullptr;
  }
  RETURN_IF_ERROR();
  return NameFromToken(*t, ast::ExprContext::Store);
}

// wildcard_pattern: "_"
ast::PatternNode* Parser::WildcardPattern() {
  const Token* t = ExpectSoftKeyword("_");
  if (t == nullptr) return nullptr;
  auto* as = arena_.New<ast::MatchAs>();
  as->loc = TokenLoc(*t);
  return as;
}

// value_pattern: attr !('.' | '(' | '=')
ast::PatternNode* Parser::ValuePattern() {
  int start = mark_;
  ast::ExprNode* a = Attr();
  if (a == nullptr) return nullptr;
  if (Check(TokenKind::kDot) || Check(TokenKind::kLpar) || Check(TokenKind::kEqual)) {
    mark_ = start;
    return nullptr;
  }
  RETURN_IF_ERROR();
  auto* v = arena_.New<ast::MatchValue>();
  v->value = a;
  v->loc = LocFrom(start);
  return v;
}

// attr: name_or_attr '.' NAME     (at least one dot)
ast::ExprNode* Parser::Attr() {
  int start = mark_;
  ast::ExprNode* a = NameOrAttr();
  if (a == nullptr || a->kind != ast::ExprKind::Attribute) {
    mark_ = start;
    return nullptr;
  }
  return a;
}

// name_or_attr: attr | NAME
ast::ExprNode* Parser::NameOrAttr() {
  int start = mark_;
  const Token* name = Expect(TokenKind::kName);
  if (name == nullptr) return nullptr;
  ast::ExprNode* a = NameFromToken(*name);
  while (true) {
    int m = mark_;
    if (!Expect(TokenKind::kDot)) break;
    const Token* next = Expect(TokenKind::kName);
    RETURN_IF_ERROR();
    if (next == nullptr) {
      mark_ = m;
      break;
    }
    auto* attr = arena_.New<ast::Attribute>();
    attr->value = a;
    attr->attr = NewIdentifier(*next);
    attr->ctx = ast::ExprContext::Load;
    attr->loc = LocFrom(start);
    a = attr;
  }
  RETURN_IF_ERROR();
  return a;
}

// group_pattern: '(' pattern ')'
ast::PatternNode* Parser::GroupPattern() {
  int start = mark_;
  if (!Expect(TokenKind::kLpar)) return nullptr;
  ast::PatternNode* p = Pattern();
  if (p != nullptr && Expect(TokenKind::kRpar)) return p;
  RETURN_IF_ERROR();
  mark_ = start;
  return nullptr;
}

// sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'
ast::PatternNode* Parser::SequencePattern() {
  int start = mark_;
  bool bracket = Check(TokenKind::kLsqb);
  if (!bracket && !Check(TokenKind::kLpar)) return nullptr;
  ++mark_;
  std::vector<ast::PatternNode*> items;
  int m = mark_;
  bool ok = bracket ? MaybeSequencePattern(&items) : OpenSequencePattern(&items);
  RETURN_IF_ERROR();
  if (!ok) {
    items.clear();
    mark_ = m;
  }
  if (!Expect(bracket ? TokenKind::kRsqb : TokenKind::kRpar)) {
    mark_ = start;
    return nullptr;
  }
  auto* s = arena_.New<ast::MatchSequence>();
  s->patterns = Seq(items);
  s->loc = LocFrom(start);
  return s;
}

// open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
bool Parser::OpenSequencePattern(std::vector<ast::PatternNode*>* out) {
  int start = mark_;
  ast::PatternNode* first = MaybeStarPattern();
  if (first == nullptr || !Expect(TokenKind::kComma)) {
    mark_ = start;
    return false;
  }
  out->push_back(first);
  int m = mark_;
  if (!MaybeSequencePattern(out)) {
    if (failed()) return false;
    out->resize(1);
    mark_ = m;
  }
  return true;
}

// maybe_sequence_pattern: ','.maybe_star_pattern+ ','?
bool Parser::MaybeSequencePattern(std::vector<ast::PatternNode*>* out) {
  return CommaList(out, /*trailing_comma=*/true, [this] { return MaybeStarPattern(); });
}

// maybe_star_pattern: star_pattern | pattern
ast::PatternNode* Parser::MaybeStarPattern() {
  if (ast::PatternNode* p = StarPattern()) return p;
  RETURN_IF_ERROR();
  return Pattern();
}

// star_pattern (memo): '*' pattern_capture_target | '*' wildcard_pattern
ast::PatternNode* Parser::StarPattern() {
  int start = mark_;
  if (!Expect(TokenKind::kStar)) return nullptr;
  auto* s = arena_.New<ast::MatchStar>();
  if (ast::ExprNode* target = PatternCaptureTarget()) {
    s->name = target->As<ast::Name>()->id;
  } else if (!ExpectSoftKeyword("_")) {
    mark_ = start;
    return nullptr;
  }
  s->loc = LocFrom(start);
  return s;
}

// mapping_pattern:
//     | '{' '}'
//     | '{' double_star_pattern ','? '}'
//     | '{' items_pattern ',' double_star_pattern ','? '}'
//     | '{' items_pattern ','? '}'
ast::PatternNode* Parser::MappingPattern() {
  int start = mark_;
  if (!Expect(TokenKind::kLbrace)) return nullptr;
  auto* m = arena_.New<ast::MatchMapping>();
  if (Expect(TokenKind::kRbrace)) {
    m->loc = LocFrom(start);
    return m;
  }
  int after_brace = mark_;
  if (ast::ExprNode* rest = DoubleStarPattern()) {
    Expect(TokenKind::kComma);
    if (Expect(TokenKind::kRbrace)) {
      m->rest = rest->As<ast::Name>()->id;
      m->loc = LocFrom(start);
      return m;
    }
  }
  RETURN_IF_ERROR();
  mark_ = after_brace;
  std::vector<ast::ExprNode*> keys;
  std::vector<ast::PatternNode*> patterns;
  if (ItemsPattern(&keys, &patterns)) {
    int after_items = mark_;
    if (Expect(TokenKind::kComma)) {
      if (ast::ExprNode* rest = DoubleStarPattern()) {
        Expect(TokenKind::kComma);
        if (Expect(TokenKind::kRbrace)) {
          m->keys = Seq(keys);
          m->patterns = Seq(patterns);
          m->rest = rest->As<ast::Name>()->id;
          m->loc = LocFrom(start);
          return m;
        }
      }
      RETURN_IF_ERROR();
    }
    mark_ = after_items;
    Expect(TokenKind::kComma);
    if (Expect(TokenKind::kRbrace)) {
      m->keys = Seq(keys);
      m->patterns = Seq(patterns);
      m->loc = LocFrom(start);
      return m;
    }
  }
  RETURN_IF_ERROR();
  mark_ = start;
  return nullptr;
}

// items_pattern: ','.key_value_pattern+
// key_value_pattern: (literal_expr | attr) ':' pattern
bool Parser::ItemsPattern(std::vector<ast::ExprNode*>* keys,
                          std::vector<ast::PatternNode*>* pats) {
  auto item = [&]() -> bool {
    int m = mark_;
    ast::ExprNode* key = LiteralExpr();
    if (failed()) return false;
    if (key == nullptr) {
      mark_ = m;
      key = Attr();
      if (failed()) return false;
    }
    if (key != nullptr && Expect(TokenKind::kColon)) {
      ast::PatternNode* p = Pattern();
      if (failed()) return false;
      if (p != nullptr) {
        keys->push_back(key);
        pats->push_back(p);
        return true;
      }
    }
    mark_ = m;
    return false;
  };
  if (!item()) return false;
  while (true) {
    int m = mark_;
    if (!Expect(TokenKind::kComma)) break;
    if (!item()) {
      if (failed()) return false;
      mark_ = m;
      break;
    }
  }
  return true;
}

// double_star_pattern: '**' pattern_capture_target
ast::ExprNode* Parser::DoubleStarPattern() {
  int start = mark_;
  if (!Expect(TokenKind::kDoubleStar)) return nullptr;
  ast::ExprNode* target = PatternCaptureTarget();
  if (target == nullptr) mark_ = start;
  return target;
}

// class_pattern:
//     | name_or_attr '(' ')'
//     | name_or_attr '(' positional_patterns ','? ')'
//     | name_or_attr '(' keyword_patterns ','? ')'
//     | name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')'
//     | invalid_class_pattern
ast::PatternNode* Parser::ClassPattern() {
  int start = mark_;
  ast::ExprNode* cls = NameOrAttr();
  if (cls != nullptr && Expect(TokenKind::kLpar)) {
    int after_paren = mark_;
    auto finish = [&](std::vector<ast::PatternNode*>& pos, std::vector<ast::Identifier>& names,
                      std::vector<ast::PatternNode*>& kw) -> ast::PatternNode* {
      auto* c = arena_.New<ast::MatchClass>();
      c->cls = cls;
      c->patterns = Seq(pos);
      c->kwd_attrs = Seq(names);
      c->kwd_patterns = Seq(kw);
      c->loc = LocFrom(start);
      return c;
    };
    std::vector<ast::PatternNode*> pos, kw;
    std::vector<ast::Identifier> names;
    if (Expect(TokenKind::kRpar)) return finish(pos, names, kw);
    if (PositionalPatterns(&pos)) {
      int after_pos = mark_;
      Expect(TokenKind::kComma);
      if (Expect(TokenKind::kRpar)) return finish(pos, names, kw);
      mark_ = after_pos;
    }
    RETURN_IF_ERROR();
    mark_ = after_paren;
    std::vector<ast::PatternNode*> none;
    if (KeywordPatterns(&names, &kw)) {
      Expect(TokenKind::kComma);
      if (Expect(TokenKind::kRpar)) return finish(none, names, kw);
    }
    RETURN_IF_ERROR();
    mark_ = after_paren;
    pos.clear();
    names.clear();
    kw.clear();
    if (PositionalPatterns(&pos) && Expect(TokenKind::kComma) && KeywordPatterns(&names, &kw)) {
      Expect(TokenKind::kComma);
      if (Expect(TokenKind::kRpar)) return finish(pos, names, kw);
    }
    RETURN_IF_ERROR();
  }
  RETURN_IF_ERROR();
  mark_ = start;
  TRY_INVALID(InvalidClassPattern);
  return nullptr;
}

// positional_patterns: ','.pattern+
bool Parser::PositionalPatterns(std::vector<ast::PatternNode*>* out) {
  return CommaList(out, /*trailing_comma=*/false, [this] { return Pattern(); });
}

// keyword_patterns: ','.keyword_pattern+
// keyword_pattern: NAME '=' pattern
bool Parser::KeywordPatterns(std::vector<ast::Identifier>* names,
                             std::vector<ast::PatternNode*>* pats) {
  auto item = [&]() -> bool {
    int m = mark_;
    const Token* name = Expect(TokenKind::kName);
    if (name != nullptr && Expect(TokenKind::kEqual)) {
      ast::PatternNode* p = Pattern();
      if (failed()) return false;
      if (p != nullptr) {
        names->push_back(NewIdentifier(*name));
        pats->push_back(p);
        return true;
      }
    }
    mark_ = m;
    return false;
  };
  if (!item()) return false;
  while (true) {
    int m = mark_;
    if (!Expect(TokenKind::kComma)) break;
    if (!item()) {
      if (failed()) return false;
      mark_ = m;
      break;
    }
  }
  return true;
}

}  // namespace pyrite::parser
