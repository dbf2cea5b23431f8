// python/bigint/bigint_bench.cc: micro-benchmark of BigInt's expensive operations on the operand
// sizes testdata/bigint_bench.py times in CPython 3.11 (same pseudo-random decimal operands), so
// the two outputs can be compared line by line. Build with --config=opt:
//   bazel run --config=opt //python/bigint:bigint_bench
//   /usr/bin/python3.11 python/bigint/testdata/bigint_bench.py
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "python/bigint/bigint.h"

namespace pyrite::bigint {
namespace {

// `digits` pseudo-random decimal digits (first one nonzero) from a 64-bit LCG; the Python script
// computes the same string.
std::string RandomDigits(size_t digits, uint64_t seed) {
  std::string s;
  uint64_t x = seed;
  while (s.size() < digits) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const char c = static_cast<char>('0' + (x >> 33) % 10);
    if (s.empty() && c == '0') continue;
    s += c;
  }
  return s;
}

BigInt Make(size_t digits, uint64_t seed) {
  return BigInt::FromString(RandomDigits(digits, seed), 10).value();
}

// Runs `f` until at least 0.5 s have passed; prints seconds per call.
template <typename F>
void Time(const char* name, F f) {
  using Clock = std::chrono::steady_clock;
  size_t n = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  do {
    f();
    ++n;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  } while (elapsed < 0.5);
  std::printf("%-28s %12.3f us\n", name, elapsed / n * 1e6);
}

volatile size_t sink;

void Run() {
  const BigInt a4 = Make(10000, 1), b4 = Make(10000, 2);
  const BigInt a5 = Make(100000, 3), b5 = Make(100000, 4);
  const BigInt n20k = Make(20000, 5);
  const BigInt n200k = Make(200000, 7), d100k = Make(100000, 8);
  const BigInt s4300 = Make(4300, 6);
  const std::string text4300 = RandomDigits(4300, 6);
  Time("mul 1e4 x 1e4 digits", [&] { sink = (a4 * b4).DigitCount(); });
  Time("mul 1e5 x 1e5 digits", [&] { sink = (a5 * b5).DigitCount(); });
  Time("square 1e5 digits", [&] { sink = (a5 * a5).DigitCount(); });
  Time("divmod 2e4 / 1e4 digits",
       [&] { sink = BigInt::DivMod(n20k, b4).value().first.DigitCount(); });
  Time("divmod 2e5 / 1e5 digits",
       [&] { sink = BigInt::DivMod(n200k, d100k).value().first.DigitCount(); });
  Time("str 4300 digits", [&] { sink = s4300.ToString().size(); });
  Time("int(str) 4300 digits",
       [&] { sink = BigInt::FromString(text4300, 10).value().DigitCount(); });
  const BigInt small1 = BigInt::FromInt64(12345), small2 = BigInt::FromInt64(6789);
  Time("1e6 x small add+mul", [&] {
    BigInt acc;
    for (int i = 0; i < 1000000; ++i) acc = acc + small1 * small2;
    sink = acc.DigitCount();
  });
}

}  // namespace
}  // namespace pyrite::bigint

int main() {
  pyrite::bigint::Run();
  return 0;
}
