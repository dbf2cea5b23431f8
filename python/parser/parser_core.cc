// The parser's engine: the lazily filled token buffer, memoisation, the two passes and the final
// choice of error, following CPython 3.11's _PyPegen_run_parser and _PyPegen_set_syntax_error.
//
// How an error is chosen (the order matters for matching CPython on bad input):
//   1. First pass without invalid_* rules. Success: done.
//   2. Any error already raised (tokenizer error, forced token) stands. Otherwise the furthest
//      token fetched is remembered and a second pass runs with the invalid_* rules, which may
//      raise a specific message.
//   3. No specific message: "invalid syntax" at the remembered token ("unexpected indent" /
//      "unexpected unindent" when that token is an INDENT / DEDENT).
//   4. An error raised by the parser (not the tokenizer) is then checked against the rest of the
//      source: a tokenizer error further on replaces it, and so does an unclosed bracket opened
//      on an earlier line than the error.
#include <algorithm>
#include <functional>
#include <string>
#include <utility>

#include "python/parser/parser.h"
#include "python/parser/parser_internal.h"
#include "python/parser/source.h"

namespace pyrite::parser {
namespace {

// True when CPython's tokenizer would have an `encoding` set: a coding declaration on one of
// the first two lines or a UTF-8 BOM. Only then does CPython convert parser error offsets from
// bytes to characters.
bool HasEncodingDeclaration(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return true;
  size_t pos = 0;
  for (int line = 0; line < 2 && pos < bytes.size(); ++line) {
    size_t end = bytes.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view text = bytes.substr(pos, end - pos);
    size_t i = text.find_first_not_of(" \t\f");
    if (i != std::string_view::npos && text[i] == '#') {
      size_t c = text.find("coding", i);
      if (c != std::string_view::npos && c + 6 < text.size() &&
          (text[c + 6] == ':' || text[c + 6] == '=')) {
        return true;
      }
    } else if (i != std::string_view::npos) {
      return false;  // code before any declaration: line 2 is not looked at
    }
    pos = end;
    if (pos < bytes.size() && bytes[pos] == '\r') ++pos;
    if (pos < bytes.size() && bytes[pos] == '\n') ++pos;
  }
  return false;
}

}  // namespace

Parser::Parser(std::string_view text, Arena& arena, bool offsets_in_chars, ParseMode mode)
    : arena_(arena),
      text_(text),
      tokenizer_(text),
      offsets_in_chars_(offsets_in_chars),
      mode_(mode) {
}

bool Parser::FetchToken() {
  if (tokenizer_failed_) return false;
  Token t;
  if (!tokenizer_.Next(&t)) {
    TokenizerFailed();
    return false;
  }
  if (fstring_lineno_ > 0) {
    // A token of an f-string expression: move it to where the expression is in the file.
    // Only tokens ending on the expression's first line are shifted by its column (CPython).
    if (t.end_lineno == 1) {
      t.col_offset += fstring_col_;
      t.end_col_offset += fstring_col_;
    }
    t.lineno += fstring_lineno_ - 1;
    t.end_lineno += fstring_lineno_ - 1;
  } else if (mode_ != ParseMode::kExec) {
    // Empty eval or single input: CPython's tokenizer never read a line.
    if (t.kind == TokenKind::kEndMarker && implicit_newline_ == text_.data()) {
      t.lineno = t.end_lineno = 0;
    }
    if (mode_ == ParseMode::kSingle) {
      // _PyPegen_fill_token: the end of single input is a NEWLINE (without columns, NoColumn),
      // once after any other token. Our NEWLINE at the implicit end is that first one.
      if (t.kind == TokenKind::kEndMarker && parsing_started_) {
        t.kind = TokenKind::kNewline;
        parsing_started_ = false;
      } else {
        parsing_started_ =
            !(t.kind == TokenKind::kNewline && t.text.data() + t.text.size() == implicit_newline_);
      }
    }
  }
  switch (t.kind) {
    case TokenKind::kLpar:
    case TokenKind::kLsqb:
    case TokenKind::kLbrace:
      ++level_;
      break;
    case TokenKind::kRpar:
    case TokenKind::kRsqb:
    case TokenKind::kRbrace:
      --level_;
      break;
    default:
      break;
  }
  tokens_.push_back(t);
  levels_.push_back(static_cast<int16_t>(level_));
  return true;
}

const Token* Parser::Peek() {
  if (mark_ == fill() && (failed() || !FetchToken())) return nullptr;
  if (mark_ >= fill()) return nullptr;
  return &tokens_[mark_];
}

const Token* Parser::PeekAt(int index) {
  while (index >= fill()) {
    if (failed() || !FetchToken()) return nullptr;
  }
  return &tokens_[index];
}

TokenKind Parser::PeekKind() {
  const Token* t = Peek();
  return t ? t->kind : TokenKind::kEndMarker;
}

const Token* Parser::Expect(TokenKind kind) {
  const Token* t = Peek();
  if (t == nullptr || t->kind != kind) return nullptr;
  ++mark_;
  return t;
}

const Token* Parser::ExpectSoftKeyword(std::string_view word) {
  const Token* t = Peek();
  if (t == nullptr || t->kind != TokenKind::kName || t->text != word) return nullptr;
  ++mark_;
  return t;
}

const Token* Parser::ExpectForced(TokenKind kind) {
  const Token* t = Peek();
  if (t == nullptr) return nullptr;
  if (t->kind != kind) {
    RaiseAtToken(*t, "expected '" + std::string(TokenKindName(kind)) + "'");
    return nullptr;
  }
  ++mark_;
  return t;
}

ast::Location Parser::LocFrom(int start) const {
  const Token& first = tokens_[start];
  // CPython's _PyPegen_get_last_nonnwhitespace_token: NEWLINE, INDENT, DEDENT and ENDMARKER do
  // not end a node.
  const Token* last = &first;
  for (int m = mark_ - 1; m >= 0; --m) {
    TokenKind k = tokens_[m].kind;
    last = &tokens_[m];
    if (k != TokenKind::kEndMarker && k != TokenKind::kNewline && k != TokenKind::kIndent &&
        k != TokenKind::kDedent) {
      break;
    }
  }
  return {first.lineno, first.col_offset, last->end_lineno, last->end_col_offset};
}

ast::Location Parser::LocSpan(const Location& from, const Location& to) const {
  return {from.lineno, from.col_offset, to.end_lineno, to.end_col_offset};
}

// Memo entries hang off their start token in short lists (a token rarely starts more than a few
// memoised rules), allocated in a pool that lives as long as the parser.
Parser::MemoEntry* Parser::FindMemo(MemoRule rule, int index) {
  if (index >= static_cast<int>(memo_heads_.size())) return nullptr;
  for (MemoEntry* e = memo_heads_[index]; e != nullptr; e = e->next) {
    if (e->rule == rule) return e;
  }
  return nullptr;
}

void Parser::StoreMemo(MemoRule rule, int index, void* node, int end) {
  if (index >= static_cast<int>(memo_heads_.size())) memo_heads_.resize(index + 64, nullptr);
  for (MemoEntry* e = memo_heads_[index]; e != nullptr; e = e->next) {
    if (e->rule == rule) {
      e->node = node;
      e->end = end;
      return;
    }
  }
  memo_heads_[index] = memo_pool_.New<MemoEntry>(MemoEntry{node, end, rule, memo_heads_[index]});
}

bool Parser::TooDeep() {
  // CPython 3.11 stops at a parser recursion depth of 6000 with MemoryError; we stop earlier
  // than the native stack would, with a SyntaxError.
  if (depth_ < 3000) return false;
  if (!failed()) RaiseSyntaxError("too many nested parentheses");
  return true;
}

namespace {

// Errors CPython's tokenizer signals by a status, not an exception: they are raised by the parser
// when it reads the token, so a scan of the rest of the source never reports them.
bool IsStatusError(const SyntaxError& e) {
  return e.type != SyntaxErrorType::kSyntaxError || e.message.ends_with("was never closed") ||
         e.message == "unexpected character after line continuation character" ||
         e.message == "unexpected EOF while parsing";
}

// Tokenizer errors whose offsets CPython's parser computes in bytes and converts to characters
// only when the source declares its encoding.
bool HasByteOffset(const SyntaxError& e) {
  return e.message.ends_with("was never closed") ||
         e.message == "unexpected character after line continuation character" ||
         e.message == "unindent does not match any outer indentation level" ||
         e.message.starts_with("(unicode error)");
}

// The end_offset CPython gives an error its parser raises for a tokenizer status: -1 where it
// uses RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR (at the error token, which has no end
// column), else 0 (RAISE_ERROR_KNOWN_LOCATION with no end column).
int StatusErrorEndOffset(const SyntaxError& e) {
  if (e.message == "unexpected EOF while parsing" ||
      e.message == "unindent does not match any outer indentation level") {
    return -1;
  }
  return 0;
}

}  // namespace

void Parser::TokenizerFailed() {
  tokenizer_failed_ = true;
  if (error_) return;
  error_ = *tokenizer_.error();
  if (offsets_in_chars_ && HasByteOffset(*error_) && error_->offset > 0) {
    int byte_col = error_->offset - 1;
    error_.reset();
    const SyntaxError& e = *tokenizer_.error();
    RaiseLocation(e.type, e.lineno, byte_col, e.end_lineno, kZeroEnd, e.message);
  }
  if (IsStatusError(*error_)) {
    error_->end_offset = StatusErrorEndOffset(*error_);
  } else if (error_->message.starts_with("(unicode error)")) {
    error_->end_offset = -1;  // raise_decode_error: RAISE_SYNTAX_ERROR at the error token
  }
  tokenizer_error_ = true;
}

void Parser::CheckRestOfSourceForTokenizerErrors() {
  // _PyPegen_tokenize_full_source_to_check_for_errors.
  int error_line = tokens_.empty() ? 0 : tokens_.back().lineno;
  Token t;
  while (true) {
    if (!tokenizer_.Next(&t)) {
      const SyntaxError& e = *tokenizer_.error();
      if (!IsStatusError(e)) {
        error_.reset();
        TokenizerFailed();
        return;
      }
      const auto& open = tokenizer_.open_brackets();
      if (!open.empty() && error_line > open.back().lineno) {
        const Tokenizer::OpenBracket& b = open.back();
        error_.reset();
        RaiseLocation(SyntaxErrorType::kSyntaxError, b.lineno, b.col_offset, b.lineno, kZeroEnd,
                      std::string("'") + b.bracket + "' was never closed");
        tokenizer_error_ = true;
      }
      return;
    }
    if (t.kind == TokenKind::kEndMarker) return;
  }
}

std::variant<ast::ModNode*, SyntaxError> Parser::Run() {
  void* result = RunPasses([this]() -> void* {
    switch (mode_) {
      case ParseMode::kEval:
        return EvalRule();
      case ParseMode::kSingle:
        return InteractiveRule();
      case ParseMode::kExec:
        break;
    }
    return FileRule();
  });
  if (result != nullptr) {
    if (mode_ != ParseMode::kSingle || !BadSingleStatement()) {
      return static_cast<ast::ModNode*>(result);
    }
    RaiseSyntaxError("multiple statements found while compiling a single statement");
  }
  FinishError();
  return *error_;
}

bool Parser::BadSingleStatement() const {
  // Only blanks and comments may follow the tokenizer's cursor: just past the last token fetched
  // (past the "\n" of a NEWLINE).
  if (tokens_.empty()) return false;
  const Token& t = tokens_.back();
  if (NoColumn(t) && t.kind != TokenKind::kIndent && t.kind != TokenKind::kDedent) return false;
  const char* cur = t.text.data() + t.text.size();
  if (t.kind == TokenKind::kNewline) ++cur;
  const char* end = text_.data() + text_.size();
  if (cur < text_.data() || cur > end) return false;
  while (cur < end) {
    char c = *cur;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\f') {
      ++cur;
    } else if (c == '#') {
      while (cur < end && *cur != '\n') ++cur;
    } else {
      return true;
    }
  }
  return false;
}

std::string Parser::FStringErrorText() const {
  // CPython parses "(expr)\n" with a parser of its own and shows the line its tokenizer is on
  // (that of the last token fetched), with the newline unless its tokenizer raised the error.
  int line = tokens_.empty() ? 1 : tokens_.back().end_lineno - fstring_lineno_ + 1;
  std::string text(tokenizer_.Line(line));
  if (!(tokenizer_error_ && error_ && !IsStatusError(*error_))) text += '\n';
  return text;
}

bool Parser::LineHasNewline(int lineno) const {
  int lines = static_cast<int>(std::count(text_.begin(), text_.end(), '\n'));
  if (lineno < 1 || lineno > lines) return false;
  return !(lineno == lines && implicit_newline_ != nullptr);
}

void Parser::FinishError() {
  SyntaxError& e = *error_;
  bool current_line;
  if (!tokenizer_error_) {
    current_line = e.lineno >= error_tokenizer_line_;
  } else if (e.message.ends_with("was never closed")) {
    // Found at the end of input, where CPython's tokenizer stays on the last line.
    current_line = e.lineno == static_cast<int>(std::count(text_.begin(), text_.end(), '\n'));
  } else {
    // A status (or a decoding error) on the line being read, which CPython's parser reports;
    // errors CPython's tokenizer raises itself cut the newline.
    current_line = IsStatusError(e) || e.message.starts_with("(unicode error)");
  }
  e.text_has_newline = current_line && LineHasNewline(e.lineno);
  if (!tokenizer_error_ && current_line && !e.has_text && fstring_lineno_ == 0 && e.lineno >= 1 &&
      error_logical_line_start_ != nullptr &&
      error_logical_line_start_ < tokenizer_.Line(e.lineno).data()) {
    // CPython shows its tokenizer's buffer: from the line the logical line began on (before a
    // line continuation or multi-line string) to the end of the line being read.
    std::string_view last = tokenizer_.Line(error_tokenizer_line_);
    const char* end = last.data() + last.size();
    if (end < error_logical_line_start_) return;
    std::string text(error_logical_line_start_, end);
    if (LineHasNewline(error_tokenizer_line_)) text += '\n';
    e.text = std::move(text);
    e.has_text = true;
  }
}

std::variant<ast::ExprNode*, SyntaxError> Parser::RunFString() {
  // fstring: star_expressions
  void* result = RunPasses([this]() -> void* { return StarExpressions(); });
  if (result != nullptr) return static_cast<ast::ExprNode*>(result);
  return *error_;
}

void* Parser::RunPasses(const std::function<void*()>& parse) {
  void* result = parse();
  if (result != nullptr && !failed()) return result;

  if (!failed()) {
    // Second pass with the invalid_* rules, remembering where the first one got to.
    int last_index = fill() - 1;
    std::fill(memo_heads_.begin(), memo_heads_.end(), nullptr);
    mark_ = 0;
    invalid_rules_ = true;
    parse();
    if (!failed()) {
      const Token& last = tokens_[last_index];
      if (last.kind == TokenKind::kIndent || last.kind == TokenKind::kDedent) {
        RaiseSyntaxError(
            last.kind == TokenKind::kIndent ? "unexpected indent" : "unexpected unindent",
            SyntaxErrorType::kIndentationError);
      } else {
        RaiseAtToken(last, "invalid syntax");
      }
    }
  }
  if (!tokenizer_failed_) CheckRestOfSourceForTokenizerErrors();
  return nullptr;
}

std::variant<ast::ModNode*, SyntaxError> Parse(std::string_view source, Arena& arena,
                                               ParseMode mode, bool source_is_str) {
  std::string_view text;
  if (source_is_str) {
    text = arena.CopyString(DecodeStrSource(source).text);
  } else {
    auto decoded = DecodeSource(source);
    if (auto* error = std::get_if<SyntaxError>(&decoded)) return *error;
    // The tree's strings point into the decoded text, so it lives in the arena.
    text = arena.CopyString(std::get<DecodedSource>(decoded).text);
  }
  Parser parser(text, arena, source_is_str || HasEncodingDeclaration(source), mode);
  // CPython counts a BOM in offsets on line 1 only where it reads the line back from the file,
  // which it does for exec input alone.
  parser.bom_ =
      !source_is_str && mode == ParseMode::kExec && source.substr(0, 3) == "\xEF\xBB\xBF";
  // CPython adds the final newline to exec input only.
  if (mode != ParseMode::kExec &&
      (source.empty() || (source.back() != '\n' && source.back() != '\r'))) {
    parser.SetImplicitFinalNewline();
  }
  return parser.Run();
}

}  // namespace pyrite::parser
