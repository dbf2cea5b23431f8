// Python's repr() of AST constants (ast.Constant and ast.MatchSingleton values) and of
// identifiers, exactly as CPython 3.11 prints them: what ast.dump shows for these values.
//
// Example:
//   std::string out;
//   AppendStrRepr("it's", out);  // out == "\"it's\""
#ifndef PYRITE_PYTHON_PARSER_CONSTANT_REPR_H_
#define PYRITE_PYTHON_PARSER_CONSTANT_REPR_H_

#include <string>
#include <string_view>

#include "python/parser/constant.h"

namespace pyrite::parser {

// repr() of a str given as UTF-8 (lone surrogates as their 3-byte encodings): single quotes
// unless the text has a ' and no "; \\, \t, \n, \r and the quote escaped; other
// non-printable code points as \xNN, \uNNNN or \UNNNNNNNN.
void AppendStrRepr(std::string_view utf8, std::string& out);

// repr() of a bytes object: b'...' with \xNN for bytes outside printable ASCII.
// `escape_single_quote`: escape ' whatever the quote, as bytearray's repr does.
void AppendBytesRepr(std::string_view bytes, std::string& out, bool escape_single_quote = false);

// repr() of a float: the shortest text that round-trips, in CPython's 'r' format
// (0.1, 100000.0, 1e+16, 1e-05, inf, nan).
void AppendFloatRepr(double value, std::string& out);

// repr() of complex(0, imag) as literals produce it: 2j, 1.5j, 1e+16j, infj.
void AppendImaginaryRepr(double imag, std::string& out);

// repr() of any constant: None, True, False, Ellipsis, ints, floats, complex, str, bytes.
void AppendConstantRepr(const ast::ConstantValue& value, std::string& out);
std::string ConstantRepr(const ast::ConstantValue& value);

}  // namespace pyrite::parser

#endif  // PYRITE_PYTHON_PARSER_CONSTANT_REPR_H_
