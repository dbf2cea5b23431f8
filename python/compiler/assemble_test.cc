// Tests of the assembler on hand-built flow graphs: stack depth, jump direction and
// EXTENDED_ARG sizing to a fixed point, dead code removal, and the exception table that
// SETUP_*/POP_BLOCK become.
#include <memory>
#include <vector>

#include "gtest/gtest.h"
#include "python/bytecode/code.h"
#include "python/bytecode/opcodes.h"
#include "python/bytecode/serialize.h"
#include "python/compiler/flowgraph.h"

namespace pyrite::compiler {
namespace {

using bytecode::Opcode;

class Graph {
 public:
  BasicBlock* New() {
    blocks_.push_back(std::make_unique<BasicBlock>());
    BasicBlock* b = blocks_.back().get();
    if (last_ != nullptr) last_->next = b;
    last_ = b;
    return b;
  }
  static void Add(BasicBlock* b, Opcode op, int arg = 0, BasicBlock* target = nullptr) {
    Instr in;
    in.op = op;
    in.arg = arg;
    in.target = target;
    in.loc = bytecode::Position{1, 1, 0, 1};
    b->instrs.push_back(in);
  }
  bytecode::CodeObject Assemble(int nconsts = 1) {
    AssemblyInput input;
    input.entry = blocks_.front().get();
    bytecode::CodeObject code;
    code.name = code.qualname = "t";
    for (int i = 0; i < nconsts; ++i) code.consts.push_back(bytecode::Constant{});
    compiler::Assemble(input, code);
    return code;
  }

 private:
  std::vector<std::unique_ptr<BasicBlock>> blocks_;
  BasicBlock* last_ = nullptr;
};

TEST(AssembleTest, StackDepth) {
  Graph g;
  BasicBlock* b = g.New();
  for (int i = 0; i < 5; ++i) Graph::Add(b, Opcode::LOAD_CONST, 0);
  Graph::Add(b, Opcode::BUILD_TUPLE, 5);
  Graph::Add(b, Opcode::RETURN_VALUE);
  bytecode::CodeObject code = g.Assemble();
  EXPECT_EQ(code.stacksize, 5);
  EXPECT_TRUE(bytecode::ValidateCode(code).ok()) << bytecode::ValidateCode(code);
}

TEST(AssembleTest, DeadCodeAfterReturnIsDropped) {
  Graph g;
  BasicBlock* b = g.New();
  Graph::Add(b, Opcode::LOAD_CONST, 0);
  Graph::Add(b, Opcode::RETURN_VALUE);
  Graph::Add(b, Opcode::LOAD_CONST, 0);
  Graph::Add(b, Opcode::POP_TOP);
  bytecode::CodeObject code = g.Assemble();
  EXPECT_EQ(code.code.size(), 2u);
  EXPECT_EQ(code.positions.size(), code.code.size());
}

TEST(AssembleTest, LongForwardJumpGetsExtendedArg) {
  Graph g;
  BasicBlock* entry = g.New();
  BasicBlock* body = g.New();
  BasicBlock* end = g.New();
  Graph::Add(entry, Opcode::LOAD_CONST, 0);
  Graph::Add(entry, Opcode::POP_JUMP_IF_FALSE, 0, end);
  for (int i = 0; i < 300; ++i) Graph::Add(body, Opcode::NOP);
  // NOPs on one line are merged away; give each its own line.
  for (int i = 0; i < 300; ++i) body->instrs[i].loc.lineno = i + 2;
  Graph::Add(end, Opcode::LOAD_CONST, 0);
  Graph::Add(end, Opcode::RETURN_VALUE);
  bytecode::CodeObject code = g.Assemble();
  EXPECT_EQ(bytecode::UnitOpcode(code.code[1]), Opcode::EXTENDED_ARG);
  EXPECT_EQ(bytecode::UnitOpcode(code.code[2]), Opcode::POP_JUMP_FORWARD_IF_FALSE);
  int arg = (bytecode::UnitArg(code.code[1]) << 8) | bytecode::UnitArg(code.code[2]);
  EXPECT_EQ(arg, 300);
  EXPECT_TRUE(bytecode::ValidateCode(code).ok()) << bytecode::ValidateCode(code);
}

TEST(AssembleTest, BackwardJump) {
  Graph g;
  BasicBlock* entry = g.New();
  BasicBlock* loop = g.New();
  Graph::Add(entry, Opcode::NOP);
  Graph::Add(loop, Opcode::NOP);
  Graph::Add(loop, Opcode::JUMP, 0, loop);
  bytecode::CodeObject code = g.Assemble();
  EXPECT_EQ(bytecode::UnitOpcode(code.code.back()), Opcode::JUMP_BACKWARD);
  EXPECT_TRUE(bytecode::ValidateCode(code).ok()) << bytecode::ValidateCode(code);
}

TEST(AssembleTest, ExceptionTableFromSetup) {
  Graph g;
  BasicBlock* entry = g.New();
  BasicBlock* body = g.New();
  BasicBlock* handler = g.New();
  Graph::Add(entry, Opcode::LOAD_CONST, 0);
  Graph::Add(entry, Opcode::SETUP_FINALLY, 0, handler);
  Graph::Add(body, Opcode::LOAD_CONST, 0);
  Graph::Add(body, Opcode::POP_TOP);
  Graph::Add(body, Opcode::POP_BLOCK);
  Graph::Add(body, Opcode::RETURN_VALUE);
  Graph::Add(handler, Opcode::POP_TOP);
  Graph::Add(handler, Opcode::RETURN_VALUE);
  bytecode::CodeObject code = g.Assemble();
  ASSERT_EQ(code.exception_table.size(), 1u);
  EXPECT_EQ(code.exception_table[0].start, 1u);
  EXPECT_EQ(code.exception_table[0].end, 3u);
  EXPECT_EQ(code.exception_table[0].target, 4u);
  EXPECT_EQ(code.exception_table[0].depth, 1u);
  EXPECT_FALSE(code.exception_table[0].lasti);
  EXPECT_EQ(code.stacksize, 2);
  EXPECT_TRUE(bytecode::ValidateCode(code).ok()) << bytecode::ValidateCode(code);
}

}  // namespace
}  // namespace pyrite::compiler
