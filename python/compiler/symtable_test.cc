// Unit tests of the symbol table, future-import scan and symtable_dump text on small programs.
// Expectations were checked against CPython 3.11's symtable module.
#include "python/compiler/symtable.h"

#include <memory>
#include <string>
#include <variant>

#include "gtest/gtest.h"
#include "python/compiler/future.h"
#include "python/compiler/symtable_dump.h"
#include "python/parser/arena.h"
#include "python/parser/parser.h"

namespace pyrite::compiler {
namespace {

struct Built {
  parser::Arena arena;
  parser::ast::ModNode* mod = nullptr;
  SymtableResult result;

  const SymbolTable& table() const { return *std::get<std::unique_ptr<SymbolTable>>(result); }
  const parser::SyntaxError& error() const { return std::get<parser::SyntaxError>(result); }
  bool ok() const { return std::holds_alternative<std::unique_ptr<SymbolTable>>(result); }
};

std::unique_ptr<Built> Build(const std::string& source) {
  auto built = std::make_unique<Built>();
  auto parsed = parser::Parse(source, built->arena);
  EXPECT_TRUE(std::holds_alternative<parser::ast::ModNode*>(parsed)) << source;
  if (!std::holds_alternative<parser::ast::ModNode*>(parsed)) return built;
  built->mod = std::get<parser::ast::ModNode*>(parsed);
  auto future = FutureFromAst(*built->mod);
  EXPECT_TRUE(std::holds_alternative<FutureFeatures>(future)) << source;
  built->result = BuildSymbolTable(*built->mod, std::get<FutureFeatures>(future).features);
  return built;
}

std::string Dump(const std::string& source) {
  auto built = Build(source);
  if (!built->ok()) return "ERROR " + built->error().message;
  return DumpSymbolTable(built->table());
}

const Block& Child(const Block& block, size_t i) { return *block.children().at(i); }

TEST(SymtableTest, ModuleNamesAreGlobalAndLocal) {
  EXPECT_EQ(Dump("x = 1\nprint(x)\n"),
            "SCOPE module top line=0\n"
            "  SYMBOL print referenced,global\n"
            "  SYMBOL x referenced,global,local,assigned\n");
}

TEST(SymtableTest, ClosureMakesCellAndFree) {
  auto built = Build("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
  ASSERT_TRUE(built->ok());
  const Block& f = Child(built->table().top(), 0);
  const Block& g = Child(f, 0);
  EXPECT_EQ(f.ScopeOf("x"), NameScope::kCell);
  EXPECT_EQ(g.ScopeOf("x"), NameScope::kFree);
  EXPECT_TRUE(g.has_free());
  EXPECT_TRUE(f.child_free());
  EXPECT_EQ(f.ScopeOf("g"), NameScope::kLocal);
}

TEST(SymtableTest, FreeNamePassesThroughIntermediateFunction) {
  auto built = Build("def a():\n    v = 1\n    def b():\n        def c():\n            return v\n");
  ASSERT_TRUE(built->ok());
  const Block& a = Child(built->table().top(), 0);
  const Block& b = Child(a, 0);
  EXPECT_EQ(a.ScopeOf("v"), NameScope::kCell);
  EXPECT_EQ(b.ScopeOf("v"), NameScope::kFree);
  EXPECT_EQ(b.Flags("v"), 0);  // added by the analysis, never used in b itself
  EXPECT_EQ(Child(b, 0).ScopeOf("v"), NameScope::kFree);
}

TEST(SymtableTest, ClassScopeIsInvisibleToMethods) {
  auto built = Build("class C:\n    x = 1\n    def m(self):\n        return x\n");
  ASSERT_TRUE(built->ok());
  const Block& c = Child(built->table().top(), 0);
  EXPECT_EQ(c.type(), BlockType::kClass);
  EXPECT_EQ(c.ScopeOf("x"), NameScope::kLocal);
  EXPECT_EQ(Child(c, 0).ScopeOf("x"), NameScope::kGlobalImplicit);
}

TEST(SymtableTest, SuperCreatesClassCell) {
  auto built = Build("class C:\n    def m(self):\n        return super().m()\n");
  ASSERT_TRUE(built->ok());
  const Block& c = Child(built->table().top(), 0);
  const Block& m = Child(c, 0);
  EXPECT_EQ(m.ScopeOf("__class__"), NameScope::kFree);
  EXPECT_TRUE(c.needs_class_closure());
  EXPECT_EQ(c.Lookup("__class__"), nullptr);
}

TEST(SymtableTest, FreeInMethodAndBoundInClassGetsDefFreeClass) {
  auto built = Build(
      "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n"
      "            return x\n");
  ASSERT_TRUE(built->ok());
  const Block& c = Child(Child(built->table().top(), 0), 0);
  EXPECT_TRUE(c.Flags("x") & kDefFreeClass);
  EXPECT_EQ(c.ScopeOf("x"), NameScope::kLocal);
}

TEST(SymtableTest, ComprehensionIsAFunctionWithImplicitParameter) {
  auto built = Build("r = [y for y in data if y]\n");
  ASSERT_TRUE(built->ok());
  const Block& comp = Child(built->table().top(), 0);
  EXPECT_EQ(comp.name(), "listcomp");
  EXPECT_EQ(comp.type(), BlockType::kFunction);
  EXPECT_EQ(comp.comprehension(), ComprehensionType::kList);
  ASSERT_EQ(comp.varnames().size(), 1u);
  EXPECT_EQ(comp.varnames()[0], ".0");
  EXPECT_TRUE(comp.Flags("y") & kDefCompIter);
  // The outermost iterable is evaluated in the enclosing scope.
  EXPECT_NE(built->table().top().Lookup("data"), nullptr);
  EXPECT_EQ(comp.Lookup("data"), nullptr);
}

TEST(SymtableTest, GeneratorExpressionFlags) {
  auto built = Build("g = (x for x in y)\n");
  ASSERT_TRUE(built->ok());
  const Block& genexpr = Child(built->table().top(), 0);
  EXPECT_EQ(genexpr.name(), "genexpr");
  EXPECT_TRUE(genexpr.generator());
}

TEST(SymtableTest, WalrusInComprehensionBindsInFunction) {
  auto built = Build("def f(xs):\n    [last := x for x in xs]\n    return last\n");
  ASSERT_TRUE(built->ok());
  const Block& f = Child(built->table().top(), 0);
  const Block& comp = Child(f, 0);
  EXPECT_EQ(f.ScopeOf("last"), NameScope::kCell);
  EXPECT_EQ(comp.ScopeOf("last"), NameScope::kFree);
  EXPECT_TRUE(comp.Flags("last") & kDefNonlocal);
}

TEST(SymtableTest, WalrusInModuleComprehensionIsGlobal) {
  auto built = Build("[last := x for x in xs]\n");
  ASSERT_TRUE(built->ok());
  const Block& comp = Child(built->table().top(), 0);
  EXPECT_EQ(comp.ScopeOf("last"), NameScope::kGlobalExplicit);
  EXPECT_EQ(built->table().top().ScopeOf("last"), NameScope::kGlobalExplicit);
}

TEST(SymtableTest, GlobalStatementMarksModuleSymbol) {
  EXPECT_EQ(Dump("def f():\n    global x\n    x = 1\n"),
            "SCOPE module top line=0\n"
            "  SYMBOL f global,local,assigned,namespace\n"
            "  SYMBOL x global,declared_global\n"
            "  SCOPE function f line=1\n"
            "    SYMBOL x global,declared_global,assigned\n");
}

TEST(SymtableTest, PrivateNamesAreMangledInClasses) {
  auto built = Build("class _C:\n    __a = 1\n    __b__ = 2\n    def __m(self, __p): pass\n");
  ASSERT_TRUE(built->ok());
  const Block& c = Child(built->table().top(), 0);
  EXPECT_NE(c.Lookup("_C__a"), nullptr);
  EXPECT_NE(c.Lookup("__b__"), nullptr);
  EXPECT_NE(c.Lookup("_C__m"), nullptr);
  EXPECT_EQ(Child(c, 0).name(), "__m");
  EXPECT_NE(Child(c, 0).Lookup("_C__p"), nullptr);
}

TEST(SymtableTest, Mangle) {
  EXPECT_EQ(Mangle("", "__x"), "__x");
  EXPECT_EQ(Mangle("C", "__x"), "_C__x");
  EXPECT_EQ(Mangle("__C", "__x"), "_C__x");
  EXPECT_EQ(Mangle("___", "__x"), "__x");
  EXPECT_EQ(Mangle("C", "__x__"), "__x__");
  EXPECT_EQ(Mangle("C", "__"), "__");
  EXPECT_EQ(Mangle("C", "_x"), "_x");
  EXPECT_EQ(Mangle("C", "__a.b"), "__a.b");
}

TEST(SymtableTest, ChildOrderFollowsCPython) {
  // Defaults and decorators are visited before the function's own block.
  auto built = Build("@d(lambda: 1)\ndef f(a=lambda: 2):\n    pass\n");
  ASSERT_TRUE(built->ok());
  const Block& top = built->table().top();
  ASSERT_EQ(top.children().size(), 3u);
  EXPECT_EQ(Child(top, 0).lineno(), 2);  // the default
  EXPECT_EQ(Child(top, 1).lineno(), 1);  // the decorator
  EXPECT_EQ(Child(top, 2).name(), "f");
}

TEST(SymtableTest, FutureAnnotationsHideAnnotationNames) {
  EXPECT_EQ(Dump("from __future__ import annotations\nx: Undefined\n"),
            "SCOPE module top line=0\n"
            "  SYMBOL annotations imported,global,local\n"
            "  SYMBOL x global,local,annotated,assigned\n");
  EXPECT_EQ(Dump("x: Undefined\n"),
            "SCOPE module top line=0\n"
            "  SYMBOL Undefined referenced,global\n"
            "  SYMBOL x global,local,annotated,assigned\n");
}

TEST(SymtableTest, NodeLookup) {
  auto built = Build("def f(): pass\n");
  ASSERT_TRUE(built->ok());
  const auto* module = built->mod->As<parser::ast::Module>();
  const Block* f = built->table().Lookup(module->body[0]);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->name(), "f");
  EXPECT_EQ(built->table().Lookup(built->mod), &built->table().top());
}

struct ErrorCase {
  const char* source;
  const char* message;
  int lineno;
  int offset;
};

class SymtableErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(SymtableErrorTest, MatchesCPython) {
  const ErrorCase& c = GetParam();
  auto built = Build(c.source);
  ASSERT_FALSE(built->ok()) << c.source;
  EXPECT_EQ(built->error().message, c.message);
  EXPECT_EQ(built->error().lineno, c.lineno);
  EXPECT_EQ(built->error().offset, c.offset);
}

INSTANTIATE_TEST_SUITE_P(
    Errors, SymtableErrorTest,
    testing::Values(
        ErrorCase{"def f(x):\n  global x\n", "name 'x' is parameter and global", 2, 3},
        ErrorCase{"def f():\n  x = 1\n  global x\n",
                  "name 'x' is assigned to before global declaration", 3, 3},
        ErrorCase{"def f():\n  x\n  global x\n", "name 'x' is used prior to global declaration", 3,
                  3},
        ErrorCase{"def f():\n  x = 1\n  def g():\n    nonlocal x\n    nonlocal y\n",
                  "no binding for nonlocal 'y' found", 5, 5},
        ErrorCase{"nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1},
        ErrorCase{"def f(a, b, a): pass\n", "duplicate argument 'a' in function definition", 1, 13},
        ErrorCase{"[i := 0 for i in y]\n",
                  "assignment expression cannot rebind comprehension iteration variable 'i'", 1, 2},
        ErrorCase{"class C:\n  [y := 0 for i in z]\n",
                  "assignment expression within a comprehension cannot be used in a class body", 2,
                  4},
        ErrorCase{"[x for x in (y := z)]\n",
                  "assignment expression cannot be used in a comprehension iterable expression", 1,
                  14},
        ErrorCase{"def f():\n  return [(yield) for x in y]\n", "'yield' inside list comprehension",
                  2, 12},
        ErrorCase{"def f():\n  from os import *\n", "import * only allowed at module level", 2, 18},
        ErrorCase{"from __future__ import annotations\nx: (yield)\n",
                  "'yield expression' can not be used within an annotation", 2, 5}));

TEST(FutureTest, Features) {
  parser::Arena arena;
  auto parsed = parser::Parse("'''doc'''\nfrom __future__ import annotations, division\n", arena);
  auto future = FutureFromAst(*std::get<parser::ast::ModNode*>(parsed));
  ASSERT_TRUE(std::holds_alternative<FutureFeatures>(future));
  EXPECT_EQ(std::get<FutureFeatures>(future).features, kFutureAnnotations);
  EXPECT_EQ(std::get<FutureFeatures>(future).lineno, 2);
}

TEST(FutureTest, Errors) {
  parser::Arena arena;
  auto parsed = parser::Parse("from __future__ import spam\n", arena);
  auto future = FutureFromAst(*std::get<parser::ast::ModNode*>(parsed));
  ASSERT_TRUE(std::holds_alternative<parser::SyntaxError>(future));
  EXPECT_EQ(std::get<parser::SyntaxError>(future).message, "future feature spam is not defined");

  parsed = parser::Parse("import os; from __future__ import division\n", arena);
  future = FutureFromAst(*std::get<parser::ast::ModNode*>(parsed));
  ASSERT_TRUE(std::holds_alternative<parser::SyntaxError>(future));
  EXPECT_EQ(std::get<parser::SyntaxError>(future).offset, 11);

  // A future import on a later line is left to the code generator.
  parsed = parser::Parse("import os\nfrom __future__ import division\n", arena);
  future = FutureFromAst(*std::get<parser::ast::ModNode*>(parsed));
  EXPECT_TRUE(std::holds_alternative<FutureFeatures>(future));
}

}  // namespace
}  // namespace pyrite::compiler
