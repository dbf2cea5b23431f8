// compile_top: source or AST to a module's CodeObject, as CPython 3.11's compile() does (AST
// optimisation with constant folding, symbol tables, code generation, assembly), and the
// compile-time SyntaxErrors CPython raises after parsing ('return' outside function, ...).
#ifndef PYRITE_PYTHON_COMPILER_COMPILER_H_
#define PYRITE_PYTHON_COMPILER_COMPILER_H_

#include <memory>
#include <string_view>
#include <variant>

#include "python/bytecode/code.h"
#include "python/parser/ast_nodes.h"
#include "python/parser/parser.h"
#include "python/parser/syntax_error.h"

namespace pyrite::compiler {

struct CompileOptions {
  std::string_view filename = "<string>";
  parser::ParseMode mode = parser::ParseMode::kExec;
  // -O level as sys.flags.optimize: 1 drops assert statements and makes __debug__ False,
  // 2 also drops docstrings.
  int optimize = 0;
  // The source is the UTF-8 of a str (compile(), exec() and eval() of a str): see parser::Parse.
  bool source_is_str = false;
};

using CompileResult = std::variant<std::shared_ptr<const bytecode::CodeObject>, parser::SyntaxError>;

// Parses and compiles source bytes (decoding as the parser does).
CompileResult CompileSource(std::string_view source, const CompileOptions& options);

// Compiles an already parsed module. The AST may be changed in place (constant folding).
CompileResult CompileModule(parser::ast::ModNode* module, parser::Arena& arena,
                            const CompileOptions& options);

}  // namespace pyrite::compiler

#endif  // PYRITE_PYTHON_COMPILER_COMPILER_H_
