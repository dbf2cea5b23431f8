// The assembler: a unit's control-flow graph to a CodeObject's code units, as CPython 3.11's
// assemble() does. Steps, in order:
//   1. dead code after a jump or terminator inside a block is dropped; the prefix
//      (RETURN_GENERATOR, MAKE_CELL, COPY_FREE_VARS) is inserted;
//   2. unreachable blocks are emptied (reachability follows fall-through, jumps and handlers);
//   3. the stack depth of every block is computed (handlers start at the depth SETUP_* gives);
//   4. every instruction learns its innermost handler from the SETUP_*/POP_BLOCK nesting, after
//      which those pseudo-instructions disappear (the exception table replaces them);
//   5. jumps to jumps are threaded, jumps to the next instruction and redundant NOPs removed;
//   6. pseudo jumps become forward or backward jumps and EXTENDED_ARG prefixes are sized, both
//      iterated to a fixed point since a prefix moves every later offset;
//   7. code units (with CACHE units), one position per unit and the exception table are emitted.
#include <algorithm>
#include <cassert>
#include <unordered_map>
#include <utility>
#include <vector>

#include "python/compiler/flowgraph.h"

namespace pyrite::compiler {

using bytecode::ArgKind;
using bytecode::Info;
using bytecode::Opcode;

namespace {

bool IsSetup(Opcode op) {
  return op == Opcode::SETUP_FINALLY || op == Opcode::SETUP_CLEANUP || op == Opcode::SETUP_WITH;
}

bool IsUnconditional(Opcode op) {
  return (Info(op).flags & (bytecode::kTerminator | bytecode::kUnconditionalJump)) != 0;
}

bool HasTarget(const Instr& in) { return in.target != nullptr; }

std::vector<BasicBlock*> Layout(BasicBlock* entry) {
  std::vector<BasicBlock*> order;
  for (BasicBlock* b = entry; b != nullptr; b = b->next) {
    b->index = static_cast<int>(order.size());
    order.push_back(b);
  }
  return order;
}

void TruncateDeadCode(const std::vector<BasicBlock*>& order) {
  for (BasicBlock* b : order) {
    for (size_t i = 0; i < b->instrs.size(); ++i) {
      const Instr& in = b->instrs[i];
      if (IsUnconditional(in.op) || (HasTarget(in) && !IsSetup(in.op))) {
        b->instrs.resize(i + 1);
        break;
      }
    }
  }
}

void MarkReachable(const std::vector<BasicBlock*>& order) {
  std::vector<BasicBlock*> work;
  auto push = [&](BasicBlock* b) {
    if (b != nullptr && !b->reachable) {
      b->reachable = true;
      work.push_back(b);
    }
  };
  push(order.front());
  while (!work.empty()) {
    BasicBlock* b = work.back();
    work.pop_back();
    bool falls = true;
    for (const Instr& in : b->instrs) {
      if (in.target != nullptr) push(in.target);
      if (IsUnconditional(in.op)) falls = false;
    }
    if (falls) push(b->next);
  }
  for (BasicBlock* b : order) {
    if (!b->reachable) b->instrs.clear();
  }
}

// Exception handling nesting: which handler covers each instruction.
void LabelHandlers(const std::vector<BasicBlock*>& order) {
  std::unordered_map<BasicBlock*, std::vector<BasicBlock*>> entry_stack;
  std::vector<BasicBlock*> work;
  auto visit = [&](BasicBlock* b, const std::vector<BasicBlock*>& stack) {
    if (b == nullptr || b->labelled) return;
    b->labelled = true;
    entry_stack[b] = stack;
    work.push_back(b);
  };
  visit(order.front(), {});
  while (!work.empty()) {
    BasicBlock* b = work.back();
    work.pop_back();
    std::vector<BasicBlock*> stack = entry_stack[b];
    bool falls = true;
    for (Instr& in : b->instrs) {
      if (IsSetup(in.op)) {
        in.target->is_handler = true;
        if (in.op != Opcode::SETUP_FINALLY) in.target->preserve_lasti = true;
        visit(in.target, stack);
        stack.push_back(in.target);
        continue;
      }
      if (in.op == Opcode::POP_BLOCK) {
        if (!stack.empty()) stack.pop_back();
        continue;
      }
      in.handler = stack.empty() ? nullptr : stack.back();
      if (in.target != nullptr) visit(in.target, stack);
      if (IsUnconditional(in.op)) falls = false;
    }
    if (falls) visit(b->next, stack);
  }
  for (BasicBlock* b : order) {
    std::erase_if(b->instrs,
                  [](const Instr& in) { return IsSetup(in.op) || in.op == Opcode::POP_BLOCK; });
  }
}

BasicBlock* SkipEmpty(BasicBlock* b) {
  while (b != nullptr && b->instrs.empty()) b = b->next;
  return b;
}

void Optimize(const std::vector<BasicBlock*>& order) {
  // Thread jumps whose target is only an unconditional pseudo jump.
  for (BasicBlock* b : order) {
    if (b->instrs.empty()) continue;
    Instr& last = b->instrs.back();
    if (last.target == nullptr) continue;
    for (int hops = 0; hops < 16; ++hops) {
      BasicBlock* t = SkipEmpty(last.target);
      if (t == nullptr || t->instrs.size() != 1) break;
      const Instr& first = t->instrs[0];
      if (first.op != Opcode::JUMP && first.op != Opcode::JUMP_NO_INTERRUPT) break;
      if (last.op == Opcode::FOR_ITER || last.op == Opcode::SEND ||
          last.op == Opcode::JUMP_IF_FALSE_OR_POP || last.op == Opcode::JUMP_IF_TRUE_OR_POP) {
        // Real forward-only jumps must keep a later target.
        if (first.target->index <= b->index) break;
      }
      if (first.target == last.target) break;
      last.target = first.target;
    }
  }
  // Jumps to the next instruction.
  for (BasicBlock* b : order) {
    if (b->instrs.empty()) continue;
    Instr& last = b->instrs.back();
    if (last.op != Opcode::JUMP && last.op != Opcode::JUMP_NO_INTERRUPT) continue;
    if (SkipEmpty(last.target) == SkipEmpty(b->next)) {
      last.op = Opcode::NOP;
      last.target = nullptr;
    }
  }
  // NOPs that carry no line of their own.
  for (size_t bi = 0; bi < order.size(); ++bi) {
    BasicBlock* b = order[bi];
    std::vector<Instr> kept;
    kept.reserve(b->instrs.size());
    for (size_t i = 0; i < b->instrs.size(); ++i) {
      const Instr& in = b->instrs[i];
      if (in.op == Opcode::NOP) {
        int line = in.loc.lineno;
        bool redundant = line < 0 || (!kept.empty() && kept.back().loc.lineno == line);
        if (!redundant && i + 1 < b->instrs.size() && b->instrs[i + 1].loc.lineno == line) {
          redundant = true;
        }
        if (!redundant && i + 1 == b->instrs.size()) {
          BasicBlock* n = SkipEmpty(b->next);
          if (n != nullptr && n->instrs[0].loc.lineno == line) redundant = true;
        }
        if (redundant) continue;
      }
      kept.push_back(in);
    }
    b->instrs = std::move(kept);
  }
}

int ExtendedUnits(uint32_t arg) {
  if (arg > 0xFFFFFF) return 3;
  if (arg > 0xFFFF) return 2;
  if (arg > 0xFF) return 1;
  return 0;
}

Opcode Resolve(Opcode op, bool forward) {
  switch (op) {
    case Opcode::JUMP:
      return forward ? Opcode::JUMP_FORWARD : Opcode::JUMP_BACKWARD;
    case Opcode::JUMP_NO_INTERRUPT:
      return forward ? Opcode::JUMP_FORWARD : Opcode::JUMP_BACKWARD_NO_INTERRUPT;
    case Opcode::POP_JUMP_IF_FALSE:
      return forward ? Opcode::POP_JUMP_FORWARD_IF_FALSE : Opcode::POP_JUMP_BACKWARD_IF_FALSE;
    case Opcode::POP_JUMP_IF_TRUE:
      return forward ? Opcode::POP_JUMP_FORWARD_IF_TRUE : Opcode::POP_JUMP_BACKWARD_IF_TRUE;
    case Opcode::POP_JUMP_IF_NONE:
      return forward ? Opcode::POP_JUMP_FORWARD_IF_NONE : Opcode::POP_JUMP_BACKWARD_IF_NONE;
    case Opcode::POP_JUMP_IF_NOT_NONE:
      return forward ? Opcode::POP_JUMP_FORWARD_IF_NOT_NONE
                     : Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE;
    default:
      return op;
  }
}

// Offsets and jump arguments to a fixed point: sizes only grow, so this terminates.
void ResolveJumps(const std::vector<BasicBlock*>& order) {
  // Directions depend only on layout.
  for (BasicBlock* b : order) {
    for (Instr& in : b->instrs) {
      if (in.target == nullptr) continue;
      BasicBlock* t = SkipEmpty(in.target);
      in.target = t;
      bool forward = t->index > b->index;
      Opcode resolved = Resolve(in.op, forward);
      assert(forward || Info(resolved).arg == ArgKind::kJumpBackward);
      in.op = resolved;
    }
  }
  std::unordered_map<const Instr*, int> sizes;
  for (BasicBlock* b : order) {
    for (Instr& in : b->instrs) sizes[&in] = 1 + Info(in.op).cache + ExtendedUnits(in.arg);
  }
  for (int round = 0; round < 64; ++round) {
    int offset = 0;
    for (BasicBlock* b : order) {
      b->offset = offset;
      for (Instr& in : b->instrs) offset += sizes[&in];
    }
    bool changed = false;
    for (BasicBlock* b : order) {
      int at = b->offset;
      for (Instr& in : b->instrs) {
        int size = sizes[&in];
        int next = at + size;
        if (in.target != nullptr) {
          int arg = Info(in.op).arg == ArgKind::kJumpForward ? in.target->offset - next
                                                              : next - in.target->offset;
          in.arg = std::max(arg, 0);
          int new_size = 1 + Info(in.op).cache + ExtendedUnits(in.arg);
          if (new_size > size) {
            sizes[&in] = new_size;
            changed = true;
          }
        }
        at = next;
      }
    }
    if (!changed) break;
  }
}

}  // namespace

bool BasicBlock::Ends() const {
  if (instrs.empty()) return false;
  const Instr& last = instrs.back();
  return IsUnconditional(last.op) || (last.target != nullptr && !IsSetup(last.op));
}

namespace assemble_internal {

int StackDepth(BasicBlock* entry) {
  std::vector<BasicBlock*> work;
  int maxdepth = 0;
  auto push = [&](BasicBlock* b, int depth) {
    if (b == nullptr) return;
    if (b->startdepth < depth && b->startdepth < 0) {
      b->startdepth = depth;
      work.push_back(b);
    }
  };
  push(entry, 0);
  while (!work.empty()) {
    BasicBlock* b = work.back();
    work.pop_back();
    int depth = b->startdepth;
    maxdepth = std::max(maxdepth, depth);
    bool falls = true;
    for (const Instr& in : b->instrs) {
      int effect = bytecode::StackEffect(in.op, in.arg, false);
      int new_depth = depth + effect;
      maxdepth = std::max(maxdepth, new_depth);
      if (in.target != nullptr) {
        int target_depth = depth + bytecode::StackEffect(in.op, in.arg, true);
        maxdepth = std::max(maxdepth, target_depth);
        push(in.target, target_depth);
      }
      depth = new_depth;
      if (IsUnconditional(in.op)) {
        falls = false;
        break;
      }
    }
    if (falls) push(b->next, depth);
  }
  return maxdepth;
}

}  // namespace assemble_internal

void Assemble(AssemblyInput& input, bytecode::CodeObject& code) {
  std::vector<BasicBlock*> order = Layout(input.entry);
  TruncateDeadCode(order);

  // Slots: fast locals, cells that are not parameters, free variables.
  const int nlocals = static_cast<int>(input.varnames.size());
  std::vector<int> cell_slot;
  code.localsplusnames = input.varnames;
  code.localspluskinds.assign(nlocals, bytecode::kLocal);
  for (int i = 0; i < input.nparams && i < nlocals; ++i) {
    code.localspluskinds[i] |= bytecode::kLocalArg;
  }
  for (const std::string& cell : input.cellvars) {
    auto it = std::find(input.varnames.begin(), input.varnames.end(), cell);
    if (it != input.varnames.end()) {
      int slot = static_cast<int>(it - input.varnames.begin());
      code.localspluskinds[slot] |= bytecode::kCell;
      cell_slot.push_back(slot);
    } else {
      cell_slot.push_back(static_cast<int>(code.localsplusnames.size()));
      code.localsplusnames.push_back(cell);
      code.localspluskinds.push_back(bytecode::kCell);
    }
  }
  for (const std::string& free : input.freevars) {
    cell_slot.push_back(static_cast<int>(code.localsplusnames.size()));
    code.localsplusnames.push_back(free);
    code.localspluskinds.push_back(bytecode::kFree);
  }

  // Prefix.
  {
    std::vector<Instr> prefix;
    bytecode::Position loc{code.firstlineno, code.firstlineno, -1, -1};
    for (size_t i = 0; i < input.cellvars.size(); ++i) {
      prefix.push_back(Instr{Opcode::MAKE_CELL, static_cast<int>(i), nullptr, loc, nullptr});
    }
    if (!input.freevars.empty()) {
      prefix.push_back(Instr{Opcode::COPY_FREE_VARS, static_cast<int>(input.freevars.size()),
                             nullptr, loc, nullptr});
    }
    if (input.generator_like) {
      // CPython 3.11 follows RETURN_GENERATOR with a POP_TOP of the value the first send()
      // pushes; opcodes.def gives RETURN_GENERATOR a net effect of 0 and the validator checks
      // depths, so the first resumption here pushes nothing and no POP_TOP follows.
      prefix.push_back(Instr{Opcode::RETURN_GENERATOR, 0, nullptr, loc, nullptr});
    }
    BasicBlock* entry = order.front();
    entry->instrs.insert(entry->instrs.begin(), prefix.begin(), prefix.end());
  }

  MarkReachable(order);
  code.stacksize = assemble_internal::StackDepth(order.front());
  LabelHandlers(order);
  Optimize(order);

  // Cell and free slots.
  for (BasicBlock* b : order) {
    for (Instr& in : b->instrs) {
      if (Info(in.op).arg == ArgKind::kFree && in.arg >= 0 &&
          in.arg < static_cast<int>(cell_slot.size())) {
        in.arg = cell_slot[in.arg];
      }
    }
  }

  ResolveJumps(order);

  // Emission.
  code.code.clear();
  code.positions.clear();
  code.exception_table.clear();
  bytecode::Position last_loc{code.firstlineno, code.firstlineno, -1, -1};
  struct Range {
    uint32_t start, end;
    BasicBlock* handler;
  };
  std::vector<Range> ranges;
  for (BasicBlock* b : order) {
    for (const Instr& in : b->instrs) {
      bytecode::Position loc = in.loc.lineno < 0 ? last_loc : in.loc;
      last_loc = loc;
      uint32_t start = static_cast<uint32_t>(code.code.size());
      uint32_t arg = static_cast<uint32_t>(in.arg);
      if (Info(in.op).arg == ArgKind::kNone) arg = 0;
      int ext = ExtendedUnits(arg);
      for (int k = ext; k >= 1; --k) {
        code.code.push_back(
            bytecode::MakeCodeUnit(Opcode::EXTENDED_ARG, static_cast<uint8_t>(arg >> (8 * k))));
        code.positions.push_back(loc);
      }
      code.code.push_back(bytecode::MakeCodeUnit(in.op, static_cast<uint8_t>(arg & 0xFF)));
      code.positions.push_back(loc);
      for (int k = 0; k < Info(in.op).cache; ++k) {
        code.code.push_back(0);
        code.positions.push_back(loc);
      }
      uint32_t end = static_cast<uint32_t>(code.code.size());
      if (!ranges.empty() && ranges.back().end == start && ranges.back().handler == in.handler) {
        ranges.back().end = end;
      } else {
        ranges.push_back(Range{start, end, in.handler});
      }
    }
  }
  for (const Range& r : ranges) {
    if (r.handler == nullptr) continue;
    BasicBlock* h = SkipEmpty(r.handler);
    if (h == nullptr) continue;
    bytecode::ExceptionTableEntry e;
    e.start = r.start;
    e.end = r.end;
    e.target = static_cast<uint32_t>(h->offset);
    e.lasti = r.handler->preserve_lasti;
    int depth = r.handler->startdepth - 1 - (e.lasti ? 1 : 0);
    e.depth = static_cast<uint32_t>(std::max(depth, 0));
    code.exception_table.push_back(e);
  }
}

}  // namespace pyrite::compiler
