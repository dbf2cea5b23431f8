// Smoke program for the WebAssembly toolchain: exercises the C++ standard library (strings,
// containers, algorithms) and a non-zero exit status, which smoke_test.sh checks under Node.
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  std::vector<std::string> words = {"wasm", "from", "hello"};
  std::reverse(words.begin(), words.end());
  std::map<std::string, int> lengths;
  for (const std::string& w : words) lengths[w] = static_cast<int>(w.size());
  std::string line;
  for (const std::string& w : words) line += (line.empty() ? "" : " ") + w;
  std::printf("%s (%zu words, 'hello' has %d letters)\n", line.c_str(), words.size(),
              lengths["hello"]);
  // `smoke exit N` exits with status N, so the test can see exit codes cross into Node.
  if (argc == 3 && std::string(argv[1]) == "exit") return std::stoi(argv[2]);
  return 0;
}
