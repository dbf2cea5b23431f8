// The tokenizer: decoded source text to tokens, produced one at a time as the parser asks, so that
// errors surface exactly when CPython's would (a later tokenizer error never hides an earlier
// syntax error). Mirrors CPython 3.11's C tokenizer: INDENT/DEDENT with tabs and form feeds,
// NEWLINE only outside brackets, line continuations, numbers, strings with every prefix, and the
// same SyntaxError/IndentationError/TabError messages and positions.
#ifndef PYRITE_PYTHON_PARSER_TOKENIZER_H_
#define PYRITE_PYTHON_PARSER_TOKENIZER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "python/parser/syntax_error.h"
#include "python/parser/token.h"

namespace pyrite::parser {

class Tokenizer {
 public:
  // `text` is DecodedSource::text; it must outlive the tokenizer and every token's view into it.
  explicit Tokenizer(std::string_view text);

  // Produces the next token. Returns false on an error, which error() then holds; after an error
  // or ENDMARKER, further calls repeat the same outcome.
  [[nodiscard]] bool Next(Token* token);

  const std::optional<SyntaxError>& error() const { return error_; }

  // Open brackets at the current point, innermost last: what CPython's parser reports as
  // "'(' was never closed" when the input ends inside them.
  struct OpenBracket {
    char bracket;  // '(', '[' or '{'
    int32_t lineno;
    int32_t col_offset;  // byte column of the bracket
  };
  const std::vector<OpenBracket>& open_brackets() const { return open_brackets_; }

  // The text of 1-based line `lineno` without its newline ("" past the end): for error offsets,
  // which CPython counts in characters.
  std::string_view Line(int32_t lineno) const;

  // Eval and single input: the text's final "\n" was added by DecodeSource, and CPython's
  // tokenizer, which reads such input without it, finds the end of input there. Only a last line
  // of blanks shows the difference: its indentation counts, as it does at CPython's EOF.
  void SetFinalNewlineImplicit() { final_newline_implicit_ = true; }

  // CPython's tok->buf: where the line the current logical line's scan began on starts (a
  // continuation or multi-line string keeps it on an earlier line). Errors show the text from it.
  const char* logical_line_start() const { return buf_; }

 private:
  // Private state is the implementation's own.
  std::string_view text_;
  std::optional<SyntaxError> error_;
  std::vector<OpenBracket> open_brackets_;
  std::vector<uint32_t> line_starts_;

  // CPython's limits: MAXINDENT and MAXLEVEL.
  static constexpr int kMaxIndent = 100;
  static constexpr int kMaxLevel = 200;

  // The scanner, as CPython's tok_state: `p_` is the cursor, `line_start_` and `lineno_` the
  // line being read (both stay on the last line at EOF, as CPython's do).
  const char* begin_;
  const char* end_;
  const char* p_;
  const char* line_start_;
  // CPython's tok->buf: the start of the line a logical line's scan began on (continuations and
  // multi-line strings do not move it). Only the line-continuation error's offset shows it.
  const char* buf_;
  int32_t lineno_ = 1;
  bool atbol_ = true;
  bool done_ = false;
  bool final_newline_implicit_ = false;
  TokenKind last_kind_ = TokenKind::kNewline;
  int pending_ = 0;  // > 0: INDENTs to emit, < 0: DEDENTs
  int indent_ = 0;
  int32_t indstack_[kMaxIndent] = {0};
  int32_t altindstack_[kMaxIndent] = {0};
  Token endmarker_;

  void AdvanceLine(const char* after_newline);
  bool Fail(SyntaxErrorType type, std::string message, int32_t lineno, int offset);
  bool FailAtCursor(std::string message, const char* cursor);
  bool FailUnclosed();
  int CharsBetween(const char* from, const char* to) const;
  void Emit(Token* token, TokenKind kind, const char* start, int32_t lineno,
            const char* line_start);
  bool ScanIndentation();
  bool ContinueLine();
  bool ScanName(Token* token, const char* start);
  bool VerifyIdentifier(const char* start);
  bool ScanNumber(Token* token, const char* start, bool after_dot);
  bool VerifyEndOfNumber(const char*& q, int c, const char* kind);
  bool ScanString(Token* token, const char* start);
  bool ScanOperator(Token* token, const char* start);
};

// Converts a 0-based byte column within `line` into CPython's 1-based character offset.
int ByteColumnToOffset(std::string_view line, int32_t byte_col);

}  // namespace pyrite::parser

#endif  // PYRITE_PYTHON_PARSER_TOKENIZER_H_
