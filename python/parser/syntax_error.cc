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

}  // namespace pyrite::parser
