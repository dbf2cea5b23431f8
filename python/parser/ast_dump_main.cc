// The `ast_dump` tool: `ast_dump [--attributes] FILE` prints what ../shared/tools/ast_ref.py
// prints for the same file (CPython 3.11's ast.dump of ast.parse, or one ERROR line) with the
// same exit status.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "python/parser/arena.h"
#include "python/parser/ast_dump.h"
#include "python/parser/file_io.h"
#include "python/parser/parser.h"
#include "python/parser/syntax_error.h"

namespace pyrite::parser {
namespace {

constexpr char kUsage[] =
    "Usage: ast_dump [--attributes] FILE\n"
    "\n"
    "Prints ast.dump() of FILE's AST on one line (with positions when --attributes is\n"
    "given), as CPython 3.11 does. When the file is rejected, prints one line\n"
    "    ERROR <ExceptionType> <lineno> <offset> <message>\n"
    "and exits with status 1.\n";

// sys.getrecursionlimit() in CPython 3.11.
constexpr int kRecursionLimit = 1000;
// The recursion-counter levels ast_ref.py holds when it calls ast.parse or ast.dump: its module
// (two: a frame entered from C), main() and the ast function. Measured: CPython rejects exactly
// the trees these limits reject (+ chains, nested lists and calls, keywords, with and without
// attributes).
constexpr int kReferenceFrames = 4;

int Main(int argc, char** argv) {
  bool attributes = false;
  std::vector<const char*> paths;
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--attributes") {
      attributes = true;
    } else {
      paths.push_back(argv[i]);
    }
  }
  if (paths.size() != 1) {
    WriteAll(stderr, kUsage);
    return 2;
  }
  std::string source;
  if (!ReadFile(paths[0], &source)) {
    WriteAll(stderr,
             std::string("ast_dump: cannot read ") + paths[0] + ": " + std::strerror(errno) + "\n");
    return 1;
  }
  // compile() refuses such source with a ValueError before decoding it; ast_ref.py then dies
  // with a traceback, printing nothing on stdout.
  if (source.find('\0') != std::string::npos) {
    WriteAll(stderr, "ValueError: source code string cannot contain null bytes\n");
    return 1;
  }
  Arena arena;
  auto result = Parse(source, arena, ParseMode::kExec);
  if (const auto* error = std::get_if<SyntaxError>(&result)) {
    WriteAll(stdout, ErrorLine(*error));
    return 1;
  }
  // Trees too deep for CPython's recursive walks: ast_ref.py dies with a RecursionError
  // traceback, printing nothing on stdout.
  const ast::ModNode& mod = *std::get<ast::ModNode*>(result);
  constexpr int kConversionLimit = 3 * (kRecursionLimit - kReferenceFrames);
  if (ConversionDepth(mod, kConversionLimit) > kConversionLimit) {
    WriteAll(stderr, "RecursionError: maximum recursion depth exceeded during ast construction\n");
    return 1;
  }
  constexpr int kDumpLimit = kRecursionLimit - kReferenceFrames;
  if (DumpRecursionDepth(mod, attributes, kDumpLimit) > kDumpLimit) {
    WriteAll(stderr, "RecursionError: maximum recursion depth exceeded\n");
    return 1;
  }
  std::string text = Dump(mod, attributes);
  text += '\n';
  WriteAll(stdout, text);
  return 0;
}

}  // namespace
}  // namespace pyrite::parser

int main(int argc, char** argv) { return pyrite::parser::Main(argc, argv); }
