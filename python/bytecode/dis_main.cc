// `dis FILE`: disassembles a bytecode artefact (.pb, loaded and validated as the VM would) or a
// Python source file (.py, compiled with pyrite::compiler::CompileSource). Exit status 1 when the
// file cannot be read, loaded or compiled, or when the compiled code fails ValidateCode (the
// listing is still printed); a rejected source prints CPython's error line.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "absl/status/status.h"
#include "python/bytecode/dis.h"
#include "python/bytecode/serialize.h"
#include "python/compiler/compiler.h"
#include "python/parser/syntax_error.h"

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s FILE.py|FILE.pb\n", argv[0]);
    return 2;
  }
  const std::string path = argv[1];
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "dis: cannot open %s\n", path.c_str());
    return 1;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::shared_ptr<const pyrite::bytecode::CodeObject> code;
  absl::Status invalid;
  if (EndsWith(path, ".py")) {
    pyrite::compiler::CompileOptions options;
    options.filename = path;
    pyrite::compiler::CompileResult result = pyrite::compiler::CompileSource(bytes, options);
    if (const auto* error = std::get_if<pyrite::parser::SyntaxError>(&result)) {
      std::fputs(pyrite::parser::ErrorLine(*error).c_str(), stdout);
      return 1;
    }
    code = std::get<std::shared_ptr<const pyrite::bytecode::CodeObject>>(result);
    // The compiler's output must pass the loader's checks; say so when it does not (after the
    // listing, which is what one needs to see why).
    invalid = pyrite::bytecode::ValidateCode(*code);
  } else {
    absl::StatusOr<pyrite::bytecode::Artifact> artifact = pyrite::bytecode::LoadArtifact(bytes);
    if (!artifact.ok()) {
      std::fprintf(stderr, "dis: %s: %s\n", path.c_str(),
                   std::string(artifact.status().message()).c_str());
      return 1;
    }
    code = artifact->code;
  }
  std::fputs(pyrite::bytecode::Disassemble(*code).c_str(), stdout);
  if (!invalid.ok()) {
    std::fflush(stdout);
    std::fprintf(stderr, "dis: %s: compiled code does not validate: %s\n", path.c_str(),
                 std::string(invalid.message()).c_str());
    return 1;
  }
  return 0;
}
