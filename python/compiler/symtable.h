// The symbol table: which names each scope (module, class, function, lambda, comprehension)
// binds, uses and declares, and where each name lives at run time (local, cell, free, global).
// It reproduces CPython 3.11's Python/symtable.c, scopes, flags, child order and SyntaxErrors.
//
// Two passes, as CPython's:
//   1. Collect: one walk over the AST enters a block for every scope and records raw facts per
//      name (bound here, used here, a parameter, declared global/nonlocal, imported, annotated).
//      Errors detectable locally (duplicate parameters, `global` after use, walrus targets in
//      comprehensions, `import *` in a function, ...) stop the walk.
//   2. Analyse: a walk over the blocks decides each name's scope. A parent hands its children
//      the names bound in enclosing function scopes ("bound") and the names declared global;
//      children report back the names they use freely, and a function local that a child uses
//      freely becomes a cell. Class scopes are invisible to their children, except for the
//      implicit `__class__` cell that `super()` and `__class__` need.
//
// Example:
//   auto result = BuildSymbolTable(*module, future.features);
//   if (auto* error = std::get_if<parser::SyntaxError>(&result)) ...
//   const SymbolTable& table = *std::get<std::unique_ptr<SymbolTable>>(result);
//   const Block* f = table.Lookup(function_def_node);
#ifndef PYRITE_PYTHON_COMPILER_SYMTABLE_H_
#define PYRITE_PYTHON_COMPILER_SYMTABLE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "python/compiler/future.h"
#include "python/parser/ast_nodes.h"
#include "python/parser/syntax_error.h"

namespace pyrite::compiler {

// Raw facts about a name in one block (CPython's DEF_* flags, same values).
inline constexpr int kDefGlobal = 1;      // `global` statement
inline constexpr int kDefLocal = 2;       // assignment in this block
inline constexpr int kDefParam = 4;       // formal parameter
inline constexpr int kDefNonlocal = 8;    // `nonlocal` statement
inline constexpr int kUse = 16;           // name is read
inline constexpr int kDefFree = 32;       // kept for parity with CPython; never set
inline constexpr int kDefFreeClass = 64;  // free in a method and bound in the class
inline constexpr int kDefImport = 128;    // bound by an import
inline constexpr int kDefAnnot = 256;     // annotated (`x: int`)
inline constexpr int kDefCompIter = 512;  // comprehension iteration variable
inline constexpr int kDefBound = kDefLocal | kDefParam | kDefImport;

// Where a name lives, decided by the analysis (CPython's scope values).
enum class NameScope : uint8_t {
  kNone = 0,
  kLocal = 1,
  kGlobalExplicit = 2,
  kGlobalImplicit = 3,
  kFree = 4,
  kCell = 5,
};

enum class BlockType : uint8_t { kFunction, kClass, kModule, kAnnotation };

enum class ComprehensionType : uint8_t { kNone, kList, kDict, kSet, kGenerator };

struct Symbol {
  std::string name;  // mangled (`__x` in class C is `_C__x`)
  int flags = 0;     // kDef* and kUse bits
  NameScope scope = NameScope::kNone;
};

// One scope. Symbols keep their first-seen order, as CPython's dict does (the order in which
// analysis errors are found depends on it).
class Block {
 public:
  Block(std::string name, BlockType type, const void* node, parser::ast::Location loc)
      : name_(std::move(name)), type_(type), node_(node), loc_(loc) {}

  const std::string& name() const { return name_; }  // "top", "lambda", "listcomp", the def name
  BlockType type() const { return type_; }
  const void* node() const { return node_; }  // the AST node that opened it
  int lineno() const { return loc_.lineno; }
  const parser::ast::Location& location() const { return loc_; }

  const std::vector<Symbol>& symbols() const { return symbols_; }
  const Symbol* Lookup(std::string_view name) const;
  int Flags(std::string_view name) const;  // 0 when absent
  NameScope ScopeOf(std::string_view name) const;

  // Child scopes in the order CPython visits them (annotation blocks are never children).
  const std::vector<Block*>& children() const { return children_; }
  // Parameters in definition order (positional-only, positional, keyword-only, *args,
  // **kwargs), `.0` for a comprehension.
  const std::vector<std::string>& varnames() const { return varnames_; }

  bool nested() const { return nested_; }
  bool has_free() const { return free_; }
  bool child_free() const { return child_free_; }
  bool generator() const { return generator_; }
  bool coroutine() const { return coroutine_; }
  bool varargs() const { return varargs_; }
  bool varkeywords() const { return varkeywords_; }
  bool returns_value() const { return returns_value_; }
  bool needs_class_closure() const { return needs_class_closure_; }
  ComprehensionType comprehension() const { return comprehension_; }

 private:
  friend class SymbolTableBuilder;
  friend class ScopeAnalyzer;

  Symbol& SymbolFor(const std::string& name);  // inserts a zero-flag symbol when absent

  std::string name_;
  BlockType type_;
  const void* node_;
  parser::ast::Location loc_;
  std::vector<Symbol> symbols_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<Block*> children_;
  std::vector<std::string> varnames_;
  // `global`/`nonlocal` statements (and walrus targets lifted out of comprehensions): where
  // each was declared, for errors the analysis finds later.
  struct Directive {
    std::string name;
    parser::ast::Location loc;
  };
  std::vector<Directive> directives_;

  bool nested_ = false;
  bool free_ = false;
  bool child_free_ = false;
  bool generator_ = false;
  bool coroutine_ = false;
  bool varargs_ = false;
  bool varkeywords_ = false;
  bool returns_value_ = false;
  bool needs_class_closure_ = false;
  bool comp_iter_target_ = false;
  int comp_iter_expr_ = 0;
  ComprehensionType comprehension_ = ComprehensionType::kNone;
};

class SymbolTable {
 public:
  const Block& top() const { return *top_; }
  // The block an AST node (FunctionDef, AsyncFunctionDef, ClassDef, Lambda, a comprehension,
  // the module) opened, or nullptr.
  const Block* Lookup(const void* node) const;
  int future_features() const { return future_features_; }

 private:
  friend class SymbolTableBuilder;
  std::vector<std::unique_ptr<Block>> blocks_;  // owns every block, annotation blocks included
  std::unordered_map<const void*, Block*> by_node_;
  Block* top_ = nullptr;
  int future_features_ = 0;
};

// Raised where CPython raises RecursionError ("maximum recursion depth exceeded during
// compilation"): the tree nests deeper than CPython's symtable walk allows.
struct RecursionLimitError {
  std::string message;
};

using SymtableResult =
    std::variant<std::unique_ptr<SymbolTable>, parser::SyntaxError, RecursionLimitError>;

// Builds and analyses the table of `mod`. `future_features` are FutureFeatures::features
// (future.h); they decide whether annotations are evaluated (CO_FUTURE_ANNOTATIONS).
// `start_depth` is the recursion depth CPython's walk starts at (its caller's frames).
SymtableResult BuildSymbolTable(const parser::ast::ModNode& mod, int future_features,
                                int start_depth = 0);

// The name as a class body named `class_name` sees it: `__spam` becomes `_Class__spam`, except
// dunder names, dotted names, and in classes whose names are all underscores (_Py_Mangle).
// An empty `class_name` means "not in a class".
std::string Mangle(std::string_view class_name, std::string_view name);

}  // namespace pyrite::compiler

#endif  // PYRITE_PYTHON_COMPILER_SYMTABLE_H_
