// A readable disassembly of a CodeObject and the code objects nested in its constants, laid out
// like CPython's `dis` (line numbers where they change, ">>" at jump targets, the argument and
// what it means, then the exception table). Offsets count 16-bit code units; CACHE units are not
// shown but take offsets. Works on unvalidated code: anything out of range is marked, not trusted.
//
// Example:
//   Disassembly of <code object f, file "x.py", line 1>:
//     flags: OPTIMIZED, NEWLOCALS; argcount 1, posonlyargcount 0, kwonlyargcount 0; stacksize 2
//     slots: 0 a (arg)
//     1           0 RESUME                             0
//     2           1 LOAD_FAST                          0 (a)
//                 2 RETURN_VALUE
#ifndef PYRITE_PYTHON_BYTECODE_DIS_H_
#define PYRITE_PYTHON_BYTECODE_DIS_H_

#include <string>

#include "python/bytecode/code.h"

namespace pyrite::bytecode {

// The disassembly of `code` and, after it, of every code object in its constants (depth first).
std::string Disassemble(const CodeObject& code);

// Python's repr() of a constant ("'a\\n'", "b'\\x00'", "(1,)", "frozenset({1, 2})", "1e+16",
// "<code object f, file "x.py", line 3>").
std::string ConstantRepr(const Constant& constant);

}  // namespace pyrite::bytecode

#endif  // PYRITE_PYTHON_BYTECODE_DIS_H_
