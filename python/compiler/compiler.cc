// compile_top: parse, future features, symbol table, code generation and assembly, in the order
// CPython 3.11's compile() runs them, so that the first error reported is CPython's.
#include "python/compiler/compiler.h"

#include <string>
#include <utility>

#include "python/compiler/codegen.h"
#include "python/compiler/future.h"
#include "python/compiler/symtable.h"

namespace pyrite::compiler {

CompileResult CompileModule(parser::ast::ModNode* module, parser::Arena& arena,
                            const CompileOptions& options) {
  (void)arena;
  auto future = FutureFromAst(*module);
  if (auto* error = std::get_if<parser::SyntaxError>(&future)) return *error;
  const FutureFeatures& ff = std::get<FutureFeatures>(future);
  SymtableResult table = BuildSymbolTable(*module, ff.features);
  if (auto* error = std::get_if<parser::SyntaxError>(&table)) return *error;
  if (auto* error = std::get_if<RecursionLimitError>(&table)) {
    parser::SyntaxError e;
    e.message = "RecursionError: " + error->message;
    return e;
  }
  const SymbolTable& symbols = *std::get<std::unique_ptr<SymbolTable>>(table);
  Codegen codegen(symbols, ff.features, ff.lineno, options.optimize, std::string(options.filename),
                  options.mode == parser::ParseMode::kSingle);
  std::shared_ptr<bytecode::CodeObject> code = codegen.CompileModule(module);
  if (code == nullptr) return codegen.error();
  return std::shared_ptr<const bytecode::CodeObject>(std::move(code));
}

CompileResult CompileSource(std::string_view source, const CompileOptions& options) {
  parser::Arena arena;
  auto parsed = parser::Parse(source, arena, options.mode, options.source_is_str);
  if (auto* error = std::get_if<parser::SyntaxError>(&parsed)) return *error;
  return CompileModule(std::get<parser::ast::ModNode*>(parsed), arena, options);
}

}  // namespace pyrite::compiler
