// Bytecode artefacts: a CodeObject tree in its protobuf form (code.proto, LITE_RUNTIME) behind a
// header that says what it is and which source it came from. This is the format of the bytecode
// cache (__pycache__/NAME.pyrite-311.pb), of frozen modules and of the wasm bundle.
//
// Loading never trusts its input: bytes that are truncated, malformed, of another format version,
// or that describe an impossible code object (an unknown opcode, an argument out of range, a jump
// outside the code, overlapping exception-table entries, positions that do not match the code, a
// nesting too deep) give an error Status, never a crash.
#ifndef PYRITE_PYTHON_BYTECODE_SERIALIZE_H_
#define PYRITE_PYTHON_BYTECODE_SERIALIZE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "python/bytecode/code.h"
#include "python/bytecode/opcodes.h"

namespace pyrite::bytecode {

// The artefact format version: the layout version (bump by hand whenever code.proto's fields or
// their meaning change) above the opcode table's checksum (changes by itself with opcodes.def).
// LoadArtifact rejects any other version, so stale cache files are recompiled.
inline constexpr uint32_t kArtifactLayoutVersion = 1;
inline constexpr uint64_t kFormatVersion =
    (uint64_t{kArtifactLayoutVersion} << 32) | kOpcodeTableChecksum;
inline constexpr std::string_view kArtifactMagic = "pyrite-bytecode";

// Limits ValidateCode enforces on untrusted input.
inline constexpr int kMaxNestingDepth = 200;       // constants and code objects inside each other
inline constexpr int32_t kMaxStackSize = 1 << 20;  // value-stack slots of one frame

// What the artefact was compiled from, checked by the cache before reuse.
struct SourceInfo {
  uint64_t size = 0;      // bytes
  int64_t mtime_ns = 0;   // modification time, 0 when unknown
  uint64_t hash = 0;      // SourceHash() of the bytes, 0 when not recorded
};

// 64-bit FNV-1a (offset basis 0xcbf29ce484222325, prime 0x100000001b3) of the bytes: cheap,
// stable across platforms and builds, and only meant to notice an edited source.
uint64_t SourceHash(std::string_view source_bytes);

struct Artifact {
  SourceInfo source;
  std::shared_ptr<const CodeObject> code;
};

// The artefact's bytes: magic, format version, source info, then the code tree.
std::string SerializeArtifact(const CodeObject& code, const SourceInfo& source);

absl::StatusOr<Artifact> LoadArtifact(std::string_view bytes);

// Checks that `code` (and every nested code object) is well formed, as LoadArtifact does.
absl::Status ValidateCode(const CodeObject& code);

}  // namespace pyrite::bytecode

#endif  // PYRITE_PYTHON_BYTECODE_SERIALIZE_H_
