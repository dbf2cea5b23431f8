// Constant folding after CPython 3.11's Python/ast_opt.c. Integers are folded while they fit
// 64 bits (larger results are left to run time, which gives the same value); sequences and
// strings obey ast_opt.c's size limits so that folding never builds huge constants.
#include "python/compiler/ast_opt.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

namespace pyrite::compiler {

namespace ast = parser::ast;
using bytecode::Constant;
using Kind = bytecode::Constant::Kind;

namespace {

constexpr size_t kMaxCollectionSize = 256;
constexpr size_t kMaxStrSize = 4096;

Constant Int(int64_t v) {
  Constant c;
  c.kind = Kind::kInt;
  c.integer = v;
  return c;
}

Constant Float(double v) {
  Constant c;
  c.kind = Kind::kFloat;
  c.real = v;
  return c;
}

Constant Bool(bool v) {
  Constant c;
  c.kind = v ? Kind::kTrue : Kind::kFalse;
  return c;
}

// An int-like constant (int, bool) that fits 64 bits.
bool AsInt(const Constant& c, int64_t* out) {
  switch (c.kind) {
    case Kind::kTrue:
      *out = 1;
      return true;
    case Kind::kFalse:
      *out = 0;
      return true;
    case Kind::kInt:
      if (c.big) return false;
      *out = c.integer;
      return true;
    default:
      return false;
  }
}

bool AsFloat(const Constant& c, double* out) {
  int64_t i;
  if (AsInt(c, &i)) {
    *out = static_cast<double>(i);
    return true;
  }
  if (c.kind == Kind::kFloat) {
    *out = c.real;
    return true;
  }
  return false;
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int64_t FloorMod(int64_t a, int64_t b) {
  int64_t m = a % b;
  if (m != 0 && ((m < 0) != (b < 0))) m += b;
  return m;
}

// Python's float % and //, as float_divmod computes them.
void FloatDivmod(double vx, double wx, double* div, double* mod) {
  double m = std::fmod(vx, wx);
  double d = (vx - m) / wx;
  if (m != 0) {
    if ((wx < 0) != (m < 0)) {
      m += wx;
      d -= 1.0;
    }
  } else {
    m = std::copysign(0.0, wx);
  }
  double floordiv;
  if (d != 0) {
    floordiv = std::floor(d);
    if (d - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
  *div = floordiv;
  *mod = m;
}

std::optional<Constant> Repeat(const Constant& seq, int64_t n) {
  if (n < 0) n = 0;
  Constant out;
  out.kind = seq.kind;
  if (seq.kind == Kind::kTuple) {
    if (!seq.items.empty() && static_cast<uint64_t>(n) > kMaxCollectionSize / seq.items.size()) {
      return std::nullopt;
    }
    for (int64_t i = 0; i < n; ++i) {
      out.items.insert(out.items.end(), seq.items.begin(), seq.items.end());
    }
    return out;
  }
  size_t size = seq.kind == Kind::kStr ? CodePoints(seq.text) : seq.text.size();
  if (size != 0 && static_cast<uint64_t>(n) > kMaxStrSize / size) return std::nullopt;
  for (int64_t i = 0; i < n; ++i) out.text += seq.text;
  return out;
}

bool IsSequence(const Constant& c) {
  return c.kind == Kind::kStr || c.kind == Kind::kBytes || c.kind == Kind::kTuple;
}

std::optional<Constant> IntBinary(ast::OperatorKind op, int64_t a, int64_t b) {
  int64_t r;
  switch (op) {
    case ast::OperatorKind::Add:
      if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
      return Int(r);
    case ast::OperatorKind::Sub:
      if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
      return Int(r);
    case ast::OperatorKind::Mult:
      if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
      return Int(r);
    case ast::OperatorKind::FloorDiv:
      if (b == 0 || (a == INT64_MIN && b == -1)) return std::nullopt;
      return Int(FloorDiv(a, b));
    case ast::OperatorKind::Mod:
      if (b == 0 || (a == INT64_MIN && b == -1)) return std::nullopt;
      return Int(FloorMod(a, b));
    case ast::OperatorKind::Div: {
      constexpr int64_t kExact = int64_t{1} << 53;
      if (b == 0 || a > kExact || a < -kExact || b > kExact || b < -kExact) return std::nullopt;
      return Float(static_cast<double>(a) / static_cast<double>(b));
    }
    case ast::OperatorKind::Pow: {
      if (b < 0) return std::nullopt;
      int64_t result = 1;
      for (int64_t i = 0; i < b; ++i) {
        if (__builtin_mul_overflow(result, a, &result)) return std::nullopt;
        if (result == 0 || result == 1) break;
        if (result == -1) {
          result = ((b - i - 1) % 2 == 0) ? -1 : 1;
          break;
        }
      }
      return Int(result);
    }
    case ast::OperatorKind::LShift:
      if (b < 0 || b >= 64) return a == 0 && b >= 0 ? std::optional<Constant>(Int(0)) : std::nullopt;
      if (a != 0) {
        int64_t shifted = static_cast<int64_t>(static_cast<uint64_t>(a) << b);
        if ((shifted >> b) != a) return std::nullopt;
        return Int(shifted);
      }
      return Int(0);
    case ast::OperatorKind::RShift:
      if (b < 0) return std::nullopt;
      if (b >= 64) return Int(a < 0 ? -1 : 0);
      return Int(a >> b);
    case ast::OperatorKind::BitOr:
      return Int(a | b);
    case ast::OperatorKind::BitXor:
      return Int(a ^ b);
    case ast::OperatorKind::BitAnd:
      return Int(a & b);
    case ast::OperatorKind::MatMult:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Constant> FloatBinary(ast::OperatorKind op, double a, double b) {
  double div, mod;
  switch (op) {
    case ast::OperatorKind::Add:
      return Float(a + b);
    case ast::OperatorKind::Sub:
      return Float(a - b);
    case ast::OperatorKind::Mult:
      return Float(a * b);
    case ast::OperatorKind::Div:
      if (b == 0) return std::nullopt;
      return Float(a / b);
    case ast::OperatorKind::FloorDiv:
      if (b == 0) return std::nullopt;
      FloatDivmod(a, b, &div, &mod);
      return Float(div);
    case ast::OperatorKind::Mod:
      if (b == 0) return std::nullopt;
      FloatDivmod(a, b, &div, &mod);
      return Float(mod);
    case ast::OperatorKind::Pow: {
      if (!std::isfinite(a) || !std::isfinite(b)) return std::nullopt;
      if (a == 0 && b < 0) return std::nullopt;
      if (a < 0 && std::floor(b) != b) return std::nullopt;
      double r = std::pow(a, b);
      if (!std::isfinite(r)) return std::nullopt;
      return Float(r);
    }
    default:
      return std::nullopt;
  }
}

std::optional<Constant> Binary(ast::OperatorKind op, const Constant& l, const Constant& r) {
  // bool's &, | and ^ give a bool when both operands are bools (True & False is False).
  bool both_bool = (l.kind == Kind::kTrue || l.kind == Kind::kFalse) &&
                   (r.kind == Kind::kTrue || r.kind == Kind::kFalse);
  if (both_bool) {
    bool x = l.kind == Kind::kTrue, y = r.kind == Kind::kTrue;
    switch (op) {
      case ast::OperatorKind::BitAnd:
        return Bool(x && y);
      case ast::OperatorKind::BitOr:
        return Bool(x || y);
      case ast::OperatorKind::BitXor:
        return Bool(x != y);
      default:
        break;
    }
  }
  int64_t a, b;
  if (AsInt(l, &a) && AsInt(r, &b)) return IntBinary(op, a, b);
  double x, y;
  if (AsFloat(l, &x) && AsFloat(r, &y) &&
      (l.kind == Kind::kFloat || r.kind == Kind::kFloat)) {
    return FloatBinary(op, x, y);
  }
  if (op == ast::OperatorKind::Add && l.kind == r.kind &&
      (l.kind == Kind::kStr || l.kind == Kind::kBytes || l.kind == Kind::kTuple)) {
    Constant out = l;
    if (l.kind == Kind::kTuple) {
      if (l.items.size() + r.items.size() > kMaxCollectionSize) return std::nullopt;
      out.items.insert(out.items.end(), r.items.begin(), r.items.end());
    } else {
      out.text += r.text;
    }
    return out;
  }
  if (op == ast::OperatorKind::Mult) {
    if (IsSequence(l) && AsInt(r, &b)) return Repeat(l, b);
    if (IsSequence(r) && AsInt(l, &a)) return Repeat(r, a);
  }
  return std::nullopt;
}

std::optional<Constant> Unary(ast::UnaryOpKind op, const Constant& v) {
  if (op == ast::UnaryOpKind::Not) {
    return Bool(!ConstTruth(v));
  }
  int64_t i;
  if (AsInt(v, &i)) {
    switch (op) {
      case ast::UnaryOpKind::USub:
        if (i == INT64_MIN) {
          Constant big;
          big.kind = Kind::kInt;
          big.big = true;
          big.text = "9223372036854775808";
          return big;
        }
        return Int(-i);
      case ast::UnaryOpKind::UAdd:
        return Int(i);
      case ast::UnaryOpKind::Invert:
        return Int(~i);
      default:
        return std::nullopt;
    }
  }
  if (v.kind == Kind::kInt && v.big && op == ast::UnaryOpKind::USub) {
    Constant out;
    out.kind = Kind::kInt;
    if (v.text == "-9223372036854775808") return std::nullopt;
    if (v.text == "9223372036854775808") return Int(INT64_MIN);
    out.big = true;
    out.text = v.text[0] == '-' ? v.text.substr(1) : "-" + v.text;
    return out;
  }
  if (v.kind == Kind::kInt && v.big && op == ast::UnaryOpKind::UAdd) return v;
  if (v.kind == Kind::kFloat) {
    if (op == ast::UnaryOpKind::USub) return Float(-v.real);
    if (op == ast::UnaryOpKind::UAdd) return v;
  }
  if (v.kind == Kind::kComplex) {
    Constant out = v;
    if (op == ast::UnaryOpKind::USub) {
      out.real = -v.real;
      out.imag = -v.imag;
      return out;
    }
    if (op == ast::UnaryOpKind::UAdd) return out;
  }
  return std::nullopt;
}

}  // namespace

bool ConstTruth(const Constant& c) {
  switch (c.kind) {
    case Kind::kNone:
    case Kind::kFalse:
      return false;
    case Kind::kEllipsis:
    case Kind::kTrue:
    case Kind::kCode:
      return true;
    case Kind::kInt:
      return c.big || c.integer != 0;
    case Kind::kFloat:
      return c.real != 0;
    case Kind::kComplex:
      return c.real != 0 || c.imag != 0;
    case Kind::kStr:
    case Kind::kBytes:
      return !c.text.empty();
    case Kind::kTuple:
    case Kind::kFrozenSet:
      return !c.items.empty();
  }
  return true;
}

Constant ConstEvaluator::FromLiteral(const ast::ConstantValue& value) {
  Constant c;
  switch (value.kind) {
    case ast::ConstantValue::Kind::kNone:
      c.kind = Kind::kNone;
      break;
    case ast::ConstantValue::Kind::kTrue:
      c.kind = Kind::kTrue;
      break;
    case ast::ConstantValue::Kind::kFalse:
      c.kind = Kind::kFalse;
      break;
    case ast::ConstantValue::Kind::kEllipsis:
      c.kind = Kind::kEllipsis;
      break;
    case ast::ConstantValue::Kind::kInt: {
      c.kind = Kind::kInt;
      uint64_t v = 0;
      bool fits = value.text.size() <= 19;
      if (fits) {
        for (char ch : value.text) v = v * 10 + static_cast<uint64_t>(ch - '0');
        fits = v <= static_cast<uint64_t>(INT64_MAX);
      }
      if (fits) {
        c.integer = static_cast<int64_t>(v);
      } else {
        c.big = true;
        c.text = std::string(value.text);
      }
      break;
    }
    case ast::ConstantValue::Kind::kFloat:
      c.kind = Kind::kFloat;
      c.real = value.number;
      break;
    case ast::ConstantValue::Kind::kComplex:
      c.kind = Kind::kComplex;
      c.imag = value.number;
      break;
    case ast::ConstantValue::Kind::kStr:
      c.kind = Kind::kStr;
      c.text = std::string(value.text);
      break;
    case ast::ConstantValue::Kind::kBytes:
      c.kind = Kind::kBytes;
      c.text = std::string(value.text);
      break;
  }
  return c;
}

std::optional<Constant> ConstEvaluator::Evaluate(const ast::ExprNode* e) {
  auto it = memo_.find(e);
  if (it != memo_.end()) return it->second;
  std::optional<Constant> result = Compute(e);
  memo_[e] = result;
  return result;
}

std::optional<Constant> ConstEvaluator::Compute(const ast::ExprNode* e) {
  switch (e->kind) {
    case ast::ExprKind::Constant:
      return FromLiteral(static_cast<const ast::Constant*>(e)->value);
    case ast::ExprKind::Name: {
      auto* n = static_cast<const ast::Name*>(e);
      if (n->ctx == ast::ExprContext::Load && n->id == "__debug__") return Bool(optimize_ == 0);
      return std::nullopt;
    }
    case ast::ExprKind::UnaryOp: {
      auto* u = static_cast<const ast::UnaryOp*>(e);
      std::optional<Constant> v = Evaluate(u->operand);
      if (!v) return std::nullopt;
      return Unary(u->op, *v);
    }
    case ast::ExprKind::BinOp: {
      auto* b = static_cast<const ast::BinOp*>(e);
      std::optional<Constant> l = Evaluate(b->left);
      if (!l) return std::nullopt;
      std::optional<Constant> r = Evaluate(b->right);
      if (!r) return std::nullopt;
      return Binary(b->op, *l, *r);
    }
    case ast::ExprKind::Tuple: {
      auto* t = static_cast<const ast::Tuple*>(e);
      if (t->ctx != ast::ExprContext::Load) return std::nullopt;
      Constant out;
      out.kind = Kind::kTuple;
      for (ast::ExprNode* elt : t->elts) {
        std::optional<Constant> v = Evaluate(elt);
        if (!v) return std::nullopt;
        out.items.push_back(std::move(*v));
      }
      return out;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace pyrite::compiler
