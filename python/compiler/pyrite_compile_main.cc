// The `pyrite_compile` tool: `pyrite_compile [-O|-OO] [--roundtrip] SRC OUT` compiles SRC and
// writes its bytecode artefact (SerializeArtifact with the source's size, mtime and hash) to
// OUT. A rejected source prints CPython's `ERROR <Type> <lineno> <offset> <message>` line and
// exits 1. --roundtrip also loads the artefact back, re-serialises it and exits 3 when the bytes
// differ (the conformance script's check).
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <variant>

#include "python/bytecode/serialize.h"
#include "python/compiler/compiler.h"
#include "python/parser/file_io.h"

namespace pyrite::compiler {
namespace {

int Main(int argc, char** argv) {
  CompileOptions options;
  bool roundtrip = false;
  const char* paths[2] = {nullptr, nullptr};
  int npaths = 0;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-O") {
      options.optimize = 1;
    } else if (arg == "-OO") {
      options.optimize = 2;
    } else if (arg == "--roundtrip") {
      roundtrip = true;
    } else if (npaths < 2) {
      paths[npaths++] = argv[i];
    } else {
      npaths = 3;
    }
  }
  if (npaths != 2) {
    std::fputs("Usage: pyrite_compile [-O|-OO] [--roundtrip] SRC OUT\n", stderr);
    return 2;
  }
  std::string source;
  if (!parser::ReadFile(paths[0], &source)) {
    std::fprintf(stderr, "pyrite_compile: cannot read %s: %s\n", paths[0], std::strerror(errno));
    return 2;
  }
  if (source.find('\0') != std::string::npos) {
    std::fputs("ValueError: source code string cannot contain null bytes\n", stderr);
    return 1;
  }
  options.filename = paths[0];
  CompileResult result = CompileSource(source, options);
  if (auto* error = std::get_if<parser::SyntaxError>(&result)) {
    parser::WriteAll(stdout, parser::ErrorLine(*error));
    return 1;
  }
  const auto& code = std::get<std::shared_ptr<const bytecode::CodeObject>>(result);
  bytecode::SourceInfo info;
  info.size = source.size();
  struct stat st;
  if (stat(paths[0], &st) == 0) {
    info.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  }
  info.hash = bytecode::SourceHash(source);
  std::string bytes = bytecode::SerializeArtifact(*code, info);
  if (!parser::WriteFile(paths[1], bytes)) {
    std::fprintf(stderr, "pyrite_compile: cannot write %s: %s\n", paths[1], std::strerror(errno));
    return 2;
  }
  if (roundtrip) {
    auto loaded = bytecode::LoadArtifact(bytes);
    if (!loaded.ok()) {
      std::fprintf(stderr, "pyrite_compile: artefact does not load: %s\n",
                   std::string(loaded.status().message()).c_str());
      return 3;
    }
    if (bytecode::SerializeArtifact(*loaded->code, loaded->source) != bytes) {
      std::fputs("pyrite_compile: re-serialised artefact differs\n", stderr);
      return 3;
    }
  }
  return 0;
}

}  // namespace
}  // namespace pyrite::compiler

int main(int argc, char** argv) { return pyrite::compiler::Main(argc, argv); }
