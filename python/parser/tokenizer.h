// The tokenizer: decoded source text to tokens, produced one at a time as the parser asks, so that
// errors surface exactly when CPython's would (a later tokenizer error never hides an earlier
// syntax error). Mirrors CPython 3.11's C tokenizer: INDENT/DEDENT with tabs and form feeds,
// NEWLINE only outside brackets, line continuations, numbers, strings with every prefix, and the
// same SyntaxError/IndentationError/TabError messages and positions.
#ifndef PYRITE_PYTHON_PARSER_TOKENIZER_H_
#define PYRITE_PYTHON_PARSER_TOKENIZER_H_

#include <cstdint>
#include <optional>
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

 private:
  // Private state is the implementation's own.
  std::string_view text_;
  std::optional<SyntaxError> error_;
  std::vector<OpenBracket> open_brackets_;
  std::vector<uint32_t> line_starts_;
};

// Converts a 0-based byte column within `line` into CPython's 1-based character offset.
int ByteColumnToOffset(std::string_view line, int32_t byte_col);

}  // namespace pyrite::parser

#endif  // PYRITE_PYTHON_PARSER_TOKENIZER_H_
