// The SyntaxError family as the parser stages report it: which class, CPython's message and the
// positions CPython puts on the exception. Stages return it by value; nothing here throws.
#ifndef PYRITE_PYTHON_PARSER_SYNTAX_ERROR_H_
#define PYRITE_PYTHON_PARSER_SYNTAX_ERROR_H_

#include <string>

namespace pyrite::parser {

enum class SyntaxErrorType { kSyntaxError, kIndentationError, kTabError };

// Python's name for the type: "SyntaxError", "IndentationError" or "TabError".
const char* SyntaxErrorTypeName(SyntaxErrorType type);

struct SyntaxError;
// The line the command-line tools (ast_dump, symtable_dump, pyrite_compile, dis) print for a
// rejected source, as ../shared/tools/*_ref.py do: "ERROR <Type> <lineno> <offset> <message>\n".
std::string ErrorLine(const SyntaxError& error);

struct SyntaxError {
  SyntaxErrorType type = SyntaxErrorType::kSyntaxError;
  std::string message;  // CPython 3.11's msg, e.g. "expected ':'"
  // As on CPython's exception: 1-based line; 1-based offset counted in characters (code points)
  // of the decoded line, as CPython converts its byte offsets; 0 where CPython gives none.
  int lineno = 0;
  int offset = 0;
  int end_lineno = 0;
  int end_offset = 0;
  // For errors the parser reports: whether CPython's `text` (line `lineno`) keeps its "\n". It
  // does when the error is on the line CPython's tokenizer is reading and that line has one
  // (which a last line does not in eval and single modes); errors CPython's tokenizer raises
  // itself never keep it.
  bool text_has_newline = false;
  // CPython's `text` where it is not line `lineno` of the source: in an f-string expression, the
  // line of "(expr)\n" that the expression's own parser was reading. (Not std::optional: GCC 12
  // reports false -Wmaybe-uninitialized on copies of an optional<string> at -O2 and under ASan.)
  bool has_text = false;
  std::string text;
};

}  // namespace pyrite::parser

#endif  // PYRITE_PYTHON_PARSER_SYNTAX_ERROR_H_
