// The match statement (CPython 3.11's compiler_match and compiler_pattern_*): the subject stays on
// the stack while each case's pattern runs; captured values pile up under it and are stored once
// the whole pattern has matched; failures jump to a ladder of POP_TOP blocks that drops exactly
// what the failing point had pushed. Owns the compile-time pattern SyntaxErrors as well.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "python/compiler/codegen.h"
#include "python/parser/constant_repr.h"

namespace pyrite::compiler {

using bytecode::Constant;
using bytecode::Opcode;

namespace {

bool IsWildcard(const ast::PatternNode* p) {
  auto* as = p->As<ast::MatchAs>();
  return as != nullptr && as->pattern == nullptr && as->name.empty();
}

bool IsStarWildcard(const ast::PatternNode* p) {
  auto* st = p->As<ast::MatchStar>();
  return st != nullptr && st->name.empty();
}

// Python equality of two hashable literal constants, as a set of keys sees it.
bool NumericValue(const Constant& c, double* re, double* im) {
  *im = 0;
  switch (c.kind) {
    case Constant::Kind::kFalse:
      *re = 0;
      return true;
    case Constant::Kind::kTrue:
      *re = 1;
      return true;
    case Constant::Kind::kInt:
      if (c.big) return false;
      *re = static_cast<double>(c.integer);
      return true;
    case Constant::Kind::kFloat:
      *re = c.real;
      return true;
    case Constant::Kind::kComplex:
      *re = c.real;
      *im = c.imag;
      return true;
    default:
      return false;
  }
}

bool SameKey(const Constant& a, const Constant& b) {
  double ar, ai, br, bi;
  bool an = NumericValue(a, &ar, &ai);
  bool bn = NumericValue(b, &br, &bi);
  if (an && bn) {
    // Exact integers beyond 2**53 must not compare equal through doubles.
    if (a.kind == Constant::Kind::kInt && b.kind == Constant::Kind::kInt) {
      return a.integer == b.integer;
    }
    return ar == br && ai == bi;
  }
  if (an || bn) return false;
  return a == b;
}

std::string KeyRepr(const ast::ExprNode* key, const Constant& value) {
  if (auto* c = key->As<ast::Constant>()) return parser::ConstantRepr(c->value);
  std::string out;
  switch (value.kind) {
    case Constant::Kind::kInt:
      out = value.big ? value.text : std::to_string(value.integer);
      break;
    case Constant::Kind::kFloat:
      parser::AppendFloatRepr(value.real, out);
      break;
    case Constant::Kind::kComplex: {
      // complex.__repr__: "(re+imj)", or just "imj" when the real part is +0.
      if (value.real == 0 && !std::signbit(value.real)) {
        parser::AppendImaginaryRepr(value.imag, out);
        break;
      }
      out = "(";
      std::string re;
      parser::AppendFloatRepr(value.real, re);
      if (re.size() > 2 && re.compare(re.size() - 2, 2, ".0") == 0) re.resize(re.size() - 2);
      out += re;
      std::string im;
      parser::AppendImaginaryRepr(value.imag, im);
      if (im[0] != '-') out += '+';
      out += im;
      out += ')';
      break;
    }
    default:
      out = "?";
      break;
  }
  return out;
}

// The value of a literal pattern. The parser only lets `signed_number (+|-) imaginary` through
// as a BinOp, which CPython's AST optimiser folds to a complex constant.

}  // namespace

// The state of one pattern being compiled (CPython's pattern_context).
class PatternCompiler {
 public:
  explicit PatternCompiler(Codegen* cg) : cg_(cg) {}

  std::vector<std::string> stores;  // names captured so far, in stack order
  bool allow_irrefutable = false;
  std::vector<BasicBlock*> fail_pop;  // fail_pop[n]: pops n items, then fails
  int on_top = 0;                     // items above the stores that a failure must pop

  bool Pattern(ast::PatternNode* p);
  bool EmitAndResetFailPop();
  std::optional<Constant> Literal(const ast::ExprNode* e);
  void EnsureFailPop(size_t n) {
    while (fail_pop.size() <= n) fail_pop.push_back(cg_->NewBlock());
  }

 private:
  bool Subpattern(ast::PatternNode* p);
  void JumpToFailPop(Opcode op);
  void Rotate(int count);
  bool StoreName(std::string_view name);
  bool DuplicateStore(std::string_view name);
  bool Value(ast::MatchValue* p);
  bool Singleton(ast::MatchSingleton* p);
  bool Sequence(ast::MatchSequence* p);
  bool SequenceUnpack(const ast::Seq<ast::PatternNode*>& patterns);
  bool SequenceSubscr(const ast::Seq<ast::PatternNode*>& patterns, int star);
  bool Mapping(ast::MatchMapping* p);
  bool Class(ast::PatternNode* node, ast::MatchClass* p);
  bool As(ast::MatchAs* p);
  bool Or(ast::MatchOr* p);

  Codegen* cg_;
};

std::optional<Constant> PatternCompiler::Literal(const ast::ExprNode* e) {
  if (std::optional<Constant> c = cg_->Fold(e)) return c;
  auto* b = e->As<ast::BinOp>();
  if (b == nullptr ||
      (b->op != ast::OperatorKind::Add && b->op != ast::OperatorKind::Sub)) {
    return std::nullopt;
  }
  std::optional<Constant> l = cg_->Fold(b->left);
  std::optional<Constant> r = cg_->Fold(b->right);
  if (!l || !r || r->kind != Constant::Kind::kComplex) return std::nullopt;
  double re;
  if (l->kind == Constant::Kind::kInt && !l->big) {
    re = static_cast<double>(l->integer);
  } else if (l->kind == Constant::Kind::kFloat) {
    re = l->real;
  } else {
    return std::nullopt;
  }
  Constant out = *r;
  double sign = b->op == ast::OperatorKind::Add ? 1 : -1;
  out.real = re + sign * r->real;
  out.imag = sign * r->imag;
  return out;
}

void PatternCompiler::JumpToFailPop(Opcode op) {
  size_t pops = static_cast<size_t>(on_top) + stores.size();
  EnsureFailPop(pops);
  cg_->EmitJump(op, fail_pop[pops]);
}

bool PatternCompiler::EmitAndResetFailPop() {
  if (fail_pop.empty()) return true;
  for (size_t n = fail_pop.size() - 1; n > 0; --n) {
    cg_->UseNextBlock(fail_pop[n]);
    cg_->EmitNoLine(Opcode::POP_TOP);
  }
  cg_->UseNextBlock(fail_pop[0]);
  fail_pop.clear();
  return true;
}

void PatternCompiler::Rotate(int count) {
  while (count > 1) cg_->Emit(Opcode::SWAP, count--);
}

bool PatternCompiler::DuplicateStore(std::string_view name) {
  return cg_->Error("multiple assignments to name '" + std::string(name) + "' in pattern");
}

bool PatternCompiler::StoreName(std::string_view name) {
  if (name.empty()) {
    cg_->Emit(Opcode::POP_TOP);
    return true;
  }
  if (cg_->ForbiddenName(name, ast::ExprContext::Store)) return false;
  for (const std::string& s : stores) {
    if (s == name) return DuplicateStore(name);
  }
  Rotate(on_top + static_cast<int>(stores.size()) + 1);
  stores.emplace_back(name);
  return true;
}

bool PatternCompiler::Subpattern(ast::PatternNode* p) {
  bool saved = allow_irrefutable;
  allow_irrefutable = true;
  PY_TRY_EMIT(Pattern(p));
  allow_irrefutable = saved;
  return true;
}

bool PatternCompiler::Pattern(ast::PatternNode* p) {
  cg_->SetLoc(p->loc);
  switch (p->kind) {
    case ast::PatternKind::MatchValue:
      return Value(p->As<ast::MatchValue>());
    case ast::PatternKind::MatchSingleton:
      return Singleton(p->As<ast::MatchSingleton>());
    case ast::PatternKind::MatchSequence:
      return Sequence(p->As<ast::MatchSequence>());
    case ast::PatternKind::MatchMapping:
      return Mapping(p->As<ast::MatchMapping>());
    case ast::PatternKind::MatchClass:
      return Class(p, p->As<ast::MatchClass>());
    case ast::PatternKind::MatchStar:
      return StoreName(p->As<ast::MatchStar>()->name);
    case ast::PatternKind::MatchAs:
      return As(p->As<ast::MatchAs>());
    case ast::PatternKind::MatchOr:
      return Or(p->As<ast::MatchOr>());
  }
  return cg_->Error("invalid match pattern node");
}

bool PatternCompiler::Value(ast::MatchValue* p) {
  // After CPython's AST optimiser only constants and attribute lookups remain here.
  std::optional<Constant> literal = Literal(p->value);
  if (!literal.has_value() && p->value->kind != ast::ExprKind::Attribute) {
    return cg_->Error("patterns may only match literals and attribute lookups");
  }
  if (literal.has_value()) {
    cg_->EmitConst(*literal);
  } else {
    PY_TRY_EMIT(cg_->Expr(p->value));
  }
  cg_->EmitCompare(ast::CmpOpKind::Eq);
  JumpToFailPop(Opcode::POP_JUMP_IF_FALSE);
  return true;
}

bool PatternCompiler::Singleton(ast::MatchSingleton* p) {
  Constant value = ConstEvaluator::FromLiteral(p->value);
  if (value.kind == Constant::Kind::kNone) {
    // The peephole form of `LOAD_CONST None; IS_OP 0; POP_JUMP_IF_FALSE`.
    JumpToFailPop(Opcode::POP_JUMP_IF_NOT_NONE);
    return true;
  }
  cg_->EmitConst(value);
  cg_->EmitCompare(ast::CmpOpKind::Is);
  JumpToFailPop(Opcode::POP_JUMP_IF_FALSE);
  return true;
}

bool PatternCompiler::Sequence(ast::MatchSequence* p) {
  const auto& patterns = p->patterns;
  int size = static_cast<int>(patterns.size);
  int star = -1;
  bool only_wildcard = true;
  bool star_wildcard = false;
  for (int i = 0; i < size; ++i) {
    ast::PatternNode* sub = patterns[i];
    if (sub->kind == ast::PatternKind::MatchStar) {
      if (star >= 0) return cg_->Error("multiple starred names in sequence pattern");
      star_wildcard = IsStarWildcard(sub);
      only_wildcard = only_wildcard && star_wildcard;
      star = i;
      continue;
    }
    only_wildcard = only_wildcard && IsWildcard(sub);
  }
  ++on_top;
  cg_->Emit(Opcode::MATCH_SEQUENCE);
  JumpToFailPop(Opcode::POP_JUMP_IF_FALSE);
  if (star < 0) {
    cg_->Emit(Opcode::GET_LEN);
    cg_->EmitConst(IntConst(size));
    cg_->EmitCompare(ast::CmpOpKind::Eq);
    JumpToFailPop(Opcode::POP_JUMP_IF_FALSE);
  } else if (size > 1) {
    cg_->Emit(Opcode::GET_LEN);
    cg_->EmitConst(IntConst(size - 1));
    cg_->EmitCompare(ast::CmpOpKind::GtE);
    JumpToFailPop(Opcode::POP_JUMP_IF_FALSE);
  }
  --on_top;
  if (only_wildcard) {
    cg_->Emit(Opcode::POP_TOP);
    return true;
  }
  if (star_wildcard) return SequenceSubscr(patterns, star);
  return SequenceUnpack(patterns);
}

bool PatternCompiler::SequenceUnpack(const ast::Seq<ast::PatternNode*>& patterns) {
  int n = static_cast<int>(patterns.size);
  bool seen_star = false;
  for (int i = 0; i < n; ++i) {
    if (patterns[i]->kind != ast::PatternKind::MatchStar) continue;
    if (seen_star) return cg_->Error("multiple starred expressions in sequence pattern");
    if (i >= (1 << 8) || n - i - 1 >= (INT32_MAX >> 8)) {
      return cg_->Error("too many expressions in star-unpacking sequence pattern");
    }
    cg_->Emit(Opcode::UNPACK_EX, i + ((n - i - 1) << 8));
    seen_star = true;
  }
  if (!seen_star) cg_->Emit(Opcode::UNPACK_SEQUENCE, n);
  on_top += n;
  for (int i = 0; i < n; ++i) {
    --on_top;
    PY_TRY_EMIT(Subpattern(patterns[i]));
  }
  return true;
}

bool PatternCompiler::SequenceSubscr(const ast::Seq<ast::PatternNode*>& patterns, int star) {
  ++on_top;
  int size = static_cast<int>(patterns.size);
  for (int i = 0; i < size; ++i) {
    ast::PatternNode* sub = patterns[i];
    if (IsWildcard(sub) || i == star) continue;
    cg_->Emit(Opcode::COPY, 1);
    if (i < star) {
      cg_->EmitConst(IntConst(i));
    } else {
      // The subject may not support negative indices.
      cg_->Emit(Opcode::GET_LEN);
      cg_->EmitConst(IntConst(size - i));
      cg_->Emit(Opcode::BINARY_OP, static_cast<int>(bytecode::BinaryOp::kSubtract));
    }
    cg_->Emit(Opcode::BINARY_SUBSCR);
    PY_TRY_EMIT(Subpattern(sub));
  }
  --on_top;
  cg_->Emit(Opcode::POP_TOP);
  return true;
}

bool PatternCompiler::Mapping(ast::MatchMapping* p) {
  const auto& keys = p->keys;
  const auto& patterns = p->patterns;
  int size = static_cast<int>(keys.size);
  if (keys.size != patterns.size) {
    return cg_->Error("keys (" + std::to_string(keys.size) + ") / patterns (" +
                      std::to_string(patterns.size) + ") length mismatch in mapping pattern");
  }
  std::string_view star_target = p->rest;
  ++on_top;
  cg_->Emit(Opcode::MATCH_MAPPING);
  JumpToFailPop(Opcode::POP_JUMP_IF_FALSE);
  if (size == 0 && star_target.empty()) {
    --on_top;
    cg_->Emit(Opcode::POP_TOP);
    return true;
  }
  if (size > 0) {
    cg_->Emit(Opcode::GET_LEN);
    cg_->EmitConst(IntConst(size));
    cg_->EmitCompare(ast::CmpOpKind::GtE);
    JumpToFailPop(Opcode::POP_JUMP_IF_FALSE);
  }
  std::vector<Constant> seen;
  bool all_literal = true;
  for (int i = 0; i < size; ++i) {
    ast::ExprNode* key = keys[i];
    if (key == nullptr) {
      return cg_->ErrorAt(patterns[i]->loc,
                          "can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
    }
    if (std::optional<Constant> value = Literal(key)) {
      for (const Constant& other : seen) {
        if (SameKey(other, *value)) {
          return cg_->Error("mapping pattern checks duplicate key (" + KeyRepr(key, *value) +
                            ")");
        }
      }
      seen.push_back(*value);
      continue;
    } else if (key->kind != ast::ExprKind::Attribute) {
      return cg_->Error("mapping pattern keys may only match literals and attribute lookups");
    }
    all_literal = false;
  }
  if (all_literal) {
    // CPython folds the BUILD_TUPLE of constants into one constant tuple.
    cg_->EmitConst(TupleConst(seen));
  } else {
    for (int i = 0; i < size; ++i) {
      if (std::optional<Constant> value = Literal(keys[i])) {
        cg_->EmitConst(*value);
      } else {
        PY_TRY_EMIT(cg_->Expr(keys[i]));
      }
    }
    cg_->Emit(Opcode::BUILD_TUPLE, size);
  }
  cg_->Emit(Opcode::MATCH_KEYS);
  on_top += 2;
  // CPython's peephole pass turns `LOAD_CONST None; IS_OP 1; POP_JUMP_IF_FALSE` into this.
  cg_->Emit(Opcode::COPY, 1);
  JumpToFailPop(Opcode::POP_JUMP_IF_NONE);
  cg_->Emit(Opcode::UNPACK_SEQUENCE, size);
  on_top += size - 1;
  for (int i = 0; i < size; ++i) {
    --on_top;
    PY_TRY_EMIT(Subpattern(patterns[i]));
  }
  on_top -= 2;
  if (!star_target.empty()) {
    // rest = dict(subject), then del rest[key] for every matched key.
    cg_->Emit(Opcode::BUILD_MAP, 0);
    cg_->Emit(Opcode::SWAP, 3);
    cg_->Emit(Opcode::DICT_UPDATE, 2);
    cg_->Emit(Opcode::UNPACK_SEQUENCE, size);
    while (size > 0) {
      cg_->Emit(Opcode::COPY, 1 + size--);
      cg_->Emit(Opcode::SWAP, 2);
      cg_->Emit(Opcode::DELETE_SUBSCR);
    }
    return StoreName(star_target);
  }
  cg_->Emit(Opcode::POP_TOP);
  cg_->Emit(Opcode::POP_TOP);
  return true;
}

bool PatternCompiler::Class(ast::PatternNode* node, ast::MatchClass* p) {
  const auto& patterns = p->patterns;
  const auto& kwd_attrs = p->kwd_attrs;
  const auto& kwd_patterns = p->kwd_patterns;
  int nargs = static_cast<int>(patterns.size);
  int nattrs = static_cast<int>(kwd_attrs.size);
  if (kwd_attrs.size != kwd_patterns.size) {
    return cg_->Error("kwd_attrs (" + std::to_string(kwd_attrs.size) + ") / kwd_patterns (" +
                      std::to_string(kwd_patterns.size) + ") length mismatch in class pattern");
  }
  if (nattrs > 0) {
    // The parser gives bare identifiers, so errors point at the sub-patterns.
    for (int i = 0; i < nattrs; ++i) {
      cg_->SetLoc(kwd_patterns[i]->loc);
      if (cg_->ForbiddenName(kwd_attrs[i], ast::ExprContext::Store)) return false;
      for (int j = i + 1; j < nattrs; ++j) {
        if (kwd_attrs[i] == kwd_attrs[j]) {
          return cg_->ErrorAt(kwd_patterns[j]->loc,
                              "attribute name repeated in class pattern: " +
                                  std::string(kwd_attrs[i]));
        }
      }
    }
    cg_->SetLoc(node->loc);
  }
  PY_TRY_EMIT(cg_->Expr(p->cls));
  std::vector<Constant> names;
  for (int i = 0; i < nattrs; ++i) names.push_back(StrConst(kwd_attrs[i]));
  cg_->EmitConst(TupleConst(std::move(names)));
  cg_->Emit(Opcode::MATCH_CLASS, nargs);
  ++on_top;
  cg_->Emit(Opcode::COPY, 1);
  JumpToFailPop(Opcode::POP_JUMP_IF_NONE);
  cg_->Emit(Opcode::UNPACK_SEQUENCE, nargs + nattrs);
  on_top += nargs + nattrs - 1;
  for (int i = 0; i < nargs + nattrs; ++i) {
    --on_top;
    ast::PatternNode* sub = i < nargs ? patterns[i] : kwd_patterns[i - nargs];
    if (IsWildcard(sub)) {
      cg_->Emit(Opcode::POP_TOP);
      continue;
    }
    PY_TRY_EMIT(Subpattern(sub));
  }
  return true;
}

bool PatternCompiler::As(ast::MatchAs* p) {
  if (p->pattern == nullptr) {
    if (!allow_irrefutable) {
      if (!p->name.empty()) {
        return cg_->Error("name capture '" + std::string(p->name) +
                          "' makes remaining patterns unreachable");
      }
      return cg_->Error("wildcard makes remaining patterns unreachable");
    }
    return StoreName(p->name);
  }
  ++on_top;
  cg_->Emit(Opcode::COPY, 1);
  PY_TRY_EMIT(Pattern(p->pattern));
  --on_top;
  return StoreName(p->name);
}

bool PatternCompiler::Or(ast::MatchOr* p) {
  BasicBlock* end = cg_->NewBlock();
  int size = static_cast<int>(p->patterns.size);
  std::vector<std::string> old_stores = stores;
  bool old_allow = allow_irrefutable;
  std::vector<BasicBlock*> old_fail_pop = std::move(fail_pop);
  int old_on_top = on_top;
  std::vector<std::string> control;
  for (int i = 0; i < size; ++i) {
    ast::PatternNode* alt = p->patterns[i];
    cg_->SetLoc(alt->loc);
    stores.clear();
    allow_irrefutable = i == size - 1 && old_allow;
    fail_pop.clear();
    on_top = 0;
    cg_->Emit(Opcode::COPY, 1);
    PY_TRY_EMIT(Pattern(alt));
    int nstores = static_cast<int>(stores.size());
    if (i == 0) {
      control = stores;
    } else if (nstores != static_cast<int>(control.size())) {
      return cg_->Error("alternative patterns bind different names");
    } else if (nstores > 0) {
      // Reorder this alternative's captures (and the stack) to the first one's order.
      for (int icontrol = nstores - 1; icontrol >= 0; --icontrol) {
        const std::string& name = control[icontrol];
        int istores = -1;
        for (int k = 0; k < nstores; ++k) {
          if (stores[k] == name) {
            istores = k;
            break;
          }
        }
        if (istores < 0) return cg_->Error("alternative patterns bind different names");
        if (icontrol != istores) {
          int rotations = istores + 1;
          std::vector<std::string> rotated(stores.begin(), stores.begin() + rotations);
          stores.erase(stores.begin(), stores.begin() + rotations);
          stores.insert(stores.begin() + (icontrol - istores), rotated.begin(), rotated.end());
          while (rotations-- > 0) Rotate(icontrol + 1);
        }
      }
    }
    cg_->EmitJump(Opcode::JUMP, end);
    PY_TRY_EMIT(EmitAndResetFailPop());
  }
  stores = std::move(old_stores);
  allow_irrefutable = old_allow;
  fail_pop = std::move(old_fail_pop);
  on_top = old_on_top;
  // No alternative matched: drop the subject copy and fail.
  cg_->Emit(Opcode::POP_TOP);
  JumpToFailPop(Opcode::JUMP);
  cg_->UseNextBlock(end);
  int nstores = static_cast<int>(control.size());
  // Between the new captures and their place: the other new captures, the subject copy,
  // whatever is on top, and the captures stashed before this pattern.
  int nrots = nstores + 1 + on_top + static_cast<int>(stores.size());
  for (int i = 0; i < nstores; ++i) {
    Rotate(nrots);
    for (const std::string& s : stores) {
      if (s == control[i]) return DuplicateStore(control[i]);
    }
    stores.push_back(control[i]);
  }
  cg_->Emit(Opcode::POP_TOP);
  return true;
}

bool Codegen::Match(ast::Match* s) {
  PY_TRY_EMIT(Expr(s->subject));
  BasicBlock* end = NewBlock();
  int cases = static_cast<int>(s->cases.size);
  ast::MatchCase* last = s->cases[cases - 1];
  int has_default = IsWildcard(last->pattern) && cases > 1 ? 1 : 0;
  for (int i = 0; i < cases - has_default; ++i) {
    ast::MatchCase* m = s->cases[i];
    SetLoc(m->pattern->loc);
    if (i != cases - has_default - 1) Emit(Opcode::COPY, 1);
    PatternCompiler pc(this);
    pc.allow_irrefutable = m->guard != nullptr || i == cases - 1;
    PY_TRY_EMIT(pc.Pattern(m->pattern));
    for (const std::string& name : pc.stores) {
      PY_TRY_EMIT(NameOp(name, ast::ExprContext::Store));
    }
    if (m->guard != nullptr) {
      pc.EnsureFailPop(0);
      PY_TRY_EMIT(JumpIf(m->guard, pc.fail_pop[0], false));
    }
    if (i != cases - has_default - 1) Emit(Opcode::POP_TOP);
    PY_TRY_EMIT(Stmts(m->body));
    EmitJump(Opcode::JUMP, end);
    // A failed match's cleanup belongs to the pattern's line, not the body's last line.
    SetLoc(m->pattern->loc);
    PY_TRY_EMIT(pc.EmitAndResetFailPop());
  }
  if (has_default) {
    ast::MatchCase* m = last;
    SetLoc(m->pattern->loc);
    if (cases == 1) {
      Emit(Opcode::POP_TOP);
    } else {
      Emit(Opcode::NOP);
    }
    if (m->guard != nullptr) PY_TRY_EMIT(JumpIf(m->guard, end, false));
    PY_TRY_EMIT(Stmts(m->body));
  }
  UseNextBlock(end);
  return true;
}

}  // namespace pyrite::compiler
