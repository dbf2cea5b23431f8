// The symbol table's second pass: decides the scope of every name, block by block from the
// module down (symtable.h explains the flow of "bound", "global" and "free" sets). Mirrors
// analyze_block, analyze_name, analyze_cells and update_symbols of CPython 3.11's symtable.c,
// including the order in which names are examined, which decides the error reported first.
#include <string>
#include <unordered_set>
#include <vector>

#include "python/compiler/symtable.h"
#include "python/compiler/symtable_internal.h"

namespace pyrite::compiler {

using parser::SyntaxError;

class ScopeAnalyzer {
 public:
  using NameSet = std::unordered_set<std::string>;

  explicit ScopeAnalyzer(SyntaxError& error) : error_(error) {}

  // `bound`: names bound in enclosing function scopes (null for the module); `global`: names
  // declared global above; `free`: receives the names this block and its children need from
  // enclosing scopes.
  bool AnalyzeBlock(Block& block, NameSet* bound, NameSet& free, NameSet& global) {
    NameSet local;
    std::vector<NameScope> scopes(block.symbols_.size(), NameScope::kNone);
    NameSet new_global;
    NameSet new_free;
    NameSet new_bound;

    // A class's own names are invisible to its methods: what the children see is fixed
    // before the class's names are analysed.
    if (block.type_ == BlockType::kClass) {
      new_global = global;
      if (bound != nullptr) new_bound = *bound;
    }
    for (size_t i = 0; i < block.symbols_.size(); ++i) {
      if (!AnalyzeName(block, i, scopes[i], bound, local, free, global)) return false;
    }
    if (block.type_ != BlockType::kClass) {
      if (block.type_ == BlockType::kFunction) new_bound.insert(local.begin(), local.end());
      if (bound != nullptr) new_bound.insert(bound->begin(), bound->end());
      new_global.insert(global.begin(), global.end());
    } else {
      // Methods may use the class's implicit `__class__` cell.
      new_bound.insert("__class__");
    }

    NameSet all_free;
    for (Block* child : block.children_) {
      NameSet child_bound = new_bound;
      NameSet child_global = new_global;
      NameSet child_free = new_free;
      if (!AnalyzeBlock(*child, &child_bound, child_free, child_global)) return false;
      all_free.insert(child_free.begin(), child_free.end());
      if (child->free_ || child->child_free_) block.child_free_ = true;
    }
    new_free.insert(all_free.begin(), all_free.end());

    if (block.type_ == BlockType::kFunction) {
      // A local that a child uses freely becomes a cell, and is resolved here.
      for (size_t i = 0; i < scopes.size(); ++i) {
        if (scopes[i] != NameScope::kLocal) continue;
        auto it = new_free.find(block.symbols_[i].name);
        if (it == new_free.end()) continue;
        scopes[i] = NameScope::kCell;
        new_free.erase(it);
      }
    } else if (block.type_ == BlockType::kClass) {
      if (new_free.erase("__class__") > 0) block.needs_class_closure_ = true;
    }
    UpdateSymbols(block, scopes, bound, new_free);
    free.insert(new_free.begin(), new_free.end());
    return true;
  }

 private:
  bool ErrorAtDirective(const Block& block, const std::string& name, std::string message) {
    error_ = SyntaxError{};
    error_.message = std::move(message);
    for (const Block::Directive& directive : block.directives_) {
      if (directive.name != name) continue;
      error_.lineno = directive.loc.lineno;
      error_.offset = directive.loc.col_offset + 1;
      error_.end_lineno = directive.loc.end_lineno;
      error_.end_offset = directive.loc.end_col_offset + 1;
      break;
    }
    return false;
  }

  bool AnalyzeName(Block& block, size_t index, NameScope& scope, NameSet* bound, NameSet& local,
                   NameSet& free, NameSet& global) {
    const std::string& name = block.symbols_[index].name;
    int flags = block.symbols_[index].flags;
    if (flags & kDefGlobal) {
      if (flags & kDefNonlocal) {
        return ErrorAtDirective(block, name, "name '" + name + "' is nonlocal and global");
      }
      scope = NameScope::kGlobalExplicit;
      global.insert(name);
      if (bound != nullptr) bound->erase(name);
      return true;
    }
    if (flags & kDefNonlocal) {
      if (bound == nullptr) {
        return ErrorAtDirective(block, name, "nonlocal declaration not allowed at module level");
      }
      if (bound->count(name) == 0) {
        return ErrorAtDirective(block, name, "no binding for nonlocal '" + name + "' found");
      }
      scope = NameScope::kFree;
      block.free_ = true;
      free.insert(name);
      return true;
    }
    if (flags & kDefBound) {
      scope = NameScope::kLocal;
      local.insert(name);
      global.erase(name);
      return true;
    }
    // Bound in an enclosing function: free here. (A non-null `bound` means nested.)
    if (bound != nullptr && bound->count(name) > 0) {
      scope = NameScope::kFree;
      block.free_ = true;
      free.insert(name);
      return true;
    }
    // Declared global in an enclosing scope, or never bound: an implicit global either way
    // (3.11 no longer calls the former explicit).
    if (!global.count(name) && block.nested_) block.free_ = true;
    scope = NameScope::kGlobalImplicit;
    return true;
  }

  // Records the scopes, then adds the free names of children that pass through this block on
  // their way to the scope that binds them.
  static void UpdateSymbols(Block& block, const std::vector<NameScope>& scopes,
                            const NameSet* bound, const NameSet& free) {
    for (size_t i = 0; i < scopes.size(); ++i) block.symbols_[i].scope = scopes[i];
    bool is_class = block.type_ == BlockType::kClass;
    for (const std::string& name : free) {
      auto it = block.index_.find(name);
      if (it != block.index_.end()) {
        // Already here: a cell, or free in this block too. In a class, a method's free name
        // that the class also binds or declares global gets DEF_FREE_CLASS.
        Symbol& symbol = block.symbols_[it->second];
        if (is_class && (symbol.flags & (kDefBound | kDefGlobal))) symbol.flags |= kDefFreeClass;
        continue;
      }
      if (bound != nullptr && bound->count(name) == 0) continue;  // a global
      Symbol& symbol = block.SymbolFor(name);
      symbol.scope = NameScope::kFree;
    }
  }

  SyntaxError& error_;
};

bool AnalyzeScopes(Block& top, SyntaxError& error) {
  ScopeAnalyzer analyzer(error);
  ScopeAnalyzer::NameSet free;
  ScopeAnalyzer::NameSet global;
  return analyzer.AnalyzeBlock(top, nullptr, free, global);
}

}  // namespace pyrite::compiler
