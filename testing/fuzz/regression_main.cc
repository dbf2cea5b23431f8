// main() of the fuzz regression tests (parser, bytecode loader): runs LLVMFuzzerTestOneInput,
// which the test links from its fuzz target library, once on every file of the
// seed corpus directories given as arguments (recursively), so the ordinary build and the
// sanitizer configurations exercise the fuzz target without libFuzzer. Fails on an unreadable or
// empty corpus; a crash fails the test by itself.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

// Defined by the fuzz target library the test links.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

bool ReadFile(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
    return 2;
  }
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    std::error_code error;
    std::filesystem::path root(argv[i]);
    if (std::filesystem::is_regular_file(root, error)) {
      files.push_back(root);
      continue;
    }
    std::filesystem::recursive_directory_iterator it(
        root, std::filesystem::directory_options::follow_directory_symlink, error);
    if (error) {
      std::fprintf(stderr, "FAIL: cannot read %s: %s\n", argv[i], error.message().c_str());
      return 1;
    }
    for (; it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
      if (error) break;
      if (it->is_regular_file(error)) files.push_back(it->path());
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "FAIL: no seed files found\n");
    return 1;
  }
  std::string bytes;
  for (const auto& path : files) {
    if (!ReadFile(path, bytes)) {
      std::fprintf(stderr, "FAIL: cannot read %s\n", path.c_str());
      return 1;
    }
    std::printf("%s (%zu bytes)\n", path.c_str(), bytes.size());
    std::fflush(stdout);  // the last line names the culprit if the target crashes
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("ran %zu seed files\n", files.size());
  return 0;
}
