// Names of the SyntaxError family.
#include "python/parser/syntax_error.h"

namespace pyrite::parser {

const char* SyntaxErrorTypeName(SyntaxErrorType type) {
  switch (type) {
    case SyntaxErrorType::kSyntaxError:
      return "SyntaxError";
    case SyntaxErrorType::kIndentationError:
      return "IndentationError";
    case SyntaxErrorType::kTabError:
      return "TabError";
  }
  return "SyntaxError";
}

std::string ErrorLine(const SyntaxError& error) {
  // Positions are printed as they are, 0 and -1 included (an unknown encoding gives "0 -1").
  return std::string("ERROR ") + SyntaxErrorTypeName(error.type) + " " +
         std::to_string(error.lineno) + " " + std::to_string(error.offset) + " " + error.message +
         "\n";
}

}  // namespace pyrite::parser
