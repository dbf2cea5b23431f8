// The `symtable_dump` tool: `symtable_dump FILE` prints what ../shared/tools/symtable_ref.py
// prints for the same file (CPython 3.11's symtable module: every scope and its symbols, or one
// ERROR line) with the same exit status.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <variant>

#include "python/compiler/future.h"
#include "python/compiler/symtable.h"
#include "python/compiler/symtable_dump.h"
#include "python/parser/arena.h"
#include "python/parser/file_io.h"
#include "python/parser/parser.h"
#include "python/parser/syntax_error.h"

namespace pyrite::compiler {
namespace {

constexpr char kUsage[] =
    "Usage: symtable_dump FILE\n"
    "\n"
    "Prints every scope of FILE depth-first with its symbols and their flags, as CPython\n"
    "3.11's symtable module reports them. When the file is rejected, prints one line\n"
    "    ERROR <ExceptionType> <lineno> <offset> <message>\n"
    "and exits with status 1.\n";

// The recursion-counter levels symtable_ref.py holds when CPython's symtable walk starts: its
// module (two: a frame entered from C), main() and symtable.symtable().
constexpr int kReferenceFrames = 4;

using parser::ReadFile;
using parser::WriteAll;

int PrintError(const parser::SyntaxError& error) {
  WriteAll(stdout, parser::ErrorLine(error));
  return 1;
}

int Main(int argc, char** argv) {
  if (argc != 2) {
    WriteAll(stderr, kUsage);
    return 2;
  }
  std::string source;
  if (!ReadFile(argv[1], &source)) {
    WriteAll(stderr, std::string("symtable_dump: cannot read ") + argv[1] + ": " +
                         std::strerror(errno) + "\n");
    return 1;
  }
  // CPython refuses such source with a ValueError before parsing; symtable_ref.py then dies
  // with a traceback, printing nothing on stdout.
  if (source.find('\0') != std::string::npos) {
    WriteAll(stderr, "ValueError: source code string cannot contain null bytes\n");
    return 1;
  }
  parser::Arena arena;
  auto parsed = parser::Parse(source, arena, parser::ParseMode::kExec);
  if (const auto* error = std::get_if<parser::SyntaxError>(&parsed)) return PrintError(*error);
  const parser::ast::ModNode& mod = *std::get<parser::ast::ModNode*>(parsed);
  auto future = FutureFromAst(mod);
  if (const auto* error = std::get_if<parser::SyntaxError>(&future)) return PrintError(*error);
  auto result = BuildSymbolTable(mod, std::get<FutureFeatures>(future).features, kReferenceFrames);
  if (const auto* error = std::get_if<parser::SyntaxError>(&result)) return PrintError(*error);
  if (const auto* error = std::get_if<RecursionLimitError>(&result)) {
    WriteAll(stderr, "RecursionError: " + error->message + "\n");
    return 1;
  }
  WriteAll(stdout, DumpSymbolTable(*std::get<std::unique_ptr<SymbolTable>>(result)));
  return 0;
}

}  // namespace
}  // namespace pyrite::compiler

int main(int argc, char** argv) { return pyrite::compiler::Main(argc, argv); }
