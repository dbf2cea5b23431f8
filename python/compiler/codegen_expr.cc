// Expressions: every expression kind, conditional jumps (compiler_jump_if), comparisons and
// chains, displays with starred items (starunpack_helper), unpacking targets, dict displays,
// calls (method calls, keywords, *args/**kwargs), f-strings and subscripts.
#include <string>
#include <unordered_set>

#include "python/compiler/codegen.h"

namespace pyrite::compiler {

using bytecode::Constant;
using bytecode::Opcode;

namespace {

// CPython's STACK_USE_GUIDELINE: above it, displays and calls are built incrementally.
constexpr int kStackUseGuideline = 30;

bytecode::BinaryOp BinaryOpFor(ast::OperatorKind op) {
  switch (op) {
    case ast::OperatorKind::Add:
      return bytecode::BinaryOp::kAdd;
    case ast::OperatorKind::Sub:
      return bytecode::BinaryOp::kSubtract;
    case ast::OperatorKind::Mult:
      return bytecode::BinaryOp::kMultiply;
    case ast::OperatorKind::MatMult:
      return bytecode::BinaryOp::kMatrixMultiply;
    case ast::OperatorKind::Div:
      return bytecode::BinaryOp::kTrueDivide;
    case ast::OperatorKind::Mod:
      return bytecode::BinaryOp::kRemainder;
    case ast::OperatorKind::Pow:
      return bytecode::BinaryOp::kPower;
    case ast::OperatorKind::LShift:
      return bytecode::BinaryOp::kLshift;
    case ast::OperatorKind::RShift:
      return bytecode::BinaryOp::kRshift;
    case ast::OperatorKind::BitOr:
      return bytecode::BinaryOp::kOr;
    case ast::OperatorKind::BitXor:
      return bytecode::BinaryOp::kXor;
    case ast::OperatorKind::BitAnd:
      return bytecode::BinaryOp::kAnd;
    case ast::OperatorKind::FloorDiv:
      return bytecode::BinaryOp::kFloorDivide;
  }
  return bytecode::BinaryOp::kAdd;
}

bool HasStarred(const ast::Seq<ast::ExprNode*>& elts) {
  for (ast::ExprNode* e : elts) {
    if (e->kind == ast::ExprKind::Starred) return true;
  }
  return false;
}

}  // namespace

bool Codegen::Expr(ast::ExprNode* e) {
  bytecode::Position saved = u_->loc;
  SetLoc(e->loc);
  bool ok = ExprInner(e);
  if (ok) u_->loc = saved;
  return ok;
}

bool Codegen::ExprInner(ast::ExprNode* e) {
  if (e->kind != ast::ExprKind::Constant) {
    if (std::optional<Constant> c = Fold(e)) {
      EmitConst(*c);
      return true;
    }
  }
  switch (e->kind) {
    case ast::ExprKind::NamedExpr: {
      auto* n = e->As<ast::NamedExpr>();
      PY_TRY_EMIT(Expr(n->value));
      Emit(Opcode::COPY, 1);
      return Expr(n->target);
    }
    case ast::ExprKind::BoolOp:
      return BoolOp(e->As<ast::BoolOp>());
    case ast::ExprKind::BinOp: {
      auto* b = e->As<ast::BinOp>();
      PY_TRY_EMIT(Expr(b->left));
      PY_TRY_EMIT(Expr(b->right));
      Emit(Opcode::BINARY_OP, static_cast<int>(BinaryOpFor(b->op)));
      return true;
    }
    case ast::ExprKind::UnaryOp: {
      auto* un = e->As<ast::UnaryOp>();
      PY_TRY_EMIT(Expr(un->operand));
      static constexpr Opcode kOps[] = {Opcode::UNARY_INVERT, Opcode::UNARY_NOT,
                                        Opcode::UNARY_POSITIVE, Opcode::UNARY_NEGATIVE};
      Emit(kOps[static_cast<int>(un->op)]);
      return true;
    }
    case ast::ExprKind::Lambda:
      return Lambda(e->As<ast::Lambda>());
    case ast::ExprKind::IfExp: {
      auto* ie = e->As<ast::IfExp>();
      BasicBlock* end = NewBlock();
      BasicBlock* next = NewBlock();
      PY_TRY_EMIT(JumpIf(ie->test, next, false));
      PY_TRY_EMIT(Expr(ie->body));
      EmitJumpNoLine(Opcode::JUMP, end);
      UseNextBlock(next);
      PY_TRY_EMIT(Expr(ie->orelse));
      UseNextBlock(end);
      return true;
    }
    case ast::ExprKind::Dict:
      return DictDisplay(e->As<ast::Dict>());
    case ast::ExprKind::Set:
      return StarUnpack(e->As<ast::Set>()->elts, 0, Opcode::BUILD_SET, Opcode::SET_ADD,
                        Opcode::SET_UPDATE, false);
    case ast::ExprKind::GeneratorExp: {
      auto* g = e->As<ast::GeneratorExp>();
      return Comprehension(e, "<genexpr>", g->generators, g->elt, nullptr, 0);
    }
    case ast::ExprKind::ListComp: {
      auto* g = e->As<ast::ListComp>();
      return Comprehension(e, "<listcomp>", g->generators, g->elt, nullptr, 1);
    }
    case ast::ExprKind::SetComp: {
      auto* g = e->As<ast::SetComp>();
      return Comprehension(e, "<setcomp>", g->generators, g->elt, nullptr, 2);
    }
    case ast::ExprKind::DictComp: {
      auto* g = e->As<ast::DictComp>();
      return Comprehension(e, "<dictcomp>", g->generators, g->key, g->value, 3);
    }
    case ast::ExprKind::Yield: {
      if (!IsFunctionBlock()) return Error("'yield' outside function");
      auto* y = e->As<ast::Yield>();
      if (y->value != nullptr) {
        PY_TRY_EMIT(Expr(y->value));
      } else {
        EmitConst(NoneConst());
      }
      EmitYield();
      return true;
    }
    case ast::ExprKind::YieldFrom: {
      if (!IsFunctionBlock()) return Error("'yield' outside function");
      if (u_->scope_type == ScopeType::kAsyncFunction) {
        return Error("'yield from' inside async function");
      }
      PY_TRY_EMIT(Expr(e->As<ast::YieldFrom>()->value));
      Emit(Opcode::GET_YIELD_FROM_ITER);
      EmitConst(NoneConst());
      AddYieldFrom(false);
      return true;
    }
    case ast::ExprKind::Await: {
      if (!IsFunctionBlock()) return Error("'await' outside function");
      if (u_->scope_type != ScopeType::kAsyncFunction &&
          u_->scope_type != ScopeType::kComprehension) {
        return Error("'await' outside async function");
      }
      PY_TRY_EMIT(Expr(e->As<ast::Await>()->value));
      Emit(Opcode::GET_AWAITABLE, 0);
      EmitConst(NoneConst());
      AddYieldFrom(true);
      return true;
    }
    case ast::ExprKind::Compare:
      return Compare(e->As<ast::Compare>());
    case ast::ExprKind::Call:
      return Call(e->As<ast::Call>());
    case ast::ExprKind::Constant:
      EmitConst(ConstEvaluator::FromLiteral(e->As<ast::Constant>()->value));
      return true;
    case ast::ExprKind::JoinedStr:
      return JoinedStr(e->As<ast::JoinedStr>());
    case ast::ExprKind::FormattedValue:
      return FormattedValue(e->As<ast::FormattedValue>());
    case ast::ExprKind::Attribute: {
      auto* a = e->As<ast::Attribute>();
      if (a->ctx != ast::ExprContext::Load && ForbiddenName(a->attr, a->ctx)) return false;
      PY_TRY_EMIT(Expr(a->value));
      switch (a->ctx) {
        case ast::ExprContext::Load:
          EmitName(Opcode::LOAD_ATTR, a->attr);
          break;
        case ast::ExprContext::Store:
          EmitName(Opcode::STORE_ATTR, a->attr);
          break;
        case ast::ExprContext::Del:
          EmitName(Opcode::DELETE_ATTR, a->attr);
          break;
      }
      return true;
    }
    case ast::ExprKind::Subscript:
      return Subscript(e->As<ast::Subscript>());
    case ast::ExprKind::Starred:
      if (e->As<ast::Starred>()->ctx == ast::ExprContext::Store) {
        return Error("starred assignment target must be in a list or tuple");
      }
      return Error("can't use starred expression here");
    case ast::ExprKind::Slice:
      return Slice(e->As<ast::Slice>());
    case ast::ExprKind::Name: {
      auto* n = e->As<ast::Name>();
      return NameOp(n->id, n->ctx);
    }
    case ast::ExprKind::List: {
      auto* l = e->As<ast::List>();
      switch (l->ctx) {
        case ast::ExprContext::Store:
          return AssignSequence(l->elts);
        case ast::ExprContext::Del:
          for (ast::ExprNode* elt : l->elts) PY_TRY_EMIT(Expr(elt));
          return true;
        case ast::ExprContext::Load:
          return StarUnpack(l->elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND,
                            Opcode::LIST_EXTEND, false);
      }
      return true;
    }
    case ast::ExprKind::Tuple: {
      auto* t = e->As<ast::Tuple>();
      switch (t->ctx) {
        case ast::ExprContext::Store:
          return AssignSequence(t->elts);
        case ast::ExprContext::Del:
          for (ast::ExprNode* elt : t->elts) PY_TRY_EMIT(Expr(elt));
          return true;
        case ast::ExprContext::Load:
          return StarUnpack(t->elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND,
                            Opcode::LIST_EXTEND, true);
      }
      return true;
    }
  }
  return true;
}

bool Codegen::AssignSequence(const ast::Seq<ast::ExprNode*>& elts) {
  PY_TRY_EMIT(UnpackTarget(elts));
  for (ast::ExprNode* elt : elts) {
    if (auto* st = elt->As<ast::Starred>()) {
      PY_TRY_EMIT(Expr(st->value));
    } else {
      PY_TRY_EMIT(Expr(elt));
    }
  }
  return true;
}

bool Codegen::UnpackTarget(const ast::Seq<ast::ExprNode*>& elts) {
  uint32_t n = elts.size;
  bool seen_star = false;
  for (uint32_t i = 0; i < n; ++i) {
    if (elts[i]->kind != ast::ExprKind::Starred) continue;
    if (seen_star) return Error("multiple starred expressions in assignment");
    if (i >= (1u << 8) || (n - i - 1) >= (0x7FFFFFFFu >> 8)) {
      return Error("too many expressions in star-unpacking assignment");
    }
    Emit(Opcode::UNPACK_EX, static_cast<int>(i + ((n - i - 1) << 8)));
    seen_star = true;
  }
  if (!seen_star) Emit(Opcode::UNPACK_SEQUENCE, static_cast<int>(n));
  return true;
}

bool Codegen::StarUnpack(const ast::Seq<ast::ExprNode*>& elts, int pushed, Opcode build,
                         Opcode add, Opcode extend, bool tuple) {
  uint32_t n = elts.size;
  if (n > 2) {
    std::vector<Constant> items;
    for (ast::ExprNode* elt : elts) {
      std::optional<Constant> c = Fold(elt);
      if (!c) break;
      items.push_back(std::move(*c));
    }
    if (items.size() == n) {
      Constant folded = TupleConst(std::move(items));
      if (tuple && pushed == 0) {
        EmitConst(folded);
      } else {
        if (add == Opcode::SET_ADD) folded.kind = Constant::Kind::kFrozenSet;
        Emit(build, pushed);
        EmitConst(folded);
        Emit(extend, 1);
        if (tuple) Emit(Opcode::LIST_TO_TUPLE);
      }
      return true;
    }
  }
  bool big = static_cast<int>(n) + pushed > kStackUseGuideline;
  bool seen_star = HasStarred(elts);
  if (!seen_star && !big) {
    for (ast::ExprNode* elt : elts) PY_TRY_EMIT(Expr(elt));
    Emit(tuple ? Opcode::BUILD_TUPLE : build, static_cast<int>(n) + pushed);
    return true;
  }
  bool built = false;
  if (big) {
    Emit(build, pushed);
    built = true;
  }
  for (uint32_t i = 0; i < n; ++i) {
    ast::ExprNode* elt = elts[i];
    if (auto* st = elt->As<ast::Starred>()) {
      if (!built) {
        Emit(build, static_cast<int>(i) + pushed);
        built = true;
      }
      PY_TRY_EMIT(Expr(st->value));
      Emit(extend, 1);
    } else {
      PY_TRY_EMIT(Expr(elt));
      if (built) Emit(add, 1);
    }
  }
  if (tuple) Emit(Opcode::LIST_TO_TUPLE);
  return true;
}

void Codegen::EmitCompare(ast::CmpOpKind op) {
  switch (op) {
    case ast::CmpOpKind::Is:
      Emit(Opcode::IS_OP, 0);
      return;
    case ast::CmpOpKind::IsNot:
      Emit(Opcode::IS_OP, 1);
      return;
    case ast::CmpOpKind::In:
      Emit(Opcode::CONTAINS_OP, 0);
      return;
    case ast::CmpOpKind::NotIn:
      Emit(Opcode::CONTAINS_OP, 1);
      return;
    case ast::CmpOpKind::Eq:
      Emit(Opcode::COMPARE_OP, static_cast<int>(bytecode::CompareOp::kEq));
      return;
    case ast::CmpOpKind::NotEq:
      Emit(Opcode::COMPARE_OP, static_cast<int>(bytecode::CompareOp::kNe));
      return;
    case ast::CmpOpKind::Lt:
      Emit(Opcode::COMPARE_OP, static_cast<int>(bytecode::CompareOp::kLt));
      return;
    case ast::CmpOpKind::LtE:
      Emit(Opcode::COMPARE_OP, static_cast<int>(bytecode::CompareOp::kLe));
      return;
    case ast::CmpOpKind::Gt:
      Emit(Opcode::COMPARE_OP, static_cast<int>(bytecode::CompareOp::kGt));
      return;
    case ast::CmpOpKind::GtE:
      Emit(Opcode::COMPARE_OP, static_cast<int>(bytecode::CompareOp::kGe));
      return;
  }
}

// `x in [a, b]` and `x in {a, b}` with constant items: ast_opt.c makes the display a tuple
// (a frozenset for sets).
namespace {
std::optional<Constant> FoldContainer(ConstEvaluator& ev, ast::CmpOpKind op, ast::ExprNode* e) {
  if (op != ast::CmpOpKind::In && op != ast::CmpOpKind::NotIn) return std::nullopt;
  const ast::Seq<ast::ExprNode*>* elts = nullptr;
  bool set = false;
  if (auto* l = e->As<ast::List>()) elts = &l->elts;
  if (auto* s = e->As<ast::Set>()) {
    elts = &s->elts;
    set = true;
  }
  if (elts == nullptr) return std::nullopt;
  Constant out = TupleConst({});
  for (ast::ExprNode* elt : *elts) {
    std::optional<Constant> c = ev.Evaluate(elt);
    if (!c) return std::nullopt;
    out.items.push_back(std::move(*c));
  }
  if (set) out.kind = Constant::Kind::kFrozenSet;
  return out;
}
}  // namespace

bool Codegen::Compare(ast::Compare* e) {
  uint32_t n = e->ops.size - 1;
  PY_TRY_EMIT(Expr(e->left));
  auto comparator = [&](uint32_t i) {
    if (std::optional<Constant> c = FoldContainer(const_eval_, e->ops[i], e->comparators[i])) {
      EmitConst(*c);
      return true;
    }
    return Expr(e->comparators[i]);
  };
  if (n == 0) {
    PY_TRY_EMIT(comparator(0));
    EmitCompare(e->ops[0]);
    return true;
  }
  BasicBlock* cleanup = NewBlock();
  for (uint32_t i = 0; i < n; ++i) {
    PY_TRY_EMIT(comparator(i));
    Emit(Opcode::SWAP, 2);
    Emit(Opcode::COPY, 2);
    EmitCompare(e->ops[i]);
    EmitJump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  PY_TRY_EMIT(comparator(n));
  EmitCompare(e->ops[n]);
  BasicBlock* end = NewBlock();
  EmitJumpNoLine(Opcode::JUMP, end);
  UseNextBlock(cleanup);
  Emit(Opcode::SWAP, 2);
  Emit(Opcode::POP_TOP);
  UseNextBlock(end);
  return true;
}

bool Codegen::BoolOp(ast::BoolOp* e) {
  Opcode jump = e->op == ast::BoolOpKind::And ? Opcode::JUMP_IF_FALSE_OR_POP
                                             : Opcode::JUMP_IF_TRUE_OR_POP;
  BasicBlock* end = NewBlock();
  uint32_t n = e->values.size - 1;
  for (uint32_t i = 0; i < n; ++i) {
    PY_TRY_EMIT(Expr(e->values[i]));
    EmitJump(jump, end);
  }
  PY_TRY_EMIT(Expr(e->values[n]));
  UseNextBlock(end);
  return true;
}

bool Codegen::JumpIf(ast::ExprNode* e, BasicBlock* next, bool cond) {
  if (std::optional<Constant> c = Fold(e)) {
    // What CPython's optimizer leaves of LOAD_CONST + POP_JUMP_IF_*: a NOP at the constant, then
    // a JUMP or NOP at the enclosing statement's position (which tracebacks of an interrupted
    // `while True:` loop show).
    bytecode::Position saved = u_->loc;
    SetLoc(e->loc);
    Emit(Opcode::NOP);
    u_->loc = saved;
    if (ConstTruth(*c) == cond) {
      EmitJump(Opcode::JUMP, next);
    } else {
      Emit(Opcode::NOP);
    }
    return true;
  }
  switch (e->kind) {
    case ast::ExprKind::UnaryOp: {
      auto* un = e->As<ast::UnaryOp>();
      if (un->op == ast::UnaryOpKind::Not) return JumpIf(un->operand, next, !cond);
      break;
    }
    case ast::ExprKind::BoolOp: {
      auto* b = e->As<ast::BoolOp>();
      bool cond2 = b->op == ast::BoolOpKind::Or;
      BasicBlock* next2 = cond == cond2 ? next : NewBlock();
      uint32_t n = b->values.size - 1;
      for (uint32_t i = 0; i < n; ++i) PY_TRY_EMIT(JumpIf(b->values[i], next2, cond2));
      PY_TRY_EMIT(JumpIf(b->values[n], next, cond));
      if (next2 != next) UseNextBlock(next2);
      return true;
    }
    case ast::ExprKind::IfExp: {
      auto* ie = e->As<ast::IfExp>();
      BasicBlock* end = NewBlock();
      BasicBlock* next2 = NewBlock();
      PY_TRY_EMIT(JumpIf(ie->test, next2, false));
      PY_TRY_EMIT(JumpIf(ie->body, next, cond));
      EmitJumpNoLine(Opcode::JUMP, end);
      UseNextBlock(next2);
      PY_TRY_EMIT(JumpIf(ie->orelse, next, cond));
      UseNextBlock(end);
      return true;
    }
    case ast::ExprKind::Compare: {
      // CPython 3.11 sets the location to the comparison here and does not restore it: the rest
      // of the statement (an assert's raise, a loop's jump, an implicit return) carries it.
      SetLoc(e->loc);
      auto* cmp = e->As<ast::Compare>();
      uint32_t n = cmp->ops.size - 1;
      if (n > 0) {
        PY_TRY_EMIT(Expr(cmp->left));
        BasicBlock* cleanup = NewBlock();
        for (uint32_t i = 0; i < n; ++i) {
          PY_TRY_EMIT(Expr(cmp->comparators[i]));
          Emit(Opcode::SWAP, 2);
          Emit(Opcode::COPY, 2);
          EmitCompare(cmp->ops[i]);
          EmitJump(Opcode::POP_JUMP_IF_FALSE, cleanup);
        }
        PY_TRY_EMIT(Expr(cmp->comparators[n]));
        EmitCompare(cmp->ops[n]);
        EmitJump(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, next);
        BasicBlock* end = NewBlock();
        EmitJumpNoLine(Opcode::JUMP, end);
        UseNextBlock(cleanup);
        Emit(Opcode::POP_TOP);
        if (!cond) EmitJumpNoLine(Opcode::JUMP, next);
        UseNextBlock(end);
        return true;
      }
      break;
    }
    default:
      break;
  }
  PY_TRY_EMIT(Expr(e));
  EmitJump(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, next);
  return true;
}

bool Codegen::SubDict(ast::Dict* e, uint32_t begin, uint32_t end) {
  uint32_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    std::vector<Constant> keys;
    for (uint32_t i = begin; i < end; ++i) {
      std::optional<Constant> c = Fold(e->keys[i]);
      if (!c) break;
      keys.push_back(std::move(*c));
    }
    if (keys.size() == n) {
      for (uint32_t i = begin; i < end; ++i) PY_TRY_EMIT(Expr(e->values[i]));
      EmitConst(TupleConst(std::move(keys)));
      Emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<int>(n));
      return true;
    }
  }
  if (big) Emit(Opcode::BUILD_MAP, 0);
  for (uint32_t i = begin; i < end; ++i) {
    PY_TRY_EMIT(Expr(e->keys[i]));
    PY_TRY_EMIT(Expr(e->values[i]));
    if (big) Emit(Opcode::MAP_ADD, 1);
  }
  if (!big) Emit(Opcode::BUILD_MAP, static_cast<int>(n));
  return true;
}

bool Codegen::DictDisplay(ast::Dict* e) {
  uint32_t n = e->values.size;
  uint32_t elements = 0;
  bool have_dict = false;
  for (uint32_t i = 0; i < n; ++i) {
    if (e->keys[i] == nullptr) {
      if (elements > 0) {
        PY_TRY_EMIT(SubDict(e, i - elements, i));
        if (have_dict) Emit(Opcode::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        Emit(Opcode::BUILD_MAP, 0);
        have_dict = true;
      }
      PY_TRY_EMIT(Expr(e->values[i]));
      Emit(Opcode::DICT_UPDATE, 1);
    } else if (elements * 2 > kStackUseGuideline) {
      PY_TRY_EMIT(SubDict(e, i - elements, i + 1));
      if (have_dict) Emit(Opcode::DICT_UPDATE, 1);
      have_dict = true;
      elements = 0;
    } else {
      ++elements;
    }
  }
  if (elements > 0) {
    PY_TRY_EMIT(SubDict(e, n - elements, n));
    if (have_dict) Emit(Opcode::DICT_UPDATE, 1);
    have_dict = true;
  }
  if (!have_dict) Emit(Opcode::BUILD_MAP, 0);
  return true;
}

bool Codegen::ValidateKeywords(const ast::Seq<ast::Keyword*>& keywords) {
  for (uint32_t i = 0; i < keywords.size; ++i) {
    ast::Keyword* key = keywords[i];
    if (key->arg.empty()) continue;
    if (ForbiddenName(key->arg, ast::ExprContext::Store)) return false;
    for (uint32_t j = i + 1; j < keywords.size; ++j) {
      if (keywords[j]->arg == key->arg) {
        SetLoc(keywords[j]->loc);
        return Error("keyword argument repeated: " + std::string(key->arg));
      }
    }
  }
  return true;
}

void Codegen::KwNames(const ast::Seq<ast::Keyword*>& keywords) {
  std::vector<Constant> names;
  for (ast::Keyword* k : keywords) names.push_back(StrConst(k->arg));
  Emit(Opcode::KW_NAMES, AddConst(TupleConst(std::move(names))));
}

bool Codegen::SubKwargs(const ast::Seq<ast::Keyword*>& keywords, uint32_t begin, uint32_t end) {
  uint32_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    std::vector<Constant> keys;
    for (uint32_t i = begin; i < end; ++i) {
      PY_TRY_EMIT(Expr(keywords[i]->value));
      keys.push_back(StrConst(keywords[i]->arg));
    }
    EmitConst(TupleConst(std::move(keys)));
    Emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<int>(n));
    return true;
  }
  if (big) Emit(Opcode::BUILD_MAP, 0);
  for (uint32_t i = begin; i < end; ++i) {
    EmitConst(StrConst(keywords[i]->arg));
    PY_TRY_EMIT(Expr(keywords[i]->value));
    if (big) Emit(Opcode::MAP_ADD, 1);
  }
  if (!big) Emit(Opcode::BUILD_MAP, static_cast<int>(n));
  return true;
}

bool Codegen::CallHelper(int pushed, const ast::Seq<ast::ExprNode*>& args,
                         const ast::Seq<ast::Keyword*>& keywords) {
  PY_TRY_EMIT(ValidateKeywords(keywords));
  int nelts = static_cast<int>(args.size);
  int nkwelts = static_cast<int>(keywords.size);
  bool ex_call = nelts + nkwelts * 2 > kStackUseGuideline || HasStarred(args);
  for (ast::Keyword* k : keywords) ex_call = ex_call || k->arg.empty();
  if (!ex_call) {
    for (ast::ExprNode* a : args) PY_TRY_EMIT(Expr(a));
    if (nkwelts > 0) {
      for (ast::Keyword* k : keywords) PY_TRY_EMIT(Expr(k->value));
      KwNames(keywords);
    }
    Emit(Opcode::PRECALL, pushed + nelts + nkwelts);
    Emit(Opcode::CALL, pushed + nelts + nkwelts);
    return true;
  }
  if (pushed == 0 && nelts == 1 && args[0]->kind == ast::ExprKind::Starred) {
    PY_TRY_EMIT(Expr(args[0]->As<ast::Starred>()->value));
  } else {
    PY_TRY_EMIT(StarUnpack(args, pushed, Opcode::BUILD_LIST, Opcode::LIST_APPEND,
                           Opcode::LIST_EXTEND, true));
  }
  if (nkwelts > 0) {
    uint32_t nseen = 0;
    bool have_dict = false;
    uint32_t i = 0;
    for (; i < keywords.size; ++i) {
      ast::Keyword* kw = keywords[i];
      if (kw->arg.empty()) {
        if (nseen > 0) {
          PY_TRY_EMIT(SubKwargs(keywords, i - nseen, i));
          if (have_dict) Emit(Opcode::DICT_MERGE, 1);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          Emit(Opcode::BUILD_MAP, 0);
          have_dict = true;
        }
        PY_TRY_EMIT(Expr(kw->value));
        Emit(Opcode::DICT_MERGE, 1);
      } else {
        ++nseen;
      }
    }
    if (nseen > 0) {
      PY_TRY_EMIT(SubKwargs(keywords, i - nseen, i));
      if (have_dict) Emit(Opcode::DICT_MERGE, 1);
    }
  }
  Emit(Opcode::CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
  return true;
}

bool Codegen::Call(ast::Call* e) {
  // maybe_optimize_method_call
  if (auto* meth = e->func->As<ast::Attribute>();
      meth != nullptr && meth->ctx == ast::ExprContext::Load) {
    int argsl = static_cast<int>(e->args.size);
    int kwdsl = static_cast<int>(e->keywords.size);
    bool ok = argsl + kwdsl + (kwdsl != 0) < kStackUseGuideline && !HasStarred(e->args);
    for (ast::Keyword* k : e->keywords) ok = ok && !k->arg.empty();
    if (ok) {
      PY_TRY_EMIT(ValidateKeywords(e->keywords));
      PY_TRY_EMIT(Expr(meth->value));
      bytecode::Position saved = u_->loc;
      u_->loc.lineno = meth->loc.end_lineno;
      EmitName(Opcode::LOAD_METHOD, meth->attr);
      u_->loc = saved;
      for (ast::ExprNode* a : e->args) PY_TRY_EMIT(Expr(a));
      if (kwdsl > 0) {
        for (ast::Keyword* k : e->keywords) PY_TRY_EMIT(Expr(k->value));
        KwNames(e->keywords);
      }
      Emit(Opcode::PRECALL, argsl + kwdsl);
      Emit(Opcode::CALL, argsl + kwdsl);
      return true;
    }
  }
  Emit(Opcode::PUSH_NULL);
  PY_TRY_EMIT(Expr(e->func));
  return CallHelper(0, e->args, e->keywords);
}

bool Codegen::JoinedStr(ast::JoinedStr* e) {
  int n = static_cast<int>(e->values.size);
  if (n > kStackUseGuideline) {
    EmitConst(StrConst(""));
    EmitNameRaw(Opcode::LOAD_METHOD, "join");
    Emit(Opcode::BUILD_LIST, 0);
    for (ast::ExprNode* v : e->values) {
      PY_TRY_EMIT(Expr(v));
      Emit(Opcode::LIST_APPEND, 1);
    }
    Emit(Opcode::PRECALL, 1);
    Emit(Opcode::CALL, 1);
    return true;
  }
  for (ast::ExprNode* v : e->values) PY_TRY_EMIT(Expr(v));
  if (n != 1) Emit(Opcode::BUILD_STRING, n);
  return true;
}

bool Codegen::FormattedValue(ast::FormattedValue* e) {
  PY_TRY_EMIT(Expr(e->value));
  int oparg = 0;
  switch (e->conversion) {
    case 's':
      oparg = 1;
      break;
    case 'r':
      oparg = 2;
      break;
    case 'a':
      oparg = 3;
      break;
    default:
      oparg = 0;
      break;
  }
  if (e->format_spec != nullptr) {
    PY_TRY_EMIT(Expr(e->format_spec));
    oparg |= 4;
  }
  Emit(Opcode::FORMAT_VALUE, oparg);
  return true;
}

bool Codegen::Slice(ast::Slice* e) {
  int n = 2;
  if (e->lower != nullptr) {
    PY_TRY_EMIT(Expr(e->lower));
  } else {
    EmitConst(NoneConst());
  }
  if (e->upper != nullptr) {
    PY_TRY_EMIT(Expr(e->upper));
  } else {
    EmitConst(NoneConst());
  }
  if (e->step != nullptr) {
    PY_TRY_EMIT(Expr(e->step));
    n = 3;
  }
  Emit(Opcode::BUILD_SLICE, n);
  return true;
}

bool Codegen::Subscript(ast::Subscript* e) {
  PY_TRY_EMIT(Expr(e->value));
  PY_TRY_EMIT(Expr(e->slice));
  switch (e->ctx) {
    case ast::ExprContext::Load:
      Emit(Opcode::BINARY_SUBSCR);
      break;
    case ast::ExprContext::Store:
      Emit(Opcode::STORE_SUBSCR);
      break;
    case ast::ExprContext::Del:
      Emit(Opcode::DELETE_SUBSCR);
      break;
  }
  return true;
}

}  // namespace pyrite::compiler
