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
  tokenizer_error_ = false;
  error_tokenizer_line_ = tokens_.empty() ? 0 : tokens_.back().end_lineno;
  error_logical_line_start_ = tokenizer_.logical_line_start();
  int end_offset;
  if (end_byte_col == kCursorEnd) {
    // Where CPython's tokenizer cursor is, as it is (no +1): just past the last token fetched
    // (past the "\n" of a NEWLINE; at the end of input for a token without columns).
    end_lineno = 0;
    end_offset = 0;
    if (!tokens_.empty()) {
      const Token& t = tokens_.back();
      end_lineno = t.end_lineno;
      if (NoColumn(t)) {
        end_offset = CursorColumn(t);
      } else {
        end_offset = t.end_col_offset + (t.kind == TokenKind::kNewline ? 1 : 0);
      }
    }
  } else if (end_byte_col == kZeroEnd) {
    end_offset = 0;
  } else if (end_byte_col == kMinusOneEnd) {
    end_offset = -1;
  } else {
    end_offset = end_byte_col + 1;
  }
  SyntaxError e;
  e.type = type;
  e.message = std::move(message);
  e.lineno = lineno;
  e.end_lineno = end_lineno;
  int offset = byte_col + 1;
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
  if (tokens_.empty()) return RaiseLocation(type, 0, -1, 0, kMinusOneEnd, std::move(message));
  const Token& t = tokens_.back();
  if (NoColumn(t)) {
    // CPython has no column for these tokens and reports the tokenizer's cursor; no +1 is
    // added to it.
    return RaiseLocation(type, t.lineno, CursorColumn(t) - 1, t.end_lineno, kMinusOneEnd,
                         std::move(message));
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
                       kCursorEnd, std::move(message));
}

std::nullptr_t Parser::RaiseAtToken(const Token& token, std::string message,
                                    SyntaxErrorType type) {
  if (NoColumn(token)) {
    // CPython gives these tokens no columns (-1, to which 1 is added): the offsets are 0.
    return RaiseLocation(type, token.lineno, -1, token.end_lineno, kZeroEnd, std::move(message));
  }
  return RaiseAt(TokenLoc(token), std::move(message), type);
}

int Parser::CursorColumn(const Token& t) const {
  // Our tokenizer records the cursor as the col_offset of these tokens. At the end of input it
  // is past the text's final "\n", which CPython's tokenizer does not read in eval and single
  // input without one.
  bool at_end = t.text.data() == text_.data() + text_.size();
  if (at_end && implicit_newline_ != nullptr && t.col_offset > 0) return t.col_offset - 1;
  return t.col_offset;
}

bool Parser::NoColumn(const Token& t) const {
  switch (t.kind) {
    case TokenKind::kIndent:
    case TokenKind::kDedent:
    case TokenKind::kEndMarker:
      return true;
    case TokenKind::kNewline:
      // The implicit end of eval and single input (the token's text, empty or a comment, ends
      // there), or (single input) an ENDMARKER made a NEWLINE, whose empty text sits at the end
      // of the text.
      return fstring_lineno_ == 0 && (t.text.data() + t.text.size() == implicit_newline_ ||
                                      t.text.data() == text_.data() + text_.size());
    default:
      return false;
  }
}

}  // namespace pyrite::parser
