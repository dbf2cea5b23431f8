// Exception handling: try/except/else, try/finally, try/except* (exception groups), with and
// async with, async for. Handlers are reached through SETUP_* pseudo-instructions that the
// assembler turns into the exception table; the stack shapes follow CPython 3.11 exactly
// (PUSH_EXC_INFO keeps the previous exception under the current one, cleanup handlers get the
// raising instruction's offset, "lasti", below the exception).
#include "python/compiler/codegen.h"

namespace pyrite::compiler {

using bytecode::Opcode;

void Codegen::PopExceptAndReraise() {
  Emit(Opcode::COPY, 3);
  Emit(Opcode::POP_EXCEPT);
  Emit(Opcode::RERAISE, 1);
}

bool Codegen::Try(ast::Try* s) {
  if (!s->finalbody.empty()) {
    return TryFinally(s, s->body, s->handlers, s->orelse, &s->finalbody, false);
  }
  return TryExcept(s->body, s->handlers, s->orelse);
}

bool Codegen::TryStar(ast::TryStar* s) {
  if (!s->finalbody.empty()) {
    return TryFinally(s, s->body, s->handlers, s->orelse, &s->finalbody, true);
  }
  return TryStarExcept(s->body, s->handlers, s->orelse);
}

bool Codegen::TryFinally(ast::StmtNode* s, ast::Seq<ast::StmtNode*> body,
                         ast::Seq<ast::ExceptHandlerNode*> handlers,
                         ast::Seq<ast::StmtNode*> orelse,
                         const ast::Seq<ast::StmtNode*>* finalbody, bool star) {
  (void)s;
  BasicBlock* body_block = NewBlock();
  BasicBlock* end = NewBlock();
  BasicBlock* exit = NewBlock();
  BasicBlock* cleanup = NewBlock();
  EmitJump(Opcode::SETUP_FINALLY, end);
  UseNextBlock(body_block);
  FBlock fb{FBlockType::kFinallyTry, body_block, end};
  fb.finalbody = finalbody;
  PY_TRY_EMIT(PushFBlock(fb));
  if (!handlers.empty()) {
    PY_TRY_EMIT(star ? TryStarExcept(body, handlers, orelse) : TryExcept(body, handlers, orelse));
  } else {
    PY_TRY_EMIT(Stmts(body));
  }
  EmitNoLine(Opcode::POP_BLOCK);
  PopFBlock();
  PY_TRY_EMIT(Stmts(*finalbody));
  EmitJumpNoLine(Opcode::JUMP, exit);
  UseNextBlock(end);
  UnsetLoc();
  EmitJump(Opcode::SETUP_CLEANUP, cleanup);
  Emit(Opcode::PUSH_EXC_INFO);
  PY_TRY_EMIT(PushFBlock(FBlock{FBlockType::kFinallyEnd, end}));
  PY_TRY_EMIT(Stmts(*finalbody));
  PopFBlock();
  Emit(Opcode::RERAISE, 0);
  UseNextBlock(cleanup);
  PopExceptAndReraise();
  UseNextBlock(exit);
  return true;
}

// The part try/except and try/except* share: the body under SETUP_FINALLY, `else` on success
// then a jump to `end`, and the handlers' entry (SETUP_CLEANUP to `cleanup`, PUSH_EXC_INFO) with
// `handler_type` pushed; the caller emits the handlers and pops that block.
bool Codegen::TryBodyThenHandlers(ast::Seq<ast::StmtNode*> body,
                                  ast::Seq<ast::StmtNode*> orelse, FBlockType handler_type,
                                  BasicBlock* end, BasicBlock* cleanup) {
  BasicBlock* body_block = NewBlock();
  BasicBlock* except = NewBlock();
  EmitJump(Opcode::SETUP_FINALLY, except);
  UseNextBlock(body_block);
  PY_TRY_EMIT(PushFBlock(FBlock{FBlockType::kTryExcept, body_block}));
  PY_TRY_EMIT(Stmts(body));
  PopFBlock();
  EmitNoLine(Opcode::POP_BLOCK);
  PY_TRY_EMIT(Stmts(orelse));
  EmitJumpNoLine(Opcode::JUMP, end);
  UseNextBlock(except);
  UnsetLoc();
  EmitJump(Opcode::SETUP_CLEANUP, cleanup);
  Emit(Opcode::PUSH_EXC_INFO);
  return PushFBlock(FBlock{handler_type});
}

bool Codegen::TryExcept(ast::Seq<ast::StmtNode*> body, ast::Seq<ast::ExceptHandlerNode*> handlers,
                        ast::Seq<ast::StmtNode*> orelse) {
  BasicBlock* end = NewBlock();
  BasicBlock* cleanup = NewBlock();
  PY_TRY_EMIT(TryBodyThenHandlers(body, orelse, FBlockType::kExceptionHandler, end, cleanup));
  uint32_t n = handlers.size;
  for (uint32_t i = 0; i < n; ++i) {
    auto* handler = handlers[i]->As<ast::ExceptHandler>();
    SetLoc(handler->loc);
    if (handler->type == nullptr && i + 1 < n) return Error("default 'except:' must be last");
    BasicBlock* next_except = NewBlock();
    if (handler->type != nullptr) {
      PY_TRY_EMIT(Expr(handler->type));
      Emit(Opcode::CHECK_EXC_MATCH);
      EmitJump(Opcode::POP_JUMP_IF_FALSE, next_except);
    }
    if (!handler->name.empty()) {
      BasicBlock* cleanup_end = NewBlock();
      BasicBlock* cleanup_body = NewBlock();
      PY_TRY_EMIT(NameOp(handler->name, ast::ExprContext::Store));
      EmitJump(Opcode::SETUP_CLEANUP, cleanup_end);
      UseNextBlock(cleanup_body);
      FBlock fb{FBlockType::kHandlerCleanup, cleanup_body};
      fb.name = handler->name;
      PY_TRY_EMIT(PushFBlock(fb));
      PY_TRY_EMIT(Stmts(handler->body));
      PopFBlock();
      UnsetLoc();
      Emit(Opcode::POP_BLOCK);
      Emit(Opcode::POP_BLOCK);
      Emit(Opcode::POP_EXCEPT);
      EmitConst(NoneConst());
      PY_TRY_EMIT(NameOp(handler->name, ast::ExprContext::Store));
      PY_TRY_EMIT(NameOp(handler->name, ast::ExprContext::Del));
      EmitJump(Opcode::JUMP, end);
      UseNextBlock(cleanup_end);
      UnsetLoc();
      EmitConst(NoneConst());
      PY_TRY_EMIT(NameOp(handler->name, ast::ExprContext::Store));
      PY_TRY_EMIT(NameOp(handler->name, ast::ExprContext::Del));
      Emit(Opcode::RERAISE, 1);
    } else {
      BasicBlock* cleanup_body = NewBlock();
      Emit(Opcode::POP_TOP);
      UseNextBlock(cleanup_body);
      PY_TRY_EMIT(PushFBlock(FBlock{FBlockType::kHandlerCleanup, cleanup_body}));
      PY_TRY_EMIT(Stmts(handler->body));
      PopFBlock();
      UnsetLoc();
      Emit(Opcode::POP_BLOCK);
      Emit(Opcode::POP_EXCEPT);
      EmitJump(Opcode::JUMP, end);
    }
    UseNextBlock(next_except);
  }
  UnsetLoc();
  PopFBlock();
  Emit(Opcode::RERAISE, 0);
  UseNextBlock(cleanup);
  PopExceptAndReraise();
  UseNextBlock(end);
  return true;
}

bool Codegen::TryStarExcept(ast::Seq<ast::StmtNode*> body,
                            ast::Seq<ast::ExceptHandlerNode*> handlers,
                            ast::Seq<ast::StmtNode*> orelse) {
  BasicBlock* end = NewBlock();
  BasicBlock* cleanup = NewBlock();
  BasicBlock* reraise_star = NewBlock();
  PY_TRY_EMIT(
      TryBodyThenHandlers(body, orelse, FBlockType::kExceptionGroupHandler, end, cleanup));
  uint32_t n = handlers.size;
  for (uint32_t i = 0; i < n; ++i) {
    auto* handler = handlers[i]->As<ast::ExceptHandler>();
    SetLoc(handler->loc);
    BasicBlock* next_except = NewBlock();
    BasicBlock* except_with_error = NewBlock();
    BasicBlock* no_match = NewBlock();
    if (i == 0) {
      // [exc] -> [orig, [], exc]
      Emit(Opcode::COPY, 1);
      Emit(Opcode::BUILD_LIST, 0);
      Emit(Opcode::SWAP, 2);
    }
    if (handler->type != nullptr) {
      PY_TRY_EMIT(Expr(handler->type));
      Emit(Opcode::CHECK_EG_MATCH);
      Emit(Opcode::COPY, 1);
      EmitJump(Opcode::POP_JUMP_IF_NONE, no_match);
    }
    BasicBlock* cleanup_end = NewBlock();
    BasicBlock* cleanup_body = NewBlock();
    if (!handler->name.empty()) {
      PY_TRY_EMIT(NameOp(handler->name, ast::ExprContext::Store));
    } else {
      Emit(Opcode::POP_TOP);
    }
    EmitJump(Opcode::SETUP_CLEANUP, cleanup_end);
    UseNextBlock(cleanup_body);
    FBlock fb{FBlockType::kHandlerCleanup, cleanup_body};
    fb.name = handler->name;
    PY_TRY_EMIT(PushFBlock(fb));
    PY_TRY_EMIT(Stmts(handler->body));
    PopFBlock();
    UnsetLoc();
    Emit(Opcode::POP_BLOCK);
    if (!handler->name.empty()) {
      EmitConst(NoneConst());
      PY_TRY_EMIT(NameOp(handler->name, ast::ExprContext::Store));
      PY_TRY_EMIT(NameOp(handler->name, ast::ExprContext::Del));
    }
    EmitJump(Opcode::JUMP, next_except);
    UseNextBlock(cleanup_end);
    UnsetLoc();
    if (!handler->name.empty()) {
      EmitConst(NoneConst());
      PY_TRY_EMIT(NameOp(handler->name, ast::ExprContext::Store));
      PY_TRY_EMIT(NameOp(handler->name, ast::ExprContext::Del));
    }
    Emit(Opcode::LIST_APPEND, 3);
    Emit(Opcode::POP_TOP);
    EmitJump(Opcode::JUMP, except_with_error);
    UseNextBlock(next_except);
    Emit(Opcode::NOP);
    EmitJump(Opcode::JUMP, except_with_error);
    UseNextBlock(no_match);
    Emit(Opcode::POP_TOP);
    UseNextBlock(except_with_error);
    if (i + 1 == n) {
      Emit(Opcode::LIST_APPEND, 1);
      EmitJump(Opcode::JUMP, reraise_star);
    }
  }
  UnsetLoc();
  PopFBlock();
  BasicBlock* reraise = NewBlock();
  UseNextBlock(reraise_star);
  Emit(Opcode::PREP_RERAISE_STAR);
  Emit(Opcode::COPY, 1);
  EmitJump(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
  Emit(Opcode::POP_TOP);
  Emit(Opcode::POP_BLOCK);
  Emit(Opcode::POP_EXCEPT);
  EmitJump(Opcode::JUMP, end);
  UseNextBlock(reraise);
  Emit(Opcode::POP_BLOCK);
  Emit(Opcode::SWAP, 2);
  Emit(Opcode::POP_EXCEPT);
  Emit(Opcode::RERAISE, 0);
  UseNextBlock(cleanup);
  PopExceptAndReraise();
  UseNextBlock(end);
  return true;
}

void Codegen::WithExceptFinish(BasicBlock* cleanup) {
  UnsetLoc();
  BasicBlock* exit = NewBlock();
  EmitJump(Opcode::POP_JUMP_IF_TRUE, exit);
  // CPython's RERAISE 2 (lasti two below the exception); the serialiser accepts RERAISE 0 and 1
  // only, so lasti is copied next to the exception first. The extra item lies above the
  // cleanup handler's depth, so unwinding is unchanged.
  Emit(Opcode::COPY, 3);
  Emit(Opcode::SWAP, 2);
  Emit(Opcode::RERAISE, 1);
  UseNextBlock(cleanup);
  PopExceptAndReraise();
  UseNextBlock(exit);
  Emit(Opcode::POP_TOP);
  Emit(Opcode::POP_BLOCK);
  Emit(Opcode::POP_EXCEPT);
  Emit(Opcode::POP_TOP);
  Emit(Opcode::POP_TOP);
}

bool Codegen::With(ast::StmtNode* s, const ast::Seq<ast::WithItem*>& items,
                   const ast::Seq<ast::StmtNode*>& body, uint32_t pos, bool async) {
  ast::WithItem* item = items[pos];
  BasicBlock* body_block = NewBlock();
  BasicBlock* final = NewBlock();
  BasicBlock* exit = NewBlock();
  BasicBlock* cleanup = NewBlock();
  PY_TRY_EMIT(Expr(item->context_expr));
  if (async) {
    Emit(Opcode::BEFORE_ASYNC_WITH);
    Emit(Opcode::GET_AWAITABLE, 1);
    EmitConst(NoneConst());
    AddYieldFrom(true);
  } else {
    Emit(Opcode::BEFORE_WITH);
  }
  EmitJump(Opcode::SETUP_WITH, final);
  UseNextBlock(body_block);
  FBlock fb{async ? FBlockType::kAsyncWith : FBlockType::kWith, body_block, final};
  fb.stmt = s;
  PY_TRY_EMIT(PushFBlock(fb));
  if (item->optional_vars != nullptr) {
    PY_TRY_EMIT(Expr(item->optional_vars));
  } else {
    Emit(Opcode::POP_TOP);
  }
  if (pos + 1 == items.size) {
    PY_TRY_EMIT(Stmts(body));
  } else {
    PY_TRY_EMIT(With(s, items, body, pos + 1, async));
  }
  UnsetLoc();
  Emit(Opcode::POP_BLOCK);
  PopFBlock();
  SetLoc(s->loc);
  CallExitWithNones();
  if (async) {
    Emit(Opcode::GET_AWAITABLE, 2);
    EmitConst(NoneConst());
    AddYieldFrom(true);
  }
  Emit(Opcode::POP_TOP);
  EmitJump(Opcode::JUMP, exit);
  UseNextBlock(final);
  EmitJump(Opcode::SETUP_CLEANUP, cleanup);
  Emit(Opcode::PUSH_EXC_INFO);
  Emit(Opcode::WITH_EXCEPT_START);
  if (async) {
    Emit(Opcode::GET_AWAITABLE, 2);
    EmitConst(NoneConst());
    AddYieldFrom(true);
  }
  WithExceptFinish(cleanup);
  UseNextBlock(exit);
  return true;
}

bool Codegen::AsyncFor(ast::AsyncFor* s) {
  if (u_->scope_type != ScopeType::kAsyncFunction) {
    return Error("'async for' outside async function");
  }
  BasicBlock* start = NewBlock();
  BasicBlock* except = NewBlock();
  BasicBlock* end = NewBlock();
  PY_TRY_EMIT(Expr(s->iter));
  Emit(Opcode::GET_AITER);
  UseNextBlock(start);
  PY_TRY_EMIT(PushFBlock(FBlock{FBlockType::kForLoop, start, end}));
  EmitJump(Opcode::SETUP_FINALLY, except);
  Emit(Opcode::GET_ANEXT);
  EmitConst(NoneConst());
  AddYieldFrom(true);
  Emit(Opcode::POP_BLOCK);
  PY_TRY_EMIT(Expr(s->target));
  PY_TRY_EMIT(Stmts(s->body));
  UnsetLoc();
  EmitJump(Opcode::JUMP, start);
  PopFBlock();
  UseNextBlock(except);
  SetLoc(s->iter->loc);
  Emit(Opcode::END_ASYNC_FOR);
  PY_TRY_EMIT(Stmts(s->orelse));
  UseNextBlock(end);
  return true;
}

}  // namespace pyrite::compiler
