// ast.dump: the hand-written value printers; the per-node printers are generated from
// ast_nodes.def into ast_dump_nodes.inc. Output goes into one std::string, appended to.
#include "python/parser/ast_dump.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "python/parser/ast_nodes.h"
#include "python/parser/constant_repr.h"

namespace pyrite::parser {
namespace {

using namespace ast;  // NOLINT(build/namespaces): the generated printers name nodes bare.

struct DumpWriter {
  std::string out;
  bool attributes = false;
};

// Declared before the generated printers, which call them; the templates are defined after,
// so that they see every DumpNode overload.
void DumpValue(DumpWriter& w, Identifier text) { AppendStrRepr(text, w.out); }

void DumpValue(DumpWriter& w, int32_t value) {
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value);
  (void)ec;
  w.out.append(buf, end);
}

void DumpValue(DumpWriter& w, const ConstantValue& value) { AppendConstantRepr(value, w.out); }

// The enum singletons print as class calls with no fields: Load(), Add().
template <typename E>
requires std::is_enum_v<E>
void DumpValue(DumpWriter& w, E value) {
  w.out += KindName(value);
  w.out += "()";
}

template <typename T>
void DumpValue(DumpWriter& w, const T* node);

template <typename T>
void DumpValue(DumpWriter& w, const Seq<T>& items);

template <typename T>
void DumpField(DumpWriter& w, bool& first, std::string_view name_eq, const T& value) {
  if (!first) w.out += ", ";
  first = false;
  w.out += name_eq;
  DumpValue(w, value);
}

void DumpLocation(DumpWriter& w, bool& first, const Location& loc) {
  DumpField(w, first, "lineno=", loc.lineno);
  DumpField(w, first, "col_offset=", loc.col_offset);
  DumpField(w, first, "end_lineno=", loc.end_lineno);
  DumpField(w, first, "end_col_offset=", loc.end_col_offset);
}

// Costs of the recursive walks DumpDepth() measures, in levels of CPython's recursion counter.
struct DepthRule {
  int node;        // each node (AST object)
  int enum_value;  // Load(), Add(): a node without fields
  int leaf;        // str, int, constant or None: a _format frame plus repr()
  int list;        // _format(list) itself
  int list_item;   // the generator _format(list) joins, entered from C: two levels
  bool attributes;
};

int DepthOf(Identifier, const DepthRule& r, int) { return r.leaf; }
int DepthOf(int32_t, const DepthRule& r, int) { return r.leaf; }
int DepthOf(const ConstantValue&, const DepthRule& r, int) { return r.leaf; }

template <typename E>
requires std::is_enum_v<E>
int DepthOf(E, const DepthRule& r, int) { return r.enum_value; }

template <typename T>
int DepthOf(const T* node, const DepthRule& r, int budget);

template <typename T>
int DepthOf(const Seq<T>& items, const DepthRule& r, int budget);

#include "python/parser/ast_dump_nodes.inc"

// A required node that is missing prints as None, a leaf.
template <typename T>
int DepthOf(const T* node, const DepthRule& r, int budget) {
  return node == nullptr ? r.leaf : DumpDepth(*node, r, budget);
}

template <typename T>
int DepthOf(const Seq<T>& items, const DepthRule& r, int budget) {
  if (items.empty()) return r.list;
  int deepest = 0;
  int inner = budget - r.list - r.list_item;
  for (const T& item : items) deepest = std::max(deepest, DepthOf(item, r, inner));
  return r.list + r.list_item + deepest;
}

// A node field; a missing required node (never produced by the parser) prints as None.
template <typename T>
void DumpValue(DumpWriter& w, const T* node) {
  if (node == nullptr) {
    w.out += "None";
  } else {
    DumpNode(w, *node);
  }
}

template <typename T>
void DumpValue(DumpWriter& w, const Seq<T>& items) {
  w.out += '[';
  for (uint32_t i = 0; i < items.size; ++i) {
    if (i != 0) w.out += ", ";
    DumpValue(w, items.data[i]);
  }
  w.out += ']';
}

template <typename Node>
std::string DumpRoot(const Node& node, bool include_attributes) {
  DumpWriter w;
  w.attributes = include_attributes;
  w.out.reserve(4096);
  DumpNode(w, node);
  return std::move(w.out);
}

}  // namespace

int DumpRecursionDepth(const ModNode& mod, bool include_attributes, int cap) {
  DepthRule rule{.node = 1,
                 .enum_value = 1,
                 .leaf = 2,
                 .list = 1,
                 .list_item = 2,
                 .attributes = include_attributes};
  return DumpDepth(mod, rule, cap);
}

int ConversionDepth(const ModNode& mod, int cap) {
  DepthRule rule{
      .node = 1, .enum_value = 0, .leaf = 0, .list = 0, .list_item = 0, .attributes = false};
  return DumpDepth(mod, rule, cap);
}

std::string Dump(const ModNode& mod, bool include_attributes) {
  return DumpRoot(mod, include_attributes);
}

std::string Dump(const ExprNode& expr, bool include_attributes) {
  return DumpRoot(expr, include_attributes);
}

std::string Dump(const StmtNode& stmt, bool include_attributes) {
  return DumpRoot(stmt, include_attributes);
}

}  // namespace pyrite::parser
