// The match statement. Pattern compilation (MATCH_* instructions, the name-capture and
// alternative-pattern rules and their SyntaxErrors) is not implemented yet: a module with a
// match statement is rejected with an explicit "not supported" error rather than miscompiled.
#include "python/compiler/codegen.h"

namespace pyrite::compiler {

bool Codegen::Match(ast::Match* s) {
  SetLoc(s->loc);
  return Error("pyrite: match statements are not supported by the code generator yet");
}

}  // namespace pyrite::compiler
