// Code generation core: compilation units (one per code object) and their scopes, constants and
// names, emission of pseudo-instructions into basic blocks, name resolution (compiler_nameop)
// and the module-level entry point.
#include "python/compiler/codegen.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace pyrite::compiler {

using bytecode::Constant;
using bytecode::Opcode;

Constant NoneConst() { return Constant{}; }

Constant StrConst(std::string_view text) {
  Constant c;
  c.kind = Constant::Kind::kStr;
  c.text = std::string(text);
  return c;
}

Constant IntConst(int64_t value) {
  Constant c;
  c.kind = Constant::Kind::kInt;
  c.integer = value;
  return c;
}

Constant TupleConst(std::vector<Constant> items) {
  Constant c;
  c.kind = Constant::Kind::kTuple;
  c.items = std::move(items);
  return c;
}

namespace {

// A key that tells constants apart as CPython's _PyCode_ConstantKey does (0, 0.0, -0.0 and
// False are different constants).
void ConstKey(const Constant& c, std::string& out) {
  out += static_cast<char>('a' + static_cast<int>(c.kind));
  switch (c.kind) {
    case Constant::Kind::kInt:
      out += c.big ? c.text : std::to_string(c.integer);
      break;
    case Constant::Kind::kFloat:
    case Constant::Kind::kComplex: {
      char buf[2 * sizeof(double)];
      std::memcpy(buf, &c.real, sizeof(double));
      std::memcpy(buf + sizeof(double), &c.imag, sizeof(double));
      out.append(buf, sizeof(buf));
      break;
    }
    case Constant::Kind::kStr:
    case Constant::Kind::kBytes:
      out += std::to_string(c.text.size());
      out += ':';
      out += c.text;
      break;
    case Constant::Kind::kTuple:
    case Constant::Kind::kFrozenSet:
      out += '(';
      for (const Constant& item : c.items) {
        ConstKey(item, out);
        out += ',';
      }
      out += ')';
      break;
    default:
      break;
  }
}

}  // namespace

Codegen::Codegen(const SymbolTable& table, int future_features, int future_lineno, int optimize,
                 std::string filename, bool interactive)
    : table_(table),
      future_features_(future_features),
      future_lineno_(future_lineno),
      optimize_(optimize),
      filename_(std::move(filename)),
      interactive_(interactive),
      const_eval_(optimize) {}

std::optional<Constant> Codegen::Fold(const ast::ExprNode* e) { return const_eval_.Evaluate(e); }

bool Codegen::Error(std::string message) {
  if (!failed_) {
    failed_ = true;
    error_.type = parser::SyntaxErrorType::kSyntaxError;
    error_.message = std::move(message);
    error_.lineno = u_->loc.lineno;
    error_.offset = u_->loc.col + 1;
    error_.end_lineno = u_->loc.end_lineno;
    error_.end_offset = u_->loc.end_col + 1;
  }
  return false;
}

bool Codegen::ErrorAt(const ast::Location& loc, std::string message) {
  SetLoc(loc);
  return Error(std::move(message));
}

void Codegen::SetLoc(const ast::Location& loc) {
  u_->loc = bytecode::Position{loc.lineno, loc.end_lineno, loc.col_offset, loc.end_col_offset};
}

void Codegen::UnsetLoc() { u_->loc.lineno = -1; }

BasicBlock* Codegen::NewBlock() {
  u_->blocks.push_back(std::make_unique<BasicBlock>());
  return u_->blocks.back().get();
}

void Codegen::UseNextBlock(BasicBlock* block) {
  u_->current->next = block;
  u_->current = block;
}

void Codegen::Emit(Opcode op, int arg) {
  Instr in;
  in.op = op;
  in.arg = arg;
  in.loc = u_->loc;
  if (in.loc.lineno < 0) in.loc = bytecode::Position{};
  u_->current->instrs.push_back(in);
  if (u_->current->Ends()) UseNextBlock(NewBlock());
}

void Codegen::EmitNoLine(Opcode op, int arg) {
  bytecode::Position saved = u_->loc;
  u_->loc.lineno = -1;
  Emit(op, arg);
  u_->loc = saved;
}

void Codegen::EmitJump(Opcode op, BasicBlock* target) {
  Instr in;
  in.op = op;
  in.target = target;
  in.loc = u_->loc;
  if (in.loc.lineno < 0) in.loc = bytecode::Position{};
  u_->current->instrs.push_back(in);
  UseNextBlock(NewBlock());
}

void Codegen::EmitJumpNoLine(Opcode op, BasicBlock* target) {
  bytecode::Position saved = u_->loc;
  u_->loc.lineno = -1;
  EmitJump(op, target);
  u_->loc = saved;
}

int Codegen::AddConst(const Constant& c) {
  if (c.kind == Constant::Kind::kCode) {
    u_->consts.push_back(c);
    return static_cast<int>(u_->consts.size()) - 1;
  }
  std::string key;
  ConstKey(c, key);
  auto [it, inserted] = u_->const_index.try_emplace(key, static_cast<int>(u_->consts.size()));
  if (inserted) u_->consts.push_back(c);
  return it->second;
}

void Codegen::EmitConst(const Constant& c) { Emit(Opcode::LOAD_CONST, AddConst(c)); }

int Codegen::AddName(std::string_view name) {
  std::string key(name);
  auto [it, inserted] = u_->name_index.try_emplace(key, static_cast<int>(u_->names.size()));
  if (inserted) u_->names.push_back(key);
  return it->second;
}

void Codegen::EmitNameRaw(Opcode op, std::string_view name) { Emit(op, AddName(name)); }

void Codegen::EmitName(Opcode op, std::string_view name) {
  Emit(op, AddName(MangleName(name)));
}

int Codegen::AddVarname(const std::string& name) {
  auto [it, inserted] =
      u_->varname_index.try_emplace(name, static_cast<int>(u_->varnames.size()));
  if (inserted) u_->varnames.push_back(name);
  return it->second;
}

std::string Codegen::MangleName(std::string_view name) const {
  return Mangle(u_->private_name, name);
}

int Codegen::CellIndex(std::string_view name) const {
  for (size_t i = 0; i < u_->cellvars.size(); ++i) {
    if (u_->cellvars[i] == name) return static_cast<int>(i);
  }
  for (size_t i = 0; i < u_->freevars.size(); ++i) {
    if (u_->freevars[i] == name) return static_cast<int>(u_->cellvars.size() + i);
  }
  return -1;
}

bool Codegen::ForbiddenName(std::string_view name, ast::ExprContext ctx) {
  if (name != "__debug__") return false;
  if (ctx == ast::ExprContext::Store) {
    Error("cannot assign to __debug__");
    return true;
  }
  if (ctx == ast::ExprContext::Del) {
    Error("cannot delete __debug__");
    return true;
  }
  return false;
}

// compiler_nameop: where a name lives decides the instruction family.
bool Codegen::NameOp(std::string_view name, ast::ExprContext ctx) {
  if (ForbiddenName(name, ctx)) return false;
  std::string mangled = MangleName(name);
  enum { kOpName, kOpFast, kOpGlobal, kOpDeref } optype = kOpName;
  NameScope scope = u_->ste->ScopeOf(mangled);
  int cell = -1;
  switch (scope) {
    case NameScope::kFree:
    case NameScope::kCell:
      cell = CellIndex(mangled);
      optype = cell >= 0 ? kOpDeref : kOpName;
      break;
    case NameScope::kLocal:
      if (IsFunctionBlock()) optype = kOpFast;
      break;
    case NameScope::kGlobalImplicit:
      if (IsFunctionBlock()) optype = kOpGlobal;
      break;
    case NameScope::kGlobalExplicit:
      optype = kOpGlobal;
      break;
    default:
      break;
  }
  if (optype == kOpName && u_->ste->type() == BlockType::kClass) {
    // A name free in a class body because a method uses it (DEF_FREE_CLASS).
    if (scope == NameScope::kNone) {
      cell = -1;
    }
  }
  switch (optype) {
    case kOpDeref: {
      Opcode op = ctx == ast::ExprContext::Load
                      ? (u_->ste->type() == BlockType::kClass ? Opcode::LOAD_CLASSDEREF
                                                              : Opcode::LOAD_DEREF)
                  : ctx == ast::ExprContext::Store ? Opcode::STORE_DEREF
                                                   : Opcode::DELETE_DEREF;
      Emit(op, cell);
      return true;
    }
    case kOpFast: {
      Opcode op = ctx == ast::ExprContext::Load    ? Opcode::LOAD_FAST
                  : ctx == ast::ExprContext::Store ? Opcode::STORE_FAST
                                                   : Opcode::DELETE_FAST;
      Emit(op, AddVarname(mangled));
      return true;
    }
    case kOpGlobal: {
      int index = AddName(mangled);
      if (ctx == ast::ExprContext::Load) {
        Emit(Opcode::LOAD_GLOBAL, index << 1);
      } else {
        Emit(ctx == ast::ExprContext::Store ? Opcode::STORE_GLOBAL : Opcode::DELETE_GLOBAL,
             index);
      }
      return true;
    }
    case kOpName: {
      Opcode op = ctx == ast::ExprContext::Load    ? Opcode::LOAD_NAME
                  : ctx == ast::ExprContext::Store ? Opcode::STORE_NAME
                                                   : Opcode::DELETE_NAME;
      Emit(op, AddName(mangled));
      return true;
    }
  }
  return true;
}

std::string Codegen::QualnameFor(const std::string& name, ScopeType type) {
  // compiler_set_qualname: nested in a function (`f.<locals>.g`) or a class (`C.g`), unless
  // declared global in the parent.
  if (stack_.empty()) return name;
  Unit& parent = *stack_.back();
  if (parent.scope_type == ScopeType::kModule) return name;
  if (type == ScopeType::kFunction || type == ScopeType::kAsyncFunction ||
      type == ScopeType::kClass) {
    std::string mangled = Mangle(parent.private_name, name);
    if (parent.ste->ScopeOf(mangled) == NameScope::kGlobalExplicit) return name;
  }
  if (parent.scope_type == ScopeType::kFunction || parent.scope_type == ScopeType::kAsyncFunction ||
      parent.scope_type == ScopeType::kLambda) {
    return parent.qualname + ".<locals>." + name;
  }
  return parent.qualname + "." + name;
}

bool Codegen::EnterScope(std::string name, ScopeType type, const void* node, int lineno) {
  auto unit = std::make_unique<Unit>();
  unit->ste = node == nullptr ? &table_.top() : table_.Lookup(node);
  if (unit->ste == nullptr) {
    if (u_ != nullptr) return Error("internal error: no symbol table for a scope");
    unit->ste = &table_.top();
  }
  unit->scope_type = type;
  unit->name = name;
  unit->firstlineno = lineno;
  unit->private_name = u_ != nullptr ? u_->private_name : std::string();
  if (type == ScopeType::kClass) unit->private_name = name;
  // Parameters first, in order.
  for (const std::string& v : unit->ste->varnames()) {
    if (unit->varname_index.try_emplace(v, static_cast<int>(unit->varnames.size())).second) {
      unit->varnames.push_back(v);
    }
  }
  // Cells and free variables, sorted by name as dictbytype() does.
  if (unit->ste->needs_class_closure()) unit->cellvars.push_back("__class__");
  std::vector<std::string> cells, frees;
  for (const Symbol& sym : unit->ste->symbols()) {
    if (sym.scope == NameScope::kCell) {
      if (sym.name != "__class__" || !unit->ste->needs_class_closure()) cells.push_back(sym.name);
    } else if (sym.scope == NameScope::kFree || (sym.flags & kDefFreeClass)) {
      frees.push_back(sym.name);
    }
  }
  std::sort(cells.begin(), cells.end());
  std::sort(frees.begin(), frees.end());
  unit->cellvars.insert(unit->cellvars.end(), cells.begin(), cells.end());
  // A free name that is also a cell (`__class__` bound in a class that needs the implicit cell)
  // gets one slot: the cell.
  for (const std::string& f : frees) {
    if (std::find(unit->cellvars.begin(), unit->cellvars.end(), f) == unit->cellvars.end()) {
      unit->freevars.push_back(f);
    }
  }

  if (u_ != nullptr) stack_.push_back(std::unique_ptr<Unit>(u_));
  u_ = unit.release();
  ++nestlevel_;
  if (type != ScopeType::kModule) u_->qualname = QualnameFor(u_->name, type);
  BasicBlock* entry = NewBlock();
  u_->entry = entry;
  u_->current = entry;
  if (type == ScopeType::kModule) {
    u_->loc = bytecode::Position{0, 1, 0, 0};
  } else {
    u_->loc = bytecode::Position{lineno, lineno, -1, -1};
  }
  Emit(Opcode::RESUME, 0);
  return true;
}

std::shared_ptr<bytecode::CodeObject> Codegen::ExitScope(bool add_none) {
  if (add_none) {
    UnsetLoc();
    EmitConst(NoneConst());
    Emit(Opcode::RETURN_VALUE);
  }
  auto code = std::make_shared<bytecode::CodeObject>();
  const Block* ste = u_->ste;
  uint32_t flags = 0;
  if (ste->type() == BlockType::kFunction) {
    flags |= bytecode::kNewLocals | bytecode::kOptimized;
    if (ste->nested()) flags |= bytecode::kNested;
    if (ste->generator() && !ste->coroutine()) flags |= bytecode::kGenerator;
    if (!ste->generator() && ste->coroutine()) flags |= bytecode::kCoroutine;
    if (ste->generator() && ste->coroutine()) flags |= bytecode::kAsyncGenerator;
    if (ste->varargs()) flags |= bytecode::kVarargs;
    if (ste->varkeywords()) flags |= bytecode::kVarkeywords;
  }
  flags |= static_cast<uint32_t>(future_features_);
  code->flags = flags;
  code->argcount = u_->argcount;
  code->posonlyargcount = u_->posonlyargcount;
  code->kwonlyargcount = u_->kwonlyargcount;
  code->filename = filename_;
  code->name = u_->name;
  code->qualname = u_->scope_type == ScopeType::kModule ? u_->name : u_->qualname;
  code->firstlineno = u_->firstlineno;
  code->consts = u_->consts;
  code->names = u_->names;

  AssemblyInput input;
  input.entry = u_->entry;
  input.varnames = u_->varnames;
  input.cellvars = u_->cellvars;
  input.freevars = u_->freevars;
  input.nparams = u_->argcount + u_->kwonlyargcount + (ste->varargs() ? 1 : 0) +
                  (ste->varkeywords() ? 1 : 0);
  if (ste->type() != BlockType::kFunction) input.nparams = 0;
  input.generator_like = (flags & (bytecode::kGenerator | bytecode::kCoroutine |
                                   bytecode::kAsyncGenerator)) != 0;
  Assemble(input, *code);

  delete u_;
  u_ = nullptr;
  --nestlevel_;
  if (!stack_.empty()) {
    u_ = stack_.back().release();
    stack_.pop_back();
  }
  return code;
}

std::shared_ptr<bytecode::CodeObject> Codegen::CompileModule(ast::ModNode* mod) {
  EnterScope("<module>", ScopeType::kModule, nullptr, 1);
  bool ok = true;
  bool add_none = true;
  switch (mod->kind) {
    case ast::ModKind::Module:
      ok = Body(static_cast<ast::Module*>(mod)->body, true);
      break;
    case ast::ModKind::Interactive: {
      auto* m = static_cast<ast::Interactive*>(mod);
      if (FindAnnotations(m->body)) Emit(Opcode::SETUP_ANNOTATIONS);
      ok = Stmts(m->body);
      break;
    }
    case ast::ModKind::Expression:
      ok = Expr(static_cast<ast::Expression*>(mod)->body);
      if (ok) Emit(Opcode::RETURN_VALUE);
      add_none = false;
      break;
    case ast::ModKind::FunctionType:
      ok = Error("compiling a FunctionType tree is not supported");
      break;
  }
  if (!ok) {
    // Unwind every unit still open.
    while (u_ != nullptr) {
      delete u_;
      u_ = nullptr;
      if (!stack_.empty()) {
        u_ = stack_.back().release();
        stack_.pop_back();
      }
    }
    return nullptr;
  }
  return ExitScope(add_none);
}

}  // namespace pyrite::compiler
