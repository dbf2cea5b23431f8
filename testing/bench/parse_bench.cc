// parse_bench: times pyrite::parser::Parse over a fixed set of Python files held in memory, each
// with a fresh arena (bench_harness.h has the usage and output).
#include <string_view>
#include <variant>

#include "python/parser/arena.h"
#include "python/parser/parser.h"
#include "testing/bench/bench_harness.h"

namespace {

bool ParseOne(std::string_view source) {
  pyrite::parser::Arena arena;
  return !std::holds_alternative<pyrite::parser::SyntaxError>(
      pyrite::parser::Parse(source, arena));
}

}  // namespace

int main(int argc, char** argv) { return pyrite::bench::RunFileBench(argc, argv, ParseOne); }
