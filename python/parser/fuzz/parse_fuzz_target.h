// The parser's libFuzzer entry point, declared for the regression test's own main(), which calls
// it on each seed the way libFuzzer would.
#ifndef PYRITE_PYTHON_PARSER_FUZZ_PARSE_FUZZ_TARGET_H_
#define PYRITE_PYTHON_PARSER_FUZZ_PARSE_FUZZ_TARGET_H_

#include <cstddef>
#include <cstdint>

// Parses `data` as a module; must never crash, hang or leak whatever the bytes. Returns 0.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

#endif  // PYRITE_PYTHON_PARSER_FUZZ_PARSE_FUZZ_TARGET_H_
