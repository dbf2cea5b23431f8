// Deep equality of constants and code objects. Floats compare by bit pattern, as CPython's
// constant deduplication keys them, so 0.0 != -0.0 and a NaN equals the same NaN.
#include "python/bytecode/code.h"

#include <cstring>

namespace pyrite::bytecode {
namespace {

bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof(double)) == 0; }

}  // namespace

bool operator==(const Constant& a, const Constant& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Constant::Kind::kNone:
    case Constant::Kind::kEllipsis:
    case Constant::Kind::kFalse:
    case Constant::Kind::kTrue:
      return true;
    case Constant::Kind::kInt:
      if (a.big != b.big) return false;
      return a.big ? a.text == b.text : a.integer == b.integer;
    case Constant::Kind::kFloat:
      return SameBits(a.real, b.real);
    case Constant::Kind::kComplex:
      return SameBits(a.real, b.real) && SameBits(a.imag, b.imag);
    case Constant::Kind::kStr:
    case Constant::Kind::kBytes:
      return a.text == b.text;
    case Constant::Kind::kTuple:
    case Constant::Kind::kFrozenSet:
      return a.items == b.items;
    case Constant::Kind::kCode:
      if (a.code == b.code) return true;
      if (a.code == nullptr || b.code == nullptr) return false;
      return *a.code == *b.code;
  }
  return false;
}

bool operator==(const CodeObject& a, const CodeObject& b) {
  return a.argcount == b.argcount && a.posonlyargcount == b.posonlyargcount &&
         a.kwonlyargcount == b.kwonlyargcount && a.flags == b.flags && a.stacksize == b.stacksize &&
         a.code == b.code && a.consts == b.consts && a.names == b.names &&
         a.localsplusnames == b.localsplusnames && a.localspluskinds == b.localspluskinds &&
         a.filename == b.filename && a.name == b.name && a.qualname == b.qualname &&
         a.firstlineno == b.firstlineno && a.positions == b.positions &&
         a.exception_table == b.exception_table;
}

}  // namespace pyrite::bytecode
