// Hand-assembled code objects for tests; see test_code.h.
#include "python/bytecode/test_code.h"

#include <cmath>
#include <limits>
#include <utility>

namespace pyrite::bytecode::testing {

uint32_t Assembler::Emit(Opcode op, uint32_t arg, int line, int col, int end_col) {
  const uint32_t start = Here();
  const Position pos = line < 0 ? Position{} : Position{line, line, col, end_col};
  auto unit = [&](Opcode o, uint8_t a) {
    code_.code.push_back(MakeCodeUnit(o, a));
    code_.positions.push_back(pos);
  };
  for (int shift = 24; shift > 0; shift -= 8) {
    if ((arg >> shift) != 0) unit(Opcode::EXTENDED_ARG, static_cast<uint8_t>(arg >> shift));
  }
  unit(op, static_cast<uint8_t>(arg));
  for (int k = 0; k < Info(op).cache; ++k) unit(Opcode::CACHE, 0);
  return start;
}

void Assembler::PatchJump(uint32_t at, uint32_t target) {
  const Opcode op = UnitOpcode(code_.code[at]);
  const int64_t next = int64_t{at} + 1 + Info(op).cache;
  const int64_t delta =
      Info(op).arg == ArgKind::kJumpBackward ? next - int64_t{target} : int64_t{target} - next;
  code_.code[at] = MakeCodeUnit(op, static_cast<uint8_t>(delta));
}

Constant None() { return Constant{}; }
Constant Int(int64_t value) {
  Constant c;
  c.kind = Constant::Kind::kInt;
  c.integer = value;
  return c;
}
Constant BigInt(std::string digits) {
  Constant c;
  c.kind = Constant::Kind::kInt;
  c.big = true;
  c.text = std::move(digits);
  return c;
}
Constant Float(double value) {
  Constant c;
  c.kind = Constant::Kind::kFloat;
  c.real = value;
  return c;
}
Constant Str(std::string text) {
  Constant c;
  c.kind = Constant::Kind::kStr;
  c.text = std::move(text);
  return c;
}
Constant Bytes(std::string bytes) {
  Constant c;
  c.kind = Constant::Kind::kBytes;
  c.text = std::move(bytes);
  return c;
}
Constant Tuple(std::vector<Constant> items) {
  Constant c;
  c.kind = Constant::Kind::kTuple;
  c.items = std::move(items);
  return c;
}
Constant Code(std::shared_ptr<const CodeObject> code) {
  Constant c;
  c.kind = Constant::Kind::kCode;
  c.code = std::move(code);
  return c;
}

namespace {

Constant Simple(Constant::Kind kind) {
  Constant c;
  c.kind = kind;
  return c;
}

}  // namespace

std::shared_ptr<const CodeObject> SampleFunction() {
  auto f = std::make_shared<CodeObject>();
  f->argcount = 1;
  f->kwonlyargcount = 1;
  f->flags = kOptimized | kNewLocals | kNested;
  f->stacksize = 2;
  f->filename = "sample.py";
  f->name = "f";
  f->qualname = "f";
  f->firstlineno = 3;
  f->localsplusnames = {"a", "b", "c", "x"};
  f->localspluskinds = {kLocal | kLocalArg, kLocal | kLocalArg, kCell, kFree};
  Assembler a(*f);
  a.Emit(Opcode::COPY_FREE_VARS, 1);
  a.Emit(Opcode::MAKE_CELL, 2);
  a.Emit(Opcode::RESUME, 0, 3, 0, 0);
  a.Emit(Opcode::LOAD_FAST, 0, 4, 8, 9);
  a.Emit(Opcode::LOAD_FAST, 1, 4, 12, 13);
  a.Emit(Opcode::BINARY_OP, static_cast<uint32_t>(BinaryOp::kAdd), 4, 8, 13);
  a.Emit(Opcode::STORE_DEREF, 2, 4, 4, 5);
  a.Emit(Opcode::LOAD_DEREF, 3, 5, 11, 12);
  a.Emit(Opcode::LOAD_DEREF, 2, 5, 15, 16);
  a.Emit(Opcode::BINARY_OP, static_cast<uint32_t>(BinaryOp::kMultiply), 5, 11, 16);
  a.Emit(Opcode::RETURN_VALUE, 0, 5, 4, 16);
  return f;
}

std::shared_ptr<const CodeObject> SampleModule() {
  auto m = std::make_shared<CodeObject>();
  m->stacksize = 4;
  m->filename = "sample.py";
  m->name = "<module>";
  m->qualname = "<module>";
  m->firstlineno = 1;
  Constant complex = Simple(Constant::Kind::kComplex);
  complex.real = 0.0;
  complex.imag = 2.5;
  Constant frozen = Simple(Constant::Kind::kFrozenSet);
  frozen.items = {Int(1), Int(2)};
  m->consts = {
      None(),                                           // 0
      Simple(Constant::Kind::kEllipsis),                // 1
      Simple(Constant::Kind::kFalse),                   // 2
      Simple(Constant::Kind::kTrue),                    // 3
      Int(42),                                          // 4
      Int(-7),                                          // 5
      BigInt("123456789012345678901234567890"),         // 6
      BigInt("-99999999999999999999"),                  // 7
      Float(1.5),                                       // 8
      Float(-0.0),                                      // 9
      Float(std::numeric_limits<double>::quiet_NaN()),  // 10
      complex,                                          // 11
      Str("h\xc3\xa9llo \xf0\x9f\x90\x8d"),             // 12
      Str("lone \xed\xa0\x80 surrogate"),               // 13
      Bytes(std::string("\0\xff\"'", 4)),               // 14
      Tuple({Int(1), Str("two"), Tuple({})}),           // 15
      frozen,                                           // 16
      Code(SampleFunction()),                           // 17
  };
  m->names = {"print", "range", "ValueError", "f", "i"};
  Assembler a(*m);
  a.Emit(Opcode::RESUME, 0, 0, 0, 0);
  a.Emit(Opcode::LOAD_CONST, 17, 3, 0, 20);
  a.Emit(Opcode::MAKE_FUNCTION, 0, 3, 0, 20);
  a.Emit(Opcode::STORE_NAME, 3, 3, 0, 20);
  const uint32_t try_start = a.Emit(Opcode::NOP, 0, 7, 0, 4);
  a.Emit(Opcode::PUSH_NULL, 0, 8, 4, 9);
  a.Emit(Opcode::LOAD_NAME, 0, 8, 4, 9);
  a.Emit(Opcode::LOAD_CONST, 6, 8, 10, 40);
  a.Emit(Opcode::PRECALL, 1, 8, 4, 41);
  a.Emit(Opcode::CALL, 1, 8, 4, 41);
  a.Emit(Opcode::POP_TOP, 0, 8, 4, 41);
  const uint32_t try_end = a.Here();
  a.Emit(Opcode::PUSH_NULL, 0, 11, 9, 14);
  a.Emit(Opcode::LOAD_NAME, 1, 11, 9, 14);
  a.Emit(Opcode::LOAD_CONST, 4, 11, 15, 17);
  a.Emit(Opcode::PRECALL, 1, 11, 9, 18);
  a.Emit(Opcode::CALL, 1, 11, 9, 18);
  a.Emit(Opcode::GET_ITER, 0, 11, 9, 18);
  const uint32_t loop = a.Emit(Opcode::FOR_ITER, 0, 11, 0, 18);
  a.Emit(Opcode::STORE_NAME, 4, 11, 4, 5);
  const uint32_t back = a.Emit(Opcode::JUMP_BACKWARD, 0, 12, 4, 8);
  a.PatchJump(back, loop);
  a.PatchJump(loop, a.Here());
  a.Emit(Opcode::LOAD_CONST, 0, 12, 4, 8);
  a.Emit(Opcode::RETURN_VALUE, 0, 12, 4, 8);
  const uint32_t handler = a.Emit(Opcode::PUSH_EXC_INFO, 0, 9);
  const uint32_t cleanup_start = a.Emit(Opcode::LOAD_NAME, 2, 9, 7, 17);
  a.Emit(Opcode::CHECK_EXC_MATCH, 0, 9, 7, 17);
  const uint32_t jump = a.Emit(Opcode::POP_JUMP_FORWARD_IF_FALSE, 0, 9, 7, 17);
  a.Emit(Opcode::POP_TOP, 0, 10, 4, 8);
  const uint32_t cleanup_pause = a.Emit(Opcode::POP_EXCEPT, 0, 10, 4, 8);
  a.Emit(Opcode::LOAD_CONST, 0, 10, 4, 8);
  a.Emit(Opcode::RETURN_VALUE, 0, 10, 4, 8);
  a.PatchJump(jump, a.Here());
  const uint32_t reraise = a.Emit(Opcode::RERAISE, 0, 9, 0, 0);
  const uint32_t cleanup_end = a.Here();
  const uint32_t cleanup = a.Emit(Opcode::COPY, 3);
  a.Emit(Opcode::POP_EXCEPT);
  a.Emit(Opcode::RERAISE, 1);
  m->exception_table = {
      {try_start, try_end, handler, 0, false},
      {cleanup_start, cleanup_pause, cleanup, 1, true},
      {reraise, cleanup_end, cleanup, 1, true},
  };
  return m;
}

std::shared_ptr<const CodeObject> NestedTuples(int depth) {
  auto m = std::make_shared<CodeObject>();
  m->stacksize = 1;
  m->name = "<module>";
  m->qualname = "<module>";
  Constant c = Int(0);
  for (int i = 0; i < depth; ++i) c = Tuple({std::move(c)});
  m->consts = {std::move(c)};
  Assembler a(*m);
  a.Emit(Opcode::RESUME, 0);
  a.Emit(Opcode::LOAD_CONST, 0, 1, 0, 1);
  a.Emit(Opcode::RETURN_VALUE, 0, 1, 0, 1);
  return m;
}

}  // namespace pyrite::bytecode::testing
