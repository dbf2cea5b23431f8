// String literals: implicit concatenation of STRING tokens, bytes/str mixing checks and
// f-strings, as CPython 3.11's Parser/string_parser.c builds them. An f-string's replacement
// fields are scanned here and each expression is parsed by a nested Parser over "(expr)",
// whose token positions are shifted to where the expression sits in the file.
//
// Positions follow CPython 3.11 exactly, quirks included: the literal parts and
// FormattedValue nodes span the whole concatenation, a format spec's JoinedStr spans the token
// that holds it, and an expression on a later line of a triple-quoted string is not shifted by
// the token's own column.
#include <string>
#include <variant>
#include <vector>

#include "python/parser/literals.h"
#include "python/parser/parser_internal.h"

namespace pyrite::parser {
namespace {

struct StringPrefix {
  bool bytes = false;
  bool raw = false;
  bool fstring = false;
  std::string_view body;  // between the quotes
};

StringPrefix SplitString(std::string_view text) {
  StringPrefix p;
  size_t i = 0;
  while (i < text.size() && text[i] != '\'' && text[i] != '"') {
    char c = text[i] | 0x20;
    if (c == 'b') p.bytes = true;
    if (c == 'r') p.raw = true;
    if (c == 'f') p.fstring = true;
    ++i;
  }
  std::string_view rest = text.substr(i);
  size_t quote_len = rest.size() >= 6 && rest[1] == rest[0] && rest[2] == rest[0] ? 3 : 1;
  p.body = rest.substr(quote_len, rest.size() - 2 * quote_len);
  return p;
}

}  // namespace

// Collects literal text and expressions of one concatenation (CPython's FstringParser).
class FStringBuilder {
 public:
  FStringBuilder(Parser* p, const Token& first, const Token& last)
      : p_(p), first_(first), last_(last) {}

  void AddLiteral(std::string_view s) { last_str_ += s; }
  void FlushLiteral() {
    if (last_str_.empty()) return;
    values_.push_back(MakeConstant());
  }
  void AddExpression(ast::ExprNode* e) {
    FlushLiteral();
    values_.push_back(e);
  }
  ast::Constant* MakeConstant() {
    ast::ConstantValue v;
    v.kind = ast::ConstantValue::Kind::kStr;
    v.text = p_->arena().CopyString(last_str_);
    last_str_.clear();
    auto* c = p_->NewConstant(v, Span(first_, last_));
    if (!first_.text.empty() && first_.text[0] == 'u') c->kind = "u";
    return c;
  }
  // A literal still pending at the end takes the span given here (the whole concatenation, or
  // for a format spec its token), unlike those flushed before an expression.
  ast::ExprNode* Finish(const Token& first, const Token& last) {
    first_ = first;
    last_ = last;
    if (!fmode_) return MakeConstant();
    FlushLiteral();
    auto* j = p_->arena().New<ast::JoinedStr>();
    j->values = p_->Seq(values_);
    j->loc = Span(first, last);
    return j;
  }
  static ast::Location Span(const Token& a, const Token& b) {
    return {a.lineno, a.col_offset, b.end_lineno, b.end_col_offset};
  }

  bool fmode_ = false;
  Parser* p_;
  Token first_, last_;
  std::string last_str_;
  std::vector<ast::ExprNode*> values_;
};

namespace {

// One f-string body being scanned; `s` moves through `token.text`.
struct FStringScan {
  Parser* p;
  const Token& token;  // the STRING token holding this body
  const Token& first;  // first and last tokens of the concatenation
  const Token& last;
  bool raw;
  const char* s;
  const char* end;
};

bool ScanFString(FStringScan& f, FStringBuilder& b, int recurse_lvl);

// fstring_find_literal: returns -1 on error, 1 when a doubled brace ended the literal.
int FindLiteral(FStringScan& f, FStringBuilder& b, int recurse_lvl) {
  const char* s = f.s;
  const char* literal_start = s;
  int result = 0;
  const char* literal_end = nullptr;
  while (s < f.end) {
    char ch = *s++;
    if (!f.raw && ch == '\\' && s < f.end) {
      ch = *s++;
      if (ch == 'N') {
        // "\N{...}": its braces are not a replacement field.
        if (s < f.end && *s++ == '{') {
          while (s < f.end && *s++ != '}') {
          }
          continue;
        }
        continue;
      }
    }
    if (ch == '{' || ch == '}') {
      if (recurse_lvl == 0) {
        if (s < f.end && *s == ch) {
          literal_end = s;
          f.s = s + 1;
          result = 1;
          break;
        }
        if (ch == '}') {
          f.s = s - 1;
          f.p->RaiseSyntaxError("f-string: single '}' is not allowed");
          return -1;
        }
      }
      s--;
      break;
    }
  }
  if (result == 0) {
    f.s = s;
    literal_end = s;
  }
  if (literal_start != literal_end) {
    std::string_view chunk(literal_start, literal_end - literal_start);
    auto decoded = DecodeStringBody(chunk, f.raw, false, f.p->arena());
    if (auto* error = std::get_if<std::string>(&decoded)) {
      f.p->RaiseSyntaxError(*error);
      return -1;
    }
    b.AddLiteral(std::get<std::string_view>(decoded));
  }
  return result;
}

// The line and column shift for an expression starting at `expr_start` ('{') inside `token`
// (CPython's fstring_find_expr_location).
void ExprLocation(const Token& token, const char* expr_start, int* lines, int* cols) {
  *lines = 0;
  *cols = 0;
  const char* text = token.text.data();
  bool newline_after_brace = true;
  for (const char* c = expr_start + 1; c < token.text.data() + token.text.size() && *c != '}' &&
                                       *c != '\n';
       ++c) {
    if (*c != ' ' && *c != '\t' && *c != '\f') {
      newline_after_brace = false;
      break;
    }
  }
  if (!newline_after_brace) {
    const char* c = expr_start;
    while (c > text && *c != '\n') --c;
    *cols += static_cast<int>(expr_start - c);
    if (*c == '\n') *cols -= 1;
  }
  for (const char* c = text; c < expr_start; ++c) {
    if (*c == '\n') ++*lines;
  }
}

// fstring_find_expr: scans one replacement field starting at '{'.
bool FindExpr(FStringScan& f, FStringBuilder& b, int recurse_lvl) {
  Parser* p = f.p;
  if (recurse_lvl >= 2) {
    p->RaiseSyntaxError("f-string: expressions nested too deeply");
    return false;
  }
  const char* brace = f.s;
  f.s += 1;
  const char* expr_start = f.s;
  char quote_char = 0;
  int string_type = 0;
  std::vector<char> parens;
  for (; f.s < f.end; ++f.s) {
    char ch = *f.s;
    if (ch == '\\') {
      p->RaiseSyntaxError("f-string expression part cannot include a backslash");
      return false;
    }
    if (quote_char) {
      if (ch == quote_char) {
        if (string_type == 3) {
          if (f.s + 2 < f.end && f.s[1] == ch && f.s[2] == ch) {
            f.s += 2;
            string_type = 0;
            quote_char = 0;
          }
        } else {
          string_type = 0;
          quote_char = 0;
        }
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      if (f.s + 2 < f.end && f.s[1] == ch && f.s[2] == ch) {
        string_type = 3;
        f.s += 2;
      } else {
        string_type = 1;
      }
      quote_char = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (parens.size() >= 200) {
        p->RaiseSyntaxError("f-string: too many nested parenthesis");
        return false;
      }
      parens.push_back(ch);
    } else if (ch == '#') {
      p->RaiseSyntaxError("f-string expression part cannot include '#'");
      return false;
    } else if (parens.empty() &&
               (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      if (f.s + 1 < f.end) {
        char next = f.s[1];
        if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
          f.s += 1;
          continue;
        }
      }
      if (ch == '>' || ch == '<') continue;
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      if (parens.empty()) {
        p->RaiseSyntaxError(std::string("f-string: unmatched '") + ch + "'");
        return false;
      }
      char opening = parens.back();
      parens.pop_back();
      if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
            (opening == '{' && ch == '}'))) {
        p->RaiseSyntaxError(std::string("f-string: closing parenthesis '") + ch +
                            "' does not match opening parenthesis '" + opening + "'");
        return false;
      }
    }
  }
  const char* expr_end = f.s;
  if (quote_char) {
    p->RaiseSyntaxError("f-string: unterminated string");
    return false;
  }
  if (!parens.empty()) {
    p->RaiseSyntaxError(std::string("f-string: unmatched '") + parens.back() + "'");
    return false;
  }
  auto expecting_brace = [&]() {
    p->RaiseSyntaxError("f-string: expecting '}'");
    return false;
  };
  if (f.s >= f.end) return expecting_brace();

  // fstring_compile_expr
  const char* c = expr_start;
  while (c != expr_end && (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\f')) ++c;
  if (c == expr_end) {
    if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=') {
      p->RaiseSyntaxError(std::string("f-string: expression required before '") + *expr_end +
                          "'");
    } else {
      p->RaiseSyntaxError("f-string: empty expression not allowed");
    }
    return false;
  }
  int lines = 0, cols = 0;
  ExprLocation(f.token, brace, &lines, &cols);
  ast::ExprNode* expression = p->ParseFStringExpression(
      std::string_view(expr_start, expr_end - expr_start), f.token.lineno + lines,
      (lines == 0 ? f.token.col_offset : 0) + cols);
  if (expression == nullptr) return false;

  std::string_view expr_text;
  if (*f.s == '=') {
    f.s += 1;
    while (f.s < f.end && (*f.s == ' ' || *f.s == '\t' || *f.s == '\n' || *f.s == '\r' ||
                           *f.s == '\f' || *f.s == '\v')) {
      f.s += 1;
    }
    if (f.s >= f.end) return expecting_brace();
    expr_text = std::string_view(expr_start, f.s - expr_start);
  }
  int conversion = -1;
  if (*f.s == '!') {
    f.s += 1;
    if (f.s >= f.end) return expecting_brace();
    conversion = static_cast<unsigned char>(*f.s);
    f.s += 1;
    if (conversion != 's' && conversion != 'r' && conversion != 'a') {
      p->RaiseSyntaxError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      return false;
    }
  }
  ast::ExprNode* format_spec = nullptr;
  if (f.s >= f.end) return expecting_brace();
  if (*f.s == ':') {
    f.s += 1;
    if (f.s >= f.end) return expecting_brace();
    FStringBuilder spec(p, f.first, f.last);
    spec.fmode_ = true;
    if (!ScanFString(f, spec, recurse_lvl + 1)) return false;
    format_spec = spec.Finish(f.token, f.token);
  }
  if (f.s >= f.end || *f.s != '}') return expecting_brace();
  f.s += 1;
  if (!expr_text.empty() && format_spec == nullptr && conversion == -1) conversion = 'r';
  b.AddLiteral(expr_text);
  auto* fv = p->arena().New<ast::FormattedValue>();
  fv->value = expression;
  fv->conversion = conversion;
  fv->format_spec = format_spec;
  fv->loc = FStringBuilder::Span(f.first, f.last);
  b.AddExpression(fv);
  return true;
}

// _PyPegen_FstringParser_ConcatFstring
bool ScanFString(FStringScan& f, FStringBuilder& b, int recurse_lvl) {
  b.fmode_ = true;
  while (true) {
    int result = FindLiteral(f, b, recurse_lvl);
    if (result < 0) return false;
    if (result == 1) continue;
    if (f.s >= f.end || *f.s == '}') break;
    if (!FindExpr(f, b, recurse_lvl)) return false;
  }
  if (recurse_lvl == 0 && f.s < f.end - 1) {
    f.p->RaiseSyntaxError("f-string: unexpected end of string");
    return false;
  }
  if (recurse_lvl != 0 && (f.s >= f.end || *f.s != '}')) {
    f.p->RaiseSyntaxError("f-string: expecting '}'");
    return false;
  }
  return true;
}

}  // namespace

// strings: STRING+   (_PyPegen_concatenate_strings)
ast::ExprNode* Parser::ConcatenateStrings(int first_index, int end_index) {
  const Token& first = tokens_[first_index];
  const Token& last = tokens_[end_index - 1];
  FStringBuilder builder(this, first, last);
  bool bytesmode = false;
  std::string bytes;
  for (int i = first_index; i < end_index; ++i) {
    const Token& t = tokens_[i];
    StringPrefix prefix = SplitString(t.text);
    if (i != first_index && bytesmode != prefix.bytes) {
      return RaiseSyntaxError("cannot mix bytes and nonbytes literals");
    }
    bytesmode = prefix.bytes;
    if (prefix.fstring) {
      FStringScan scan{this, t, first, last, prefix.raw, prefix.body.data(),
                       prefix.body.data() + prefix.body.size()};
      if (!ScanFString(scan, builder, 0)) return nullptr;
      continue;
    }
    auto decoded = DecodeStringBody(prefix.body, prefix.raw, prefix.bytes, arena_);
    if (auto* error = std::get_if<std::string>(&decoded)) return RaiseSyntaxError(*error);
    std::string_view value = std::get<std::string_view>(decoded);
    if (prefix.bytes) {
      bytes += value;
    } else {
      builder.AddLiteral(value);
    }
  }
  if (bytesmode) {
    ast::ConstantValue v;
    v.kind = ast::ConstantValue::Kind::kBytes;
    v.text = arena_.CopyString(bytes);
    return NewConstant(v, FStringBuilder::Span(first, last));
  }
  return builder.Finish(first, last);
}

ast::ExprNode* Parser::ParseFStringExpression(std::string_view expr, int lineno, int col) {
  std::string source;
  source.reserve(expr.size() + 3);
  source += '(';
  source += expr;
  source += ')';
  std::string_view text = arena_.CopyString(source);
  Parser sub(text, arena_, /*offsets_in_chars=*/false, ParseMode::kExec);
  sub.fstring_lineno_ = lineno;
  sub.fstring_col_ = col;
  auto result = sub.RunFString();
  if (auto* error = std::get_if<SyntaxError>(&result)) {
    if (!error_) {
      error_ = *error;
      if (!error_->has_text) {
        error_->text = sub.FStringErrorText();
        error_->has_text = true;
      }
    }
    return nullptr;
  }
  return std::get<ast::ExprNode*>(result);
}

}  // namespace pyrite::parser
