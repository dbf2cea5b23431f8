// The parser's entry point: source bytes to a Python 3.11 AST or CPython's SyntaxError.
#ifndef PYRITE_PYTHON_PARSER_PARSER_H_
#define PYRITE_PYTHON_PARSER_PARSER_H_

#include <string_view>
#include <variant>

#include "python/parser/arena.h"
#include "python/parser/ast_nodes.h"
#include "python/parser/syntax_error.h"

namespace pyrite::parser {

enum class ParseMode { kExec, kEval, kSingle };

// Decodes `source` (source.h), tokenizes and parses it. The tree lives in `arena`. The error is
// the one CPython 3.11's ast.parse raises for the same bytes: same type, message and positions.
// `source_is_str`: `source` is the UTF-8 of a str (compile(), exec() or eval() of a str), which
// CPython reads without looking for a BOM or coding declaration and whose error offsets it always
// counts in characters.
std::variant<ast::ModNode*, SyntaxError> Parse(std::string_view source, Arena& arena,
                                               ParseMode mode = ParseMode::kExec,
                                               bool source_is_str = false);

}  // namespace pyrite::parser

#endif  // PYRITE_PYTHON_PARSER_PARSER_H_
