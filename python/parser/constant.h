// ConstantValue: the value of an ast.Constant (and ast.MatchSingleton) as the parser builds it.
// Text lives in the parse's arena.
#ifndef PYRITE_PYTHON_PARSER_CONSTANT_H_
#define PYRITE_PYTHON_PARSER_CONSTANT_H_

#include <cstdint>
#include <string_view>

namespace pyrite::parser::ast {

struct ConstantValue {
  enum class Kind : uint8_t { kNone, kTrue, kFalse, kEllipsis, kInt, kFloat, kComplex, kStr, kBytes };
  Kind kind = Kind::kNone;
  // kFloat: the value; kComplex: the imaginary part (literals have no real part).
  double number = 0;
  // kInt: decimal digits of a non-negative integer, no leading zeros ("0" for zero).
  // kStr: UTF-8, lone surrogates encoded as 3-byte sequences (as "surrogatepass" would).
  // kBytes: the raw bytes.
  std::string_view text;
};

}  // namespace pyrite::parser::ast

#endif  // PYRITE_PYTHON_PARSER_CONSTANT_H_
