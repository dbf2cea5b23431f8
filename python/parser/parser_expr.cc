// Expression rules of the Python 3.11 grammar: from `expressions` down to `atom`, with
// comprehensions, displays, call arguments and lambdas. Left-recursive rules (bitwise_or, sum,
// term, primary, ...) are loops that grow the left operand, as CPython's seed-growing does.
#include <vector>

#include "python/parser/parser_internal.h"

namespace pyrite::parser {

// expressions: expression (',' expression)+ [','] | expression ',' | expression
ast::ExprNode* Parser::Expressions() { return TupleOf<&Parser::Expression>(); }

// The shape of expressions and star_expressions: item, or item ',' [item (',' item)* [',']] as
// a Load tuple.
template <ast::ExprNode* (Parser::*Item)()>
ast::ExprNode* Parser::TupleOf() {
  int start = mark_;
  ast::ExprNode* a = (this->*Item)();
  if (a == nullptr) return nullptr;
  if (!Check(TokenKind::kComma)) return a;
  std::vector<ast::ExprNode*> elts{a};
  while (Expect(TokenKind::kComma)) {
    ast::ExprNode* b = (this->*Item)();
    RETURN_IF_ERROR();
    if (b == nullptr) break;
    elts.push_back(b);
  }
  auto* t = arena_.New<ast::Tuple>();
  t->elts = Seq(elts);
  t->ctx = ast::ExprContext::Load;
  t->loc = LocFrom(start);
  return t;
}

// expression (memo):
//     | invalid_expression | invalid_legacy_expression
//     | disjunction 'if' disjunction 'else' expression | disjunction | lambdef
ast::ExprNode* Parser::Expression() {
  return Memoized<ast::ExprNode>(this, MemoRule::kExpression,
                                 [this] { return ExpressionUncached(); });
}

ast::ExprNode* Parser::ExpressionUncached() {
  DepthGuard guard(this);
  if (TooDeep()) return nullptr;
  int start = mark_;
  TRY_INVALID(InvalidExpression);
  TRY_INVALID(InvalidLegacyExpression);
  ast::ExprNode* a = Disjunction();
  RETURN_IF_ERROR();
  if (a != nullptr) {
    int after = mark_;
    if (Expect(TokenKind::kIf)) {
      ast::ExprNode* b = Disjunction();
      RETURN_IF_ERROR();
      if (b != nullptr && Expect(TokenKind::kElse)) {
        ast::ExprNode* c = Expression();
        RETURN_IF_ERROR();
        if (c != nullptr) {
          auto* e = arena_.New<ast::IfExp>();
          e->test = b;
          e->body = a;
          e->orelse = c;
          e->loc = LocFrom(start);
          return e;
        }
      }
    }
    mark_ = after;
    return a;
  }
  mark_ = start;
  if (Check(TokenKind::kLambda)) return Lambdef();
  return nullptr;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
ast::ExprNode* Parser::YieldExpr() {
  int start = mark_;
  if (!Expect(TokenKind::kYield)) return nullptr;
  if (Expect(TokenKind::kFrom)) {
    ast::ExprNode* a = Expression();
    RETURN_IF_ERROR();
    if (a != nullptr) {
      auto* y = arena_.New<ast::YieldFrom>();
      y->value = a;
      y->loc = LocFrom(start);
      return y;
    }
    mark_ = start + 1;
  }
  ast::ExprNode* a = StarExpressions();
  RETURN_IF_ERROR();
  auto* y = arena_.New<ast::Yield>();
  y->value = a;
  y->loc = LocFrom(start);
  return y;
}

// star_expressions:
//     | star_expression (',' star_expression)+ [','] | star_expression ',' | star_expression
ast::ExprNode* Parser::StarExpressions() { return TupleOf<&Parser::StarExpression>(); }

// star_expression (memo): '*' bitwise_or | expression
ast::ExprNode* Parser::StarExpression() {
  return Memoized<ast::ExprNode>(this, MemoRule::kStarExpression, [this]() -> ast::ExprNode* {
    int start = mark_;
    if (Expect(TokenKind::kStar)) {
      ast::ExprNode* a = BitwiseOr();
      RETURN_IF_ERROR();
      if (a != nullptr) {
        auto* s = arena_.New<ast::Starred>();
        s->value = a;
        s->ctx = ast::ExprContext::Load;
        s->loc = LocFrom(start);
        return s;
      }
      mark_ = start;
    }
    return Expression();
  });
}

// star_named_expressions: ','.star_named_expression+ [',']
bool Parser::StarNamedExpressions(std::vector<ast::ExprNode*>* out) {
  return CommaList(out, /*trailing_comma=*/true, [this] { return StarNamedExpression(); });
}

// star_named_expression: '*' bitwise_or | named_expression
ast::ExprNode* Parser::StarNamedExpression() {
  int start = mark_;
  if (Expect(TokenKind::kStar)) {
    ast::ExprNode* a = BitwiseOr();
    RETURN_IF_ERROR();
    if (a != nullptr) {
      auto* s = arena_.New<ast::Starred>();
      s->value = a;
      s->ctx = ast::ExprContext::Load;
      s->loc = LocFrom(start);
      return s;
    }
    mark_ = start;
  }
  return NamedExpression();
}

// assignment_expression: NAME ':=' ~ expression
ast::ExprNode* Parser::AssignmentExpression() {
  int start = mark_;
  const Token* name = Expect(TokenKind::kName);
  if (name == nullptr) return nullptr;
  if (!Expect(TokenKind::kColonEqual)) {
    mark_ = start;
    return nullptr;
  }
  ast::ExprNode* b = Expression();
  RETURN_IF_ERROR();
  if (b == nullptr) {
    mark_ = start;
    return nullptr;
  }
  auto* n = arena_.New<ast::NamedExpr>();
  n->target = NameFromToken(*name, ast::ExprContext::Store);
  n->value = b;
  n->loc = LocFrom(start);
  return n;
}

// named_expression: assignment_expression | invalid_named_expression | expression !':='
ast::ExprNode* Parser::NamedExpression() {
  return Memoized<ast::ExprNode>(this, MemoRule::kNamedExpression,
                                 [this] { return NamedExpressionUncached(); });
}

ast::ExprNode* Parser::NamedExpressionUncached() {
  int start = mark_;
  if (ast::ExprNode* a = AssignmentExpression()) return a;
  RETURN_IF_ERROR();
  TRY_INVALID(InvalidNamedExpression);
  ast::ExprNode* e = Expression();
  RETURN_IF_ERROR();
  if (e != nullptr && !Check(TokenKind::kColonEqual)) return e;
  RETURN_IF_ERROR();
  mark_ = start;
  return nullptr;
}

// The shape of disjunction and conjunction: operand (keyword operand)+ | operand
ast::ExprNode* Parser::BoolOpChain(TokenKind keyword, ast::BoolOpKind op,
                                   ast::ExprNode* (Parser::*operand)()) {
  int start = mark_;
  ast::ExprNode* a = (this->*operand)();
  if (a == nullptr) return nullptr;
  std::vector<ast::ExprNode*> values{a};
  while (true) {
    int m = mark_;
    if (!Expect(keyword)) break;
    ast::ExprNode* b = (this->*operand)();
    RETURN_IF_ERROR();
    if (b == nullptr) {
      mark_ = m;
      break;
    }
    values.push_back(b);
  }
  if (values.size() == 1) return a;
  auto* node = arena_.New<ast::BoolOp>();
  node->op = op;
  node->values = Seq(values);
  node->loc = LocFrom(start);
  return node;
}

// disjunction (memo): conjunction ('or' conjunction)+ | conjunction
ast::ExprNode* Parser::Disjunction() {
  return Memoized<ast::ExprNode>(this, MemoRule::kDisjunction, [this] {
    return BoolOpChain(TokenKind::kOr, ast::BoolOpKind::Or, &Parser::Conjunction);
  });
}

// conjunction (memo): inversion ('and' inversion)+ | inversion
ast::ExprNode* Parser::Conjunction() {
  return Memoized<ast::ExprNode>(this, MemoRule::kConjunction, [this] {
    return BoolOpChain(TokenKind::kAnd, ast::BoolOpKind::And, &Parser::Inversion);
  });
}

// inversion (memo): 'not' inversion | comparison
ast::ExprNode* Parser::Inversion() {
  return Memoized<ast::ExprNode>(this, MemoRule::kInversion, [this]() -> ast::ExprNode* {
    int start = mark_;
    if (Expect(TokenKind::kNot)) {
      DepthGuard guard(this);
      if (TooDeep()) return nullptr;
      ast::ExprNode* a = Inversion();
      RETURN_IF_ERROR();
      if (a != nullptr) {
        auto* u = arena_.New<ast::UnaryOp>();
        u->op = ast::UnaryOpKind::Not;
        u->operand = a;
        u->loc = LocFrom(start);
        return u;
      }
      mark_ = start;
    }
    return Comparison();
  });
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
ast::ExprNode* Parser::Comparison() {
  int start = mark_;
  ast::ExprNode* a = BitwiseOr();
  if (a == nullptr) return nullptr;
  std::vector<ast::CmpOpKind> ops;
  std::vector<ast::ExprNode*> comparators;
  while (true) {
    int m = mark_;
    ast::CmpOpKind op;
    switch (PeekKind()) {
      case TokenKind::kEqEqual:
        op = ast::CmpOpKind::Eq;
        break;
      case TokenKind::kNotEqual:
        // "<>" is only valid under `from __future__ import barry_as_FLUFL`.
        if (tokens_[mark_].text != "!=") goto done;
        op = ast::CmpOpKind::NotEq;
        break;
      case TokenKind::kLessEqual:
        op = ast::CmpOpKind::LtE;
        break;
      case TokenKind::kLess:
        op = ast::CmpOpKind::Lt;
        break;
      case TokenKind::kGreaterEqual:
        op = ast::CmpOpKind::GtE;
        break;
      case TokenKind::kGreater:
        op = ast::CmpOpKind::Gt;
        break;
      case TokenKind::kIn:
        op = ast::CmpOpKind::In;
        break;
      case TokenKind::kNot: {
        const Token* next = PeekAt(mark_ + 1);
        RETURN_IF_ERROR();
        if (next == nullptr || next->kind != TokenKind::kIn) goto done;
        ++mark_;
        op = ast::CmpOpKind::NotIn;
        break;
      }
      case TokenKind::kIs: {
        const Token* next = PeekAt(mark_ + 1);
        RETURN_IF_ERROR();
        if (next != nullptr && next->kind == TokenKind::kNot) {
          ++mark_;
          op = ast::CmpOpKind::IsNot;
        } else {
          op = ast::CmpOpKind::Is;
        }
        break;
      }
      default:
        goto done;
    }
    ++mark_;
    {
      ast::ExprNode* b = BitwiseOr();
      RETURN_IF_ERROR();
      if (b == nullptr) {
        mark_ = m;
        goto done;
      }
      ops.push_back(op);
      comparators.push_back(b);
    }
  }
done:
  RETURN_IF_ERROR();
  if (ops.empty()) return a;
  auto* c = arena_.New<ast::Compare>();
  c->left = a;
  c->ops = Seq(ops);
  c->comparators = Seq(comparators);
  c->loc = LocFrom(start);
  return c;
}

// The binary-operator levels share one left-recursive shape: level op next | next, grown as a
// loop. `ops` lists the level's operator tokens; `Next` is a template argument so that the
// operand rule is called directly (this is the hottest path of expression parsing).
template <ast::ExprNode* (Parser::*Next)()>
ast::ExprNode* Parser::BinaryChain(std::span<const BinaryLevel> ops) {
  int start = mark_;
  ast::ExprNode* a = (this->*Next)();
  if (a == nullptr) return nullptr;
  while (true) {
    TokenKind k = PeekKind();
    RETURN_IF_ERROR();
    const BinaryLevel* level = nullptr;
    for (const BinaryLevel& l : ops) {
      if (l.token == k) level = &l;
    }
    if (level == nullptr) break;
    int m = mark_;
    ++mark_;
    ast::ExprNode* b = (this->*Next)();
    RETURN_IF_ERROR();
    if (b == nullptr) {
      mark_ = m;
      break;
    }
    auto* op = arena_.New<ast::BinOp>();
    op->left = a;
    op->op = level->op;
    op->right = b;
    op->loc = LocFrom(start);
    a = op;
  }
  return a;
}

namespace {

constexpr BinaryLevel kBitOrOps[] = {{TokenKind::kVbar, ast::OperatorKind::BitOr}};
constexpr BinaryLevel kBitXorOps[] = {{TokenKind::kCircumflex, ast::OperatorKind::BitXor}};
constexpr BinaryLevel kBitAndOps[] = {{TokenKind::kAmper, ast::OperatorKind::BitAnd}};
constexpr BinaryLevel kShiftOps[] = {{TokenKind::kLeftShift, ast::OperatorKind::LShift},
                                     {TokenKind::kRightShift, ast::OperatorKind::RShift}};
constexpr BinaryLevel kSumOps[] = {{TokenKind::kPlus, ast::OperatorKind::Add},
                                   {TokenKind::kMinus, ast::OperatorKind::Sub}};
constexpr BinaryLevel kTermOps[] = {{TokenKind::kStar, ast::OperatorKind::Mult},
                                    {TokenKind::kSlash, ast::OperatorKind::Div},
                                    {TokenKind::kDoubleSlash, ast::OperatorKind::FloorDiv},
                                    {TokenKind::kPercent, ast::OperatorKind::Mod},
                                    {TokenKind::kAt, ast::OperatorKind::MatMult}};

}  // namespace

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor   (memoised: left-recursive in CPython)
ast::ExprNode* Parser::BitwiseOr() {
  return Memoized<ast::ExprNode>(this, MemoRule::kBitwiseOr,
                                 [this] { return BinaryChain<&Parser::BitwiseXor>(kBitOrOps); });
}

// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
ast::ExprNode* Parser::BitwiseXor() { return BinaryChain<&Parser::BitwiseAnd>(kBitXorOps); }

// bitwise_and: bitwise_and '&' shift_expr | shift_expr
ast::ExprNode* Parser::BitwiseAnd() { return BinaryChain<&Parser::ShiftExpr>(kBitAndOps); }

// shift_expr: shift_expr '<<' sum | shift_expr '>>' sum | sum
ast::ExprNode* Parser::ShiftExpr() { return BinaryChain<&Parser::Sum>(kShiftOps); }

// sum: sum '+' term | sum '-' term | term
ast::ExprNode* Parser::Sum() { return BinaryChain<&Parser::Term>(kSumOps); }

// term: term ('*' | '/' | '//' | '%' | '@') factor | factor
ast::ExprNode* Parser::Term() { return BinaryChain<&Parser::Factor>(kTermOps); }

// factor (memo): '+' factor | '-' factor | '~' factor | power
ast::ExprNode* Parser::Factor() {
  return Memoized<ast::ExprNode>(this, MemoRule::kFactor, [this]() -> ast::ExprNode* {
    DepthGuard guard(this);
    if (TooDeep()) return nullptr;
    int start = mark_;
    ast::UnaryOpKind op;
    switch (PeekKind()) {
      case TokenKind::kPlus:
        op = ast::UnaryOpKind::UAdd;
        break;
      case TokenKind::kMinus:
        op = ast::UnaryOpKind::USub;
        break;
      case TokenKind::kTilde:
        op = ast::UnaryOpKind::Invert;
        break;
      default:
        RETURN_IF_ERROR();
        return Power();
    }
    ++mark_;
    ast::ExprNode* a = Factor();
    RETURN_IF_ERROR();
    if (a == nullptr) {
      mark_ = start;
      return nullptr;
    }
    auto* u = arena_.New<ast::UnaryOp>();
    u->op = op;
    u->operand = a;
    u->loc = LocFrom(start);
    return u;
  });
}

// power: await_primary '**' factor | await_primary
ast::ExprNode* Parser::Power() {
  int start = mark_;
  ast::ExprNode* a = AwaitPrimary();
  if (a == nullptr) return nullptr;
  int m = mark_;
  if (Expect(TokenKind::kDoubleStar)) {
    ast::ExprNode* b = Factor();
    RETURN_IF_ERROR();
    if (b != nullptr) {
      auto* op = arena_.New<ast::BinOp>();
      op->left = a;
      op->op = ast::OperatorKind::Pow;
      op->right = b;
      op->loc = LocFrom(start);
      return op;
    }
    mark_ = m;
  }
  RETURN_IF_ERROR();
  return a;
}

// await_primary (memo): AWAIT primary | primary
ast::ExprNode* Parser::AwaitPrimary() {
  return Memoized<ast::ExprNode>(this, MemoRule::kAwaitPrimary, [this]() -> ast::ExprNode* {
    int start = mark_;
    if (Expect(TokenKind::kAwait)) {
      ast::ExprNode* a = Primary();
      RETURN_IF_ERROR();
      if (a != nullptr) {
        auto* w = arena_.New<ast::Await>();
        w->value = a;
        w->loc = LocFrom(start);
        return w;
      }
      mark_ = start;
      return nullptr;
    }
    return Primary();
  });
}

ast::Call* Parser::MakeCall(ast::ExprNode* func, CallArgs* args, int start) {
  auto* call = arena_.New<ast::Call>();
  call->func = func;
  if (args != nullptr) {
    call->args = Seq(args->args);
    call->keywords = Seq(args->keywords);
  }
  call->loc = LocFrom(start);
  return call;
}

// primary:
//     | primary '.' NAME | primary genexp | primary '(' [arguments] ')'
//     | primary '[' slices ']' | atom
ast::ExprNode* Parser::Primary() {
  return Memoized<ast::ExprNode>(this, MemoRule::kPrimary, [this] { return PrimaryUncached(); });
}

ast::ExprNode* Parser::PrimaryUncached() {
  DepthGuard guard(this);
  if (TooDeep()) return nullptr;
  int start = mark_;
  ast::ExprNode* a = Atom();
  if (a == nullptr) return nullptr;
  while (true) {
    int m = mark_;
    TokenKind k = PeekKind();
    RETURN_IF_ERROR();
    if (k == TokenKind::kDot) {
      ++mark_;
      const Token* name = Expect(TokenKind::kName);
      RETURN_IF_ERROR();
      if (name == nullptr) {
        mark_ = m;
        break;
      }
      auto* attr = arena_.New<ast::Attribute>();
      attr->value = a;
      attr->attr = NewIdentifier(*name);
      attr->ctx = ast::ExprContext::Load;
      attr->loc = LocFrom(start);
      a = attr;
    } else if (k == TokenKind::kLpar) {
      if (ast::ExprNode* g = Genexp()) {
        CallArgs args;
        args.args.push_back(g);
        a = MakeCall(a, &args, start);
        continue;
      }
      RETURN_IF_ERROR();
      mark_ = m + 1;
      CallArgs args;
      bool have_args = Arguments(&args);
      RETURN_IF_ERROR();
      if (!Expect(TokenKind::kRpar)) {
        RETURN_IF_ERROR();
        mark_ = m;
        break;
      }
      a = MakeCall(a, have_args ? &args : nullptr, start);
    } else if (k == TokenKind::kLsqb) {
      ++mark_;
      ast::ExprNode* b = Slices();
      RETURN_IF_ERROR();
      if (b == nullptr || !Expect(TokenKind::kRsqb)) {
        RETURN_IF_ERROR();
        mark_ = m;
        break;
      }
      auto* sub = arena_.New<ast::Subscript>();
      sub->value = a;
      sub->slice = b;
      sub->ctx = ast::ExprContext::Load;
      sub->loc = LocFrom(start);
      a = sub;
    } else {
      break;
    }
  }
  return a;
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
ast::ExprNode* Parser::Slices() {
  int start = mark_;
  ast::ExprNode* a = Slice();
  RETURN_IF_ERROR();
  if (a != nullptr && !Check(TokenKind::kComma)) return a;
  RETURN_IF_ERROR();
  mark_ = start;
  auto element = [this]() -> ast::ExprNode* {
    ast::ExprNode* e = Slice();
    if (e == nullptr && !failed()) e = StarredExpression();
    return e;
  };
  std::vector<ast::ExprNode*> elts;
  ast::ExprNode* first = element();
  if (first == nullptr) {
    mark_ = start;
    return nullptr;
  }
  elts.push_back(first);
  while (true) {
    int m = mark_;
    if (!Expect(TokenKind::kComma)) break;
    ast::ExprNode* e = element();
    RETURN_IF_ERROR();
    if (e == nullptr) {
      mark_ = m;
      Expect(TokenKind::kComma);
      break;
    }
    elts.push_back(e);
  }
  auto* t = arena_.New<ast::Tuple>();
  t->elts = Seq(elts);
  t->ctx = ast::ExprContext::Load;
  t->loc = LocFrom(start);
  return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
ast::ExprNode* Parser::Slice() {
  int start = mark_;
  ast::ExprNode* lower = Expression();
  RETURN_IF_ERROR();
  if (Expect(TokenKind::kColon)) {
    ast::ExprNode* upper = Expression();
    RETURN_IF_ERROR();
    ast::ExprNode* step = nullptr;
    if (Expect(TokenKind::kColon)) {
      step = Expression();
      RETURN_IF_ERROR();
    }
    auto* s = arena_.New<ast::Slice>();
    s->lower = lower;
    s->upper = upper;
    s->step = step;
    s->loc = LocFrom(start);
    return s;
  }
  RETURN_IF_ERROR();
  mark_ = start;
  return NamedExpression();
}

// atom:
//     | NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
//     | &'(' (tuple | group | genexp) | &'[' (list | listcomp)
//     | &'{' (dict | set | dictcomp | setcomp) | '...'
ast::ExprNode* Parser::Atom() {
  const Token* t = Peek();
  if (t == nullptr) return nullptr;
  ast::ConstantValue v;
  switch (t->kind) {
    case TokenKind::kName:
      ++mark_;
      return NameFromToken(*t);
    case TokenKind::kTrue:
      v.kind = ast::ConstantValue::Kind::kTrue;
      break;
    case TokenKind::kFalse:
      v.kind = ast::ConstantValue::Kind::kFalse;
      break;
    case TokenKind::kNone:
      v.kind = ast::ConstantValue::Kind::kNone;
      break;
    case TokenKind::kEllipsis:
      v.kind = ast::ConstantValue::Kind::kEllipsis;
      break;
    case TokenKind::kString:
      return Strings();
    case TokenKind::kNumber:
      ++mark_;
      return NumberFromToken(*t);
    case TokenKind::kLpar:
      return TupleGroupOrGenexp();
    case TokenKind::kLsqb:
      return ListOrListComp();
    case TokenKind::kLbrace:
      return DictOrSet();
    default:
      return nullptr;
  }
  ++mark_;
  return NewConstant(v, TokenLoc(*t));
}

ast::ExprNode* Parser::TupleGroupOrGenexp() {
  DepthGuard guard(this);
  if (TooDeep()) return nullptr;
  if (ast::ExprNode* e = Tuple()) return e;
  RETURN_IF_ERROR();
  if (ast::ExprNode* e = Group()) return e;
  RETURN_IF_ERROR();
  return Genexp();
}

ast::ExprNode* Parser::ListOrListComp() {
  DepthGuard guard(this);
  if (TooDeep()) return nullptr;
  if (ast::ExprNode* e = List()) return e;
  RETURN_IF_ERROR();
  return ListComp();
}

ast::ExprNode* Parser::DictOrSet() {
  DepthGuard guard(this);
  if (TooDeep()) return nullptr;
  if (ast::ExprNode* e = Dict()) return e;
  RETURN_IF_ERROR();
  if (ast::ExprNode* e = Set()) return e;
  RETURN_IF_ERROR();
  if (ast::ExprNode* e = DictComp()) return e;
  RETURN_IF_ERROR();
  return SetComp();
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
ast::ExprNode* Parser::Tuple() {
  int start = mark_;
  if (!Expect(TokenKind::kLpar)) return nullptr;
  std::vector<ast::ExprNode*> elts;
  int m = mark_;
  if (ast::ExprNode* first = StarNamedExpression()) {
    if (Expect(TokenKind::kComma)) {
      elts.push_back(first);
      int rest = mark_;
      if (!StarNamedExpressions(&elts)) {
        RETURN_IF_ERROR();
        mark_ = rest;
      }
    } else {
      mark_ = m;
    }
  }
  RETURN_IF_ERROR();
  if (elts.empty()) mark_ = m;
  if (!Expect(TokenKind::kRpar)) {
    mark_ = start;
    return nullptr;
  }
  auto* t = arena_.New<ast::Tuple>();
  t->elts = Seq(elts);
  t->ctx = ast::ExprContext::Load;
  t->loc = LocFrom(start);
  return t;
}

// group: '(' (yield_expr | named_expression) ')' | invalid_group
ast::ExprNode* Parser::Group() {
  int start = mark_;
  if (Expect(TokenKind::kLpar)) {
    ast::ExprNode* a = YieldExpr();
    RETURN_IF_ERROR();
    if (a == nullptr) a = NamedExpression();
    RETURN_IF_ERROR();
    if (a != nullptr && Expect(TokenKind::kRpar)) return a;
    RETURN_IF_ERROR();
    mark_ = start;
  }
  TRY_INVALID(InvalidGroup);
  return nullptr;
}

// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' | invalid_comprehension
ast::ExprNode* Parser::Genexp() {
  int start = mark_;
  if (Expect(TokenKind::kLpar)) {
    ast::ExprNode* a = AssignmentExpression();
    RETURN_IF_ERROR();
    if (a == nullptr) {
      a = Expression();
      RETURN_IF_ERROR();
      if (a != nullptr && Check(TokenKind::kColonEqual)) a = nullptr;
      RETURN_IF_ERROR();
    }
    if (a != nullptr) {
      std::vector<ast::Comprehension*> gens;
      if (ForIfClauses(&gens) && Expect(TokenKind::kRpar)) {
        auto* g = arena_.New<ast::GeneratorExp>();
        g->elt = a;
        g->generators = Seq(gens);
        g->loc = LocFrom(start);
        return g;
      }
      RETURN_IF_ERROR();
    }
    mark_ = start;
  }
  TRY_INVALID(InvalidComprehension);
  return nullptr;
}

// list: '[' [star_named_expressions] ']'
ast::ExprNode* Parser::List() {
  int start = mark_;
  if (!Expect(TokenKind::kLsqb)) return nullptr;
  std::vector<ast::ExprNode*> elts;
  int m = mark_;
  if (!StarNamedExpressions(&elts)) {
    RETURN_IF_ERROR();
    mark_ = m;
  }
  if (!Expect(TokenKind::kRsqb)) {
    mark_ = start;
    return nullptr;
  }
  auto* l = arena_.New<ast::List>();
  l->elts = Seq(elts);
  l->ctx = ast::ExprContext::Load;
  l->loc = LocFrom(start);
  return l;
}

// listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension
// setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension
template <typename Node>
ast::ExprNode* Parser::ElementComprehension(TokenKind open, TokenKind close) {
  int start = mark_;
  if (Expect(open)) {
    ast::ExprNode* a = NamedExpression();
    RETURN_IF_ERROR();
    std::vector<ast::Comprehension*> gens;
    if (a != nullptr && ForIfClauses(&gens) && Expect(close)) {
      auto* c = arena_.New<Node>();
      c->elt = a;
      c->generators = Seq(gens);
      c->loc = LocFrom(start);
      return c;
    }
    RETURN_IF_ERROR();
    mark_ = start;
  }
  TRY_INVALID(InvalidComprehension);
  return nullptr;
}

ast::ExprNode* Parser::ListComp() {
  return ElementComprehension<ast::ListComp>(TokenKind::kLsqb, TokenKind::kRsqb);
}

// set: '{' star_named_expressions '}'
ast::ExprNode* Parser::Set() {
  int start = mark_;
  if (!Expect(TokenKind::kLbrace)) return nullptr;
  std::vector<ast::ExprNode*> elts;
  if (!StarNamedExpressions(&elts) || !Expect(TokenKind::kRbrace)) {
    RETURN_IF_ERROR();
    mark_ = start;
    return nullptr;
  }
  auto* s = arena_.New<ast::Set>();
  s->elts = Seq(elts);
  s->loc = LocFrom(start);
  return s;
}

ast::ExprNode* Parser::SetComp() {
  return ElementComprehension<ast::SetComp>(TokenKind::kLbrace, TokenKind::kRbrace);
}

// dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'
ast::ExprNode* Parser::Dict() {
  int start = mark_;
  if (!Expect(TokenKind::kLbrace)) return nullptr;
  std::vector<ast::ExprNode*> keys, values;
  int m = mark_;
  if (!DoubleStarredKvpairs(&keys, &values)) {
    RETURN_IF_ERROR();
    mark_ = m;
  }
  if (Expect(TokenKind::kRbrace)) {
    auto* d = arena_.New<ast::Dict>();
    d->keys = Seq(keys);
    d->values = Seq(values);
    d->loc = LocFrom(start);
    return d;
  }
  RETURN_IF_ERROR();
  mark_ = start + 1;
  if (invalid_rules_) {
    InvalidDoubleStarredKvpairs();
    RETURN_IF_ERROR();
  }
  mark_ = start;
  return nullptr;
}

// dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension
ast::ExprNode* Parser::DictComp() {
  int start = mark_;
  if (Expect(TokenKind::kLbrace)) {
    ast::ExprNode* key = nullptr;
    ast::ExprNode* value = nullptr;
    std::vector<ast::Comprehension*> gens;
    if (Kvpair(&key, &value) && ForIfClauses(&gens) && Expect(TokenKind::kRbrace)) {
      auto* d = arena_.New<ast::DictComp>();
      d->key = key;
      d->value = value;
      d->generators = Seq(gens);
      d->loc = LocFrom(start);
      return d;
    }
    RETURN_IF_ERROR();
    mark_ = start;
  }
  TRY_INVALID(InvalidDictComprehension);
  return nullptr;
}

// double_starred_kvpairs: ','.double_starred_kvpair+ [',']
// double_starred_kvpair: '**' bitwise_or | kvpair
bool Parser::DoubleStarredKvpairs(std::vector<ast::ExprNode*>* keys,
                                  std::vector<ast::ExprNode*>* values) {
  auto one = [&]() -> bool {
    int m = mark_;
    if (Expect(TokenKind::kDoubleStar)) {
      ast::ExprNode* a = BitwiseOr();
      if (failed()) return false;
      if (a != nullptr) {
        keys->push_back(nullptr);
        values->push_back(a);
        return true;
      }
      mark_ = m;
    }
    ast::ExprNode* k = nullptr;
    ast::ExprNode* v = nullptr;
    if (Kvpair(&k, &v)) {
      keys->push_back(k);
      values->push_back(v);
      return true;
    }
    mark_ = m;
    return false;
  };
  if (!one()) return false;
  while (true) {
    int m = mark_;
    if (!Expect(TokenKind::kComma)) break;
    if (!one()) {
      if (failed()) return false;
      mark_ = m;
      Expect(TokenKind::kComma);
      break;
    }
  }
  return !failed();
}

// kvpair: expression ':' expression
bool Parser::Kvpair(ast::ExprNode** key, ast::ExprNode** value) {
  int start = mark_;
  ast::ExprNode* a = Expression();
  if (a != nullptr && Expect(TokenKind::kColon)) {
    ast::ExprNode* b = Expression();
    if (b != nullptr) {
      *key = a;
      *value = b;
      return true;
    }
  }
  mark_ = start;
  return false;
}

// for_if_clauses: for_if_clause+
bool Parser::ForIfClauses(std::vector<ast::Comprehension*>* out) {
  while (ast::Comprehension* c = ForIfClause()) out->push_back(c);
  return !failed() && !out->empty();
}

// for_if_clause:
//     | ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
//     | 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
//     | invalid_for_target
ast::Comprehension* Parser::ForIfClause() {
  int start = mark_;
  bool is_async = false;
  if (Expect(TokenKind::kAsync)) is_async = true;
  if (Expect(TokenKind::kFor)) {
    ast::ExprNode* target = StarTargets();
    RETURN_IF_ERROR();
    if (target != nullptr && Expect(TokenKind::kIn)) {
      // Cut: past 'in', no other alternative is tried.
      ast::ExprNode* iter = Disjunction();
      RETURN_IF_ERROR();
      if (iter == nullptr) {
        mark_ = start;
        return nullptr;
      }
      std::vector<ast::ExprNode*> ifs;
      while (true) {
        int m = mark_;
        if (!Expect(TokenKind::kIf)) break;
        ast::ExprNode* cond = Disjunction();
        RETURN_IF_ERROR();
        if (cond == nullptr) {
          mark_ = m;
          break;
        }
        ifs.push_back(cond);
      }
      auto* c = arena_.New<ast::Comprehension>();
      c->target = target;
      c->iter = iter;
      c->ifs = Seq(ifs);
      c->is_async = is_async ? 1 : 0;
      return c;
    }
    RETURN_IF_ERROR();
  }
  RETURN_IF_ERROR();
  mark_ = start;
  if (invalid_rules_) {
    InvalidForTarget();
    RETURN_IF_ERROR();
    mark_ = start;
  }
  return nullptr;
}

// arguments (memo): args [','] &')' | invalid_arguments
bool Parser::Arguments(CallArgs* out) {
  int start = mark_;
  if (MemoEntry* e = FindMemo(MemoRule::kArguments, start)) {
    mark_ = e->end;
    if (e->node == nullptr) return false;
    *out = *static_cast<CallArgs*>(e->node);
    return true;
  }
  bool ok = ArgumentsUncached(out);
  if (failed()) return false;
  if (!ok) mark_ = start;
  // CallArgs holds vectors, so the memo keeps a heap copy owned by this parser's lifetime.
  CallArgs* saved = nullptr;
  if (ok) {
    memo_args_.push_back(std::make_unique<CallArgs>(*out));
    saved = memo_args_.back().get();
  }
  StoreMemo(MemoRule::kArguments, start, saved, mark_);
  return ok;
}

bool Parser::ArgumentsUncached(CallArgs* out) {
  int start = mark_;
  if (Args(out)) {
    Expect(TokenKind::kComma);
    if (Check(TokenKind::kRpar)) return true;
  }
  if (failed()) return false;
  mark_ = start;
  *out = CallArgs();
  if (invalid_rules_) {
    InvalidArguments();
    if (failed()) return false;
    mark_ = start;
  }
  return false;
}

// args:
//     | ','.(starred_expression | (assignment_expression | expression !':=') !'=')+
//       [',' kwargs]
//     | kwargs
bool Parser::Args(CallArgs* out) {
  int start = mark_;
  auto positional = [&]() -> ast::ExprNode* {
    int m = mark_;
    if (ast::ExprNode* s = StarredExpression()) return s;
    if (failed()) return nullptr;
    ast::ExprNode* e = AssignmentExpression();
    if (failed()) return nullptr;
    if (e == nullptr) {
      e = Expression();
      if (failed()) return nullptr;
      if (e != nullptr && Check(TokenKind::kColonEqual)) e = nullptr;
    }
    if (e != nullptr && !Check(TokenKind::kEqual)) return e;
    mark_ = m;
    return nullptr;
  };
  std::vector<ast::ExprNode*> args;
  if (ast::ExprNode* first = positional()) {
    args.push_back(first);
    while (true) {
      int m = mark_;
      if (!Expect(TokenKind::kComma)) break;
      ast::ExprNode* next = positional();
      if (failed()) return false;
      if (next == nullptr) {
        mark_ = m;
        break;
      }
      args.push_back(next);
    }
    std::vector<ast::ExprNode*> starred;
    std::vector<ast::Keyword*> keywords;
    std::vector<bool> order;
    int m = mark_;
    if (Expect(TokenKind::kComma)) {
      if (!Kwargs(&starred, &keywords, &order)) {
        if (failed()) return false;
        mark_ = m;
        starred.clear();
        keywords.clear();
      }
    }
    out->args = args;
    out->args.insert(out->args.end(), starred.begin(), starred.end());
    out->keywords = keywords;
    return true;
  }
  if (failed()) return false;
  mark_ = start;
  std::vector<ast::ExprNode*> starred;
  std::vector<ast::Keyword*> keywords;
  std::vector<bool> order;
  if (Kwargs(&starred, &keywords, &order)) {
    out->args = starred;
    out->keywords = keywords;
    return true;
  }
  mark_ = start;
  return false;
}

// kwargs:
//     | ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
//     | ','.kwarg_or_starred+
//     | ','.kwarg_or_double_starred+
// kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
// kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression
bool Parser::Kwargs(std::vector<ast::ExprNode*>* starred, std::vector<ast::Keyword*>* keywords,
                    std::vector<bool>* order) {
  auto item = [&](bool double_starred) -> bool {
    int m = mark_;
    if (invalid_rules_) {
      InvalidKwarg();
      if (failed()) return false;
      mark_ = m;
    }
    if (const Token* name = Expect(TokenKind::kName)) {
      if (Expect(TokenKind::kEqual)) {
        ast::ExprNode* value = Expression();
        if (failed()) return false;
        if (value != nullptr) {
          auto* k = arena_.New<ast::Keyword>();
          k->arg = NewIdentifier(*name);
          k->value = value;
          k->loc = LocFrom(m);
          keywords->push_back(k);
          order->push_back(true);
          return true;
        }
      }
      mark_ = m;
    }
    if (!double_starred) {
      if (ast::ExprNode* s = StarredExpression()) {
        starred->push_back(s);
        order->push_back(false);
        return true;
      }
      if (failed()) return false;
    } else if (Expect(TokenKind::kDoubleStar)) {
      ast::ExprNode* value = Expression();
      if (failed()) return false;
      if (value != nullptr) {
        auto* k = arena_.New<ast::Keyword>();
        k->value = value;
        k->loc = LocFrom(m);
        keywords->push_back(k);
        order->push_back(true);
        return true;
      }
    }
    mark_ = m;
    return false;
  };
  auto list = [&](bool double_starred) -> bool {
    if (!item(double_starred)) return false;
    while (true) {
      int m = mark_;
      if (!Expect(TokenKind::kComma)) break;
      if (!item(double_starred)) {
        if (failed()) return false;
        mark_ = m;
        break;
      }
    }
    return true;
  };
  int start = mark_;
  if (list(false)) {
    int m = mark_;
    if (Expect(TokenKind::kComma) && list(true)) return true;
    if (failed()) return false;
    mark_ = m;
    return true;
  }
  if (failed()) return false;
  mark_ = start;
  starred->clear();
  keywords->clear();
  order->clear();
  if (list(true)) return true;
  mark_ = start;
  return false;
}

// starred_expression: '*' expression
ast::ExprNode* Parser::StarredExpression() {
  int start = mark_;
  if (!Expect(TokenKind::kStar)) return nullptr;
  ast::ExprNode* a = Expression();
  RETURN_IF_ERROR();
  if (a == nullptr) {
    mark_ = start;
    return nullptr;
  }
  auto* s = arena_.New<ast::Starred>();
  s->value = a;
  s->ctx = ast::ExprContext::Load;
  s->loc = LocFrom(start);
  return s;
}

// lambdef: 'lambda' [lambda_params] ':' expression
ast::ExprNode* Parser::Lambdef() {
  int start = mark_;
  if (!Expect(TokenKind::kLambda)) return nullptr;
  ast::Arguments* params = Params(/*lambda=*/true);
  RETURN_IF_ERROR();
  if (Expect(TokenKind::kColon)) {
    ast::ExprNode* body = Expression();
    RETURN_IF_ERROR();
    if (body != nullptr) {
      auto* l = arena_.New<ast::Lambda>();
      l->args = params ? params : EmptyArguments();
      l->body = body;
      l->loc = LocFrom(start);
      return l;
    }
  }
  mark_ = start;
  return nullptr;
}

// strings (memo): STRING+
ast::ExprNode* Parser::Strings() {
  return Memoized<ast::ExprNode>(this, MemoRule::kStrings, [this] { return StringsUncached(); });
}

ast::ExprNode* Parser::StringsUncached() {
  int first = mark_;
  while (Expect(TokenKind::kString)) {
  }
  RETURN_IF_ERROR();
  if (mark_ == first) return nullptr;
  return ConcatenateStrings(first, mark_);
}

}  // namespace pyrite::parser
