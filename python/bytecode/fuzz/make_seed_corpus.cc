// Writes the loader fuzzer's seed corpus: artefacts of the hand-built code objects in
// python/bytecode/test_code.h. Run at build time (the :seed_corpus genrule), so the seeds always
// carry the current format version; each seed is checked to load before it is written.
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "python/bytecode/opcodes.h"
#include "python/bytecode/serialize.h"
#include "python/bytecode/test_code.h"

namespace {

using pyrite::bytecode::CodeObject;
using pyrite::bytecode::SerializeArtifact;
using pyrite::bytecode::SourceInfo;

bool Write(const std::string& dir, const std::string& name, const std::string& bytes) {
  if (absl::StatusOr<pyrite::bytecode::Artifact> loaded = pyrite::bytecode::LoadArtifact(bytes);
      !loaded.ok()) {
    std::fprintf(stderr, "seed %s does not load: %s\n", name.c_str(),
                 std::string(loaded.status().message()).c_str());
    return false;
  }
  std::ofstream out(dir + "/" + name, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

std::shared_ptr<const CodeObject> ExtendedArgs() {
  namespace t = pyrite::bytecode::testing;
  using pyrite::bytecode::Opcode;
  auto m = std::make_shared<CodeObject>();
  m->name = "<module>";
  m->stacksize = 1;
  for (int i = 0; i < 300; ++i) m->consts.push_back(t::Int(i * 1000003));
  t::Assembler a(*m);
  a.Emit(Opcode::RESUME);
  a.Emit(Opcode::LOAD_CONST, 299, 1, 0, 3);
  a.Emit(Opcode::RETURN_VALUE, 0, 1, 0, 3);
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUTPUT_DIR\n", argv[0]);
    return 2;
  }
  namespace t = pyrite::bytecode::testing;
  const std::string dir = argv[1];
  const SourceInfo source{321, 1700000000000000000, 0x0123456789abcdefull};
  bool ok = Write(dir, "sample_module.pb", SerializeArtifact(*t::SampleModule(), source)) &&
            Write(dir, "sample_function.pb", SerializeArtifact(*t::SampleFunction(), {})) &&
            Write(dir, "nested_tuples.pb", SerializeArtifact(*t::NestedTuples(12), {})) &&
            Write(dir, "extended_args.pb", SerializeArtifact(*ExtendedArgs(), source));
  if (!ok) {
    std::fprintf(stderr, "cannot write the seeds to %s\n", dir.c_str());
    return 1;
  }
  return 0;
}
