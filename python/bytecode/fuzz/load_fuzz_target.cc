// LoadArtifact under fuzzing: arbitrary bytes give a Status or a code object that is valid,
// printable, and round-trips exactly; any other outcome aborts so that libFuzzer records it.
#include "python/bytecode/fuzz/load_fuzz_target.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "python/bytecode/dis.h"
#include "python/bytecode/serialize.h"

namespace {

[[noreturn]] void Die(const char* what) {
  std::fprintf(stderr, "load_fuzz_target: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using pyrite::bytecode::Artifact;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<Artifact> loaded = pyrite::bytecode::LoadArtifact(bytes);
  if (!loaded.ok()) {
    if (loaded.status().message().empty()) Die("error without a message");
    return 0;
  }
  if (!pyrite::bytecode::ValidateCode(*loaded->code).ok()) Die("loaded code does not validate");
  if (pyrite::bytecode::Disassemble(*loaded->code).empty()) Die("empty disassembly");
  const std::string first = pyrite::bytecode::SerializeArtifact(*loaded->code, loaded->source);
  absl::StatusOr<Artifact> again = pyrite::bytecode::LoadArtifact(first);
  if (!again.ok()) Die("re-serialised artefact does not load");
  if (!(*again->code == *loaded->code)) Die("round trip changed the code object");
  const std::string second = pyrite::bytecode::SerializeArtifact(*again->code, again->source);
  if (first != second) Die("round trip is not byte-identical");
  return 0;
}
