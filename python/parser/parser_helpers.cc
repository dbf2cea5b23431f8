// Node-building helpers shared by the rules: identifiers, expression contexts, parameter lists,
// constants and the target checks behind "cannot assign to ..." (CPython's action helpers in
// Parser/action_helpers.c and pegen.c, re-expressed for our AST).
#include <string>
#include <variant>

#include "python/parser/literals.h"
#include "python/parser/parser_internal.h"
#include "python/unicode/unicode.h"

namespace pyrite::parser {

ast::Identifier Parser::NewIdentifier(const Token& name) {
  for (char c : name.text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      // PEP 3131: identifiers are compared in normal form KC.
      return arena_.CopyString(unicode::NormalizeNfkc(name.text));
    }
  }
  return name.text;
}

ast::Name* Parser::NameFromToken(const Token& name, ast::ExprContext ctx) {
  auto* n = arena_.New<ast::Name>();
  n->loc = TokenLoc(name);
  n->id = NewIdentifier(name);
  n->ctx = ctx;
  return n;
}

ast::ExprNode* Parser::SetContext(ast::ExprNode* e, ast::ExprContext ctx) {
  // _PyPegen_set_expr_context: copies are not needed, nodes are not shared before this point.
  switch (e->kind) {
    case ast::ExprKind::Name:
      e->As<ast::Name>()->ctx = ctx;
      break;
    case ast::ExprKind::Tuple:
      for (ast::ExprNode* elt : e->As<ast::Tuple>()->elts) SetContext(elt, ctx);
      e->As<ast::Tuple>()->ctx = ctx;
      break;
    case ast::ExprKind::List:
      for (ast::ExprNode* elt : e->As<ast::List>()->elts) SetContext(elt, ctx);
      e->As<ast::List>()->ctx = ctx;
      break;
    case ast::ExprKind::Subscript:
      e->As<ast::Subscript>()->ctx = ctx;
      break;
    case ast::ExprKind::Attribute:
      e->As<ast::Attribute>()->ctx = ctx;
      break;
    case ast::ExprKind::Starred:
      SetContext(e->As<ast::Starred>()->value, ctx);
      e->As<ast::Starred>()->ctx = ctx;
      break;
    default:
      break;
  }
  return e;
}

ast::Arguments* Parser::EmptyArguments() { return arena_.New<ast::Arguments>(); }

ast::Arguments* Parser::MakeArguments(std::vector<ast::Arg*>* slash_no_default,
                                      SlashWithDefault* slash_with_default,
                                      std::vector<ast::Arg*>* plain,
                                      std::vector<NameDefaultPair>* with_default,
                                      StarEtc* star_etc) {
  auto* a = arena_.New<ast::Arguments>();
  std::vector<ast::Arg*> posonly;
  std::vector<ast::ExprNode*> defaults;
  if (slash_no_default) {
    posonly = *slash_no_default;
  } else if (slash_with_default) {
    posonly = slash_with_default->plain;
    for (auto& p : slash_with_default->with_defaults) {
      posonly.push_back(p.arg);
      defaults.push_back(p.value);
    }
  }
  std::vector<ast::Arg*> args;
  if (plain) args = *plain;
  if (with_default) {
    for (auto& p : *with_default) {
      args.push_back(p.arg);
      defaults.push_back(p.value);
    }
  }
  a->posonlyargs = Seq(posonly);
  a->args = Seq(args);
  a->defaults = Seq(defaults);
  if (star_etc) {
    a->vararg = star_etc->vararg;
    std::vector<ast::Arg*> kwonly;
    std::vector<ast::ExprNode*> kw_defaults;
    for (auto& p : star_etc->kwonly) {
      kwonly.push_back(p.arg);
      kw_defaults.push_back(p.value);
    }
    a->kwonlyargs = Seq(kwonly);
    a->kw_defaults = Seq(kw_defaults);
    a->kwarg = star_etc->kwarg;
  }
  return a;
}

ast::Constant* Parser::NewConstant(const ast::ConstantValue& v, const Location& loc) {
  auto* c = arena_.New<ast::Constant>();
  c->value = v;
  c->loc = loc;
  return c;
}

ast::ExprNode* Parser::NumberFromToken(const Token& t) {
  auto value = ParseNumber(t.text, arena_);
  if (auto* message = std::get_if<std::string>(&value)) {
    // CPython omits the columns here so as not to underline thousands of digits.
    return RaiseLocation(SyntaxErrorType::kSyntaxError, t.lineno, -1, t.end_lineno, kZeroEnd,
                         *message);
  }
  return NewConstant(std::get<ast::ConstantValue>(value), TokenLoc(t));
}

const char* Parser::ExprName(const ast::ExprNode* e) {
  switch (e->kind) {
    case ast::ExprKind::Attribute:
      return "attribute";
    case ast::ExprKind::Subscript:
      return "subscript";
    case ast::ExprKind::Starred:
      return "starred";
    case ast::ExprKind::Name:
      return "name";
    case ast::ExprKind::List:
      return "list";
    case ast::ExprKind::Tuple:
      return "tuple";
    case ast::ExprKind::Lambda:
      return "lambda";
    case ast::ExprKind::Call:
      return "function call";
    case ast::ExprKind::BoolOp:
    case ast::ExprKind::BinOp:
    case ast::ExprKind::UnaryOp:
      return "expression";
    case ast::ExprKind::GeneratorExp:
      return "generator expression";
    case ast::ExprKind::Yield:
    case ast::ExprKind::YieldFrom:
      return "yield expression";
    case ast::ExprKind::Await:
      return "await expression";
    case ast::ExprKind::ListComp:
      return "list comprehension";
    case ast::ExprKind::SetComp:
      return "set comprehension";
    case ast::ExprKind::DictComp:
      return "dict comprehension";
    case ast::ExprKind::Dict:
      return "dict literal";
    case ast::ExprKind::Set:
      return "set display";
    case ast::ExprKind::JoinedStr:
    case ast::ExprKind::FormattedValue:
      return "f-string expression";
    case ast::ExprKind::Constant:
      switch (e->As<ast::Constant>()->value.kind) {
        case ast::ConstantValue::Kind::kNone:
          return "None";
        case ast::ConstantValue::Kind::kFalse:
          return "False";
        case ast::ConstantValue::Kind::kTrue:
          return "True";
        case ast::ConstantValue::Kind::kEllipsis:
          return "ellipsis";
        default:
          return "literal";
      }
    case ast::ExprKind::Compare:
      return "comparison";
    case ast::ExprKind::IfExp:
      return "conditional expression";
    case ast::ExprKind::NamedExpr:
      return "named expression";
    default:
      return "expression";
  }
}

std::nullptr_t Parser::RaiseInvalidTarget(ast::ExprNode* e, TargetsType type) {
  // RAISE_SYNTAX_ERROR_INVALID_TARGET: no error when every target is valid.
  ast::ExprNode* bad = GetInvalidTarget(e, type);
  if (bad == nullptr) return nullptr;
  const char* verb = type == TargetsType::kDel ? "cannot delete " : "cannot assign to ";
  return RaiseAt(bad->loc, std::string(verb) + ExprName(bad));
}

ast::ExprNode* Parser::GetInvalidTarget(ast::ExprNode* e, TargetsType type) {
  if (e == nullptr) return nullptr;
  auto visit = [&](ast::Seq<ast::ExprNode*> elts) -> ast::ExprNode* {
    for (ast::ExprNode* elt : elts) {
      if (ast::ExprNode* child = GetInvalidTarget(elt, type)) return child;
    }
    return nullptr;
  };
  switch (e->kind) {
    case ast::ExprKind::List:
      return visit(e->As<ast::List>()->elts);
    case ast::ExprKind::Tuple:
      return visit(e->As<ast::Tuple>()->elts);
    case ast::ExprKind::Starred:
      if (type == TargetsType::kDel) return e;
      return GetInvalidTarget(e->As<ast::Starred>()->value, type);
    case ast::ExprKind::Compare:
      // `a in b` of `for a in b` parses as a comparison: look at its left side.
      if (type == TargetsType::kFor) {
        auto* cmp = e->As<ast::Compare>();
        if (cmp->ops[0] == ast::CmpOpKind::In) return GetInvalidTarget(cmp->left, type);
        return nullptr;
      }
      return e;
    case ast::ExprKind::Name:
    case ast::ExprKind::Subscript:
    case ast::ExprKind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

}  // namespace pyrite::parser
