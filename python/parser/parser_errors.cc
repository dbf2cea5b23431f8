// Raising SyntaxErrors from the parser: where CPython 3.11 places them (the RAISE_* macros of
// Parser/pegen.h and _PyPegen_raise_error) and how it turns byte columns into offsets.
#include <string>
#include <utility>

#include "python/parser/parser_internal.h"
#include "python/unicode/utf8.h"

namespace pyrite::parser {
namespace {

// The line as CPython reads it back from the file to place an error: with the UTF-8 BOM on line
// 1, and decoded with "replace", so that a byte that is not UTF-8 becomes U+FFFD (3 bytes).
std::string ErrorLine(std::string_view line, bool bom) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  std::string error;
  for (size_t i = 0; i < line.size();) {
    char32_t cp;
    int length = unicode::DecodeStrict(line, i, &cp, &error);
    if (length > 0) {
      out.append(line.substr(i, length));
      i += length;
    } else {
      out += "\xEF\xBF\xBD";
      i += 1;
    }
  }
  return out;
}

// Characters in the first `n` bytes of `line` (plus its newline), decoding as "replace" would:
// a truncated sequence counts as one character.
int CharsInPrefix(std::string_view line, int n) {
  int len = static_cast<int>(line.size()) + 1;  // the line as CPython reads it ends in "\n"
  if (n > len + 1) n = len + 1;
  int chars = 0;
  for (int i = 0; i < n; ++i) {
    if (i >= static_cast<int>(line.size())) {
      ++chars;  // the newline, or the terminating NUL CPython decodes past the end
      continue;
    }
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
  }
  return chars;
}

}  // namespace

std::nullptr_t Parser::RaiseLocation(SyntaxErrorType type, int lineno, int byte_col,
                                     int end_lineno, int end_byte_col, std::string message) {
  if (error_) return nullptr;
  SyntaxError e;
  e.type = type;
  e.message = std::move(message);
  e.lineno = lineno;
  e.end_lineno = end_lineno;
  int offset = byte_col + 1;
  int end_offset = end_byte_col < 0 ? end_byte_col : end_byte_col + 1;
  if (offsets_in_chars_) {
    offset = CharsInPrefix(ErrorLine(tokenizer_.Line(lineno), bom_ && lineno == 1), offset);
    if (end_offset > 0) {
      end_offset = CharsInPrefix(ErrorLine(tokenizer_.Line(end_lineno), bom_ && end_lineno == 1),
                                 end_offset);
    }
  }
  if (fstring_lineno_ > 0) {
    // Errors in an f-string expression count columns from its "(" and say where they are.
    e.message = "f-string: " + e.message;
    offset -= fstring_col_;
    if (end_offset > 0) end_offset -= fstring_col_;
  }
  e.offset = offset;
  e.end_offset = end_offset;
  error_ = std::move(e);
  return nullptr;
}

std::nullptr_t Parser::RaiseSyntaxError(std::string message, SyntaxErrorType type) {
  if (error_) return nullptr;
  if (tokens_.empty()) return RaiseLocation(type, 0, -1, 0, -1, std::move(message));
  const Token& t = tokens_.back();
  if (t.kind == TokenKind::kIndent || t.kind == TokenKind::kDedent ||
      t.kind == TokenKind::kEndMarker) {
    // CPython has no column for these tokens and reports the tokenizer's cursor, which our
    // tokenizer records as their col_offset; no +1 is added to it.
    return RaiseLocation(type, t.lineno, t.col_offset - 1, t.end_lineno, -1, std::move(message));
  }
  return RaiseLocation(type, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset,
                       std::move(message));
}

std::nullptr_t Parser::RaiseAt(const Location& loc, std::string message, SyntaxErrorType type) {
  return RaiseLocation(type, loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset,
                       std::move(message));
}

std::nullptr_t Parser::RaiseRange(const Location& from, const Location& to, std::string message) {
  return RaiseLocation(SyntaxErrorType::kSyntaxError, from.lineno, from.col_offset, to.end_lineno,
                       to.end_col_offset, std::move(message));
}

std::nullptr_t Parser::RaiseStartingFrom(const Location& from, std::string message) {
  return RaiseLocation(SyntaxErrorType::kSyntaxError, from.lineno, from.col_offset, from.lineno,
                       -6, std::move(message));
}

std::nullptr_t Parser::RaiseAtToken(const Token& token, std::string message,
                                    SyntaxErrorType type) {
  if (token.kind == TokenKind::kIndent || token.kind == TokenKind::kDedent ||
      token.kind == TokenKind::kEndMarker) {
    // CPython gives these tokens no columns: the offset is 0.
    return RaiseLocation(type, token.lineno, -1, token.end_lineno, -2, std::move(message));
  }
  return RaiseAt(TokenLoc(token), std::move(message), type);
}

}  // namespace pyrite::parser
