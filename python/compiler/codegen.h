// Code generation: the AST of one module to a tree of CodeObjects, following the shape of
// CPython 3.11's Python/compile.c (the same instruction sequences, scopes, names and
// compile-time SyntaxErrors). The Codegen class is split by family over codegen_*.cc:
//   codegen.cc       units, scopes, names, constants, emission, module entry points
//   codegen_stmt.cc  statements: assignments, control flow, imports, the frame-block stack
//   codegen_expr.cc  expressions, conditional jumps, displays, f-strings, calls
//   codegen_func.cc  functions, lambdas, classes, comprehensions, annotations
//   codegen_exc.cc   try/except/finally, except*, with, async for/with
//   codegen_match.cc the match statement and its patterns
// Errors are values: a failed step records the first SyntaxError and returns false, and every
// caller returns false at once (the `PY_TRY_EMIT` macro says so where it returns).
#ifndef PYRITE_PYTHON_COMPILER_CODEGEN_H_
#define PYRITE_PYTHON_COMPILER_CODEGEN_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "python/bytecode/code.h"
#include "python/bytecode/opcodes.h"
#include "python/compiler/ast_opt.h"
#include "python/compiler/flowgraph.h"
#include "python/compiler/symtable.h"
#include "python/parser/arena.h"
#include "python/parser/ast_nodes.h"
#include "python/parser/syntax_error.h"

namespace pyrite::compiler {

namespace ast = parser::ast;

// Returns false from the enclosing function when `expr` (a bool step) fails.
#define PY_TRY_EMIT(expr) \
  do {                    \
    if (!(expr)) return false; \
  } while (0)

enum class ScopeType { kModule, kClass, kFunction, kAsyncFunction, kLambda, kComprehension };

enum class FBlockType {
  kWhileLoop,
  kForLoop,
  kTryExcept,
  kFinallyTry,
  kFinallyEnd,
  kWith,
  kAsyncWith,
  kHandlerCleanup,
  kPopValue,
  kExceptionHandler,
  kExceptionGroupHandler,
  kAsyncComprehensionGenerator,
};

struct FBlock {
  FBlock() = default;
  FBlock(FBlockType t, BasicBlock* b = nullptr, BasicBlock* e = nullptr)
      : type(t), block(b), exit(e) {}
  FBlockType type = FBlockType::kWhileLoop;
  BasicBlock* block = nullptr;
  BasicBlock* exit = nullptr;
  // kFinallyTry: the final body; kWith/kAsyncWith: the statement; kHandlerCleanup: the name.
  const ast::Seq<ast::StmtNode*>* finalbody = nullptr;
  const ast::StmtNode* stmt = nullptr;
  std::string_view name;
};

// One code object being generated.
struct Unit {
  const Block* ste = nullptr;
  ScopeType scope_type = ScopeType::kModule;
  std::string name;
  std::string qualname;
  std::string private_name;  // innermost class name, for mangling
  int firstlineno = 1;
  int argcount = 0;
  int posonlyargcount = 0;
  int kwonlyargcount = 0;

  std::vector<bytecode::Constant> consts;
  std::unordered_map<std::string, int> const_index;
  std::vector<std::string> names;
  std::unordered_map<std::string, int> name_index;
  std::vector<std::string> varnames;
  std::unordered_map<std::string, int> varname_index;
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;

  std::vector<std::unique_ptr<BasicBlock>> blocks;
  BasicBlock* entry = nullptr;
  BasicBlock* current = nullptr;
  std::vector<FBlock> fblocks;
  bytecode::Position loc;
};

class Codegen {
 public:
  Codegen(const SymbolTable& table, int future_features, int future_lineno, int optimize,
          std::string filename, bool interactive);

  // Compiles the module; on failure returns nullptr and error() says why.
  std::shared_ptr<bytecode::CodeObject> CompileModule(ast::ModNode* mod);
  const parser::SyntaxError& error() const { return error_; }

 private:
  // --- codegen.cc: units and emission ---
  bool EnterScope(std::string name, ScopeType type, const void* node, int lineno);
  std::shared_ptr<bytecode::CodeObject> ExitScope(bool add_none);
  BasicBlock* NewBlock();
  void UseNextBlock(BasicBlock* block);
  void Emit(bytecode::Opcode op, int arg = 0);
  void EmitNoLine(bytecode::Opcode op, int arg = 0);
  void EmitJump(bytecode::Opcode op, BasicBlock* target);
  void EmitJumpNoLine(bytecode::Opcode op, BasicBlock* target);
  void EmitConst(const bytecode::Constant& c);
  void EmitName(bytecode::Opcode op, std::string_view name);  // co_names, mangled
  void EmitNameRaw(bytecode::Opcode op, std::string_view name);  // co_names, as is
  int AddConst(const bytecode::Constant& c);
  int AddName(std::string_view name);
  int AddVarname(const std::string& name);
  void SetLoc(const ast::Location& loc);
  void UnsetLoc();
  bool Error(std::string message);
  bool ErrorAt(const ast::Location& loc, std::string message);
  std::string MangleName(std::string_view name) const;
  bool NameOp(std::string_view name, ast::ExprContext ctx);
  bool ForbiddenName(std::string_view name, ast::ExprContext ctx);
  int CellIndex(std::string_view name) const;  // kFree numbering of a cell or free variable
  bool IsFunctionBlock() const { return u_->ste->type() == BlockType::kFunction; }
  Unit& u() { return *u_; }
  std::optional<bytecode::Constant> Fold(const ast::ExprNode* e);
  std::string QualnameFor(const std::string& name, ScopeType type);

  // --- codegen_stmt.cc ---
  bool Body(const ast::Seq<ast::StmtNode*>& body, bool module_level);
  bool Stmts(const ast::Seq<ast::StmtNode*>& body);
  bool Stmt(ast::StmtNode* s);
  bool Assign(ast::Assign* s);
  bool AugAssign(ast::AugAssign* s);
  bool AnnAssign(ast::AnnAssign* s);
  bool CheckAnnExpr(ast::ExprNode* e);
  bool CheckAnnSubscr(ast::ExprNode* e);
  bool Delete(ast::Delete* s);
  bool If(ast::If* s);
  bool While(ast::While* s);
  bool For(ast::For* s);
  bool Return(ast::Return* s);
  bool Break();
  bool Continue();
  bool Raise(ast::Raise* s);
  bool Assert(ast::Assert* s);
  bool Import(ast::Import* s);
  bool ImportFrom(ast::ImportFrom* s);
  bool ExprStmt(ast::ExprStmt* s);
  bool PushFBlock(FBlock fb);
  void PopFBlock();
  bool UnwindFBlock(const FBlock& fb, bool preserve_tos);
  bool UnwindFBlockStack(bool preserve_tos, FBlock* loop, bool* found_loop);
  bool CallExitWithNones();
  void AddYieldFrom(bool await);
  void EmitYield();
  static bool FindAnnotations(const ast::Seq<ast::StmtNode*>& body);

  // --- codegen_expr.cc ---
  bool Expr(ast::ExprNode* e);
  bool ExprInner(ast::ExprNode* e);
  bool JumpIf(ast::ExprNode* e, BasicBlock* next, bool cond);
  bool BoolOp(ast::BoolOp* e);
  bool Compare(ast::Compare* e);
  void EmitCompare(ast::CmpOpKind op);
  bool StarUnpack(const ast::Seq<ast::ExprNode*>& elts, int pushed, bytecode::Opcode build,
                  bytecode::Opcode add, bytecode::Opcode extend, bool tuple);
  bool UnpackTarget(const ast::Seq<ast::ExprNode*>& elts);
  bool AssignSequence(const ast::Seq<ast::ExprNode*>& elts);
  bool DictDisplay(ast::Dict* e);
  bool SubDict(ast::Dict* e, uint32_t begin, uint32_t end);
  bool Call(ast::Call* e);
  bool CallHelper(int pushed, const ast::Seq<ast::ExprNode*>& args,
                  const ast::Seq<ast::Keyword*>& keywords);
  bool ValidateKeywords(const ast::Seq<ast::Keyword*>& keywords);
  void KwNames(const ast::Seq<ast::Keyword*>& keywords);
  bool SubKwargs(const ast::Seq<ast::Keyword*>& keywords, uint32_t begin, uint32_t end);
  bool JoinedStr(ast::JoinedStr* e);
  bool FormattedValue(ast::FormattedValue* e);
  bool Subscript(ast::Subscript* e);
  bool Slice(ast::Slice* e);

  // --- codegen_func.cc ---
  bool FunctionDef(ast::StmtNode* s);
  bool ClassDef(ast::ClassDef* s);
  bool Lambda(ast::Lambda* e);
  bool Decorators(const ast::Seq<ast::ExprNode*>& decorators);
  void ApplyDecorators(const ast::Seq<ast::ExprNode*>& decorators);
  bool DefaultArguments(ast::Arguments* args, int* flags);
  bool Annotations(ast::Arguments* args, ast::ExprNode* returns, int* flags);
  bool AnnotationValue(ast::ExprNode* annotation);
  bool ArgAnnotation(std::string_view name, ast::ExprNode* annotation, int* count);
  bool CheckDebugArgs(ast::Arguments* args);
  void MakeClosure(std::shared_ptr<bytecode::CodeObject> code, int flags);
  bool Comprehension(ast::ExprNode* e, std::string name,
                     const ast::Seq<ast::Comprehension*>& generators, ast::ExprNode* elt,
                     ast::ExprNode* val, int type);
  bool ComprehensionGenerator(const ast::Seq<ast::Comprehension*>& generators, uint32_t index,
                              int depth, ast::ExprNode* elt, ast::ExprNode* val, int type);
  bool SyncComprehensionGenerator(const ast::Seq<ast::Comprehension*>& generators,
                                  uint32_t index, int depth, ast::ExprNode* elt,
                                  ast::ExprNode* val, int type);
  bool AsyncComprehensionGenerator(const ast::Seq<ast::Comprehension*>& generators,
                                   uint32_t index, int depth, ast::ExprNode* elt,
                                   ast::ExprNode* val, int type);
  bool ComprehensionElement(ast::ExprNode* elt, ast::ExprNode* val, int type, int depth);

  // --- codegen_exc.cc ---
  bool Try(ast::Try* s);
  bool TryBodyThenHandlers(ast::Seq<ast::StmtNode*> body, ast::Seq<ast::StmtNode*> orelse,
                           FBlockType handler_type, BasicBlock* end, BasicBlock* cleanup);
  bool TryExcept(ast::Seq<ast::StmtNode*> body, ast::Seq<ast::ExceptHandlerNode*> handlers,
                 ast::Seq<ast::StmtNode*> orelse);
  bool TryFinally(ast::StmtNode* s, ast::Seq<ast::StmtNode*> body,
                  ast::Seq<ast::ExceptHandlerNode*> handlers, ast::Seq<ast::StmtNode*> orelse,
                  const ast::Seq<ast::StmtNode*>* finalbody, bool star);
  bool TryStar(ast::TryStar* s);
  bool TryStarExcept(ast::Seq<ast::StmtNode*> body, ast::Seq<ast::ExceptHandlerNode*> handlers,
                     ast::Seq<ast::StmtNode*> orelse);
  bool With(ast::StmtNode* s, const ast::Seq<ast::WithItem*>& items,
            const ast::Seq<ast::StmtNode*>& body, uint32_t pos, bool async);
  void WithExceptFinish(BasicBlock* cleanup);
  bool AsyncFor(ast::AsyncFor* s);
  void PopExceptAndReraise();

  // --- codegen_match.cc ---
  bool Match(ast::Match* s);

  friend class PatternCompiler;

  const SymbolTable& table_;
  int future_features_;
  int future_lineno_;
  int optimize_;
  std::string filename_;
  bool interactive_;
  ConstEvaluator const_eval_;
  std::vector<std::unique_ptr<Unit>> stack_;  // enclosing units
  Unit* u_ = nullptr;
  int nestlevel_ = 0;
  bool failed_ = false;
  parser::SyntaxError error_;
};

// Constant helpers shared by the codegen files.
bytecode::Constant NoneConst();
bytecode::Constant StrConst(std::string_view text);
bytecode::Constant IntConst(int64_t value);
bytecode::Constant TupleConst(std::vector<bytecode::Constant> items);

}  // namespace pyrite::compiler

#endif  // PYRITE_PYTHON_COMPILER_CODEGEN_H_
