// The shared driver of the front-end benchmarks; see bench_harness.h.
#include "testing/bench/bench_harness.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace pyrite::bench {
namespace {

bool ReadFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace

int RunFileBench(int argc, char** argv, bool (*step)(std::string_view source)) {
  int passes = 3;
  const char* list_path = nullptr;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--passes" && i + 1 < argc) {
      passes = std::atoi(argv[++i]);
    } else if (list_path == nullptr && !arg.starts_with("-")) {
      list_path = argv[i];
    } else {
      list_path = nullptr;
      break;
    }
  }
  if (list_path == nullptr || passes < 1) {
    std::fprintf(stderr, "usage: %s [--passes N] LIST_FILE\n", argv[0]);
    return 2;
  }
  std::ifstream list(list_path);
  if (!list) {
    std::fprintf(stderr, "error: cannot read %s\n", list_path);
    return 2;
  }
  std::vector<std::string> sources;
  size_t bytes = 0;
  for (std::string path; std::getline(list, path);) {
    if (path.empty()) continue;
    std::string source;
    if (!ReadFile(path, source)) {
      std::fprintf(stderr, "error: cannot read %s\n", path.c_str());
      return 2;
    }
    bytes += source.size();
    sources.push_back(std::move(source));
  }

  double best = 0;
  int rejected = 0;
  for (int pass = 0; pass < passes; ++pass) {
    auto start = std::chrono::steady_clock::now();
    rejected = 0;
    for (const std::string& source : sources) {
      if (!step(source)) ++rejected;
    }
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    if (pass == 0 || elapsed.count() < best) best = elapsed.count();
  }
  std::printf("pyrite_seconds %.6f\nfiles %zu\nbytes %zu\nrejected %d\n", best, sources.size(),
              bytes, rejected);
  return 0;
}

}  // namespace pyrite::bench
