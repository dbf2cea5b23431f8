// Tokens: the kinds (from token_kinds.def) and the Token record the tokenizer hands the parser.
#ifndef PYRITE_PYTHON_PARSER_TOKEN_H_
#define PYRITE_PYTHON_PARSER_TOKEN_H_

#include <cstdint>
#include <string_view>

namespace pyrite::parser {

enum class TokenKind : uint8_t {
#define TOKEN(name, display) k##name,
#define OPERATOR(name, spelling) k##name,
#define KEYWORD(name, spelling) k##name,
#include "python/parser/token_kinds.def"
#undef TOKEN
#undef OPERATOR
#undef KEYWORD
};

// "NAME", "(" or "if": the display name or spelling from token_kinds.def.
std::string_view TokenKindName(TokenKind kind);

bool IsKeyword(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::kEndMarker;
  // Positions as CPython's AST counts them: 1-based lines, 0-based columns in UTF-8 bytes of the
  // decoded line. A multi-line string's end column is relative to its last line.
  int32_t lineno = 0;
  int32_t col_offset = 0;
  int32_t end_lineno = 0;
  int32_t end_col_offset = 0;
  // The token's text, a view into the tokenizer's decoded source (empty for INDENT, DEDENT,
  // ENDMARKER; "" or "\n" for NEWLINE as CPython gives). STRING includes prefix and quotes.
  std::string_view text;
};

}  // namespace pyrite::parser

#endif  // PYRITE_PYTHON_PARSER_TOKEN_H_
