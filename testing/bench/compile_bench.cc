// compile_bench: times pyrite::compiler::CompileSource (parse, symbol tables, code generation,
// assembly) over a fixed set of Python files held in memory (bench_harness.h has the usage and
// output).
#include <string_view>
#include <variant>

#include "python/compiler/compiler.h"
#include "testing/bench/bench_harness.h"

namespace {

bool CompileOne(std::string_view source) {
  pyrite::compiler::CompileOptions options;
  return !std::holds_alternative<pyrite::parser::SyntaxError>(
      pyrite::compiler::CompileSource(source, options));
}

}  // namespace

int main(int argc, char** argv) { return pyrite::bench::RunFileBench(argc, argv, CompileOne); }
