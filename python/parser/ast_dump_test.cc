// Tests for ast_dump: trees built by hand in an Arena, dumped and compared with what CPython
// 3.11 prints for `ast.dump(ast.parse(SOURCE), include_attributes=...)` (SOURCE in each test).
#include "python/parser/ast_dump.h"

#include <initializer_list>
#include <span>
#include <string_view>

#include "gtest/gtest.h"
#include "python/parser/arena.h"
#include "python/parser/ast_nodes.h"

namespace pyrite::parser {
namespace {

using ast::ConstantValue;
using ast::ExprContext;
using ast::ExprNode;
using ast::Location;
using ast::StmtNode;

class AstDumpTest : public ::testing::Test {
 protected:
  template <typename T>
  ast::Seq<T> Seq(std::initializer_list<T> items) {
    return arena_.CopySpan(std::span<const T>(items.begin(), items.size()));
  }

  template <typename T>
  T* New(Location loc = {}) {
    T* node = arena_.New<T>();
    if constexpr (requires { node->loc; }) node->loc = loc;
    return node;
  }

  ast::Name* Name(std::string_view id, ExprContext ctx = ExprContext::Load, Location loc = {}) {
    auto* n = New<ast::Name>(loc);
    n->id = id;
    n->ctx = ctx;
    return n;
  }

  ast::Constant* Const(ConstantValue::Kind kind, std::string_view text = {}, double number = 0,
                       Location loc = {}) {
    auto* c = New<ast::Constant>(loc);
    c->value.kind = kind;
    c->value.text = text;
    c->value.number = number;
    return c;
  }

  ast::Constant* Int(std::string_view digits, Location loc = {}) {
    return Const(ConstantValue::Kind::kInt, digits, 0, loc);
  }

  ast::Arg* Arg(std::string_view name, Location loc = {}) {
    auto* a = New<ast::Arg>(loc);
    a->arg = name;
    return a;
  }

  ast::Module* Module(std::initializer_list<StmtNode*> body) {
    auto* m = New<ast::Module>();
    m->body = Seq(body);
    return m;
  }

  ast::ExprStmt* Expr(ExprNode* value, Location loc = {}) {
    auto* s = New<ast::ExprStmt>(loc);
    s->value = value;
    return s;
  }

  ast::Pass* Pass(Location loc = {}) { return New<ast::Pass>(loc); }

  Arena arena_;
};

// pass
TEST_F(AstDumpTest, Pass) {
  EXPECT_EQ(Dump(*Module({Pass()}), false), "Module(body=[Pass()], type_ignores=[])");
}

// 1 (mode='eval')
TEST_F(AstDumpTest, Expression) {
  auto* e = New<ast::Expression>();
  e->body = Int("1");
  EXPECT_EQ(Dump(*e, false), "Expression(body=Constant(value=1))");
}

// x = f(a, *b, k=1, **d)
TEST_F(AstDumpTest, CallWithStarsAndKeywords) {
  auto* star = New<ast::Starred>();
  star->value = Name("b");
  star->ctx = ExprContext::Load;
  auto* k = New<ast::Keyword>();
  k->arg = "k";
  k->value = Int("1");
  auto* dd = New<ast::Keyword>();
  dd->value = Name("d");
  auto* call = New<ast::Call>();
  call->func = Name("f");
  call->args = Seq<ExprNode*>({Name("a"), star});
  call->keywords = Seq({k, dd});
  auto* assign = New<ast::Assign>();
  assign->targets = Seq<ExprNode*>({Name("x", ExprContext::Store)});
  assign->value = call;
  EXPECT_EQ(Dump(*Module({assign}), false),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Call(func=Name(id='f', "
            "ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', "
            "ctx=Load()), ctx=Load())], keywords=[keyword(arg='k', value=Constant(value=1)), "
            "keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[])");
}

// {**d, 'k': u'v', b'\x00': 1.5, 2j: ...}
TEST_F(AstDumpTest, DictWithNoneKeyAndConstants) {
  using K = ConstantValue::Kind;
  auto* u = Const(K::kStr, "v");
  u->kind = "u";
  auto* d = New<ast::Dict>();
  d->keys =
      Seq<ExprNode*>({nullptr, Const(K::kStr, "k"), Const(K::kBytes, std::string_view("\0", 1)),
                      Const(K::kComplex, {}, 2)});
  d->values = Seq<ExprNode*>({Name("d"), u, Const(K::kFloat, {}, 1.5), Const(K::kEllipsis)});
  EXPECT_EQ(Dump(*Module({Expr(d)}), false),
            "Module(body=[Expr(value=Dict(keys=[None, Constant(value='k'), "
            "Constant(value=b'\\x00'), Constant(value=2j)], values=[Name(id='d', ctx=Load()), "
            "Constant(value='v', kind='u'), Constant(value=1.5), Constant(value=Ellipsis)]))], "
            "type_ignores=[])");
}

// @dec
// async def g(a, /, b=1, *c, d, e=None, **f) -> None:
//     return
TEST_F(AstDumpTest, AsyncFunctionWithAllArgumentKinds) {
  auto* args = New<ast::Arguments>();
  args->posonlyargs = Seq({Arg("a")});
  args->args = Seq({Arg("b")});
  args->vararg = Arg("c");
  args->kwonlyargs = Seq({Arg("d"), Arg("e")});
  args->kw_defaults = Seq<ExprNode*>({nullptr, Const(ConstantValue::Kind::kNone)});
  args->kwarg = Arg("f");
  args->defaults = Seq<ExprNode*>({Int("1")});
  auto* fn = New<ast::AsyncFunctionDef>();
  fn->name = "g";
  fn->args = args;
  fn->body = Seq<StmtNode*>({New<ast::Return>()});
  fn->decorator_list = Seq<ExprNode*>({Name("dec")});
  fn->returns = Const(ConstantValue::Kind::kNone);
  EXPECT_EQ(Dump(*Module({fn}), false),
            "Module(body=[AsyncFunctionDef(name='g', args=arguments(posonlyargs=[arg(arg='a')], "
            "args=[arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], "
            "kw_defaults=[None, Constant(value=None)], kwarg=arg(arg='f'), "
            "defaults=[Constant(value=1)]), body=[Return()], decorator_list=[Name(id='dec', "
            "ctx=Load())], returns=Constant(value=None))], type_ignores=[])");
}

// def g(): pass
TEST_F(AstDumpTest, EmptyArgumentsPrintEmptyLists) {
  auto* fn = New<ast::FunctionDef>();
  fn->name = "g";
  fn->args = New<ast::Arguments>();
  fn->body = Seq<StmtNode*>({Pass()});
  EXPECT_EQ(Dump(*Module({fn}), false),
            "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], "
            "kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], "
            "type_ignores=[])");
}

// from . import x as y
// import a.b
// from m import *
TEST_F(AstDumpTest, Imports) {
  auto* xy = New<ast::Alias>();
  xy->name = "x";
  xy->asname = "y";
  auto* rel = New<ast::ImportFrom>();
  rel->names = Seq({xy});
  rel->level = 1;
  auto* ab = New<ast::Alias>();
  ab->name = "a.b";
  auto* imp = New<ast::Import>();
  imp->names = Seq({ab});
  auto* all = New<ast::Alias>();
  all->name = "*";
  auto* from_m = New<ast::ImportFrom>();
  from_m->module = "m";
  from_m->names = Seq({all});
  EXPECT_EQ(Dump(*Module({rel, imp, from_m}), false),
            "Module(body=[ImportFrom(names=[alias(name='x', asname='y')], level=1), "
            "Import(names=[alias(name='a.b')]), ImportFrom(module='m', names=[alias(name='*')], "
            "level=0)], type_ignores=[])");
}

// a < b is not c not in d
TEST_F(AstDumpTest, CompareOperatorSingletons) {
  using ast::CmpOpKind;
  auto* c = New<ast::Compare>();
  c->left = Name("a");
  c->ops = Seq({CmpOpKind::Lt, CmpOpKind::IsNot, CmpOpKind::NotIn});
  c->comparators = Seq<ExprNode*>({Name("b"), Name("c"), Name("d")});
  EXPECT_EQ(Dump(*Module({Expr(c)}), false),
            "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), IsNot(), "
            "NotIn()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), "
            "Name(id='d', ctx=Load())]))], type_ignores=[])");
}

// match p:
//  case None | True: pass
//  case {"k": _, **rest}: pass
//  case C(1, x=[*_]) if g: pass
//  case _: pass
TEST_F(AstDumpTest, MatchPatterns) {
  using K = ConstantValue::Kind;
  auto singleton = [&](K kind) {
    auto* s = New<ast::MatchSingleton>();
    s->value.kind = kind;
    return s;
  };
  auto match_case = [&](ast::PatternNode* pattern, ExprNode* guard) {
    auto* mc = New<ast::MatchCase>();
    mc->pattern = pattern;
    mc->guard = guard;
    mc->body = Seq<StmtNode*>({Pass()});
    return mc;
  };
  auto* alt = New<ast::MatchOr>();
  alt->patterns = Seq<ast::PatternNode*>({singleton(K::kNone), singleton(K::kTrue)});
  auto* mapping = New<ast::MatchMapping>();
  mapping->keys = Seq<ExprNode*>({Const(K::kStr, "k")});
  mapping->patterns = Seq<ast::PatternNode*>({New<ast::MatchAs>()});
  mapping->rest = "rest";
  auto* value = New<ast::MatchValue>();
  value->value = Int("1");
  auto* seq = New<ast::MatchSequence>();
  seq->patterns = Seq<ast::PatternNode*>({New<ast::MatchStar>()});
  auto* cls = New<ast::MatchClass>();
  cls->cls = Name("C");
  cls->patterns = Seq<ast::PatternNode*>({value});
  cls->kwd_attrs = Seq<ast::Identifier>({"x"});
  cls->kwd_patterns = Seq<ast::PatternNode*>({seq});
  auto* m = New<ast::Match>();
  m->subject = Name("p");
  m->cases = Seq({match_case(alt, nullptr), match_case(mapping, nullptr),
                  match_case(cls, Name("g")), match_case(New<ast::MatchAs>(), nullptr)});
  EXPECT_EQ(
      Dump(*Module({m}), false),
      "Module(body=[Match(subject=Name(id='p', ctx=Load()), "
      "cases=[match_case(pattern=MatchOr(patterns=[MatchSingleton(value=None), "
      "MatchSingleton(value=True)]), body=[Pass()]), "
      "match_case(pattern=MatchMapping(keys=[Constant(value='k')], patterns=[MatchAs()], "
      "rest='rest'), body=[Pass()]), match_case(pattern=MatchClass(cls=Name(id='C', ctx=Load()), "
      "patterns=[MatchValue(value=Constant(value=1))], kwd_attrs=['x'], "
      "kwd_patterns=[MatchSequence(patterns=[MatchStar()])]), guard=Name(id='g', ctx=Load()), "
      "body=[Pass()]), match_case(pattern=MatchAs(), body=[Pass()])])], type_ignores=[])");
}

// try:
//     pass
// except E as e:
//     pass
// except:
//     pass
// finally:
//     pass
TEST_F(AstDumpTest, TryWithHandlers) {
  auto* h1 = New<ast::ExceptHandler>();
  h1->type = Name("E");
  h1->name = "e";
  h1->body = Seq<StmtNode*>({Pass()});
  auto* h2 = New<ast::ExceptHandler>();
  h2->body = Seq<StmtNode*>({Pass()});
  auto* t = New<ast::Try>();
  t->body = Seq<StmtNode*>({Pass()});
  t->handlers = Seq<ast::ExceptHandlerNode*>({h1, h2});
  t->finalbody = Seq<StmtNode*>({Pass()});
  EXPECT_EQ(Dump(*Module({t}), false),
            "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', "
            "ctx=Load()), name='e', body=[Pass()]), ExceptHandler(body=[Pass()])], orelse=[], "
            "finalbody=[Pass()])], type_ignores=[])");
}

// [y async for x in z if x for y in x]
TEST_F(AstDumpTest, Comprehensions) {
  auto* g1 = New<ast::Comprehension>();
  g1->target = Name("x", ExprContext::Store);
  g1->iter = Name("z");
  g1->ifs = Seq<ExprNode*>({Name("x")});
  g1->is_async = 1;
  auto* g2 = New<ast::Comprehension>();
  g2->target = Name("y", ExprContext::Store);
  g2->iter = Name("x");
  auto* lc = New<ast::ListComp>();
  lc->elt = Name("y");
  lc->generators = Seq({g1, g2});
  EXPECT_EQ(Dump(*lc, false),
            "ListComp(elt=Name(id='y', ctx=Load()), generators=[comprehension(target=Name(id='x', "
            "ctx=Store()), iter=Name(id='z', ctx=Load()), ifs=[Name(id='x', ctx=Load())], "
            "is_async=1), comprehension(target=Name(id='y', ctx=Store()), iter=Name(id='x', "
            "ctx=Load()), ifs=[], is_async=0)])");
}

// f'{a!r:>{b}}'
TEST_F(AstDumpTest, FormattedValues) {
  auto* inner = New<ast::FormattedValue>();
  inner->value = Name("b");
  inner->conversion = -1;
  auto* spec = New<ast::JoinedStr>();
  spec->values = Seq<ExprNode*>({Const(ConstantValue::Kind::kStr, ">"), inner});
  auto* outer = New<ast::FormattedValue>();
  outer->value = Name("a");
  outer->conversion = 114;
  outer->format_spec = spec;
  auto* js = New<ast::JoinedStr>();
  js->values = Seq<ExprNode*>({outer});
  EXPECT_EQ(Dump(*js, false),
            "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=114, "
            "format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='b', "
            "ctx=Load()), conversion=-1)]))])");
}

// with a as b, c: pass
// global a, b
TEST_F(AstDumpTest, WithItemsAndGlobal) {
  auto* i1 = New<ast::WithItem>();
  i1->context_expr = Name("a");
  i1->optional_vars = Name("b", ExprContext::Store);
  auto* i2 = New<ast::WithItem>();
  i2->context_expr = Name("c");
  auto* w = New<ast::With>();
  w->items = Seq({i1, i2});
  w->body = Seq<StmtNode*>({Pass()});
  auto* g = New<ast::Global>();
  g->names = Seq<ast::Identifier>({"a", "b"});
  EXPECT_EQ(Dump(*Module({w, g}), false),
            "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), "
            "optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', "
            "ctx=Load()))], body=[Pass()]), Global(names=['a', 'b'])], type_ignores=[])");
}

// a[1:2, ::3] = b.c
TEST_F(AstDumpTest, SlicesAndAttributes) {
  auto* s1 = New<ast::Slice>();
  s1->lower = Int("1");
  s1->upper = Int("2");
  auto* s2 = New<ast::Slice>();
  s2->step = Int("3");
  auto* tuple = New<ast::Tuple>();
  tuple->elts = Seq<ExprNode*>({s1, s2});
  auto* sub = New<ast::Subscript>();
  sub->value = Name("a");
  sub->slice = tuple;
  sub->ctx = ExprContext::Store;
  auto* attr = New<ast::Attribute>();
  attr->value = Name("b");
  attr->attr = "c";
  auto* assign = New<ast::Assign>();
  assign->targets = Seq<ExprNode*>({sub});
  assign->value = attr;
  EXPECT_EQ(Dump(*Module({assign}), false),
            "Module(body=[Assign(targets=[Subscript(value=Name(id='a', ctx=Load()), "
            "slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), "
            "Slice(step=Constant(value=3))], ctx=Load()), ctx=Store())], "
            "value=Attribute(value=Name(id='b', ctx=Load()), attr='c', ctx=Load()))], "
            "type_ignores=[])");
}

// f(a, k=1), include_attributes=True
TEST_F(AstDumpTest, AttributesOnExpressionsAndKeywords) {
  auto* k = New<ast::Keyword>({1, 5, 1, 8});
  k->arg = "k";
  k->value = Int("1", {1, 7, 1, 8});
  auto* call = New<ast::Call>({1, 0, 1, 9});
  call->func = Name("f", ExprContext::Load, {1, 0, 1, 1});
  call->args = Seq<ExprNode*>({Name("a", ExprContext::Load, {1, 2, 1, 3})});
  call->keywords = Seq({k});
  EXPECT_EQ(Dump(*Module({Expr(call, {1, 0, 1, 9})}), true),
            "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, "
            "end_lineno=1, end_col_offset=1), args=[Name(id='a', ctx=Load(), lineno=1, "
            "col_offset=2, end_lineno=1, end_col_offset=3)], keywords=[keyword(arg='k', "
            "value=Constant(value=1, lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), "
            "lineno=1, col_offset=5, end_lineno=1, end_col_offset=8)], lineno=1, col_offset=0, "
            "end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, "
            "end_col_offset=9)], type_ignores=[])");
}

// import a as b
// def f(x): pass
// include_attributes=True: alias and arg have positions, arguments has none.
TEST_F(AstDumpTest, AttributesOnAliasAndArg) {
  auto* alias = New<ast::Alias>({1, 7, 1, 13});
  alias->name = "a";
  alias->asname = "b";
  auto* imp = New<ast::Import>({1, 0, 1, 13});
  imp->names = Seq({alias});
  auto* args = New<ast::Arguments>();
  args->args = Seq({Arg("x", {2, 6, 2, 7})});
  auto* fn = New<ast::FunctionDef>({2, 0, 2, 14});
  fn->name = "f";
  fn->args = args;
  fn->body = Seq<StmtNode*>({Pass({2, 10, 2, 14})});
  EXPECT_EQ(Dump(*Module({imp, fn}), true),
            "Module(body=[Import(names=[alias(name='a', asname='b', lineno=1, col_offset=7, "
            "end_lineno=1, end_col_offset=13)], lineno=1, col_offset=0, end_lineno=1, "
            "end_col_offset=13), FunctionDef(name='f', args=arguments(posonlyargs=[], "
            "args=[arg(arg='x', lineno=2, col_offset=6, end_lineno=2, end_col_offset=7)], "
            "kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass(lineno=2, col_offset=10, "
            "end_lineno=2, end_col_offset=14)], decorator_list=[], lineno=2, col_offset=0, "
            "end_lineno=2, end_col_offset=14)], type_ignores=[])");
}

// Module(body=[Pass()]): _format(Module), _format(list), the generator (two levels), _format(Pass),
// and with attributes _format(1) plus repr(1). ast2obj: Module and Pass.
TEST_F(AstDumpTest, RecursionDepths) {
  ast::Module* m = Module({Pass()});
  EXPECT_EQ(DumpRecursionDepth(*m, false, 1000), 5);
  EXPECT_EQ(DumpRecursionDepth(*m, true, 1000), 7);
  EXPECT_EQ(ConversionDepth(*m, 1000), 2);
}

// a + a + ... + a with 100000 operators: both measures stop past their cap instead of walking
// (and overflowing the native stack on) the whole chain.
TEST_F(AstDumpTest, RecursionDepthsStopAtTheCap) {
  ExprNode* e = Name("a");
  for (int i = 0; i < 100000; ++i) {
    auto* b = New<ast::BinOp>();
    b->left = e;
    b->right = Name("a");
    e = b;
  }
  ast::Module* m = Module({Expr(e)});
  EXPECT_GT(DumpRecursionDepth(*m, false, 996), 996);
  EXPECT_GT(ConversionDepth(*m, 2988), 2988);
}

TEST_F(AstDumpTest, KindNamesArePythonClassNames) {
  EXPECT_EQ(ast::KindName(ast::StmtKind::Expr), "Expr");
  EXPECT_EQ(ast::KindName(ast::ExprKind::JoinedStr), "JoinedStr");
  EXPECT_EQ(ast::KindName(ast::OperatorKind::FloorDiv), "FloorDiv");
  EXPECT_EQ(ast::KindName(ast::ExprContext::Del), "Del");
  ast::ExprStmt stmt;
  StmtNode* base = &stmt;
  EXPECT_EQ(base->As<ast::ExprStmt>(), &stmt);
  EXPECT_EQ(base->As<ast::Pass>(), nullptr);
}

}  // namespace
}  // namespace pyrite::parser
