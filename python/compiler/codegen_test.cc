// Tests of code generation through CompileSource: code object shapes (names, qualnames, flags,
// constants, docstrings, slots), constant folding, compile-time errors, and that every result
// passes the serialiser's validation (stack depths, jumps, exception table).
#include <memory>
#include <string>
#include <variant>

#include "gtest/gtest.h"
#include "python/bytecode/code.h"
#include "python/bytecode/opcodes.h"
#include "python/bytecode/serialize.h"
#include "python/compiler/compiler.h"

namespace pyrite::compiler {
namespace {

using bytecode::CodeObject;
using bytecode::Constant;
using bytecode::Opcode;

std::shared_ptr<const CodeObject> Compile(const std::string& src, int optimize = 0) {
  CompileOptions options;
  options.optimize = optimize;
  CompileResult r = CompileSource(src, options);
  if (auto* e = std::get_if<parser::SyntaxError>(&r)) {
    ADD_FAILURE() << "unexpected error: " << e->message << " at " << e->lineno;
    return nullptr;
  }
  auto code = std::get<std::shared_ptr<const CodeObject>>(r);
  absl::Status s = bytecode::ValidateCode(*code);
  EXPECT_TRUE(s.ok()) << s;
  return code;
}

parser::SyntaxError CompileError(const std::string& src) {
  CompileResult r = CompileSource(src, CompileOptions{});
  if (auto* e = std::get_if<parser::SyntaxError>(&r)) return *e;
  ADD_FAILURE() << "compiled: " << src;
  return {};
}

bool HasOp(const CodeObject& code, Opcode op) {
  for (uint16_t unit : code.code) {
    if (bytecode::UnitOpcode(unit) == op) return true;
  }
  return false;
}

const CodeObject* Child(const CodeObject& code, int n = 0) {
  for (const Constant& c : code.consts) {
    if (c.kind == Constant::Kind::kCode && n-- == 0) return c.code.get();
  }
  return nullptr;
}

// The position of the first instruction with opcode `op` (CPython's co_positions entry).
bytecode::Position PositionOf(const CodeObject& code, Opcode op) {
  for (size_t i = 0; i < code.code.size(); ++i) {
    if (bytecode::UnitOpcode(code.code[i]) == op) return code.positions[i];
  }
  ADD_FAILURE() << "no such instruction";
  return {};
}

// Tracebacks show these positions, so they follow CPython 3.11 exactly: a comparison in a test
// sets the location for the rest of the statement (an assert's raise carries `1 == 2`), and a
// constant loop test leaves a jump at the whole `while` statement (no carets when interrupted).
TEST(CodegenTest, TestPositionsFollowCPython) {
  auto assert_code = Compile("assert 1 == 2, 'msg'\n");
  ASSERT_NE(assert_code, nullptr);
  EXPECT_EQ(PositionOf(*assert_code, Opcode::RAISE_VARARGS), (bytecode::Position{1, 1, 7, 13}));
  auto plain_assert = Compile("assert x\n");
  ASSERT_NE(plain_assert, nullptr);
  EXPECT_EQ(PositionOf(*plain_assert, Opcode::RAISE_VARARGS), (bytecode::Position{1, 1, 0, 8}));
  auto loop = Compile("x = 0\nwhile True:\n    x += 1\n");
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(PositionOf(*loop, Opcode::JUMP_BACKWARD), (bytecode::Position{2, 3, 0, 10}));
  EXPECT_EQ(PositionOf(*loop, Opcode::NOP), (bytecode::Position{2, 3, 0, 10}));
}

TEST(CodegenTest, ModuleStoresNames) {
  auto code = Compile("x = 1\ny = x + 2\n");
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(code->name, "<module>");
  EXPECT_EQ(code->names, (std::vector<std::string>{"x", "y"}));
  EXPECT_TRUE(HasOp(*code, Opcode::STORE_NAME));
  EXPECT_TRUE(HasOp(*code, Opcode::BINARY_OP));
}

TEST(CodegenTest, FoldsConstants) {
  auto code = Compile("x = -(2 * 3) + 1\ny = (1, 2, (3, 'a' * 3))\n");
  ASSERT_NE(code, nullptr);
  EXPECT_FALSE(HasOp(*code, Opcode::BINARY_OP));
  bool found_int = false, found_tuple = false;
  for (const Constant& c : code->consts) {
    if (c.kind == Constant::Kind::kInt && c.integer == -5) found_int = true;
    if (c.kind == Constant::Kind::kTuple && c.items.size() == 3 &&
        c.items[2].items[1].text == "aaa")
      found_tuple = true;
  }
  EXPECT_TRUE(found_int);
  EXPECT_TRUE(found_tuple);
}

TEST(CodegenTest, DebugIsFoldedAndAssertDropped) {
  auto code = Compile("assert x\nif __debug__: y = 1\n", 1);
  ASSERT_NE(code, nullptr);
  EXPECT_FALSE(HasOp(*code, Opcode::LOAD_ASSERTION_ERROR));
}

TEST(CodegenTest, FunctionDocstringAndFlags) {
  auto code = Compile("def f(a, *b, c=1, **d):\n  'doc'\n  return a\n");
  const CodeObject* f = Child(*code);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->consts[0].text, "doc");
  EXPECT_EQ(f->argcount, 1);
  EXPECT_EQ(f->kwonlyargcount, 1);
  EXPECT_EQ(f->flags & (bytecode::kVarargs | bytecode::kVarkeywords),
            bytecode::kVarargs | bytecode::kVarkeywords);
  EXPECT_EQ(f->localsplusnames, (std::vector<std::string>{"a", "c", "b", "d"}));
}

TEST(CodegenTest, ClosuresAndQualnames) {
  auto code = Compile("def f():\n  x = 1\n  def g():\n    return x\n  return g\n");
  const CodeObject* f = Child(*code);
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(HasOp(*f, Opcode::MAKE_CELL));
  const CodeObject* g = Child(*f);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->qualname, "f.<locals>.g");
  EXPECT_TRUE(HasOp(*g, Opcode::COPY_FREE_VARS));
  EXPECT_TRUE(HasOp(*g, Opcode::LOAD_DEREF));
}

TEST(CodegenTest, ClassCell) {
  auto code = Compile("class C:\n  def m(self):\n    return super().m()\n");
  const CodeObject* c = Child(*code);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->localsplusnames, (std::vector<std::string>{"__class__"}));
  EXPECT_NE(std::find(c->names.begin(), c->names.end(), "__classcell__"), c->names.end());
  const CodeObject* m = Child(*c);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->qualname, "C.m");
}

TEST(CodegenTest, GeneratorsAndComprehensions) {
  auto code = Compile("def g():\n  yield 1\nx = [i for i in y if i]\nz = (i for i in y)\n");
  const CodeObject* g = Child(*code);
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(g->flags & bytecode::kGenerator);
  EXPECT_TRUE(HasOp(*g, Opcode::RETURN_GENERATOR));
  const CodeObject* lc = Child(*code, 1);
  ASSERT_NE(lc, nullptr);
  EXPECT_EQ(lc->name, "<listcomp>");
  EXPECT_EQ(lc->argcount, 1);
  const CodeObject* ge = Child(*code, 2);
  ASSERT_NE(ge, nullptr);
  EXPECT_EQ(ge->name, "<genexpr>");
}

TEST(CodegenTest, ExceptionTables) {
  auto code = Compile(
      "try:\n  a()\nexcept E as e:\n  b()\nfinally:\n  c()\nwith m as n:\n  d()\n"
      "try:\n  pass\nexcept* E:\n  pass\n");
  ASSERT_NE(code, nullptr);
  EXPECT_FALSE(code->exception_table.empty());
  for (const auto& e : code->exception_table) EXPECT_LT(e.start, e.end);
}

TEST(CodegenTest, Errors) {
  struct Case {
    const char* src;
    const char* msg;
    int line, offset;
  } cases[] = {
      {"return 1", "'return' outside function", 1, 1},
      {"'é'; break", "'break' outside loop", 1, 7},
      {"continue", "'continue' not properly in loop", 1, 1},
      {"yield 1", "'yield' outside function", 1, 1},
      {"await x", "'await' outside function", 1, 1},
      {"def f(): await x", "'await' outside async function", 1, 10},
      {"async def f():\n  yield 1\n  return 2", "'return' with value in async generator", 3, 3},
      {"async def f():\n  yield from x", "'yield from' inside async function", 2, 3},
      {"[x async for x in y]", "asynchronous comprehension outside of an asynchronous function",
       1, 1},
      {"a, *b, *c = d", "multiple starred expressions in assignment", 1, 1},
      {"*a = b", "starred assignment target must be in a list or tuple", 1, 1},
      {"print(*a if b else c)", "", 0, 0},
      {"try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass", "default 'except:' must be last", 3, 1},
      {"for x in y:\n  try:\n    pass\n  except* E:\n    break",
       "'break', 'continue' and 'return' cannot appear in an except* block", 5, 5},
      {"x = 1\nfrom __future__ import annotations",
       "from __future__ imports must occur at the beginning of the file", 2, 1},
      {"f(a=1, a=2)", "keyword argument repeated: a", 1, 8},
      {"__debug__ = 1", "cannot assign to __debug__", 1, 1},
      {"del __debug__", "cannot delete __debug__", 1, 5},
  };
  for (const Case& c : cases) {
    if (c.line == 0) continue;
    parser::SyntaxError e = CompileError(c.src);
    EXPECT_EQ(e.message, c.msg) << c.src;
    EXPECT_EQ(e.lineno, c.line) << c.src;
    EXPECT_EQ(e.offset, c.offset) << c.src;
  }
}

TEST(CodegenTest, RoundTripsThroughArtefact) {
  auto code = Compile("import os.path as p\nfrom . import x\nprint(f'{x!r:>{10}}', *p, **x)\n");
  ASSERT_NE(code, nullptr);
  std::string bytes = bytecode::SerializeArtifact(*code, bytecode::SourceInfo{});
  auto loaded = bytecode::LoadArtifact(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(bytecode::SerializeArtifact(*loaded->code, loaded->source), bytes);
}

TEST(CodegenTest, MatchStatementsValidate) {
  auto code = Compile(
      "def f(x):\n"
      "    match x:\n"
      "        case [*y]: return y\n"
      "        case [1, *_, z]: return z\n"
      "        case {'k': v, **rest}: return v, rest\n"
      "        case C(1, b=q) | D(q): return q\n"
      "        case (p, r) | (r, p) if p: return p, r\n"
      "        case None | -1 | 1+2j: return 0\n"
      "        case str() as s: return s\n"
      "        case _: return 1\n");
  ASSERT_NE(code, nullptr);
  const CodeObject* f = Child(*code);
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(HasOp(*f, Opcode::MATCH_SEQUENCE));
  EXPECT_TRUE(HasOp(*f, Opcode::MATCH_MAPPING));
  EXPECT_TRUE(HasOp(*f, Opcode::MATCH_KEYS));
  EXPECT_TRUE(HasOp(*f, Opcode::MATCH_CLASS));
  EXPECT_TRUE(HasOp(*f, Opcode::UNPACK_EX));
}

TEST(CodegenTest, MatchErrors) {
  EXPECT_EQ(CompileError("match x:\n case _: pass\n case 1: pass\n").message,
            "wildcard makes remaining patterns unreachable");
  EXPECT_EQ(CompileError("match x:\n case [a] | (b, c): pass\n").message,
            "alternative patterns bind different names");
  EXPECT_EQ(CompileError("match x:\n case {1: a, True: b}: pass\n").message,
            "mapping pattern checks duplicate key (True)");
  parser::SyntaxError e = CompileError("match x:\n case [a, a]: pass\n");
  EXPECT_EQ(e.message, "multiple assignments to name 'a' in pattern");
  EXPECT_EQ(e.lineno, 2);
  EXPECT_EQ(e.offset, 11);
}

}  // namespace
}  // namespace pyrite::compiler
