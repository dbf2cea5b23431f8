// Unit tests for the parser: valid programs against ast.dump output and invalid ones against
// CPython's error lines. Expected strings were produced by CPython 3.11's ast module (Debian's
// 3.11.2); the Lib-wide comparison lives in testing/parser.
#include "python/parser/parser.h"

#include <string>

#include "gtest/gtest.h"
#include "python/parser/ast_dump.h"

namespace pyrite::parser {
namespace {

std::string DumpOrError(std::string_view source) {
  Arena arena;
  auto result = Parse(source, arena);
  if (auto* error = std::get_if<SyntaxError>(&result)) {
    return std::string(SyntaxErrorTypeName(error->type)) + " " + std::to_string(error->lineno) +
           " " + std::to_string(error->offset) + " " + error->message;
  }
  return Dump(*std::get<ast::ModNode*>(result), /*include_attributes=*/false);
}

struct Case {
  const char* source;
  const char* expected;
};

constexpr Case kValid[] = {
    {"x = 1\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
    {"def f(a, /, b=2, *c, d, **e): return a\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d')], kw_defaults=[None], kwarg=arg(arg='e'), defaults=[Constant(value=2)]), body=[Return(value=Name(id='a', ctx=Load()))], decorator_list=[])], type_ignores=[])"},
    {"f(x for x in y)\n",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[])"},
    {"a[1:2, ::3]\n",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {"match p:\n    case [1, *rest] if rest: pass\n    case {'k': v, **kw}: pass\n    case Point(x=0) | None: pass\n",
     "Module(body=[Match(subject=Name(id='p', ctx=Load()), cases=[match_case(pattern=MatchSequence(patterns=[MatchValue(value=Constant(value=1)), MatchStar(name='rest')]), guard=Name(id='rest', ctx=Load()), body=[Pass()]), match_case(pattern=MatchMapping(keys=[Constant(value='k')], patterns=[MatchAs(name='v')], rest='kw'), body=[Pass()]), match_case(pattern=MatchOr(patterns=[MatchClass(cls=Name(id='Point', ctx=Load()), patterns=[], kwd_attrs=['x'], kwd_patterns=[MatchValue(value=Constant(value=0))]), MatchSingleton(value=None)]), body=[Pass()])])], type_ignores=[])"},
    {"x = f'{a!r:>{w}}'\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)]))]))], type_ignores=[])"},
    {"async def g():\n    async with a as b, c: await d\n",
     "Module(body=[AsyncFunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Expr(value=Await(value=Name(id='d', ctx=Load())))])], decorator_list=[])], type_ignores=[])"},
    {"try:\n    pass\nexcept* E as e:\n    raise\nfinally:\n    del a.b, c[0]\n",
     "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), name='e', body=[Raise()])], orelse=[], finalbody=[Delete(targets=[Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Del()), Subscript(value=Name(id='c', ctx=Load()), slice=Constant(value=0), ctx=Del())])])], type_ignores=[])"},
    {"@d\nclass C(B, metaclass=M):\n    x: int = 0\n    def m(self, *args: *Ts): yield from g()\n",
     "Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=0), simple=1), FunctionDef(name='m', args=arguments(posonlyargs=[], args=[arg(arg='self')], vararg=arg(arg='args', annotation=Starred(value=Name(id='Ts', ctx=Load()), ctx=Load())), kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=YieldFrom(value=Call(func=Name(id='g', ctx=Load()), args=[], keywords=[])))], decorator_list=[])], decorator_list=[Name(id='d', ctx=Load())])], type_ignores=[])"},
    {"lambda x, *, y=1: (x := y) if x else [i async for i in z]\n",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], kwonlyargs=[arg(arg='y')], kw_defaults=[Constant(value=1)], defaults=[]), body=IfExp(test=Name(id='x', ctx=Load()), body=NamedExpr(target=Name(id='x', ctx=Store()), value=Name(id='y', ctx=Load())), orelse=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Name(id='z', ctx=Load()), ifs=[], is_async=1)]))))], type_ignores=[])"},
};
constexpr Case kInvalid[] = {
    {"x = (1,\n", "SyntaxError 1 5 '(' was never closed"},
    {"if x\n  pass\n", "SyntaxError 1 5 expected ':'"},
    {"f(**a, *b)\n", "SyntaxError 1 3 iterable argument unpacking follows keyword argument unpacking"},
    {"print 'hi'\n", "SyntaxError 1 1 Missing parentheses in call to 'print'. Did you mean print(...)?"},
    {"x = 1\n    y = 2\n", "IndentationError 2 4 unexpected indent"},
    {"a = 1 +\n", "SyntaxError 1 8 invalid syntax"},
    {"def f:\n  pass\n", "SyntaxError 1 6 expected '('"},
    {"x = [1, 2 3]\n", "SyntaxError 1 9 invalid syntax. Perhaps you forgot a comma?"},
    {"f(a for a in b, c)\n", "SyntaxError 1 3 Generator expression must be parenthesized"},
    {"for x in y\n  pass\n", "SyntaxError 1 11 expected ':'"},
    {"x = 1\nif y:\npass\n", "IndentationError 3 1 expected an indented block after 'if' statement on line 2"},
    {"1 = x\n", "SyntaxError 1 1 cannot assign to literal here. Maybe you meant '==' instead of '='?"},
    {"del f()\n", "SyntaxError 1 5 cannot delete function call"},
    {"f(x=1, y)\n", "SyntaxError 1 9 positional argument follows keyword argument"},
    {"f\"{a b}\"\n", "SyntaxError 1 2 f-string: invalid syntax. Perhaps you forgot a comma?"},
    {"b'a' 'b'\n", "SyntaxError 1 9 cannot mix bytes and nonbytes literals"},
    {"if x = 1: pass\n", "SyntaxError 1 4 invalid syntax. Maybe you meant '==' or ':=' instead of '='?"},
    {"class A(x) y\n", "SyntaxError 1 12 invalid syntax"},
};

TEST(ParserTest, ValidProgramsDumpLikeCPython) {
  for (const Case& c : kValid) EXPECT_EQ(DumpOrError(c.source), c.expected) << c.source;
}

TEST(ParserTest, InvalidProgramsFailLikeCPython) {
  for (const Case& c : kInvalid) EXPECT_EQ(DumpOrError(c.source), c.expected) << c.source;
}

// Eval and single input get no final newline from CPython: errors at their end have no columns,
// and single input ends with a NEWLINE. All positions as compile(str, "<s>", mode) reports them.
std::string ErrorIn(std::string_view source, ParseMode mode) {
  Arena arena;
  auto result = Parse(source, arena, mode, /*source_is_str=*/true);
  auto* e = std::get_if<SyntaxError>(&result);
  if (e == nullptr) return "ok";
  return std::string(SyntaxErrorTypeName(e->type)) + " " + std::to_string(e->lineno) + " " +
         std::to_string(e->offset) + " " + std::to_string(e->end_lineno) + " " +
         std::to_string(e->end_offset) + " " + e->message;
}

TEST(ParserTest, EvalAndSingleInputEndWithoutColumns) {
  EXPECT_EQ(ErrorIn("1 +", ParseMode::kEval), "SyntaxError 1 0 1 0 invalid syntax");
  EXPECT_EQ(ErrorIn("1 +", ParseMode::kExec), "SyntaxError 1 4 1 4 invalid syntax");
  EXPECT_EQ(ErrorIn("1 +\n", ParseMode::kEval), "SyntaxError 1 4 1 4 invalid syntax");
  EXPECT_EQ(ErrorIn("a = 1 +", ParseMode::kSingle), "SyntaxError 1 0 1 0 invalid syntax");
  EXPECT_EQ(ErrorIn("", ParseMode::kEval), "SyntaxError 0 0 0 0 invalid syntax");
  EXPECT_EQ(ErrorIn("f(", ParseMode::kEval), "SyntaxError 1 2 1 0 '(' was never closed");
  EXPECT_EQ(ErrorIn("x = [1,\n2", ParseMode::kExec), "SyntaxError 1 5 1 0 '[' was never closed");
  EXPECT_EQ(ErrorIn("  ", ParseMode::kEval), "IndentationError 1 2 1 -1 unexpected indent");
  EXPECT_EQ(ErrorIn("if x:", ParseMode::kSingle),
            "IndentationError 1 5 1 -1 expected an indented block after 'if' statement on line 1");
  EXPECT_EQ(ErrorIn("if x:\n  y", ParseMode::kSingle), "ok");
  EXPECT_EQ(ErrorIn("for x in y: pass", ParseMode::kSingle), "SyntaxError 1 0 1 0 invalid syntax");
  EXPECT_EQ(ErrorIn("x = 1\ny = 2", ParseMode::kSingle),
            "SyntaxError 1 6 1 6 multiple statements found while compiling a single statement");
  EXPECT_EQ(ErrorIn("x = 1 \\", ParseMode::kSingle),
            "SyntaxError 1 7 1 0 unexpected character after line continuation character");
  EXPECT_EQ(ErrorIn("{1: *x}", ParseMode::kEval),
            "SyntaxError 1 5 1 7 cannot use a starred expression in a dictionary value");
  EXPECT_EQ(ErrorIn("x = 1 + # c", ParseMode::kExec), "SyntaxError 1 9 1 12 invalid syntax");
  // A str's offsets count characters; a coding declaration in it is not looked at.
  EXPECT_EQ(ErrorIn("\xC3\xA9 = (", ParseMode::kExec), "SyntaxError 1 5 1 0 '(' was never closed");
}

TEST(ParserTest, DeepNestingIsAnErrorNotACrash) {
  std::string source = std::string(100000, '-') + "x\n";
  std::string result = DumpOrError(source);
  EXPECT_EQ(result.rfind("SyntaxError", 0), 0u) << result.substr(0, 200);
}

}  // namespace
}  // namespace pyrite::parser
