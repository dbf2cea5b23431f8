// Assignment and deletion targets of the Python 3.11 grammar: star_targets, single_target,
// t_primary (the left part of a target: `a.b[c](d)` followed by '.', '[' or '(') and del_targets.
#include <vector>

#include "python/parser/parser_internal.h"

namespace pyrite::parser {

// t_lookahead: '(' | '[' | '.'
bool Parser::TLookahead() {
  TokenKind k = PeekKind();
  return k == TokenKind::kLpar || k == TokenKind::kLsqb || k == TokenKind::kDot;
}

// star_targets: star_target !',' | star_target (',' star_target)* [',']
ast::ExprNode* Parser::StarTargets() {
  int start = mark_;
  ast::ExprNode* a = StarTarget();
  if (a == nullptr) return nullptr;
  if (!Check(TokenKind::kComma)) return a;
  RETURN_IF_ERROR();
  std::vector<ast::ExprNode*> elts{a};
  while (true) {
    int m = mark_;
    if (!Expect(TokenKind::kComma)) break;
    ast::ExprNode* b = StarTarget();
    RETURN_IF_ERROR();
    if (b == nullptr) {
      mark_ = m;
      Expect(TokenKind::kComma);
      break;
    }
    elts.push_back(b);
  }
  auto* t = arena_.New<ast::Tuple>();
  t->elts = Seq(elts);
  t->ctx = ast::ExprContext::Store;
  t->loc = LocFrom(start);
  return t;
}

// star_targets_list_seq: ','.star_target+ [',']
bool Parser::StarTargetsListSeq(std::vector<ast::ExprNode*>* out) {
  return CommaList(out, /*trailing_comma=*/true, [this] { return StarTarget(); });
}

// star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','
bool Parser::StarTargetsTupleSeq(std::vector<ast::ExprNode*>* out) {
  int start = mark_;
  std::vector<ast::ExprNode*> items;
  if (!StarTargetsListSeq(&items)) return false;
  // A single target needs its comma to be a tuple.
  if (items.size() == 1 && tokens_[mark_ - 1].kind != TokenKind::kComma) {
    mark_ = start;
    return false;
  }
  *out = std::move(items);
  return true;
}

// star_target (memo): '*' (!'*' star_target) | target_with_star_atom
ast::ExprNode* Parser::StarTarget() {
  return Memoized<ast::ExprNode>(this, MemoRule::kStarTarget, [this]() -> ast::ExprNode* {
    DepthGuard guard(this);
    if (TooDeep()) return nullptr;
    int start = mark_;
    if (Expect(TokenKind::kStar)) {
      if (!Check(TokenKind::kStar)) {
        RETURN_IF_ERROR();
        ast::ExprNode* a = StarTarget();
        RETURN_IF_ERROR();
        if (a != nullptr) {
          auto* s = arena_.New<ast::Starred>();
          s->value = SetContext(a, ast::ExprContext::Store);
          s->ctx = ast::ExprContext::Store;
          s->loc = LocFrom(start);
          return s;
        }
      }
      RETURN_IF_ERROR();
      mark_ = start;
    }
    return TargetWithStarAtom();
  });
}

// target_with_star_atom (memo):
//     | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | star_atom
ast::ExprNode* Parser::TargetWithStarAtom() {
  return Memoized<ast::ExprNode>(this, MemoRule::kTargetWithStarAtom, [this]() -> ast::ExprNode* {
    if (ast::ExprNode* e = SingleSubscriptAttributeTarget()) return e;
    RETURN_IF_ERROR();
    return StarAtom();
  });
}

// star_atom:
//     | NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')'
//     | '[' [star_targets_list_seq] ']'
ast::ExprNode* Parser::StarAtom() {
  int start = mark_;
  if (const Token* name = Expect(TokenKind::kName)) {
    return NameFromToken(*name, ast::ExprContext::Store);
  }
  RETURN_IF_ERROR();
  if (Expect(TokenKind::kLpar)) {
    ast::ExprNode* a = TargetWithStarAtom();
    RETURN_IF_ERROR();
    if (a != nullptr && Expect(TokenKind::kRpar)) return SetContext(a, ast::ExprContext::Store);
    RETURN_IF_ERROR();
    mark_ = start + 1;
    std::vector<ast::ExprNode*> elts;
    if (!StarTargetsTupleSeq(&elts)) {
      RETURN_IF_ERROR();
      mark_ = start + 1;
    }
    if (Expect(TokenKind::kRpar)) {
      auto* t = arena_.New<ast::Tuple>();
      t->elts = Seq(elts);
      t->ctx = ast::ExprContext::Store;
      t->loc = LocFrom(start);
      return t;
    }
    RETURN_IF_ERROR();
    mark_ = start;
    return nullptr;
  }
  if (Expect(TokenKind::kLsqb)) {
    std::vector<ast::ExprNode*> elts;
    if (!StarTargetsListSeq(&elts)) {
      RETURN_IF_ERROR();
      mark_ = start + 1;
    }
    if (Expect(TokenKind::kRsqb)) {
      auto* l = arena_.New<ast::List>();
      l->elts = Seq(elts);
      l->ctx = ast::ExprContext::Store;
      l->loc = LocFrom(start);
      return l;
    }
    RETURN_IF_ERROR();
    mark_ = start;
  }
  return nullptr;
}

// single_target: single_subscript_attribute_target | NAME | '(' single_target ')'
ast::ExprNode* Parser::SingleTarget() {
  int start = mark_;
  if (ast::ExprNode* e = SingleSubscriptAttributeTarget()) return e;
  RETURN_IF_ERROR();
  if (const Token* name = Expect(TokenKind::kName)) {
    return NameFromToken(*name, ast::ExprContext::Store);
  }
  RETURN_IF_ERROR();
  if (Expect(TokenKind::kLpar)) {
    ast::ExprNode* a = SingleTarget();
    RETURN_IF_ERROR();
    if (a != nullptr && Expect(TokenKind::kRpar)) return a;
    RETURN_IF_ERROR();
  }
  mark_ = start;
  return nullptr;
}

// single_subscript_attribute_target:
//     | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead
// (with del_target's first two alternatives, which differ only in the context)
ast::ExprNode* Parser::SingleSubscriptAttributeTarget() {
  int start = mark_;
  ast::ExprNode* a = TPrimary();
  if (a == nullptr) return nullptr;
  int after = mark_;
  if (Expect(TokenKind::kDot)) {
    const Token* name = Expect(TokenKind::kName);
    RETURN_IF_ERROR();
    if (name != nullptr && !TLookahead()) {
      RETURN_IF_ERROR();
      auto* attr = arena_.New<ast::Attribute>();
      attr->value = a;
      attr->attr = NewIdentifier(*name);
      attr->ctx = ast::ExprContext::Store;
      attr->loc = LocFrom(start);
      return attr;
    }
    RETURN_IF_ERROR();
  }
  RETURN_IF_ERROR();
  mark_ = start;
  a = TPrimary();
  mark_ = after;
  if (Expect(TokenKind::kLsqb)) {
    ast::ExprNode* b = Slices();
    RETURN_IF_ERROR();
    if (b != nullptr && Expect(TokenKind::kRsqb) && !TLookahead()) {
      RETURN_IF_ERROR();
      auto* sub = arena_.New<ast::Subscript>();
      sub->value = a;
      sub->slice = b;
      sub->ctx = ast::ExprContext::Store;
      sub->loc = LocFrom(start);
      return sub;
    }
    RETURN_IF_ERROR();
  }
  mark_ = start;
  return nullptr;
}

// t_primary:
//     | t_primary '.' NAME &t_lookahead | t_primary '[' slices ']' &t_lookahead
//     | t_primary genexp &t_lookahead | t_primary '(' [arguments] ')' &t_lookahead
//     | atom &t_lookahead
ast::ExprNode* Parser::TPrimary() {
  return Memoized<ast::ExprNode>(this, MemoRule::kTPrimary, [this] { return TPrimaryUncached(); });
}

ast::ExprNode* Parser::TPrimaryUncached() {
  int start = mark_;
  ast::ExprNode* a = Atom();
  RETURN_IF_ERROR();
  if (a == nullptr || !TLookahead()) {
    RETURN_IF_ERROR();
    mark_ = start;
    return nullptr;
  }
  while (true) {
    int m = mark_;
    // '.' NAME &t_lookahead
    if (Expect(TokenKind::kDot)) {
      const Token* name = Expect(TokenKind::kName);
      RETURN_IF_ERROR();
      if (name != nullptr && TLookahead()) {
        auto* attr = arena_.New<ast::Attribute>();
        attr->value = a;
        attr->attr = NewIdentifier(*name);
        attr->ctx = ast::ExprContext::Load;
        attr->loc = LocFrom(start);
        a = attr;
        continue;
      }
      RETURN_IF_ERROR();
      mark_ = m;
    }
    // '[' slices ']' &t_lookahead
    if (Expect(TokenKind::kLsqb)) {
      ast::ExprNode* b = Slices();
      RETURN_IF_ERROR();
      if (b != nullptr && Expect(TokenKind::kRsqb) && TLookahead()) {
        auto* sub = arena_.New<ast::Subscript>();
        sub->value = a;
        sub->slice = b;
        sub->ctx = ast::ExprContext::Load;
        sub->loc = LocFrom(start);
        a = sub;
        continue;
      }
      RETURN_IF_ERROR();
      mark_ = m;
    }
    // genexp &t_lookahead
    if (Check(TokenKind::kLpar)) {
      ast::ExprNode* g = Genexp();
      RETURN_IF_ERROR();
      if (g != nullptr && TLookahead()) {
        CallArgs args;
        args.args.push_back(g);
        a = MakeCall(a, &args, start);
        continue;
      }
      RETURN_IF_ERROR();
      mark_ = m;
    }
    // '(' [arguments] ')' &t_lookahead
    if (Expect(TokenKind::kLpar)) {
      CallArgs args;
      bool have = Arguments(&args);
      RETURN_IF_ERROR();
      if (Expect(TokenKind::kRpar) && TLookahead()) {
        a = MakeCall(a, have ? &args : nullptr, start);
        continue;
      }
      RETURN_IF_ERROR();
      mark_ = m;
    }
    RETURN_IF_ERROR();
    break;
  }
  return a;
}

// del_targets: ','.del_target+ [',']
bool Parser::DelTargets(std::vector<ast::ExprNode*>* out) {
  return CommaList(out, /*trailing_comma=*/true, [this] { return DelTarget(); });
}

// del_target (memo):
//     | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | del_t_atom
ast::ExprNode* Parser::DelTarget() {
  return Memoized<ast::ExprNode>(this, MemoRule::kDelTarget, [this]() -> ast::ExprNode* {
    DepthGuard guard(this);
    if (TooDeep()) return nullptr;
    if (ast::ExprNode* e = SingleSubscriptAttributeTarget()) {
      if (e->kind == ast::ExprKind::Attribute) e->As<ast::Attribute>()->ctx = ast::ExprContext::Del;
      if (e->kind == ast::ExprKind::Subscript) e->As<ast::Subscript>()->ctx = ast::ExprContext::Del;
      return e;
    }
    RETURN_IF_ERROR();
    return DelTAtom();
  });
}

// del_t_atom: NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']'
ast::ExprNode* Parser::DelTAtom() {
  int start = mark_;
  if (const Token* name = Expect(TokenKind::kName)) {
    return NameFromToken(*name, ast::ExprContext::Del);
  }
  RETURN_IF_ERROR();
  bool paren = Check(TokenKind::kLpar);
  if (paren || Check(TokenKind::kLsqb)) {
    ++mark_;
    if (paren) {
      ast::ExprNode* a = DelTarget();
      RETURN_IF_ERROR();
      if (a != nullptr && Expect(TokenKind::kRpar)) return SetContext(a, ast::ExprContext::Del);
      RETURN_IF_ERROR();
      mark_ = start + 1;
    }
    std::vector<ast::ExprNode*> elts;
    if (!DelTargets(&elts)) {
      RETURN_IF_ERROR();
      mark_ = start + 1;
    }
    if (Expect(paren ? TokenKind::kRpar : TokenKind::kRsqb)) {
      if (paren) {
        auto* t = arena_.New<ast::Tuple>();
        t->elts = Seq(elts);
        t->ctx = ast::ExprContext::Del;
        t->loc = LocFrom(start);
        return t;
      }
      auto* l = arena_.New<ast::List>();
      l->elts = Seq(elts);
      l->ctx = ast::ExprContext::Del;
      l->loc = LocFrom(start);
      return l;
    }
    RETURN_IF_ERROR();
  }
  mark_ = start;
  return nullptr;
}

}  // namespace pyrite::parser
