// symtable_ref.py's text for a SymbolTable: Lib/symtable.py's Symbol.is_* predicates restated
// over Pyrite's flags and scopes.
#include "python/compiler/symtable_dump.h"

#include <algorithm>
#include <string>
#include <vector>

namespace pyrite::compiler {
namespace {

const char* TypeName(BlockType type) {
  switch (type) {
    case BlockType::kModule:
      return "module";
    case BlockType::kFunction:
      return "function";
    case BlockType::kClass:
      return "class";
    case BlockType::kAnnotation:
      break;
  }
  // symtable.py's get_type() falls off its end for annotation blocks (which are never
  // children, so never printed).
  return "None";
}

void DumpBlock(const Block& block, int depth, std::string& out) {
  std::string pad(2 * depth, ' ');
  out += pad;
  out += "SCOPE ";
  out += TypeName(block.type());
  out += ' ';
  out += block.name();
  out += " line=";
  out += std::to_string(block.lineno());
  out += '\n';
  std::vector<const Symbol*> sorted;
  sorted.reserve(block.symbols().size());
  for (const Symbol& symbol : block.symbols()) sorted.push_back(&symbol);
  // UTF-8 byte order is code point order, which is how Python sorts str.
  std::sort(sorted.begin(), sorted.end(),
            [](const Symbol* a, const Symbol* b) { return a->name < b->name; });
  for (const Symbol* symbol : sorted) {
    out += pad;
    out += "  SYMBOL ";
    out += symbol->name;
    out += ' ';
    out += SymbolFlagsText(block, *symbol);
    out += '\n';
  }
  for (const Block* child : block.children()) DumpBlock(*child, depth + 1, out);
}

}  // namespace

std::string SymbolFlagsText(const Block& block, const Symbol& symbol) {
  int flags = symbol.flags;
  NameScope scope = symbol.scope;
  // symtable.py decides "module scope" by the table's name, so a def or class named `top`
  // counts too.
  bool module_scope = block.name() == "top";
  bool bound_at_module = module_scope && (flags & kDefBound);
  bool is_namespace = false;
  for (const Block* child : block.children()) {
    if (child->name() == symbol.name) is_namespace = true;
  }
  const bool values[] = {
      (flags & kUse) != 0,
      (flags & kDefImport) != 0,
      (flags & kDefParam) != 0,
      scope == NameScope::kGlobalImplicit || scope == NameScope::kGlobalExplicit || bound_at_module,
      scope == NameScope::kGlobalExplicit,
      scope == NameScope::kLocal || scope == NameScope::kCell || bound_at_module,
      (flags & kDefAnnot) != 0,
      scope == NameScope::kFree,
      (flags & kDefLocal) != 0,
      is_namespace,
      (flags & kDefNonlocal) != 0,
  };
  static constexpr const char* kNames[] = {
      "referenced", "imported", "parameter", "global",    "declared_global", "local",
      "annotated",  "free",     "assigned",  "namespace", "nonlocal",
  };
  std::string text;
  for (size_t i = 0; i < std::size(values); ++i) {
    if (!values[i]) continue;
    if (!text.empty()) text += ',';
    text += kNames[i];
  }
  return text.empty() ? "-" : text;
}

std::string DumpSymbolTable(const SymbolTable& table) {
  std::string out;
  DumpBlock(table.top(), 0, out);
  return out;
}

}  // namespace pyrite::compiler
