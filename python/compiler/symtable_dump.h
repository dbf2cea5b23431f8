// The text of ../shared/tools/symtable_ref.py for a symbol table: every scope depth-first as
// `SCOPE <type> <name> line=<lineno>`, then its symbols sorted by name with the flags that
// CPython's Lib/symtable.py reports for them (is_referenced, is_imported, ...).
//
// Example:
//   std::string text = DumpSymbolTable(table);
//   // "SCOPE module top line=0\n  SYMBOL x global,local,assigned\n"
#ifndef PYRITE_PYTHON_COMPILER_SYMTABLE_DUMP_H_
#define PYRITE_PYTHON_COMPILER_SYMTABLE_DUMP_H_

#include <string>

#include "python/compiler/symtable.h"

namespace pyrite::compiler {

// One line per scope and per symbol, each ending in '\n'.
std::string DumpSymbolTable(const SymbolTable& table);

// The flags of `symbol` in `block`, comma-separated in symtable_ref.py's order, or "-".
std::string SymbolFlagsText(const Block& block, const Symbol& symbol);

}  // namespace pyrite::compiler

#endif  // PYRITE_PYTHON_COMPILER_SYMTABLE_DUMP_H_
