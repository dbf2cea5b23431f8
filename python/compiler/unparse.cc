// Expression unparsing for postponed annotations, after CPython 3.11's Python/ast_unparse.c:
// each node is written at a precedence level and parenthesised only when its context binds
// tighter. f-strings are written back from their parts.
#include "python/compiler/unparse.h"

#include <cmath>

#include "python/parser/constant_repr.h"

namespace pyrite::compiler {

namespace ast = parser::ast;

namespace {

enum Prec {
  kTuple,
  kTest,
  kOr,
  kAnd,
  kNot,
  kCmp,
  kExpr,
  kBor = kExpr,
  kBxor,
  kBand,
  kShift,
  kArith,
  kTerm,
  kFactor,
  kPower,
  kAwait,
  kAtom,
};

class Unparser {
 public:
  std::string out;

  void Seq(const ast::Seq<ast::ExprNode*>& elts, const char* sep = ", ") {
    for (uint32_t i = 0; i < elts.size; ++i) {
      if (i > 0) out += sep;
      Write(elts[i], kTest);
    }
  }

  void Args(const ast::Arguments* a) {
    bool first = true;
    auto sep = [&]() {
      if (!first) out += ", ";
      first = false;
    };
    uint32_t npos = a->posonlyargs.size + a->args.size;
    uint32_t ndef = a->defaults.size;
    for (uint32_t i = 0; i < npos; ++i) {
      sep();
      const ast::Arg* arg = i < a->posonlyargs.size ? a->posonlyargs[i]
                                                    : a->args[i - a->posonlyargs.size];
      out += arg->arg;
      if (i + ndef >= npos) {
        out += "=";
        Write(a->defaults[i + ndef - npos], kTest);
      }
      if (a->posonlyargs.size > 0 && i + 1 == a->posonlyargs.size) out += ", /";
    }
    if (a->vararg != nullptr || a->kwonlyargs.size > 0) {
      sep();
      out += "*";
      if (a->vararg != nullptr) out += a->vararg->arg;
    }
    for (uint32_t i = 0; i < a->kwonlyargs.size; ++i) {
      sep();
      out += a->kwonlyargs[i]->arg;
      if (i < a->kw_defaults.size && a->kw_defaults[i] != nullptr) {
        out += "=";
        Write(a->kw_defaults[i], kTest);
      }
    }
    if (a->kwarg != nullptr) {
      sep();
      out += "**";
      out += a->kwarg->arg;
    }
  }

  void Comprehensions(const ast::Seq<ast::Comprehension*>& gens) {
    for (ast::Comprehension* g : gens) {
      out += g->is_async ? " async for " : " for ";
      Write(g->target, kTuple);
      out += " in ";
      Write(g->iter, kTest + 1);
      for (ast::ExprNode* cond : g->ifs) {
        out += " if ";
        Write(cond, kTest + 1);
      }
    }
  }

  void FStringBody(const ast::ExprNode* e, std::string& body) {
    if (auto* j = e->As<ast::JoinedStr>()) {
      for (ast::ExprNode* v : j->values) FStringBody(v, body);
    } else if (auto* c = e->As<ast::Constant>()) {
      for (char ch : c->value.text) {
        if (ch == '{' || ch == '}') body += ch;
        body += ch;
      }
    } else if (auto* f = e->As<ast::FormattedValue>()) {
      Unparser inner;
      inner.Write(f->value, kTest + 1);
      body += '{';
      if (!inner.out.empty() && inner.out[0] == '{') body += ' ';
      body += inner.out;
      if (f->conversion > 0) {
        body += '!';
        body += static_cast<char>(f->conversion);
      }
      if (f->format_spec != nullptr) {
        body += ':';
        FStringBody(f->format_spec, body);
      }
      body += '}';
    }
  }

  void Write(const ast::ExprNode* e, int level) {
    switch (e->kind) {
      case ast::ExprKind::BoolOp: {
        auto* b = e->As<ast::BoolOp>();
        int p = b->op == ast::BoolOpKind::And ? kAnd : kOr;
        Open(level > p);
        for (uint32_t i = 0; i < b->values.size; ++i) {
          if (i > 0) out += p == kAnd ? " and " : " or ";
          Write(b->values[i], p + 1);
        }
        Close(level > p);
        return;
      }
      case ast::ExprKind::NamedExpr: {
        auto* n = e->As<ast::NamedExpr>();
        Open(level > kTuple);
        Write(n->target, kAtom);
        out += " := ";
        Write(n->value, kAtom);
        Close(level > kTuple);
        return;
      }
      case ast::ExprKind::BinOp: {
        auto* b = e->As<ast::BinOp>();
        static const char* kOps[] = {" + ",  " - ",  " * ", " @ ", " / ", " % ", " ** ",
                                     " << ", " >> ", " | ", " ^ ", " & ", " // "};
        static const int kPrec[] = {kArith, kArith, kTerm, kTerm,  kTerm, kTerm, kPower,
                                    kShift, kShift, kBor,  kBxor, kBand, kTerm};
        int p = kPrec[static_cast<int>(b->op)];
        bool rassoc = b->op == ast::OperatorKind::Pow;
        Open(level > p);
        Write(b->left, rassoc ? p + 1 : p);
        out += kOps[static_cast<int>(b->op)];
        Write(b->right, rassoc ? p : p + 1);
        Close(level > p);
        return;
      }
      case ast::ExprKind::UnaryOp: {
        auto* u = e->As<ast::UnaryOp>();
        static const char* kOps[] = {"~", "not ", "+", "-"};
        int p = u->op == ast::UnaryOpKind::Not ? kNot : kFactor;
        Open(level > p);
        out += kOps[static_cast<int>(u->op)];
        Write(u->operand, p);
        Close(level > p);
        return;
      }
      case ast::ExprKind::Lambda: {
        auto* l = e->As<ast::Lambda>();
        Open(level > kTest);
        std::string saved;
        Unparser args;
        args.Args(l->args);
        out += args.out.empty() ? "lambda" : "lambda " + args.out;
        out += ": ";
        Write(l->body, kTest);
        Close(level > kTest);
        return;
      }
      case ast::ExprKind::IfExp: {
        auto* i = e->As<ast::IfExp>();
        Open(level > kTest);
        Write(i->body, kTest + 1);
        out += " if ";
        Write(i->test, kTest + 1);
        out += " else ";
        Write(i->orelse, kTest);
        Close(level > kTest);
        return;
      }
      case ast::ExprKind::Dict: {
        auto* d = e->As<ast::Dict>();
        out += "{";
        for (uint32_t i = 0; i < d->values.size; ++i) {
          if (i > 0) out += ", ";
          if (d->keys[i] == nullptr) {
            out += "**";
            Write(d->values[i], kExpr);
          } else {
            Write(d->keys[i], kTest);
            out += ": ";
            Write(d->values[i], kTest);
          }
        }
        out += "}";
        return;
      }
      case ast::ExprKind::Set: {
        auto* s = e->As<ast::Set>();
        if (s->elts.empty()) {
          out += "{*()}";
          return;
        }
        out += "{";
        Seq(s->elts);
        out += "}";
        return;
      }
      case ast::ExprKind::ListComp: {
        auto* c = e->As<ast::ListComp>();
        out += "[";
        Write(c->elt, kTest);
        Comprehensions(c->generators);
        out += "]";
        return;
      }
      case ast::ExprKind::SetComp: {
        auto* c = e->As<ast::SetComp>();
        out += "{";
        Write(c->elt, kTest);
        Comprehensions(c->generators);
        out += "}";
        return;
      }
      case ast::ExprKind::DictComp: {
        auto* c = e->As<ast::DictComp>();
        out += "{";
        Write(c->key, kTest);
        out += ": ";
        Write(c->value, kTest);
        Comprehensions(c->generators);
        out += "}";
        return;
      }
      case ast::ExprKind::GeneratorExp: {
        auto* c = e->As<ast::GeneratorExp>();
        out += "(";
        Write(c->elt, kTest);
        Comprehensions(c->generators);
        out += ")";
        return;
      }
      case ast::ExprKind::Await: {
        Open(level > kAwait);
        out += "await ";
        Write(e->As<ast::Await>()->value, kAtom);
        Close(level > kAwait);
        return;
      }
      case ast::ExprKind::Yield: {
        auto* y = e->As<ast::Yield>();
        out += "(yield";
        if (y->value != nullptr) {
          out += " ";
          Write(y->value, kAtom);
        }
        out += ")";
        return;
      }
      case ast::ExprKind::YieldFrom:
        out += "(yield from ";
        Write(e->As<ast::YieldFrom>()->value, kAtom);
        out += ")";
        return;
      case ast::ExprKind::Compare: {
        auto* c = e->As<ast::Compare>();
        static const char* kOps[] = {" == ", " != ", " < ",     " <= ", " > ",
                                     " >= ", " is ", " is not ", " in ", " not in "};
        Open(level > kCmp);
        Write(c->left, kCmp + 1);
        for (uint32_t i = 0; i < c->ops.size; ++i) {
          out += kOps[static_cast<int>(c->ops[i])];
          Write(c->comparators[i], kCmp + 1);
        }
        Close(level > kCmp);
        return;
      }
      case ast::ExprKind::Call: {
        auto* c = e->As<ast::Call>();
        Write(c->func, kAtom);
        if (c->args.size == 1 && c->keywords.empty() &&
            c->args[0]->kind == ast::ExprKind::GeneratorExp) {
          Write(c->args[0], kTest);
          return;
        }
        out += "(";
        bool first = true;
        for (ast::ExprNode* a : c->args) {
          if (!first) out += ", ";
          first = false;
          Write(a, kTest);
        }
        for (ast::Keyword* k : c->keywords) {
          if (!first) out += ", ";
          first = false;
          if (k->arg.empty()) {
            out += "**";
          } else {
            out += k->arg;
            out += "=";
          }
          Write(k->value, kTest);
        }
        out += ")";
        return;
      }
      case ast::ExprKind::FormattedValue:
      case ast::ExprKind::JoinedStr: {
        std::string body;
        FStringBody(e, body);
        out += "f";
        parser::AppendStrRepr(body, out);
        return;
      }
      case ast::ExprKind::Constant: {
        auto* c = e->As<ast::Constant>();
        if (c->value.kind == ast::ConstantValue::Kind::kEllipsis) {
          out += "...";
        } else if (c->value.kind == ast::ConstantValue::Kind::kFloat &&
                   std::isinf(c->value.number)) {
          out += "1e309";
        } else if (c->value.kind == ast::ConstantValue::Kind::kComplex &&
                   std::isinf(c->value.number)) {
          out += "1e309j";
        } else {
          if (c->kind == "u") out += "u";
          parser::AppendConstantRepr(c->value, out);
        }
        return;
      }
      case ast::ExprKind::Attribute: {
        auto* a = e->As<ast::Attribute>();
        Write(a->value, kAtom);
        // `1 .real`: an int literal needs a space before the dot.
        if (auto* c = a->value->As<ast::Constant>();
            c != nullptr && c->value.kind == ast::ConstantValue::Kind::kInt) {
          out += " ";
        }
        out += ".";
        out += a->attr;
        return;
      }
      case ast::ExprKind::Subscript: {
        auto* s = e->As<ast::Subscript>();
        Write(s->value, kAtom);
        out += "[";
        if (auto* t = s->slice->As<ast::Tuple>(); t != nullptr && !t->elts.empty()) {
          for (uint32_t i = 0; i < t->elts.size; ++i) {
            if (i > 0) out += ", ";
            Write(t->elts[i], kTest);
          }
          if (t->elts.size == 1) out += ",";
        } else {
          Write(s->slice, kTuple);
        }
        out += "]";
        return;
      }
      case ast::ExprKind::Starred:
        out += "*";
        Write(e->As<ast::Starred>()->value, kExpr);
        return;
      case ast::ExprKind::Name:
        out += e->As<ast::Name>()->id;
        return;
      case ast::ExprKind::List:
        out += "[";
        Seq(e->As<ast::List>()->elts);
        out += "]";
        return;
      case ast::ExprKind::Tuple: {
        auto* t = e->As<ast::Tuple>();
        if (t->elts.empty()) {
          out += "()";
          return;
        }
        Open(level > kTuple);
        Seq(t->elts);
        if (t->elts.size == 1) out += ",";
        Close(level > kTuple);
        return;
      }
      case ast::ExprKind::Slice: {
        auto* s = e->As<ast::Slice>();
        if (s->lower != nullptr) Write(s->lower, kTest);
        out += ":";
        if (s->upper != nullptr) Write(s->upper, kTest);
        if (s->step != nullptr) {
          out += ":";
          Write(s->step, kTest);
        }
        return;
      }
    }
  }

 private:
  void Open(bool paren) {
    if (paren) out += "(";
  }
  void Close(bool paren) {
    if (paren) out += ")";
  }
};

}  // namespace

std::string Unparse(const ast::ExprNode* e) {
  Unparser u;
  u.Write(e, kTest);
  return u.out;
}

}  // namespace pyrite::compiler
