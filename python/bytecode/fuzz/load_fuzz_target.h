// The bytecode loader's libFuzzer entry point, declared for the regression test's own main(),
// which calls it on each seed the way libFuzzer would.
#ifndef PYRITE_PYTHON_BYTECODE_FUZZ_LOAD_FUZZ_TARGET_H_
#define PYRITE_PYTHON_BYTECODE_FUZZ_LOAD_FUZZ_TARGET_H_

#include <cstddef>
#include <cstdint>

// Loads `data` as a bytecode artefact; must never crash, hang or leak whatever the bytes. What
// loads must validate, disassemble, and survive serialise -> load -> serialise byte-identically.
// Returns 0.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

#endif  // PYRITE_PYTHON_BYTECODE_FUZZ_LOAD_FUZZ_TARGET_H_
