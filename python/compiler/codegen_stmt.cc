// Statements: bodies and docstrings, assignments of every target kind, del, if/while/for,
// break/continue/return through the frame-block stack (compiler_unwind_fblock), raise, assert,
// imports and expression statements, as CPython 3.11's compile.c emits them.
#include <string>

#include "python/compiler/codegen.h"

namespace pyrite::compiler {

using bytecode::Constant;
using bytecode::Opcode;

namespace {

const ast::Constant* AsStrConstant(const ast::ExprNode* e) {
  auto* c = e->As<ast::Constant>();
  if (c != nullptr && c->value.kind == ast::ConstantValue::Kind::kStr) return c;
  return nullptr;
}

}  // namespace

bool Codegen::FindAnnotations(const ast::Seq<ast::StmtNode*>& body) {
  for (ast::StmtNode* s : body) {
    switch (s->kind) {
      case ast::StmtKind::AnnAssign:
        return true;
      case ast::StmtKind::For:
        if (FindAnnotations(s->As<ast::For>()->body) || FindAnnotations(s->As<ast::For>()->orelse))
          return true;
        break;
      case ast::StmtKind::AsyncFor:
        if (FindAnnotations(s->As<ast::AsyncFor>()->body) ||
            FindAnnotations(s->As<ast::AsyncFor>()->orelse))
          return true;
        break;
      case ast::StmtKind::While:
        if (FindAnnotations(s->As<ast::While>()->body) ||
            FindAnnotations(s->As<ast::While>()->orelse))
          return true;
        break;
      case ast::StmtKind::If:
        if (FindAnnotations(s->As<ast::If>()->body) || FindAnnotations(s->As<ast::If>()->orelse))
          return true;
        break;
      case ast::StmtKind::With:
        if (FindAnnotations(s->As<ast::With>()->body)) return true;
        break;
      case ast::StmtKind::AsyncWith:
        if (FindAnnotations(s->As<ast::AsyncWith>()->body)) return true;
        break;
      case ast::StmtKind::Try: {
        auto* t = s->As<ast::Try>();
        for (ast::ExceptHandlerNode* h : t->handlers) {
          if (FindAnnotations(h->As<ast::ExceptHandler>()->body)) return true;
        }
        if (FindAnnotations(t->body) || FindAnnotations(t->orelse) ||
            FindAnnotations(t->finalbody))
          return true;
        break;
      }
      case ast::StmtKind::TryStar: {
        auto* t = s->As<ast::TryStar>();
        for (ast::ExceptHandlerNode* h : t->handlers) {
          if (FindAnnotations(h->As<ast::ExceptHandler>()->body)) return true;
        }
        if (FindAnnotations(t->body) || FindAnnotations(t->orelse) ||
            FindAnnotations(t->finalbody))
          return true;
        break;
      }
      case ast::StmtKind::Match:
        for (ast::MatchCase* c : s->As<ast::Match>()->cases) {
          if (FindAnnotations(c->body)) return true;
        }
        break;
      default:
        break;
    }
  }
  return false;
}

// compiler_body: docstring to __doc__, SETUP_ANNOTATIONS, then the statements.
bool Codegen::Body(const ast::Seq<ast::StmtNode*>& body, bool module_level) {
  (void)module_level;
  if (FindAnnotations(body)) Emit(Opcode::SETUP_ANNOTATIONS);
  uint32_t start = 0;
  if (!body.empty()) {
    ast::StmtNode* first = body[0];
    if (auto* es = first->As<ast::ExprStmt>(); es != nullptr && AsStrConstant(es->value)) {
      if (optimize_ < 2) {
        SetLoc(first->loc);
        PY_TRY_EMIT(Expr(es->value));
        PY_TRY_EMIT(NameOp("__doc__", ast::ExprContext::Store));
        start = 1;
      }
    }
  }
  for (uint32_t i = start; i < body.size; ++i) PY_TRY_EMIT(Stmt(body[i]));
  return true;
}

bool Codegen::Stmts(const ast::Seq<ast::StmtNode*>& body) {
  for (ast::StmtNode* s : body) PY_TRY_EMIT(Stmt(s));
  return true;
}

bool Codegen::Stmt(ast::StmtNode* s) {
  SetLoc(s->loc);
  switch (s->kind) {
    case ast::StmtKind::FunctionDef:
    case ast::StmtKind::AsyncFunctionDef:
      return FunctionDef(s);
    case ast::StmtKind::ClassDef:
      return ClassDef(s->As<ast::ClassDef>());
    case ast::StmtKind::Return:
      return Return(s->As<ast::Return>());
    case ast::StmtKind::Delete:
      return Delete(s->As<ast::Delete>());
    case ast::StmtKind::Assign:
      return Assign(s->As<ast::Assign>());
    case ast::StmtKind::AugAssign:
      return AugAssign(s->As<ast::AugAssign>());
    case ast::StmtKind::AnnAssign:
      return AnnAssign(s->As<ast::AnnAssign>());
    case ast::StmtKind::For:
      return For(s->As<ast::For>());
    case ast::StmtKind::While:
      return While(s->As<ast::While>());
    case ast::StmtKind::If:
      return If(s->As<ast::If>());
    case ast::StmtKind::Match:
      return Match(s->As<ast::Match>());
    case ast::StmtKind::Raise:
      return Raise(s->As<ast::Raise>());
    case ast::StmtKind::Try:
      return Try(s->As<ast::Try>());
    case ast::StmtKind::TryStar:
      return TryStar(s->As<ast::TryStar>());
    case ast::StmtKind::Assert:
      return Assert(s->As<ast::Assert>());
    case ast::StmtKind::Import:
      return Import(s->As<ast::Import>());
    case ast::StmtKind::ImportFrom:
      return ImportFrom(s->As<ast::ImportFrom>());
    case ast::StmtKind::Global:
    case ast::StmtKind::Nonlocal:
      return true;
    case ast::StmtKind::Expr:
      return ExprStmt(s->As<ast::ExprStmt>());
    case ast::StmtKind::Pass:
      Emit(Opcode::NOP);
      return true;
    case ast::StmtKind::Break:
      return Break();
    case ast::StmtKind::Continue:
      return Continue();
    case ast::StmtKind::With: {
      auto* w = s->As<ast::With>();
      return With(s, w->items, w->body, 0, false);
    }
    case ast::StmtKind::AsyncWith: {
      auto* w = s->As<ast::AsyncWith>();
      if (u_->scope_type != ScopeType::kAsyncFunction) {
        return Error("'async with' outside async function");
      }
      return With(s, w->items, w->body, 0, true);
    }
    case ast::StmtKind::AsyncFor:
      return AsyncFor(s->As<ast::AsyncFor>());
  }
  return true;
}

bool Codegen::ExprStmt(ast::ExprStmt* s) {
  if (interactive_ && nestlevel_ <= 1) {
    PY_TRY_EMIT(Expr(s->value));
    Emit(Opcode::PRINT_EXPR);
    return true;
  }
  if (Fold(s->value).has_value()) {
    Emit(Opcode::NOP);
    return true;
  }
  PY_TRY_EMIT(Expr(s->value));
  EmitNoLine(Opcode::POP_TOP);
  return true;
}

bool Codegen::Assign(ast::Assign* s) {
  PY_TRY_EMIT(Expr(s->value));
  for (uint32_t i = 0; i < s->targets.size; ++i) {
    if (i + 1 < s->targets.size) Emit(Opcode::COPY, 1);
    PY_TRY_EMIT(Expr(s->targets[i]));
  }
  return true;
}

bool Codegen::AugAssign(ast::AugAssign* s) {
  ast::ExprNode* e = s->target;
  bytecode::Position saved = u_->loc;
  SetLoc(e->loc);
  switch (e->kind) {
    case ast::ExprKind::Attribute: {
      auto* a = e->As<ast::Attribute>();
      if (ForbiddenName(a->attr, ast::ExprContext::Store)) return false;
      PY_TRY_EMIT(Expr(a->value));
      Emit(Opcode::COPY, 1);
      EmitName(Opcode::LOAD_ATTR, a->attr);
      break;
    }
    case ast::ExprKind::Subscript: {
      auto* sub = e->As<ast::Subscript>();
      PY_TRY_EMIT(Expr(sub->value));
      PY_TRY_EMIT(Expr(sub->slice));
      Emit(Opcode::COPY, 2);
      Emit(Opcode::COPY, 2);
      Emit(Opcode::BINARY_SUBSCR);
      break;
    }
    case ast::ExprKind::Name:
      PY_TRY_EMIT(NameOp(e->As<ast::Name>()->id, ast::ExprContext::Load));
      break;
    default:
      return Error("invalid node type for augmented assignment");
  }
  u_->loc = saved;
  PY_TRY_EMIT(Expr(s->value));
  static constexpr bytecode::BinaryOp kOps[] = {
      bytecode::BinaryOp::kAdd,        bytecode::BinaryOp::kSubtract,
      bytecode::BinaryOp::kMultiply,   bytecode::BinaryOp::kMatrixMultiply,
      bytecode::BinaryOp::kTrueDivide, bytecode::BinaryOp::kRemainder,
      bytecode::BinaryOp::kPower,      bytecode::BinaryOp::kLshift,
      bytecode::BinaryOp::kRshift,     bytecode::BinaryOp::kOr,
      bytecode::BinaryOp::kXor,        bytecode::BinaryOp::kAnd,
      bytecode::BinaryOp::kFloorDivide};
  Emit(Opcode::BINARY_OP, static_cast<int>(kOps[static_cast<int>(s->op)]) +
                              static_cast<int>(bytecode::BinaryOp::kInplaceOffset));
  SetLoc(e->loc);
  switch (e->kind) {
    case ast::ExprKind::Attribute:
      Emit(Opcode::SWAP, 2);
      EmitName(Opcode::STORE_ATTR, e->As<ast::Attribute>()->attr);
      break;
    case ast::ExprKind::Subscript:
      Emit(Opcode::SWAP, 3);
      Emit(Opcode::SWAP, 2);
      Emit(Opcode::STORE_SUBSCR);
      break;
    default:
      PY_TRY_EMIT(NameOp(e->As<ast::Name>()->id, ast::ExprContext::Store));
      break;
  }
  return true;
}

bool Codegen::CheckAnnExpr(ast::ExprNode* e) {
  PY_TRY_EMIT(Expr(e));
  Emit(Opcode::POP_TOP);
  return true;
}

bool Codegen::CheckAnnSubscr(ast::ExprNode* e) {
  if (auto* sl = e->As<ast::Slice>()) {
    if (sl->lower != nullptr) PY_TRY_EMIT(CheckAnnExpr(sl->lower));
    if (sl->upper != nullptr) PY_TRY_EMIT(CheckAnnExpr(sl->upper));
    if (sl->step != nullptr) PY_TRY_EMIT(CheckAnnExpr(sl->step));
    return true;
  }
  if (auto* t = e->As<ast::Tuple>()) {
    for (ast::ExprNode* elt : t->elts) PY_TRY_EMIT(CheckAnnSubscr(elt));
    return true;
  }
  return CheckAnnExpr(e);
}

bool Codegen::AnnAssign(ast::AnnAssign* s) {
  ast::ExprNode* target = s->target;
  if (s->value != nullptr) {
    PY_TRY_EMIT(Expr(s->value));
    PY_TRY_EMIT(Expr(target));
  }
  bool module_or_class =
      u_->scope_type == ScopeType::kModule || u_->scope_type == ScopeType::kClass;
  switch (target->kind) {
    case ast::ExprKind::Name: {
      auto* n = target->As<ast::Name>();
      if (ForbiddenName(n->id, ast::ExprContext::Store)) return false;
      if (s->simple && module_or_class) {
        PY_TRY_EMIT(AnnotationValue(s->annotation));
        EmitNameRaw(Opcode::LOAD_NAME, "__annotations__");
        EmitConst(StrConst(MangleName(n->id)));
        Emit(Opcode::STORE_SUBSCR);
      }
      break;
    }
    case ast::ExprKind::Attribute: {
      auto* a = target->As<ast::Attribute>();
      if (ForbiddenName(a->attr, ast::ExprContext::Store)) return false;
      if (s->value == nullptr) PY_TRY_EMIT(CheckAnnExpr(a->value));
      break;
    }
    case ast::ExprKind::Subscript: {
      auto* sub = target->As<ast::Subscript>();
      if (s->value == nullptr) {
        PY_TRY_EMIT(CheckAnnExpr(sub->value));
        PY_TRY_EMIT(CheckAnnSubscr(sub->slice));
      }
      break;
    }
    default:
      return Error("invalid node type for annotated assignment");
  }
  if (!s->simple && module_or_class && !(future_features_ & kFutureAnnotations)) {
    PY_TRY_EMIT(CheckAnnExpr(s->annotation));
  }
  return true;
}

bool Codegen::Delete(ast::Delete* s) {
  for (ast::ExprNode* t : s->targets) PY_TRY_EMIT(Expr(t));
  return true;
}

bool Codegen::If(ast::If* s) {
  BasicBlock* end = NewBlock();
  BasicBlock* next = s->orelse.empty() ? end : NewBlock();
  PY_TRY_EMIT(JumpIf(s->test, next, false));
  PY_TRY_EMIT(Stmts(s->body));
  if (!s->orelse.empty()) {
    EmitJumpNoLine(Opcode::JUMP, end);
    UseNextBlock(next);
    PY_TRY_EMIT(Stmts(s->orelse));
  }
  UseNextBlock(end);
  return true;
}

bool Codegen::While(ast::While* s) {
  BasicBlock* loop = NewBlock();
  BasicBlock* body = NewBlock();
  BasicBlock* anchor = NewBlock();
  BasicBlock* end = NewBlock();  // `break` leaves past the else clause
  UseNextBlock(loop);
  PY_TRY_EMIT(PushFBlock(FBlock{FBlockType::kWhileLoop, loop, end}));
  PY_TRY_EMIT(JumpIf(s->test, anchor, false));
  UseNextBlock(body);
  PY_TRY_EMIT(Stmts(s->body));
  SetLoc(s->loc);
  PY_TRY_EMIT(JumpIf(s->test, body, true));
  PopFBlock();
  UseNextBlock(anchor);
  PY_TRY_EMIT(Stmts(s->orelse));
  UseNextBlock(end);
  return true;
}

bool Codegen::For(ast::For* s) {
  BasicBlock* start = NewBlock();
  BasicBlock* body = NewBlock();
  BasicBlock* cleanup = NewBlock();
  BasicBlock* end = NewBlock();
  PY_TRY_EMIT(PushFBlock(FBlock{FBlockType::kForLoop, start, end}));
  PY_TRY_EMIT(Expr(s->iter));
  Emit(Opcode::GET_ITER);
  UseNextBlock(start);
  EmitJump(Opcode::FOR_ITER, cleanup);
  UseNextBlock(body);
  PY_TRY_EMIT(Expr(s->target));
  PY_TRY_EMIT(Stmts(s->body));
  UnsetLoc();
  EmitJump(Opcode::JUMP, start);
  UseNextBlock(cleanup);
  PopFBlock();
  PY_TRY_EMIT(Stmts(s->orelse));
  UseNextBlock(end);
  return true;
}

bool Codegen::PushFBlock(FBlock fb) {
  if (u_->fblocks.size() >= 20) return Error("too many statically nested blocks");
  u_->fblocks.push_back(fb);
  return true;
}

void Codegen::PopFBlock() { u_->fblocks.pop_back(); }

bool Codegen::CallExitWithNones() {
  EmitConst(NoneConst());
  EmitConst(NoneConst());
  EmitConst(NoneConst());
  Emit(Opcode::PRECALL, 2);
  Emit(Opcode::CALL, 2);
  return true;
}

void Codegen::AddYieldFrom(bool await) {
  BasicBlock* start = NewBlock();
  BasicBlock* resume = NewBlock();
  BasicBlock* exit = NewBlock();
  UseNextBlock(start);
  EmitJump(Opcode::SEND, exit);
  UseNextBlock(resume);
  Emit(Opcode::YIELD_VALUE);
  Emit(Opcode::RESUME, await ? 3 : 2);
  EmitJump(Opcode::JUMP_NO_INTERRUPT, start);
  UseNextBlock(exit);
}

void Codegen::EmitYield() {
  if (u_->ste->generator() && u_->ste->coroutine()) Emit(Opcode::ASYNC_GEN_WRAP);
  Emit(Opcode::YIELD_VALUE);
  Emit(Opcode::RESUME, 1);
}

bool Codegen::UnwindFBlock(const FBlock& fb, bool preserve_tos) {
  switch (fb.type) {
    case FBlockType::kWhileLoop:
    case FBlockType::kExceptionHandler:
    case FBlockType::kExceptionGroupHandler:
    case FBlockType::kAsyncComprehensionGenerator:
      return true;
    case FBlockType::kForLoop:
      if (preserve_tos) Emit(Opcode::SWAP, 2);
      Emit(Opcode::POP_TOP);
      return true;
    case FBlockType::kTryExcept:
      Emit(Opcode::POP_BLOCK);
      return true;
    case FBlockType::kFinallyTry: {
      Emit(Opcode::POP_BLOCK);
      if (preserve_tos) PY_TRY_EMIT(PushFBlock(FBlock{FBlockType::kPopValue}));
      bytecode::Position saved = u_->loc;
      PY_TRY_EMIT(Stmts(*fb.finalbody));
      u_->loc = saved;
      if (preserve_tos) PopFBlock();
      return true;
    }
    case FBlockType::kFinallyEnd:
      if (preserve_tos) Emit(Opcode::SWAP, 2);
      Emit(Opcode::POP_TOP);
      if (preserve_tos) Emit(Opcode::SWAP, 2);
      Emit(Opcode::POP_BLOCK);
      Emit(Opcode::POP_EXCEPT);
      return true;
    case FBlockType::kWith:
    case FBlockType::kAsyncWith: {
      bytecode::Position saved = u_->loc;
      SetLoc(fb.stmt->loc);
      Emit(Opcode::POP_BLOCK);
      if (preserve_tos) Emit(Opcode::SWAP, 2);
      CallExitWithNones();
      if (fb.type == FBlockType::kAsyncWith) {
        Emit(Opcode::GET_AWAITABLE, 2);
        EmitConst(NoneConst());
        AddYieldFrom(true);
      }
      Emit(Opcode::POP_TOP);
      u_->loc = saved;
      return true;
    }
    case FBlockType::kHandlerCleanup:
      if (!fb.name.empty()) Emit(Opcode::POP_BLOCK);
      if (preserve_tos) Emit(Opcode::SWAP, 2);
      Emit(Opcode::POP_BLOCK);
      Emit(Opcode::POP_EXCEPT);
      if (!fb.name.empty()) {
        EmitConst(NoneConst());
        PY_TRY_EMIT(NameOp(fb.name, ast::ExprContext::Store));
        PY_TRY_EMIT(NameOp(fb.name, ast::ExprContext::Del));
      }
      return true;
    case FBlockType::kPopValue:
      if (preserve_tos) Emit(Opcode::SWAP, 2);
      Emit(Opcode::POP_TOP);
      return true;
  }
  return true;
}

// Unwinds the frame blocks up to the innermost loop (when `loop` is given) or all of them.
bool Codegen::UnwindFBlockStack(bool preserve_tos, FBlock* loop, bool* found_loop) {
  if (u_->fblocks.empty()) return true;
  FBlock top = u_->fblocks.back();
  if (top.type == FBlockType::kExceptionGroupHandler) {
    return Error("'break', 'continue' and 'return' cannot appear in an except* block");
  }
  if (loop != nullptr &&
      (top.type == FBlockType::kWhileLoop || top.type == FBlockType::kForLoop)) {
    *loop = top;
    *found_loop = true;
    return true;
  }
  u_->fblocks.pop_back();
  bool ok = UnwindFBlock(top, preserve_tos) && UnwindFBlockStack(preserve_tos, loop, found_loop);
  u_->fblocks.push_back(top);
  return ok;
}

bool Codegen::Return(ast::Return* s) {
  std::optional<Constant> constant;
  if (s->value != nullptr) constant = Fold(s->value);
  bool preserve_tos = s->value != nullptr && !constant.has_value();
  if (!IsFunctionBlock()) return Error("'return' outside function");
  if (s->value != nullptr && u_->ste->coroutine() && u_->ste->generator()) {
    return Error("'return' with value in async generator");
  }
  if (preserve_tos) {
    PY_TRY_EMIT(Expr(s->value));
  } else if (s->value != nullptr) {
    SetLoc(s->value->loc);
    Emit(Opcode::NOP);
  }
  if (s->value == nullptr || s->value->loc.lineno != s->loc.lineno) {
    SetLoc(s->loc);
    Emit(Opcode::NOP);
  }
  PY_TRY_EMIT(UnwindFBlockStack(preserve_tos, nullptr, nullptr));
  if (s->value == nullptr) {
    EmitConst(NoneConst());
  } else if (!preserve_tos) {
    EmitConst(*constant);
  }
  Emit(Opcode::RETURN_VALUE);
  return true;
}

bool Codegen::Break() {
  FBlock loop{};
  bool found = false;
  Emit(Opcode::NOP);
  PY_TRY_EMIT(UnwindFBlockStack(false, &loop, &found));
  if (!found) return Error("'break' outside loop");
  PY_TRY_EMIT(UnwindFBlock(loop, false));
  EmitJump(Opcode::JUMP, loop.exit);
  return true;
}

bool Codegen::Continue() {
  FBlock loop{};
  bool found = false;
  Emit(Opcode::NOP);
  PY_TRY_EMIT(UnwindFBlockStack(false, &loop, &found));
  if (!found) return Error("'continue' not properly in loop");
  EmitJump(Opcode::JUMP, loop.block);
  return true;
}

bool Codegen::Raise(ast::Raise* s) {
  int n = 0;
  if (s->exc != nullptr) {
    PY_TRY_EMIT(Expr(s->exc));
    ++n;
    if (s->cause != nullptr) {
      PY_TRY_EMIT(Expr(s->cause));
      ++n;
    }
  }
  Emit(Opcode::RAISE_VARARGS, n);
  return true;
}

bool Codegen::Assert(ast::Assert* s) {
  if (optimize_ > 0) return true;
  BasicBlock* end = NewBlock();
  PY_TRY_EMIT(JumpIf(s->test, end, true));
  Emit(Opcode::LOAD_ASSERTION_ERROR);
  if (s->msg != nullptr) {
    PY_TRY_EMIT(Expr(s->msg));
    Emit(Opcode::PRECALL, 0);
    Emit(Opcode::CALL, 0);
  }
  Emit(Opcode::RAISE_VARARGS, 1);
  UseNextBlock(end);
  return true;
}

bool Codegen::Import(ast::Import* s) {
  for (ast::Alias* alias : s->names) {
    EmitConst(IntConst(0));
    EmitConst(NoneConst());
    EmitNameRaw(Opcode::IMPORT_NAME, alias->name);
    std::string_view name = alias->name;
    if (!alias->asname.empty()) {
      size_t dot = name.find('.');
      if (dot != std::string_view::npos) {
        while (true) {
          size_t pos = dot + 1;
          dot = name.find('.', pos);
          std::string_view attr =
              name.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
          EmitNameRaw(Opcode::IMPORT_FROM, attr);
          if (dot == std::string_view::npos) break;
          Emit(Opcode::SWAP, 2);
          Emit(Opcode::POP_TOP);
        }
        PY_TRY_EMIT(NameOp(alias->asname, ast::ExprContext::Store));
        Emit(Opcode::POP_TOP);
      } else {
        PY_TRY_EMIT(NameOp(alias->asname, ast::ExprContext::Store));
      }
    } else {
      size_t dot = name.find('.');
      PY_TRY_EMIT(NameOp(name.substr(0, dot), ast::ExprContext::Store));
    }
  }
  return true;
}

bool Codegen::ImportFrom(ast::ImportFrom* s) {
  EmitConst(IntConst(s->level));
  std::vector<Constant> names;
  for (ast::Alias* alias : s->names) names.push_back(StrConst(alias->name));
  if (s->loc.lineno > future_lineno_ && s->module == "__future__") {
    return Error("from __future__ imports must occur at the beginning of the file");
  }
  EmitConst(TupleConst(std::move(names)));
  EmitNameRaw(Opcode::IMPORT_NAME, s->module);
  for (uint32_t i = 0; i < s->names.size; ++i) {
    ast::Alias* alias = s->names[i];
    if (i == 0 && !alias->name.empty() && alias->name[0] == '*') {
      Emit(Opcode::IMPORT_STAR);
      return true;
    }
    EmitNameRaw(Opcode::IMPORT_FROM, alias->name);
    PY_TRY_EMIT(NameOp(alias->asname.empty() ? alias->name : alias->asname,
                       ast::ExprContext::Store));
  }
  Emit(Opcode::POP_TOP);
  return true;
}

}  // namespace pyrite::compiler
