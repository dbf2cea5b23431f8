// The shared driver of the front-end benchmarks (parse_bench, compile_bench): reads the files
// named in a list into memory, then times one step over all of them, best of N passes.
//
// Usage of a benchmark built on it: NAME [--passes N] LIST_FILE
// Prints `pyrite_seconds S`, `files N`, `bytes N` and `rejected N` (sources the step rejected;
// 0 when Pyrite agrees with CPython on the file set).
#ifndef PYRITE_TESTING_BENCH_BENCH_HARNESS_H_
#define PYRITE_TESTING_BENCH_BENCH_HARNESS_H_

#include <string_view>

namespace pyrite::bench {

// `step` processes one source and returns false when it rejects it. Returns the exit status.
int RunFileBench(int argc, char** argv, bool (*step)(std::string_view source));

}  // namespace pyrite::bench

#endif  // PYRITE_TESTING_BENCH_BENCH_HARNESS_H_
