// Parameter lists of `def` and `lambda` (the grammar's params/parameters and lambda_params
// families). One implementation serves both: lambdas have no annotations and their parameter
// lists end at ':' instead of ')'.
#include <vector>

#include "python/parser/parser_internal.h"

namespace pyrite::parser {

// params: invalid_parameters | parameters   (lambda_params likewise)
ast::Arguments* Parser::Params(bool lambda) {
  if (invalid_rules_) {
    int m = mark_;
    if (lambda) {
      InvalidLambdaParameters();
    } else {
      InvalidParameters();
    }
    if (failed()) return nullptr;
    mark_ = m;
  }
  return Parameters(lambda);
}

// parameters:
//     | slash_no_default param_no_default* param_with_default* [star_etc]
//     | slash_with_default param_with_default* [star_etc]
//     | param_no_default+ param_with_default* [star_etc]
//     | param_with_default+ [star_etc]
//     | star_etc
ast::Arguments* Parser::Parameters(bool lambda) {
  int start = mark_;
  auto no_defaults = [&](std::vector<ast::Arg*>* out) {
    while (ast::Arg* a = ParamNoDefault(lambda)) out->push_back(a);
  };
  auto with_defaults = [&](std::vector<NameDefaultPair>* out) {
    NameDefaultPair p;
    while (ParamWithDefault(lambda, &p)) out->push_back(p);
  };
  auto star_etc = [&](StarEtc* out) -> bool {
    int m = mark_;
    if (StarEtcRule(lambda, out)) return true;
    mark_ = m;
    return false;
  };
  {
    std::vector<ast::Arg*> slash;
    if (SlashNoDefault(lambda, &slash)) {
      std::vector<ast::Arg*> plain;
      std::vector<NameDefaultPair> defaults;
      StarEtc etc;
      no_defaults(&plain);
      if (failed()) return nullptr;
      with_defaults(&defaults);
      if (failed()) return nullptr;
      bool has_etc = star_etc(&etc);
      if (failed()) return nullptr;
      return MakeArguments(&slash, nullptr, &plain, &defaults, has_etc ? &etc : nullptr);
    }
    if (failed()) return nullptr;
    mark_ = start;
  }
  {
    SlashWithDefault slash;
    if (SlashWithDefaultRule(lambda, &slash)) {
      std::vector<NameDefaultPair> defaults;
      StarEtc etc;
      with_defaults(&defaults);
      if (failed()) return nullptr;
      bool has_etc = star_etc(&etc);
      if (failed()) return nullptr;
      return MakeArguments(nullptr, &slash, nullptr, &defaults, has_etc ? &etc : nullptr);
    }
    if (failed()) return nullptr;
    mark_ = start;
  }
  {
    std::vector<ast::Arg*> plain;
    no_defaults(&plain);
    if (failed()) return nullptr;
    if (!plain.empty()) {
      std::vector<NameDefaultPair> defaults;
      StarEtc etc;
      with_defaults(&defaults);
      if (failed()) return nullptr;
      bool has_etc = star_etc(&etc);
      if (failed()) return nullptr;
      return MakeArguments(nullptr, nullptr, &plain, &defaults, has_etc ? &etc : nullptr);
    }
    mark_ = start;
  }
  {
    std::vector<NameDefaultPair> defaults;
    with_defaults(&defaults);
    if (failed()) return nullptr;
    if (!defaults.empty()) {
      StarEtc etc;
      bool has_etc = star_etc(&etc);
      if (failed()) return nullptr;
      return MakeArguments(nullptr, nullptr, nullptr, &defaults, has_etc ? &etc : nullptr);
    }
    mark_ = start;
  }
  StarEtc etc;
  if (star_etc(&etc)) return MakeArguments(nullptr, nullptr, nullptr, nullptr, &etc);
  mark_ = start;
  return nullptr;
}

bool Parser::ParamEnd(bool lambda) {
  if (Expect(TokenKind::kComma)) return true;
  return Check(lambda ? TokenKind::kColon : TokenKind::kRpar);
}

// slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')'
bool Parser::SlashNoDefault(bool lambda, std::vector<ast::Arg*>* out) {
  int start = mark_;
  while (ast::Arg* a = ParamNoDefault(lambda)) out->push_back(a);
  if (failed()) return false;
  if (!out->empty() && Expect(TokenKind::kSlash) && ParamEnd(lambda)) return true;
  out->clear();
  mark_ = start;
  return false;
}

// slash_with_default: param_no_default* param_with_default+ '/' ',' | ... '/' &')'
bool Parser::SlashWithDefaultRule(bool lambda, SlashWithDefault* out) {
  int start = mark_;
  while (ast::Arg* a = ParamNoDefault(lambda)) out->plain.push_back(a);
  if (failed()) return false;
  NameDefaultPair p;
  while (ParamWithDefault(lambda, &p)) out->with_defaults.push_back(p);
  if (failed()) return false;
  if (!out->with_defaults.empty() && Expect(TokenKind::kSlash) && ParamEnd(lambda)) return true;
  *out = SlashWithDefault();
  mark_ = start;
  return false;
}

// star_etc:
//     | invalid_star_etc
//     | '*' param_no_default param_maybe_default* [kwds]
//     | '*' param_no_default_star_annotation param_maybe_default* [kwds]
//     | '*' ',' param_maybe_default+ [kwds]
//     | kwds
bool Parser::StarEtcRule(bool lambda, StarEtc* out) {
  int start = mark_;
  if (invalid_rules_) {
    if (lambda) {
      InvalidLambdaStarEtc();
    } else {
      InvalidStarEtc();
    }
    if (failed()) return false;
    mark_ = start;
  }
  auto maybe_defaults = [&]() {
    NameDefaultPair p;
    while (ParamMaybeDefault(lambda, &p)) out->kwonly.push_back(p);
  };
  auto kwds = [&]() {
    int m = mark_;
    if (ast::Arg* k = Kwds(lambda)) {
      out->kwarg = k;
    } else if (!failed()) {
      mark_ = m;
    }
  };
  if (Expect(TokenKind::kStar)) {
    int after_star = mark_;
    ast::Arg* vararg = ParamNoDefault(lambda);
    if (failed()) return false;
    if (vararg == nullptr && !lambda) {
      vararg = ParamNoDefaultStarAnnotation();
      if (failed()) return false;
    }
    if (vararg != nullptr) {
      out->vararg = vararg;
      maybe_defaults();
      if (failed()) return false;
      kwds();
      return !failed();
    }
    mark_ = after_star;
    if (Expect(TokenKind::kComma)) {
      maybe_defaults();
      if (failed()) return false;
      if (!out->kwonly.empty()) {
        kwds();
        return !failed();
      }
    }
    *out = StarEtc();
    mark_ = start;
  }
  if (ast::Arg* k = Kwds(lambda)) {
    out->kwarg = k;
    return true;
  }
  mark_ = start;
  return false;
}

// kwds: invalid_kwds | '**' param_no_default
ast::Arg* Parser::Kwds(bool lambda) {
  int start = mark_;
  if (invalid_rules_) {
    if (lambda) {
      InvalidLambdaKwds();
    } else {
      InvalidKwds();
    }
    if (failed()) return nullptr;
    mark_ = start;
  }
  if (!Expect(TokenKind::kDoubleStar)) return nullptr;
  ast::Arg* a = ParamNoDefault(lambda);
  if (a == nullptr) mark_ = start;
  return a;
}

// param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')'
ast::Arg* Parser::ParamNoDefault(bool lambda) {
  int start = mark_;
  ast::Arg* a = Param(lambda);
  if (a == nullptr) return nullptr;
  if (ParamEnd(lambda)) return a;
  mark_ = start;
  return nullptr;
}

// param_no_default_star_annotation: param_star_annotation ',' | param_star_annotation &')'
// param_star_annotation: NAME star_annotation
// star_annotation: ':' star_expression
ast::Arg* Parser::ParamNoDefaultStarAnnotation() {
  int start = mark_;
  const Token* name = Expect(TokenKind::kName);
  if (name == nullptr) return nullptr;
  if (Expect(TokenKind::kColon)) {
    ast::ExprNode* annotation = StarExpression();
    if (failed()) return nullptr;
    if (annotation != nullptr) {
      auto* a = arena_.New<ast::Arg>();
      a->arg = NewIdentifier(*name);
      a->annotation = annotation;
      a->loc = LocFrom(start);
      if (ParamEnd(false)) return a;
    }
  }
  mark_ = start;
  return nullptr;
}

// param_with_default: param default ',' | param default &')'
bool Parser::ParamWithDefault(bool lambda, NameDefaultPair* out) {
  int start = mark_;
  ast::Arg* a = Param(lambda);
  if (a != nullptr) {
    ast::ExprNode* d = Default();
    if (failed()) return false;
    if (d != nullptr && ParamEnd(lambda)) {
      *out = {a, d};
      return true;
    }
  }
  mark_ = start;
  return false;
}

// param_maybe_default: param default? ',' | param default? &')'
bool Parser::ParamMaybeDefault(bool lambda, NameDefaultPair* out) {
  int start = mark_;
  ast::Arg* a = Param(lambda);
  if (a != nullptr) {
    int m = mark_;
    ast::ExprNode* d = Default();
    if (failed()) return false;
    if (d == nullptr) mark_ = m;
    if (ParamEnd(lambda)) {
      *out = {a, d};
      return true;
    }
  }
  mark_ = start;
  return false;
}

// param: NAME annotation?      annotation: ':' expression
// lambda_param: NAME
ast::Arg* Parser::Param(bool lambda) {
  int start = mark_;
  const Token* name = Expect(TokenKind::kName);
  if (name == nullptr) return nullptr;
  auto* a = arena_.New<ast::Arg>();
  a->arg = NewIdentifier(*name);
  if (!lambda) {
    int m = mark_;
    if (Expect(TokenKind::kColon)) {
      a->annotation = Expression();
      if (failed()) return nullptr;
      if (a->annotation == nullptr) mark_ = m;
    }
  }
  a->loc = LocFrom(start);
  return a;
}

// default: '=' expression | invalid_default
ast::ExprNode* Parser::Default() {
  int start = mark_;
  if (Expect(TokenKind::kEqual)) {
    ast::ExprNode* e = Expression();
    if (failed()) return nullptr;
    if (e != nullptr) return e;
  }
  mark_ = start;
  if (invalid_rules_) {
    InvalidDefault();
    if (failed()) return nullptr;
    mark_ = start;
  }
  return nullptr;
}

}  // namespace pyrite::parser
