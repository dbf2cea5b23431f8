// The opcode table expanded into data: per-opcode facts and stack effects, all from opcodes.def.
#include "python/bytecode/opcodes.h"

#include <cstddef>

namespace pyrite::bytecode {
namespace {

// Counts the table's rows, so that the enum and the arrays below cannot drift apart.
constexpr int kRealRows = 0
#define OPCODE(name, arg, cache, effect, jump_effect, flags) +1
#define PSEUDO(name, effect, jump_effect, flags)
#include "python/bytecode/opcodes.def"
#undef OPCODE
#undef PSEUDO
    ;
constexpr int kPseudoRows = 0
#define OPCODE(name, arg, cache, effect, jump_effect, flags)
#define PSEUDO(name, effect, jump_effect, flags) +1
#include "python/bytecode/opcodes.def"
#undef OPCODE
#undef PSEUDO
    ;
constexpr int kNumPseudo =
    static_cast<int>(Opcode::kLastPseudoPlusOne) - static_cast<int>(Opcode::kFirstPseudo);

static_assert(kRealRows == kNumRealOpcodes, "enum and table disagree on the real opcodes");
static_assert(kPseudoRows == kNumPseudo, "enum and table disagree on the pseudo-instructions");
static_assert(static_cast<int>(Opcode::CACHE) == 0, "CACHE must be 0: a zeroed unit is a cache");
static_assert(kNumRealOpcodes < 200, "keep room in the low byte for quickened forms");

constexpr OpcodeInfo kRealInfo[] = {
#define OPCODE(name, arg, cache, effect, jump_effect, flags) \
  {#name, ArgKind::arg, cache, static_cast<uint8_t>(flags)},
#define PSEUDO(name, effect, jump_effect, flags)
#include "python/bytecode/opcodes.def"
#undef OPCODE
#undef PSEUDO
};

// A pseudo-instruction's argument is whatever the compiler needs (a jump or handler label), so
// its kind is kRaw; it never reaches a code object.
constexpr OpcodeInfo kPseudoInfo[] = {
#define OPCODE(name, arg, cache, effect, jump_effect, flags)
#define PSEUDO(name, effect, jump_effect, flags) \
  {#name, ArgKind::kRaw, 0, static_cast<uint8_t>(flags)},
#include "python/bytecode/opcodes.def"
#undef OPCODE
#undef PSEUDO
};

static_assert(sizeof(kRealInfo) / sizeof(kRealInfo[0]) == kNumRealOpcodes);
static_assert(sizeof(kPseudoInfo) / sizeof(kPseudoInfo[0]) == kNumPseudo);

constexpr OpcodeInfo kInvalidInfo = {"<invalid>", ArgKind::kRaw, 0, 0};

}  // namespace

const OpcodeInfo& Info(Opcode op) {
  const int n = static_cast<int>(op);
  if (n < kNumRealOpcodes) return kRealInfo[n];
  const int p = n - static_cast<int>(Opcode::kFirstPseudo);
  if (p >= 0 && p < kNumPseudo) return kPseudoInfo[p];
  return kInvalidInfo;
}

bool IsPseudo(Opcode op) {
  const int n = static_cast<int>(op);
  return n >= static_cast<int>(Opcode::kFirstPseudo) &&
         n < static_cast<int>(Opcode::kLastPseudoPlusOne);
}

bool IsJump(Opcode op) { return (Info(op).flags & (kUnconditionalJump | kConditionalJump)) != 0; }

int StackEffect(Opcode op, int oparg, bool jump) {
  switch (op) {
#define OPCODE(name, arg, cache, effect, jump_effect, flags) \
  case Opcode::name:                                         \
    return jump ? (jump_effect) : (effect);
#define PSEUDO(name, effect, jump_effect, flags) \
  case Opcode::name:                             \
    return jump ? (jump_effect) : (effect);
#include "python/bytecode/opcodes.def"
#undef OPCODE
#undef PSEUDO
    default:
      break;
  }
  (void)oparg;
  return 0;
}

}  // namespace pyrite::bytecode
