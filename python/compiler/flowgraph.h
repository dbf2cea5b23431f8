// The control-flow graph code generation builds and the assembler consumes: pseudo-instructions
// (opcodes.def, pseudo jumps and SETUP_*/POP_BLOCK included) grouped into basic blocks. A block
// ends at its first jump or terminator; blocks are laid out in the order of their `next` links,
// which is also the fall-through order. Arguments of instructions that name cells or free
// variables (kFree) hold the index into the unit's cell list (cells first, then free variables)
// until the assembler turns them into slot numbers.
#ifndef PYRITE_PYTHON_COMPILER_FLOWGRAPH_H_
#define PYRITE_PYTHON_COMPILER_FLOWGRAPH_H_

#include <memory>
#include <string>
#include <vector>

#include "python/bytecode/code.h"
#include "python/bytecode/opcodes.h"

namespace pyrite::compiler {

struct BasicBlock;

struct Instr {
  bytecode::Opcode op = bytecode::Opcode::NOP;
  int arg = 0;
  BasicBlock* target = nullptr;  // jumps and SETUP_*
  bytecode::Position loc;
  BasicBlock* handler = nullptr;  // assembler: the innermost exception handler covering it
};

struct BasicBlock {
  std::vector<Instr> instrs;
  BasicBlock* next = nullptr;  // layout (and fall-through) order
  // Assembler state.
  int startdepth = -1;
  int offset = 0;
  int index = 0;
  bool reachable = false;
  bool is_handler = false;
  bool preserve_lasti = false;
  bool labelled = false;  // exception stack at entry known

  bool Ends() const;  // ends in a jump or a terminator (no instruction may follow)
};

// Facts about a unit the assembler needs besides its blocks.
struct AssemblyInput {
  BasicBlock* entry = nullptr;
  int ncells = 0;                          // cell entries of the kFree numbering
  std::vector<std::string> varnames;       // fast locals, parameters first
  std::vector<std::string> cellvars;       // sorted as CPython does
  std::vector<std::string> freevars;
  int nparams = 0;                         // leading varnames that are parameters
  bool generator_like = false;             // generator, coroutine or async generator
};

// Turns the graph into the code units, positions, exception table, stack size and slot tables
// of `code` (whose other fields the caller fills). The graph is changed in place.
void Assemble(AssemblyInput& input, bytecode::CodeObject& code);

// The pieces, exposed for tests.
namespace assemble_internal {
// Maximum stack depth over all reachable paths; sets each block's startdepth.
int StackDepth(BasicBlock* entry);
}  // namespace assemble_internal

}  // namespace pyrite::compiler

#endif  // PYRITE_PYTHON_COMPILER_FLOWGRAPH_H_
