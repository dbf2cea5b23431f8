// Literal values: the numbers and string bodies of NUMBER and STRING tokens turned into the
// constants CPython 3.11 builds from them, with CPython's error messages.
#ifndef PYRITE_PYTHON_PARSER_LITERALS_H_
#define PYRITE_PYTHON_PARSER_LITERALS_H_

#include <string>
#include <string_view>
#include <variant>

#include "python/parser/arena.h"
#include "python/parser/ast_nodes.h"

namespace pyrite::parser {

// The value of a NUMBER token's text ("0x_ff", "1_000.5e-3", "2j", ...): kInt (decimal digits),
// kFloat or kComplex. An error is CPython's SyntaxError message for it, e.g. the one for a decimal
// literal over 3.11's 4300-digit int/str conversion limit.
std::variant<ast::ConstantValue, std::string> ParseNumber(std::string_view text, Arena& arena);

// A string or bytes literal body (the text between the quotes, prefix and quotes removed) decoded
// as CPython does: escapes unless `raw`; for bytes, only ASCII characters allowed. Strings come
// back as UTF-8 with lone surrogates ("\ud800") encoded as 3-byte sequences, bytes as raw bytes.
// An error is CPython's SyntaxError message, e.g. "(unicode error) 'unicodeescape' codec can't
// decode bytes in position 0-1: truncated \xXX escape" or
// "bytes can only contain ASCII literal characters".
std::variant<std::string_view, std::string> DecodeStringBody(std::string_view body, bool raw,
                                                             bool is_bytes, Arena& arena);

}  // namespace pyrite::parser

#endif  // PYRITE_PYTHON_PARSER_LITERALS_H_
