// Hand-assembled code objects for tests (serialize_test, dis_test, the fuzz corpus generator):
// a tiny assembler that inserts EXTENDED_ARG prefixes and CACHE units as opcodes.def says, and a
// sample module that uses every constant kind, nested code, cells, free variables and an
// exception table.
#ifndef PYRITE_PYTHON_BYTECODE_TEST_CODE_H_
#define PYRITE_PYTHON_BYTECODE_TEST_CODE_H_

#include <cstdint>
#include <memory>
#include <string>

#include "python/bytecode/code.h"
#include "python/bytecode/opcodes.h"

namespace pyrite::bytecode::testing {

class Assembler {
 public:
  explicit Assembler(CodeObject& code) : code_(code) {}

  // Appends `op` (with prefixes and caches) located at `line`; returns its first unit's offset.
  uint32_t Emit(Opcode op, uint32_t arg = 0, int line = -1, int col = -1, int end_col = -1);
  // The offset the next instruction will have.
  uint32_t Here() const { return static_cast<uint32_t>(code_.code.size()); }
  // Rewrites the 8-bit argument of the jump at `at` so that it lands on `target`.
  void PatchJump(uint32_t at, uint32_t target);

 private:
  CodeObject& code_;
};

Constant None();
Constant Int(int64_t value);
Constant BigInt(std::string digits);
Constant Float(double value);
Constant Str(std::string text);
Constant Bytes(std::string bytes);
Constant Tuple(std::vector<Constant> items);
Constant Code(std::shared_ptr<const CodeObject> code);

// `def f(a, *, b): return a + b`-like function with a cell and a closure.
std::shared_ptr<const CodeObject> SampleFunction();
// A module holding every constant kind, SampleFunction, a loop and a try/except.
std::shared_ptr<const CodeObject> SampleModule();
// Constants nested `depth` tuples deep inside a module.
std::shared_ptr<const CodeObject> NestedTuples(int depth);

}  // namespace pyrite::bytecode::testing

#endif  // PYRITE_PYTHON_BYTECODE_TEST_CODE_H_
