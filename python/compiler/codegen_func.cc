// Functions, lambdas and classes (defaults, keyword defaults, annotations, closures,
// decorators, __build_class__, __classcell__) and comprehensions, which 3.11 compiles as nested
// functions called with the outermost iterator.
#include <string>

#include "python/compiler/codegen.h"
#include "python/compiler/unparse.h"

namespace pyrite::compiler {

using bytecode::Constant;
using bytecode::Opcode;

namespace {

enum ComprehensionKind { kGenExp = 0, kListComp = 1, kSetComp = 2, kDictComp = 3 };

const ast::Constant* Docstring(const ast::Seq<ast::StmtNode*>& body) {
  if (body.empty()) return nullptr;
  auto* es = body[0]->As<ast::ExprStmt>();
  if (es == nullptr) return nullptr;
  auto* c = es->value->As<ast::Constant>();
  if (c == nullptr || c->value.kind != ast::ConstantValue::Kind::kStr) return nullptr;
  return c;
}

}  // namespace

bool Codegen::Decorators(const ast::Seq<ast::ExprNode*>& decorators) {
  for (ast::ExprNode* d : decorators) PY_TRY_EMIT(Expr(d));
  return true;
}

void Codegen::ApplyDecorators(const ast::Seq<ast::ExprNode*>& decorators) {
  for (uint32_t i = 0; i < decorators.size; ++i) {
    Emit(Opcode::PRECALL, 0);
    Emit(Opcode::CALL, 0);
  }
}

bool Codegen::DefaultArguments(ast::Arguments* args, int* flags) {
  if (!args->defaults.empty()) {
    PY_TRY_EMIT(StarUnpack(args->defaults, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND,
                           Opcode::LIST_EXTEND, true));
    *flags |= 0x01;
  }
  int count = 0;
  for (uint32_t i = 0; i < args->kwonlyargs.size; ++i) {
    ast::ExprNode* def = i < args->kw_defaults.size ? args->kw_defaults[i] : nullptr;
    if (def == nullptr) continue;
    EmitConst(StrConst(MangleName(args->kwonlyargs[i]->arg)));
    PY_TRY_EMIT(Expr(def));
    ++count;
  }
  if (count > 0) {
    Emit(Opcode::BUILD_MAP, count);
    *flags |= 0x02;
  }
  return true;
}

bool Codegen::AnnotationValue(ast::ExprNode* annotation) {
  if (future_features_ & kFutureAnnotations) {
    EmitConst(StrConst(Unparse(annotation)));
    return true;
  }
  return Expr(annotation);
}

bool Codegen::ArgAnnotation(std::string_view name, ast::ExprNode* annotation, int* count) {
  if (annotation == nullptr) return true;
  EmitConst(StrConst(MangleName(name)));
  if (future_features_ & kFutureAnnotations) {
    EmitConst(StrConst(Unparse(annotation)));
  } else if (auto* st = annotation->As<ast::Starred>()) {
    // `*args: *Ts`
    PY_TRY_EMIT(Expr(st->value));
    Emit(Opcode::UNPACK_SEQUENCE, 1);
  } else {
    PY_TRY_EMIT(Expr(annotation));
  }
  *count += 2;
  return true;
}

bool Codegen::Annotations(ast::Arguments* args, ast::ExprNode* returns, int* flags) {
  int count = 0;
  for (ast::Arg* a : args->args) PY_TRY_EMIT(ArgAnnotation(a->arg, a->annotation, &count));
  for (ast::Arg* a : args->posonlyargs) {
    PY_TRY_EMIT(ArgAnnotation(a->arg, a->annotation, &count));
  }
  if (args->vararg != nullptr) {
    PY_TRY_EMIT(ArgAnnotation(args->vararg->arg, args->vararg->annotation, &count));
  }
  for (ast::Arg* a : args->kwonlyargs) PY_TRY_EMIT(ArgAnnotation(a->arg, a->annotation, &count));
  if (args->kwarg != nullptr) {
    PY_TRY_EMIT(ArgAnnotation(args->kwarg->arg, args->kwarg->annotation, &count));
  }
  PY_TRY_EMIT(ArgAnnotation("return", returns, &count));
  if (count > 0) {
    Emit(Opcode::BUILD_TUPLE, count);
    *flags |= 0x04;
  }
  return true;
}

bool Codegen::CheckDebugArgs(ast::Arguments* args) {
  auto check = [&](ast::Arg* a) { return a == nullptr || !ForbiddenName(a->arg, ast::ExprContext::Store); };
  for (ast::Arg* a : args->posonlyargs) PY_TRY_EMIT(check(a));
  for (ast::Arg* a : args->args) PY_TRY_EMIT(check(a));
  PY_TRY_EMIT(check(args->vararg));
  for (ast::Arg* a : args->kwonlyargs) PY_TRY_EMIT(check(a));
  PY_TRY_EMIT(check(args->kwarg));
  return true;
}

void Codegen::MakeClosure(std::shared_ptr<bytecode::CodeObject> code, int flags) {
  std::vector<std::string> frees;
  for (size_t i = 0; i < code->localsplusnames.size(); ++i) {
    if (code->localspluskinds[i] == bytecode::kFree) frees.push_back(code->localsplusnames[i]);
  }
  if (!frees.empty()) {
    for (const std::string& name : frees) {
      int arg = CellIndex(name);
      if (arg < 0) arg = 0;
      Emit(Opcode::LOAD_CLOSURE, arg);
    }
    Emit(Opcode::BUILD_TUPLE, static_cast<int>(frees.size()));
    flags |= 0x08;
  }
  Constant c;
  c.kind = Constant::Kind::kCode;
  c.code = std::move(code);
  EmitConst(c);
  Emit(Opcode::MAKE_FUNCTION, flags);
}

bool Codegen::FunctionDef(ast::StmtNode* s) {
  bool async = s->kind == ast::StmtKind::AsyncFunctionDef;
  std::string_view name;
  ast::Arguments* args;
  ast::Seq<ast::StmtNode*> body;
  ast::Seq<ast::ExprNode*> decorators;
  ast::ExprNode* returns;
  if (async) {
    auto* f = s->As<ast::AsyncFunctionDef>();
    name = f->name;
    args = f->args;
    body = f->body;
    decorators = f->decorator_list;
    returns = f->returns;
  } else {
    auto* f = s->As<ast::FunctionDef>();
    name = f->name;
    args = f->args;
    body = f->body;
    decorators = f->decorator_list;
    returns = f->returns;
  }
  PY_TRY_EMIT(CheckDebugArgs(args));
  PY_TRY_EMIT(Decorators(decorators));
  int firstlineno = s->loc.lineno;
  if (!decorators.empty()) firstlineno = decorators[0]->loc.lineno;
  int flags = 0;
  PY_TRY_EMIT(DefaultArguments(args, &flags));
  PY_TRY_EMIT(Annotations(args, returns, &flags));

  PY_TRY_EMIT(EnterScope(std::string(name), async ? ScopeType::kAsyncFunction : ScopeType::kFunction,
                         s, firstlineno));
  const ast::Constant* doc = optimize_ < 2 ? Docstring(body) : nullptr;
  AddConst(doc != nullptr ? ConstEvaluator::FromLiteral(doc->value) : NoneConst());
  u_->argcount = static_cast<int>(args->args.size + args->posonlyargs.size);
  u_->posonlyargcount = static_cast<int>(args->posonlyargs.size);
  u_->kwonlyargcount = static_cast<int>(args->kwonlyargs.size);
  for (uint32_t i = doc != nullptr ? 1 : 0; i < body.size; ++i) {
    if (!Stmt(body[i])) return false;
  }
  std::shared_ptr<bytecode::CodeObject> code = ExitScope(true);
  MakeClosure(std::move(code), flags);
  SetLoc(s->loc);
  ApplyDecorators(decorators);
  return NameOp(name, ast::ExprContext::Store);
}

bool Codegen::Lambda(ast::Lambda* e) {
  PY_TRY_EMIT(CheckDebugArgs(e->args));
  int flags = 0;
  PY_TRY_EMIT(DefaultArguments(e->args, &flags));
  PY_TRY_EMIT(EnterScope("<lambda>", ScopeType::kLambda, e, e->loc.lineno));
  AddConst(NoneConst());
  u_->argcount = static_cast<int>(e->args->args.size + e->args->posonlyargs.size);
  u_->posonlyargcount = static_cast<int>(e->args->posonlyargs.size);
  u_->kwonlyargcount = static_cast<int>(e->args->kwonlyargs.size);
  SetLoc(e->body->loc);
  if (!Expr(e->body)) return false;
  bool add_none = false;
  if (u_->ste->generator()) {
    Emit(Opcode::POP_TOP);
    add_none = true;
  } else {
    Emit(Opcode::RETURN_VALUE);
  }
  std::shared_ptr<bytecode::CodeObject> code = ExitScope(add_none);
  MakeClosure(std::move(code), flags);
  return true;
}

bool Codegen::ClassDef(ast::ClassDef* s) {
  PY_TRY_EMIT(Decorators(s->decorator_list));
  int firstlineno = s->loc.lineno;
  if (!s->decorator_list.empty()) firstlineno = s->decorator_list[0]->loc.lineno;
  PY_TRY_EMIT(EnterScope(std::string(s->name), ScopeType::kClass, s, firstlineno));
  SetLoc(s->loc);
  EmitNameRaw(Opcode::LOAD_NAME, "__name__");
  EmitNameRaw(Opcode::STORE_NAME, "__module__");
  EmitConst(StrConst(u_->qualname));
  EmitNameRaw(Opcode::STORE_NAME, "__qualname__");
  if (!Body(s->body, false)) return false;
  UnsetLoc();
  if (u_->ste->needs_class_closure()) {
    Emit(Opcode::LOAD_CLOSURE, CellIndex("__class__"));
    Emit(Opcode::COPY, 1);
    EmitNameRaw(Opcode::STORE_NAME, "__classcell__");
  } else {
    EmitConst(NoneConst());
  }
  Emit(Opcode::RETURN_VALUE);
  std::shared_ptr<bytecode::CodeObject> code = ExitScope(false);
  SetLoc(s->loc);
  Emit(Opcode::PUSH_NULL);
  Emit(Opcode::LOAD_BUILD_CLASS);
  MakeClosure(std::move(code), 0);
  EmitConst(StrConst(s->name));
  PY_TRY_EMIT(CallHelper(2, s->bases, s->keywords));
  ApplyDecorators(s->decorator_list);
  return NameOp(s->name, ast::ExprContext::Store);
}

bool Codegen::ComprehensionElement(ast::ExprNode* elt, ast::ExprNode* val, int type, int depth) {
  switch (type) {
    case kGenExp:
      PY_TRY_EMIT(Expr(elt));
      EmitYield();
      Emit(Opcode::POP_TOP);
      return true;
    case kListComp:
      PY_TRY_EMIT(Expr(elt));
      Emit(Opcode::LIST_APPEND, depth + 1);
      return true;
    case kSetComp:
      PY_TRY_EMIT(Expr(elt));
      Emit(Opcode::SET_ADD, depth + 1);
      return true;
    default:
      PY_TRY_EMIT(Expr(elt));
      PY_TRY_EMIT(Expr(val));
      Emit(Opcode::MAP_ADD, depth + 1);
      return true;
  }
}

bool Codegen::ComprehensionGenerator(const ast::Seq<ast::Comprehension*>& generators,
                                     uint32_t index, int depth, ast::ExprNode* elt,
                                     ast::ExprNode* val, int type) {
  if (generators[index]->is_async) {
    return AsyncComprehensionGenerator(generators, index, depth, elt, val, type);
  }
  return SyncComprehensionGenerator(generators, index, depth, elt, val, type);
}

bool Codegen::SyncComprehensionGenerator(const ast::Seq<ast::Comprehension*>& generators,
                                         uint32_t index, int depth, ast::ExprNode* elt,
                                         ast::ExprNode* val, int type) {
  BasicBlock* start = NewBlock();
  BasicBlock* if_cleanup = NewBlock();
  BasicBlock* anchor = NewBlock();
  ast::Comprehension* gen = generators[index];
  if (index == 0) {
    u_->argcount = 1;
    Emit(Opcode::LOAD_FAST, AddVarname(".0"));
  } else {
    // `for y in [f(x)]`: the temporary-variable idiom iterates over nothing.
    const ast::Seq<ast::ExprNode*>* elts = nullptr;
    if (auto* l = gen->iter->As<ast::List>()) elts = &l->elts;
    if (auto* t = gen->iter->As<ast::Tuple>()) elts = &t->elts;
    if (elts != nullptr && elts->size == 1 && (*elts)[0]->kind != ast::ExprKind::Starred) {
      PY_TRY_EMIT(Expr((*elts)[0]));
      start = nullptr;
    } else {
      PY_TRY_EMIT(Expr(gen->iter));
      Emit(Opcode::GET_ITER);
    }
  }
  if (start != nullptr) {
    ++depth;
    UseNextBlock(start);
    EmitJump(Opcode::FOR_ITER, anchor);
  }
  PY_TRY_EMIT(Expr(gen->target));
  for (ast::ExprNode* cond : gen->ifs) PY_TRY_EMIT(JumpIf(cond, if_cleanup, false));
  if (++index < generators.size) {
    PY_TRY_EMIT(ComprehensionGenerator(generators, index, depth, elt, val, type));
  } else {
    PY_TRY_EMIT(ComprehensionElement(elt, val, type, depth));
  }
  UseNextBlock(if_cleanup);
  if (start != nullptr) {
    EmitJump(Opcode::JUMP, start);
    UseNextBlock(anchor);
  }
  return true;
}

bool Codegen::AsyncComprehensionGenerator(const ast::Seq<ast::Comprehension*>& generators,
                                          uint32_t index, int depth, ast::ExprNode* elt,
                                          ast::ExprNode* val, int type) {
  BasicBlock* start = NewBlock();
  BasicBlock* except = NewBlock();
  BasicBlock* if_cleanup = NewBlock();
  ast::Comprehension* gen = generators[index];
  if (index == 0) {
    u_->argcount = 1;
    Emit(Opcode::LOAD_FAST, AddVarname(".0"));
  } else {
    PY_TRY_EMIT(Expr(gen->iter));
    Emit(Opcode::GET_AITER);
  }
  UseNextBlock(start);
  PY_TRY_EMIT(PushFBlock(FBlock{FBlockType::kAsyncComprehensionGenerator, start}));
  EmitJump(Opcode::SETUP_FINALLY, except);
  Emit(Opcode::GET_ANEXT);
  EmitConst(NoneConst());
  AddYieldFrom(true);
  Emit(Opcode::POP_BLOCK);
  PY_TRY_EMIT(Expr(gen->target));
  for (ast::ExprNode* cond : gen->ifs) PY_TRY_EMIT(JumpIf(cond, if_cleanup, false));
  ++depth;
  if (++index < generators.size) {
    PY_TRY_EMIT(ComprehensionGenerator(generators, index, depth, elt, val, type));
  } else {
    PY_TRY_EMIT(ComprehensionElement(elt, val, type, depth));
  }
  UseNextBlock(if_cleanup);
  EmitJump(Opcode::JUMP, start);
  PopFBlock();
  UseNextBlock(except);
  Emit(Opcode::END_ASYNC_FOR);
  return true;
}

bool Codegen::Comprehension(ast::ExprNode* e, std::string name,
                            const ast::Seq<ast::Comprehension*>& generators, ast::ExprNode* elt,
                            ast::ExprNode* val, int type) {
  ScopeType outer_scope = u_->scope_type;
  ast::Comprehension* outermost = generators[0];
  PY_TRY_EMIT(EnterScope(std::move(name), ScopeType::kComprehension, e, e->loc.lineno));
  SetLoc(e->loc);
  bool is_async_generator = u_->ste->coroutine();
  if (is_async_generator && type != kGenExp && outer_scope != ScopeType::kAsyncFunction &&
      outer_scope != ScopeType::kComprehension) {
    return Error("asynchronous comprehension outside of an asynchronous function");
  }
  if (type != kGenExp) {
    static constexpr Opcode kBuild[] = {Opcode::NOP, Opcode::BUILD_LIST, Opcode::BUILD_SET,
                                        Opcode::BUILD_MAP};
    Emit(kBuild[type], 0);
  }
  PY_TRY_EMIT(ComprehensionGenerator(generators, 0, 0, elt, val, type));
  if (type != kGenExp) Emit(Opcode::RETURN_VALUE);
  std::shared_ptr<bytecode::CodeObject> code = ExitScope(true);
  MakeClosure(std::move(code), 0);
  PY_TRY_EMIT(Expr(outermost->iter));
  Emit(outermost->is_async ? Opcode::GET_AITER : Opcode::GET_ITER);
  Emit(Opcode::PRECALL, 0);
  Emit(Opcode::CALL, 0);
  if (is_async_generator && type != kGenExp) {
    Emit(Opcode::GET_AWAITABLE, 0);
    EmitConst(NoneConst());
    AddYieldFrom(true);
  }
  return true;
}

}  // namespace pyrite::compiler
