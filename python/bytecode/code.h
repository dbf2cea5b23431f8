// CodeObject: one compiled unit of Python code (module, class body, function, lambda,
// comprehension) with everything the VM, the disassembler and tracebacks need. It is plain data:
// the compiler builds it, serialize.h turns it into code.proto's CodeProto and back, and the VM
// makes its own runtime code objects from it.
#ifndef PYRITE_PYTHON_BYTECODE_CODE_H_
#define PYRITE_PYTHON_BYTECODE_CODE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace pyrite::bytecode {

struct CodeObject;

// A constant of co_consts: every kind CPython 3.11 puts there.
struct Constant {
  enum class Kind : uint8_t {
    kNone,
    kEllipsis,
    kFalse,
    kTrue,
    kInt,       // `integer` when it fits 64 bits, else `text` = decimal digits with optional '-'
    kFloat,     // `real`
    kComplex,   // `real` + `imag` j
    kStr,       // `text`: UTF-8, lone surrogates as 3-byte sequences
    kBytes,     // `text`: raw bytes
    kTuple,     // `items`
    kFrozenSet, // `items`, in the order the compiler produced them
    kCode,      // `code`
  };
  Kind kind = Kind::kNone;
  bool big = false;  // kInt: the value is in `text`
  int64_t integer = 0;
  double real = 0;
  double imag = 0;
  std::string text;
  std::vector<Constant> items;
  std::shared_ptr<const CodeObject> code;

  friend bool operator==(const Constant& a, const Constant& b);
};

// Where an instruction comes from, for tracebacks (3.11's co_positions): 1-based lines, 0-based
// UTF-8 byte columns; -1 where there is none (a line of -1: no location at all).
struct Position {
  int32_t lineno = -1;
  int32_t end_lineno = -1;
  int32_t col = -1;
  int32_t end_col = -1;
  friend bool operator==(const Position&, const Position&) = default;
};

// An exception-table entry (3.11's co_exceptiontable): an exception raised by an instruction in
// [start, end) (code-unit offsets) unwinds the value stack to `depth`, pushes the offset of the
// raising instruction if `lasti`, pushes the exception, and jumps to `target`.
struct ExceptionTableEntry {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t target = 0;
  uint32_t depth = 0;
  bool lasti = false;
  friend bool operator==(const ExceptionTableEntry&, const ExceptionTableEntry&) = default;
};

// co_flags bits, as CPython 3.11 numbers them.
enum CodeFlags : uint32_t {
  kOptimized = 0x0001,
  kNewLocals = 0x0002,
  kVarargs = 0x0004,
  kVarkeywords = 0x0008,
  kNested = 0x0010,
  kGenerator = 0x0020,
  kNoFree = 0x0040,
  kCoroutine = 0x0080,
  kIterableCoroutine = 0x0100,
  kAsyncGenerator = 0x0200,
  kFutureAnnotations = 0x1000000,
};

// Kinds of the "fast" slots (3.11's co_localspluskinds): a slot may be both local and cell.
enum LocalKind : uint8_t {
  kLocalArg = 0x02,  // (set with kLocal) a parameter
  kLocal = 0x20,
  kCell = 0x40,
  kFree = 0x80,
};

struct CodeObject {
  // Signature.
  int32_t argcount = 0;
  int32_t posonlyargcount = 0;
  int32_t kwonlyargcount = 0;
  uint32_t flags = 0;
  int32_t stacksize = 0;
  // Instructions: code units (opcode in the low byte, argument in the high byte), CACHE units
  // included.
  std::vector<uint16_t> code;
  std::vector<Constant> consts;
  std::vector<std::string> names;            // co_names: globals, attributes, imports
  std::vector<std::string> localsplusnames;  // fast locals, then cells, then free variables
  std::vector<uint8_t> localspluskinds;      // LocalKind bits, one per localsplusnames entry
  // Identity and location.
  std::string filename;
  std::string name;
  std::string qualname;
  int32_t firstlineno = 1;
  std::vector<Position> positions;  // one per code unit (CACHE units repeat their instruction's)
  std::vector<ExceptionTableEntry> exception_table;  // sorted by start, non-overlapping

  friend bool operator==(const CodeObject& a, const CodeObject& b);
};

}  // namespace pyrite::bytecode

#endif  // PYRITE_PYTHON_BYTECODE_CODE_H_
