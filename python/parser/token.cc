// Token kind names and classification, expanded from token_kinds.def.
#include "python/parser/token.h"

#include <array>

namespace pyrite::parser {
namespace {

constexpr std::string_view kNames[] = {
#define TOKEN(name, display) display,
#define OPERATOR(name, spelling) spelling,
#define KEYWORD(name, spelling) spelling,
#include "python/parser/token_kinds.def"
#undef TOKEN
#undef OPERATOR
#undef KEYWORD
};

constexpr bool kIsKeyword[] = {
#define TOKEN(name, display) false,
#define OPERATOR(name, spelling) false,
#define KEYWORD(name, spelling) true,
#include "python/parser/token_kinds.def"
#undef TOKEN
#undef OPERATOR
#undef KEYWORD
};

constexpr size_t kKindCount = sizeof(kNames) / sizeof(kNames[0]);
static_assert(kKindCount <= 256, "TokenKind is a uint8_t");

}  // namespace

std::string_view TokenKindName(TokenKind kind) {
  auto i = static_cast<size_t>(kind);
  return i < kKindCount ? kNames[i] : std::string_view("?");
}

bool IsKeyword(TokenKind kind) {
  auto i = static_cast<size_t>(kind);
  return i < kKindCount && kIsKeyword[i];
}

}  // namespace pyrite::parser
