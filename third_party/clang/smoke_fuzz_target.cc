// A trivial libFuzzer target that proves the clang toolchain end to end: coverage
// instrumentation, libFuzzer and ASan. It reads one byte past the input when the input starts
// with "FUZ", so the fuzzer finds a heap overflow within seconds (see the README of
// testing/parser).
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size >= 3 && data[0] == 'F' && data[1] == 'U' && data[2] == 'Z') {
    volatile uint8_t past_end = data[size];
    (void)past_end;
  }
  return 0;
}
