// Source decoding: turns the bytes of a Python file into the UTF-8 text the tokenizer reads, as
// CPython 3.11 does for compile(bytes): UTF-8 BOM, PEP 263 coding declarations on the first two
// lines, decoding to UTF-8, universal newlines ("\r\n" and "\r" become "\n") and a final newline.
#ifndef PYRITE_PYTHON_PARSER_SOURCE_H_
#define PYRITE_PYTHON_PARSER_SOURCE_H_

#include <string>
#include <string_view>
#include <variant>

#include "python/parser/syntax_error.h"

namespace pyrite::parser {

struct DecodedSource {
  std::string text;      // UTF-8, "\n" line ends, ends with "\n" unless empty
  std::string encoding;  // the declared encoding's normalised name, "utf-8" by default
};

// Errors are the SyntaxErrors CPython raises for the same bytes (unknown encoding, invalid UTF-8,
// "encoding problem: utf-8" for a BOM with another declared coding, ...).
std::variant<DecodedSource, SyntaxError> DecodeSource(std::string_view bytes);

// The UTF-8 of a str, as compile(), exec() and eval() read a str (CPython's PyCF_IGNORE_COOKIE):
// a BOM or coding declaration is not looked at; only newlines are translated.
DecodedSource DecodeStrSource(std::string_view utf8);

}  // namespace pyrite::parser

#endif  // PYRITE_PYTHON_PARSER_SOURCE_H_
