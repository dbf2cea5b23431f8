// The parser fuzz target: arbitrary bytes through source decoding, the tokenizer and the parser.
// Either result (a tree or a SyntaxError) is fine; the sanitizers judge the run. Later targets
// may dump or compile a successful parse.
#include "python/parser/fuzz/parse_fuzz_target.h"

#include <string_view>

#include "python/parser/arena.h"
#include "python/parser/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pyrite::parser::Arena arena;
  auto result =
      pyrite::parser::Parse(std::string_view(reinterpret_cast<const char*>(data), size), arena);
  (void)result;
  return 0;
}
