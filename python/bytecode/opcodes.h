// The instruction set as C++: the Opcode enum, per-opcode facts (argument kind, inline cache
// size, flags, stack effect) and the operator numberings that BINARY_OP and COMPARE_OP carry.
// Everything is expanded from opcodes.def.
#ifndef PYRITE_PYTHON_BYTECODE_OPCODES_H_
#define PYRITE_PYTHON_BYTECODE_OPCODES_H_

#include <cstdint>
#include <string_view>

namespace pyrite::bytecode {

// Real opcodes fit a byte; pseudo-instructions (compiler-only) are numbered from 256.
enum class Opcode : uint16_t {
#define OPCODE(name, arg, cache, effect, jump_effect, flags) name,
#define PSEUDO(name, effect, jump_effect, flags)
#include "python/bytecode/opcodes.def"
#undef OPCODE
#undef PSEUDO
  kNumOpcodes,
  kBeforeFirstPseudo = 255,  // so that the first pseudo-instruction is 256
#define OPCODE(name, arg, cache, effect, jump_effect, flags)
#define PSEUDO(name, effect, jump_effect, flags) name,
#include "python/bytecode/opcodes.def"
#undef OPCODE
#undef PSEUDO
  kLastPseudoPlusOne,
  kFirstPseudo = 256,
};

inline constexpr int kNumRealOpcodes = static_cast<int>(Opcode::kNumOpcodes);
static_assert(kNumRealOpcodes <= 256, "real opcodes must fit in the code unit's low byte");

enum class ArgKind : uint8_t {
  kNone,          // argument ignored (0)
  kConst,         // index into co_consts
  kName,          // index into co_names
  kLocal,         // index into the fast locals
  kFree,          // index into the cell/free slots (after the fast locals)
  kJumpForward,   // code units to skip forward, counted from the next instruction
  kJumpBackward,  // code units to go back, counted from the next instruction
  kCount,         // a number of items
  kRaw,           // opcode-specific bits
};

enum OpcodeFlags : uint8_t {
  kTerminator = 1,          // control never falls through (return, raise)
  kNoThrow = 2,             // cannot raise
  kUnconditionalJump = 4,
  kConditionalJump = 8,
};

struct OpcodeInfo {
  std::string_view name;
  ArgKind arg;
  uint8_t cache;  // CACHE units after the instruction
  uint8_t flags;
};

// Facts about a real opcode or a pseudo-instruction.
const OpcodeInfo& Info(Opcode op);
bool IsPseudo(Opcode op);
bool IsJump(Opcode op);  // has a jump target (conditional or not)

// Stack depth change of `op` with `oparg`, when the jump is taken (`jump`) or not.
int StackEffect(Opcode op, int oparg, bool jump);

// BINARY_OP's argument: CPython 3.11's NB_* order, in-place forms offset by kInplaceOffset.
enum class BinaryOp : uint8_t {
  kAdd,
  kAnd,
  kFloorDivide,
  kLshift,
  kMatrixMultiply,
  kMultiply,
  kRemainder,
  kOr,
  kPower,
  kRshift,
  kSubtract,
  kTrueDivide,
  kXor,
  kInplaceOffset,  // kInplaceAdd = 13, ... kInplaceXor = 25
};

// COMPARE_OP's argument.
enum class CompareOp : uint8_t { kLt, kLe, kEq, kNe, kGt, kGe };

// A checksum of the table's encoding-relevant columns (names, in order, argument kinds and cache
// sizes), computed at compile time. serialize.h folds it into the artefact format version, so an
// edit of opcodes.def invalidates every cached artefact without anyone remembering to bump it.
namespace internal {
constexpr uint32_t Fnv1a32(uint32_t hash, std::string_view text) {
  for (char c : text) {
    hash ^= static_cast<uint8_t>(c);
    hash *= 16777619u;
  }
  return hash;
}
constexpr uint32_t OpcodeTableChecksum() {
  uint32_t hash = 2166136261u;
#define OPCODE(name, arg, cache, effect, jump_effect, flags) \
  hash = Fnv1a32(hash, #name "," #arg "," #cache ";");
#define PSEUDO(name, effect, jump_effect, flags)
#include "python/bytecode/opcodes.def"
#undef OPCODE
#undef PSEUDO
  return hash;
}
}  // namespace internal
inline constexpr uint32_t kOpcodeTableChecksum = internal::OpcodeTableChecksum();

// Code unit layout.
inline constexpr uint16_t MakeCodeUnit(Opcode op, uint8_t arg) {
  return static_cast<uint16_t>(static_cast<uint16_t>(op) | (arg << 8));
}
inline constexpr Opcode UnitOpcode(uint16_t unit) { return static_cast<Opcode>(unit & 0xFF); }
inline constexpr uint8_t UnitArg(uint16_t unit) { return static_cast<uint8_t>(unit >> 8); }

}  // namespace pyrite::bytecode

#endif  // PYRITE_PYTHON_BYTECODE_OPCODES_H_
