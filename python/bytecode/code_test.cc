// Tests of the opcode table's expansion (opcodes.h) and of CodeObject/Constant equality (code.h).
#include "python/bytecode/code.h"

#include <cmath>
#include <limits>
#include <memory>

#include "gtest/gtest.h"
#include "python/bytecode/opcodes.h"

namespace pyrite::bytecode {
namespace {

TEST(OpcodesTest, NumberingAndNames) {
  EXPECT_EQ(static_cast<int>(Opcode::CACHE), 0);
  EXPECT_EQ(Info(Opcode::CACHE).name, "CACHE");
  EXPECT_EQ(Info(Opcode::LOAD_CONST).name, "LOAD_CONST");
  EXPECT_EQ(Info(Opcode::LOAD_CONST).arg, ArgKind::kConst);
  EXPECT_EQ(Info(Opcode::BINARY_SUBSCR).cache, 4);
  EXPECT_EQ(Info(Opcode::LOAD_GLOBAL).cache, 5);
  EXPECT_EQ(static_cast<int>(Opcode::SETUP_FINALLY), 256);
  EXPECT_EQ(static_cast<int>(Opcode::kFirstPseudo), 256);
  EXPECT_EQ(Info(Opcode::SETUP_FINALLY).name, "SETUP_FINALLY");
  EXPECT_EQ(Info(Opcode::POP_JUMP_IF_NOT_NONE).name, "POP_JUMP_IF_NOT_NONE");
  EXPECT_EQ(Info(static_cast<Opcode>(250)).name, "<invalid>");
  EXPECT_EQ(Info(Opcode::kLastPseudoPlusOne).name, "<invalid>");
  EXPECT_NE(kOpcodeTableChecksum, 0u);
}

TEST(OpcodesTest, EveryRealOpcodeHasADistinctName) {
  for (int i = 0; i < kNumRealOpcodes; ++i) {
    for (int j = i + 1; j < kNumRealOpcodes; ++j) {
      EXPECT_NE(Info(static_cast<Opcode>(i)).name, Info(static_cast<Opcode>(j)).name);
    }
  }
}

TEST(OpcodesTest, Classification) {
  EXPECT_TRUE(IsPseudo(Opcode::SETUP_FINALLY));
  EXPECT_TRUE(IsPseudo(Opcode::JUMP));
  EXPECT_FALSE(IsPseudo(Opcode::JUMP_FORWARD));
  EXPECT_FALSE(IsPseudo(Opcode::kLastPseudoPlusOne));
  EXPECT_TRUE(IsJump(Opcode::JUMP_FORWARD));
  EXPECT_TRUE(IsJump(Opcode::FOR_ITER));
  EXPECT_TRUE(IsJump(Opcode::SEND));
  EXPECT_TRUE(IsJump(Opcode::JUMP));
  EXPECT_TRUE(IsJump(Opcode::POP_JUMP_IF_FALSE));
  EXPECT_FALSE(IsJump(Opcode::LOAD_CONST));
  EXPECT_FALSE(IsJump(Opcode::RETURN_VALUE));
  for (int i = 0; i < kNumRealOpcodes; ++i) {
    const Opcode op = static_cast<Opcode>(i);
    const ArgKind arg = Info(op).arg;
    EXPECT_EQ(IsJump(op), arg == ArgKind::kJumpForward || arg == ArgKind::kJumpBackward)
        << Info(op).name;
  }
}

TEST(OpcodesTest, StackEffects) {
  EXPECT_EQ(StackEffect(Opcode::LOAD_CONST, 0, false), 1);
  EXPECT_EQ(StackEffect(Opcode::POP_TOP, 0, false), -1);
  EXPECT_EQ(StackEffect(Opcode::BUILD_TUPLE, 3, false), -2);
  EXPECT_EQ(StackEffect(Opcode::BUILD_MAP, 2, false), -3);
  EXPECT_EQ(StackEffect(Opcode::BUILD_SLICE, 3, false), -2);
  EXPECT_EQ(StackEffect(Opcode::BUILD_SLICE, 2, false), -1);
  EXPECT_EQ(StackEffect(Opcode::LOAD_GLOBAL, 1, false), 2);
  EXPECT_EQ(StackEffect(Opcode::LOAD_GLOBAL, 0, false), 1);
  EXPECT_EQ(StackEffect(Opcode::MAKE_FUNCTION, 0x0F, false), -4);
  EXPECT_EQ(StackEffect(Opcode::UNPACK_EX, 2 | (3 << 8), false), 5);
  EXPECT_EQ(StackEffect(Opcode::FOR_ITER, 0, false), 1);
  EXPECT_EQ(StackEffect(Opcode::FOR_ITER, 0, true), -1);
  EXPECT_EQ(StackEffect(Opcode::JUMP_IF_TRUE_OR_POP, 0, true), 0);
  EXPECT_EQ(StackEffect(Opcode::JUMP_IF_TRUE_OR_POP, 0, false), -1);
  EXPECT_EQ(StackEffect(Opcode::SETUP_CLEANUP, 0, true), 2);
  EXPECT_EQ(StackEffect(Opcode::SETUP_CLEANUP, 0, false), 0);
  EXPECT_EQ(StackEffect(Opcode::CALL_FUNCTION_EX, 1, false), -3);
}

TEST(OpcodesTest, CodeUnits) {
  const uint16_t unit = MakeCodeUnit(Opcode::LOAD_FAST, 200);
  EXPECT_EQ(UnitOpcode(unit), Opcode::LOAD_FAST);
  EXPECT_EQ(UnitArg(unit), 200);
}

Constant FloatConst(double value) {
  Constant c;
  c.kind = Constant::Kind::kFloat;
  c.real = value;
  return c;
}

TEST(ConstantTest, FloatsCompareBitwise) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(FloatConst(nan), FloatConst(nan));
  EXPECT_FALSE(FloatConst(0.0) == FloatConst(-0.0));
  EXPECT_EQ(FloatConst(1.5), FloatConst(1.5));
  Constant a;
  a.kind = Constant::Kind::kComplex;
  a.imag = -0.0;
  Constant b = a;
  EXPECT_EQ(a, b);
  b.imag = 0.0;
  EXPECT_FALSE(a == b);
}

TEST(ConstantTest, KindsAndPayloads) {
  Constant none;
  Constant ellipsis;
  ellipsis.kind = Constant::Kind::kEllipsis;
  EXPECT_EQ(none, Constant{});
  EXPECT_FALSE(none == ellipsis);
  Constant str;
  str.kind = Constant::Kind::kStr;
  str.text = "x";
  Constant bytes = str;
  bytes.kind = Constant::Kind::kBytes;
  EXPECT_FALSE(str == bytes);
  Constant small;
  small.kind = Constant::Kind::kInt;
  small.integer = 5;
  Constant big = small;
  big.big = true;
  big.text = "5";
  EXPECT_FALSE(small == big);
  Constant tuple;
  tuple.kind = Constant::Kind::kTuple;
  tuple.items = {small, str};
  Constant frozen = tuple;
  frozen.kind = Constant::Kind::kFrozenSet;
  EXPECT_FALSE(tuple == frozen);
  Constant tuple2 = tuple;
  EXPECT_EQ(tuple, tuple2);
  tuple2.items[1].text = "y";
  EXPECT_FALSE(tuple == tuple2);
}

TEST(CodeObjectTest, NestedCodeComparesByValue) {
  auto inner1 = std::make_shared<CodeObject>();
  inner1->name = "g";
  inner1->code = {MakeCodeUnit(Opcode::RETURN_VALUE, 0)};
  auto inner2 = std::make_shared<CodeObject>(*inner1);
  Constant c1;
  c1.kind = Constant::Kind::kCode;
  c1.code = inner1;
  Constant c2 = c1;
  c2.code = inner2;
  EXPECT_EQ(c1, c2);
  CodeObject outer1;
  outer1.consts = {c1};
  CodeObject outer2;
  outer2.consts = {c2};
  EXPECT_EQ(outer1, outer2);
  inner2->positions.push_back(Position{1, 1, 0, 4});
  EXPECT_FALSE(outer1 == outer2);
  Constant null_code;
  null_code.kind = Constant::Kind::kCode;
  EXPECT_FALSE(null_code == c1);
  EXPECT_EQ(null_code, null_code);
}

TEST(CodeObjectTest, EveryFieldTakesPart) {
  CodeObject base;
  auto differs = [&](auto mutate) {
    CodeObject other = base;
    mutate(other);
    return !(other == base);
  };
  EXPECT_TRUE(differs([](CodeObject& c) { c.argcount = 1; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.posonlyargcount = 1; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.kwonlyargcount = 1; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.flags = kGenerator; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.stacksize = 3; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.code = {1}; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.consts = {Constant{}}; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.names = {"x"}; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.localsplusnames = {"x"}; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.localspluskinds = {kLocal}; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.filename = "f"; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.name = "f"; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.qualname = "f"; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.firstlineno = 9; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.positions = {Position{}}; }));
  EXPECT_TRUE(differs([](CodeObject& c) { c.exception_table = {ExceptionTableEntry{}}; }));
}

}  // namespace
}  // namespace pyrite::bytecode
