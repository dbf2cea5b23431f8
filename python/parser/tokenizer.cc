// The tokenizer: one pass over the decoded text, a token at a time, following CPython 3.11's
// tok_get (Parser/tokenizer.c) for every decision that shows in positions or errors.
//
// Error positions follow the three ways CPython reports tokenizer errors:
//   - syntaxerror(): offset = characters from the line start to the cursor ("invalid decimal
//     literal", strings, brackets, invalid characters);
//   - pegen's tokenizer_error(): offsets from byte columns, which CPython converts to characters
//     only when the file declares an encoding. The common case (no declaration) is what is
//     reproduced here: byte offsets ("'(' was never closed", line continuation, unindent, EOF);
//   - fixed: TabError and "too many levels of indentation" at offset 1.
// INDENT, DEDENT and ENDMARKER carry as column what CPython's parser uses when it reports an
// error at them (they have no column of their own): the cursor's byte column, which for a
// DEDENT or ENDMARKER at EOF is just past the last line's newline.
#include "python/parser/tokenizer.h"

#include <array>
#include <cstdio>
#include <cstring>
#include <string>

#include "python/unicode/unicode.h"
#include "python/unicode/utf8.h"

namespace pyrite::parser {
namespace {

constexpr int kEof = -1;
constexpr int kTabSize = 8;

enum : uint8_t {
  kIdStart = 1,  // letters, '_', and every byte >= 128 (checked later against XID)
  kIdChar = 2,   // kIdStart and digits
  kDigit = 4,
  kHexDigit = 8,
  kBlank = 16,  // ' ', '\t', '\f' between tokens
};

constexpr std::array<uint8_t, 256> MakeClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    uint8_t v = 0;
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
    bool digit = c >= '0' && c <= '9';
    if (letter) v |= kIdStart | kIdChar;
    if (digit) v |= kIdChar | kDigit | kHexDigit;
    if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) v |= kHexDigit;
    if (c == ' ' || c == '\t' || c == '\f') v |= kBlank;
    t[c] = v;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kClass = MakeClasses();

inline bool Is(int c, uint8_t cls) { return c >= 0 && (kClass[c] & cls) != 0; }

// The cursor helpers CPython calls tok_nextc / tok_backup, for scans that stay on one line.
inline int NextChar(const char*& q, const char* end) {
  return q < end ? static_cast<unsigned char>(*q++) : kEof;
}
inline void Backup(const char*& q, int c) {
  if (c != kEof) --q;
}

// Keywords by length, then spelling.
TokenKind KeywordKind(const char* s, size_t n) {
  struct Keyword {
    std::string_view spelling;
    TokenKind kind;
  };
  static constexpr Keyword kKeywords[] = {
#define TOKEN(name, display)
#define OPERATOR(name, spelling)
#define KEYWORD(name, spelling) {spelling, TokenKind::k##name},
#include "python/parser/token_kinds.def"
#undef TOKEN
#undef OPERATOR
#undef KEYWORD
  };
  if (n < 2 || n > 8) return TokenKind::kName;
  char first = s[0];
  if (!((first >= 'a' && first <= 'z') || first == 'F' || first == 'N' || first == 'T')) {
    return TokenKind::kName;
  }
  for (const Keyword& k : kKeywords) {
    if (k.spelling.size() == n && k.spelling[0] == first &&
        std::memcmp(k.spelling.data(), s, n) == 0) {
      return k.kind;
    }
  }
  return TokenKind::kName;
}

}  // namespace

int ByteColumnToOffset(std::string_view line, int32_t byte_col) {
  if (byte_col < 0) return byte_col + 1;
  int chars = 0;
  for (int32_t i = 0; i < byte_col; ++i) {
    if (i >= static_cast<int32_t>(line.size()) ||
        (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) {
      ++chars;
    }
  }
  return chars + 1;
}

Tokenizer::Tokenizer(std::string_view text)
    : text_(text),
      begin_(text.data()),
      end_(text.data() + text.size()),
      p_(text.data()),
      line_start_(text.data()),
      buf_(text.data()) {
  line_starts_.reserve(text.size() / 32 + 2);
  line_starts_.push_back(0);
}

std::string_view Tokenizer::Line(int32_t lineno) const {
  if (lineno < 1) return {};
  size_t start;
  if (static_cast<size_t>(lineno) <= line_starts_.size()) {
    start = line_starts_[lineno - 1];
  } else {
    // Past what has been read: only error reporting comes here.
    start = line_starts_.back();
    for (size_t n = line_starts_.size(); n < static_cast<size_t>(lineno); ++n) {
      size_t nl = text_.find('\n', start);
      if (nl == std::string_view::npos || nl + 1 >= text_.size()) return {};
      start = nl + 1;
    }
  }
  if (start >= text_.size()) return {};
  size_t nl = text_.find('\n', start);
  return text_.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
}

void Tokenizer::AdvanceLine(const char* after_newline) {
  p_ = after_newline;
  // CPython counts a line when it reads it, so at EOF the last line stays current.
  if (p_ < end_) {
    ++lineno_;
    line_start_ = p_;
    line_starts_.push_back(static_cast<uint32_t>(p_ - begin_));
  }
}

int Tokenizer::CharsBetween(const char* from, const char* to) const {
  int n = 0;
  for (const char* q = from; q < to; ++q) {
    if ((static_cast<unsigned char>(*q) & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool Tokenizer::Fail(SyntaxErrorType type, std::string message, int32_t lineno, int offset) {
  SyntaxError e;
  e.type = type;
  e.message = std::move(message);
  e.lineno = lineno;
  e.offset = offset;
  e.end_lineno = lineno;
  e.end_offset = offset;
  error_ = std::move(e);
  return false;
}

bool Tokenizer::FailAtCursor(std::string message, const char* cursor) {
  return Fail(SyntaxErrorType::kSyntaxError, std::move(message), lineno_,
              CharsBetween(line_start_, cursor));
}

bool Tokenizer::FailUnclosed() {
  const OpenBracket& b = open_brackets_.back();
  return Fail(SyntaxErrorType::kSyntaxError, std::string("'") + b.bracket + "' was never closed",
              b.lineno, b.col_offset + 1);
}

void Tokenizer::Emit(Token* token, TokenKind kind, const char* start, int32_t lineno,
                     const char* line_start) {
  token->kind = kind;
  token->lineno = lineno;
  token->col_offset = static_cast<int32_t>(start - line_start);
  token->end_lineno = lineno_;
  token->end_col_offset = static_cast<int32_t>(p_ - line_start_);
  token->text = std::string_view(start, p_ - start);
  last_kind_ = kind;
}

// The indentation of a new line: INDENT/DEDENT bookkeeping with CPython's tab rules (tabs to
// multiples of 8, checked against tabs as 1 column for consistency) and form feeds.
//
// A backslash continuation inside the indentation goes on reading it on the next line, but the
// column where the first backslash stood is the line's indentation (unless that was column 0).
bool Tokenizer::ScanIndentation() {
  int col = 0;
  int altcol = 0;
  int cont_line_col = 0;
  const char* q = p_;
  for (; q < end_; ++q) {
    char c = *q;
    if (c == ' ') {
      ++col;
      ++altcol;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      ++altcol;
    } else if (c == '\f') {
      col = altcol = 0;
    } else if (c == '\\') {
      if (cont_line_col == 0) cont_line_col = col;
      p_ = q;
      if (!ContinueLine()) return false;
      buf_ = line_start_;  // read with no token started: CPython's tok->buf moves
      q = p_ - 1;
    } else {
      break;
    }
  }
  p_ = q;
  if (cont_line_col != 0) col = altcol = cont_line_col;
  if (q == end_) {
    col = altcol = 0;  // EOF sits at column 0 (the decoded text always ends with "\n")
  } else if (*q == '#' || (*q == '\n' && !(final_newline_implicit_ && q == end_ - 1))) {
    return true;  // blank or comment-only line: no effect on indentation
  }
  if (!open_brackets_.empty()) return true;
  auto tab_error = [this] {
    return Fail(SyntaxErrorType::kTabError, "inconsistent use of tabs and spaces in indentation",
                lineno_, 1);
  };
  if (col == indstack_[indent_]) {
    if (altcol != altindstack_[indent_]) return tab_error();
  } else if (col > indstack_[indent_]) {
    if (indent_ + 1 >= kMaxIndent) {
      return Fail(SyntaxErrorType::kIndentationError, "too many levels of indentation", lineno_, 1);
    }
    if (altcol <= altindstack_[indent_]) return tab_error();
    ++pending_;
    indstack_[++indent_] = col;
    altindstack_[indent_] = altcol;
  } else {
    while (indent_ > 0 && col < indstack_[indent_]) {
      --pending_;
      --indent_;
    }
    if (col != indstack_[indent_]) {
      // Reported with the cursor at the end of the line, newline included.
      const char* nl = static_cast<const char*>(std::memchr(p_, '\n', end_ - p_));
      const char* line_end = nl ? nl + 1 : end_;
      if (final_newline_implicit_ && line_end == end_ && nl != nullptr) line_end = nl;
      return Fail(SyntaxErrorType::kIndentationError,
                  "unindent does not match any outer indentation level", lineno_,
                  static_cast<int>(line_end - line_start_));
    }
    if (altcol != altindstack_[indent_]) return tab_error();
  }
  return true;
}

bool Tokenizer::Next(Token* token) {
  if (error_) return false;
  if (done_) {
    *token = endmarker_;
    return true;
  }
  for (;;) {  // a new physical line
    bool blankline = false;
    if (atbol_) {
      atbol_ = false;
      buf_ = line_start_;
      if (!ScanIndentation()) return false;
      blankline = p_ < end_ && (*p_ == '#' || *p_ == '\n');
    }
    if (pending_ != 0) {
      TokenKind kind = pending_ < 0 ? TokenKind::kDedent : TokenKind::kIndent;
      pending_ += pending_ < 0 ? 1 : -1;
      Emit(token, kind, p_, lineno_, line_start_);
      return true;
    }
    for (;;) {  // after a line continuation, the same logical line goes on
      while (p_ < end_ && Is(static_cast<unsigned char>(*p_), kBlank)) ++p_;
      const char* start = p_;
      if (p_ < end_ && *p_ == '#') {
        const char* nl = static_cast<const char*>(std::memchr(p_, '\n', end_ - p_));
        p_ = nl ? nl : end_;
      }
      if (p_ == end_) {
        if (!open_brackets_.empty()) return FailUnclosed();
        // Text without a final newline (never so after DecodeSource) still ends its line.
        if (last_kind_ != TokenKind::kNewline && last_kind_ != TokenKind::kIndent &&
            last_kind_ != TokenKind::kDedent) {
          Emit(token, TokenKind::kNewline, p_, lineno_, line_start_);
          atbol_ = true;
          return true;
        }
        if (indent_ > 0) {
          atbol_ = true;
          break;  // the DEDENTs first
        }
        Emit(token, TokenKind::kEndMarker, p_, lineno_, line_start_);
        endmarker_ = *token;
        done_ = true;
        return true;
      }
      const int c = static_cast<unsigned char>(*p_);
      if (Is(c, kIdStart)) return ScanName(token, start);
      if (c == '\n') {
        atbol_ = true;
        if (blankline || !open_brackets_.empty()) {
          AdvanceLine(p_ + 1);
          break;
        }
        // CPython leaves the "\n" out of the token's text; after a comment, the token starts
        // at its "#" (the comment is the text).
        Emit(token, TokenKind::kNewline, start, lineno_, line_start_);
        AdvanceLine(p_ + 1);
        return true;
      }
      if (Is(c, kDigit)) return ScanNumber(token, start, false);
      if (c == '.') {
        if (p_ + 1 < end_ && Is(static_cast<unsigned char>(p_[1]), kDigit)) {
          return ScanNumber(token, start, true);
        }
        if (p_ + 2 < end_ && p_[1] == '.' && p_[2] == '.') {
          p_ += 3;
          Emit(token, TokenKind::kEllipsis, start, lineno_, line_start_);
        } else {
          ++p_;
          Emit(token, TokenKind::kDot, start, lineno_, line_start_);
        }
        return true;
      }
      if (c == '"' || c == '\'') return ScanString(token, start);
      if (c == '\\') {
        if (!ContinueLine()) return false;
        continue;
      }
      return ScanOperator(token, start);
    }
  }
}

// A backslash at p_: it must end the line, and the text must go on after it.
bool Tokenizer::ContinueLine() {
  const char* q = p_ + 1;
  int next = NextChar(q, end_);
  if (next == '\n' && final_newline_implicit_ && q == end_) {
    --q;  // CPython finds the end of input after the backslash: nothing to step past
    next = kEof;
  }
  if (next != '\n') {
    // pegen reports it just past the character after the backslash, as a byte column counted
    // from tok->buf (which may be an earlier line).
    return Fail(SyntaxErrorType::kSyntaxError,
                "unexpected character after line continuation character", lineno_,
                static_cast<int>(q - buf_));
  }
  if (q == end_) {
    p_ = q;
    if (!open_brackets_.empty()) return FailUnclosed();
    return Fail(SyntaxErrorType::kSyntaxError, "unexpected EOF while parsing", lineno_,
                static_cast<int>(q - line_start_));
  }
  AdvanceLine(q);
  return true;
}

bool Tokenizer::ScanName(Token* token, const char* start) {
  // String prefixes: any order of b/r, u alone, f/r; "ur" is not one.
  bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
  const char* q = p_;
  while (q < end_) {
    char c = *q;
    if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
      saw_b = true;
    } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
      saw_u = true;
    } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
      saw_r = true;
    } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
      saw_f = true;
    } else {
      break;
    }
    ++q;
    if (q < end_ && (*q == '"' || *q == '\'')) {
      p_ = q;
      return ScanString(token, start);
    }
  }
  bool nonascii = false;
  while (q < end_) {
    auto c = static_cast<unsigned char>(*q);
    if (!(kClass[c] & kIdChar)) break;
    nonascii |= c >= 128;
    ++q;
  }
  p_ = q;
  if (nonascii && !VerifyIdentifier(start)) return false;
  Emit(token, KeywordKind(start, q - start), start, lineno_, line_start_);
  return true;
}

// PEP 3131: the identifier must be UTF-8, start with XID_Start or '_' and go on with
// XID_Continue. The error points just past the first offending character.
bool Tokenizer::VerifyIdentifier(const char* start) {
  const std::string_view name(start, p_ - start);
  // Decode everything first: CPython decodes the whole identifier before checking it.
  std::string message;
  for (size_t q = 0; q < name.size();) {
    char32_t cp;
    int len = unicode::DecodeStrict(name, q, &cp, &message);
    if (len == 0) {
      return Fail(SyntaxErrorType::kSyntaxError, "(unicode error) " + message, lineno_,
                  static_cast<int>(p_ - line_start_));
    }
    q += len;
  }
  bool first = true;
  for (size_t q = 0; q < name.size();) {
    char32_t cp;
    int len = unicode::DecodeStrict(name, q, &cp, &message);
    bool ok = cp < 128
                  ? (first ? Is(static_cast<int>(cp), kIdStart) : Is(static_cast<int>(cp), kIdChar))
                  : (first ? unicode::IsXidStart(cp) : unicode::IsXidContinue(cp));
    q += len;
    if (!ok) {
      const char* cursor = start + q;
      char hex[16];
      std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(cp));
      std::string text;
      if (unicode::IsPrintable(cp)) {
        std::string ch;
        unicode::AppendUtf8(ch, cp);
        text = "invalid character '" + ch + "' (U+" + hex + ")";
      } else {
        text = std::string("invalid non-printable character U+") + hex;
      }
      return FailAtCursor(std::move(text), cursor);
    }
    first = false;
  }
  return true;
}

// verify_end_of_number: a literal directly followed by a letter is an error, except before the
// keywords that can follow a number in valid code (and, else, for, if, in, is, not, or), which
// CPython only warns about.
bool Tokenizer::VerifyEndOfNumber(const char*& q, int c, const char* kind) {
  // `q` is just past `c`.
  auto lookahead = [&](std::string_view rest) {
    if (static_cast<size_t>(end_ - q) < rest.size() || std::memcmp(q, rest.data(), rest.size())) {
      return false;
    }
    const char* after = q + rest.size();
    return after == end_ || !Is(static_cast<unsigned char>(*after), kIdChar);
  };
  bool keyword = false;
  switch (c) {
    case 'a':
      keyword = lookahead("nd");
      break;
    case 'e':
      keyword = lookahead("lse");
      break;
    case 'f':
      keyword = lookahead("or");
      break;
    case 'o':
      keyword = lookahead("r");
      break;
    case 'n':
      keyword = lookahead("ot");
      break;
    case 'i':
      keyword = q < end_ && (*q == 'f' || *q == 'n' || *q == 's');
      break;
    default:
      break;
  }
  if (keyword) return true;
  // 3.11 checks the raw byte: a non-ASCII letter (or any byte >= 128) is an error too.
  if (Is(c, kIdChar)) {
    Backup(q, c);
    return FailAtCursor(std::string("invalid ") + kind + " literal", q);
  }
  return true;
}

// Numbers as tok_get reads them; the gotos mirror its shared fraction/exponent/imaginary tails.
bool Tokenizer::ScanNumber(Token* token, const char* start, bool after_dot) {
  const char* q = p_;
  int c;
  int e;
  // tok_decimal_tail: digits with single underscores between them; -2 on error.
  auto decimal_tail = [&]() -> int {
    for (;;) {
      do {
        c = NextChar(q, end_);
      } while (Is(c, kDigit));
      if (c != '_') return c;
      c = NextChar(q, end_);
      if (!Is(c, kDigit)) {
        Backup(q, c);
        FailAtCursor("invalid decimal literal", q);
        return -2;
      }
    }
  };
  if (after_dot) {
    q += 1;  // the '.'
    c = NextChar(q, end_);
    goto fraction;
  }
  c = NextChar(q, end_);
  if (c == '0') {
    c = NextChar(q, end_);
    if (c == 'x' || c == 'X') {
      c = NextChar(q, end_);
      do {
        if (c == '_') c = NextChar(q, end_);
        if (!Is(c, kHexDigit)) {
          Backup(q, c);
          return FailAtCursor("invalid hexadecimal literal", q);
        }
        do {
          c = NextChar(q, end_);
        } while (Is(c, kHexDigit));
      } while (c == '_');
      if (!VerifyEndOfNumber(q, c, "hexadecimal")) return false;
    } else if (c == 'o' || c == 'O' || c == 'b' || c == 'B') {
      const bool octal = c == 'o' || c == 'O';
      const char* kind = octal ? "octal" : "binary";
      const int limit = octal ? '8' : '2';
      auto bad_digit = [&](int d) {
        return FailAtCursor(
            std::string("invalid digit '") + static_cast<char>(d) + "' in " + kind + " literal", q);
      };
      c = NextChar(q, end_);
      do {
        if (c == '_') c = NextChar(q, end_);
        if (c < '0' || c >= limit) {
          if (Is(c, kDigit)) return bad_digit(c);
          Backup(q, c);
          return FailAtCursor(std::string("invalid ") + kind + " literal", q);
        }
        do {
          c = NextChar(q, end_);
        } while (c >= '0' && c < limit);
      } while (c == '_');
      if (Is(c, kDigit)) return bad_digit(c);
      if (!VerifyEndOfNumber(q, c, kind)) return false;
    } else {
      bool nonzero = false;
      for (;;) {
        if (c == '_') {
          c = NextChar(q, end_);
          if (!Is(c, kDigit)) {
            Backup(q, c);
            return FailAtCursor("invalid decimal literal", q);
          }
        }
        if (c != '0') break;
        c = NextChar(q, end_);
      }
      const char* zeros_end = q - 1;  // at `c`, the first character after the zeros
      if (Is(c, kDigit)) {
        nonzero = true;
        if ((c = decimal_tail()) == -2) return false;
      }
      if (c == '.') {
        c = NextChar(q, end_);
        goto fraction;
      }
      if (c == 'e' || c == 'E') goto exponent;
      if (c == 'j' || c == 'J') goto imaginary;
      if (nonzero) {
        // syntaxerror_known_range: byte columns, from just past the first digit to just past
        // the leading zeros (and their underscores).
        Fail(SyntaxErrorType::kSyntaxError,
             "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
             "octal integers",
             lineno_, static_cast<int>(start + 1 - line_start_));
        error_->end_offset = static_cast<int>(zeros_end - line_start_) + 1;
        return false;
      }
      if (!VerifyEndOfNumber(q, c, "decimal")) return false;
    }
  } else {
    if ((c = decimal_tail()) == -2) return false;
    if (c == '.') {
      c = NextChar(q, end_);
    fraction:
      if (Is(c, kDigit)) {
        if ((c = decimal_tail()) == -2) return false;
      }
    }
    if (c == 'e' || c == 'E') {
    exponent:
      e = c;
      c = NextChar(q, end_);
      if (c == '+' || c == '-') {
        c = NextChar(q, end_);
        if (!Is(c, kDigit)) {
          Backup(q, c);
          return FailAtCursor("invalid decimal literal", q);
        }
      } else if (!Is(c, kDigit)) {
        Backup(q, c);
        if (!VerifyEndOfNumber(q, e, "decimal")) return false;
        Backup(q, e);
        p_ = q;
        Emit(token, TokenKind::kNumber, start, lineno_, line_start_);
        return true;
      }
      if ((c = decimal_tail()) == -2) return false;
    }
    if (c == 'j' || c == 'J') {
    imaginary:
      c = NextChar(q, end_);
      if (!VerifyEndOfNumber(q, c, "imaginary")) return false;
    } else if (!VerifyEndOfNumber(q, c, "decimal")) {
      return false;
    }
  }
  Backup(q, c);
  p_ = q;
  Emit(token, TokenKind::kNumber, start, lineno_, line_start_);
  return true;
}

// A string from its prefix (`start`) and opening quote (at p_) to the closing quote. Only the
// extent is found here; escapes are the literal parser's.
bool Tokenizer::ScanString(Token* token, const char* start) {
  const int32_t first_lineno = lineno_;
  const char* first_line_start = line_start_;
  const char quote = *p_++;
  int quote_size = 1;
  int end_quote_size = 0;
  if (p_ < end_ && *p_ == quote) {
    if (p_ + 1 < end_ && p_[1] == quote) {
      quote_size = 3;
      p_ += 2;
    } else {
      end_quote_size = 1;  // the empty string
      p_ += 1;
    }
  }
  while (end_quote_size != quote_size) {
    if (p_ == end_ || (quote_size == 1 && *p_ == '\n')) {
      const int32_t detected = lineno_;
      return Fail(SyntaxErrorType::kSyntaxError,
                  std::string(quote_size == 3 ? "unterminated triple-quoted string literal"
                                              : "unterminated string literal") +
                      " (detected at line " + std::to_string(detected) + ")",
                  first_lineno, CharsBetween(first_line_start, start + 1));
    }
    char c = *p_;
    if (c == quote) {
      ++end_quote_size;
      ++p_;
      continue;
    }
    end_quote_size = 0;
    if (c == '\n') {
      AdvanceLine(p_ + 1);
      continue;
    }
    ++p_;
    if (c == '\\' && p_ < end_) {
      if (*p_ == '\n') {
        AdvanceLine(p_ + 1);
      } else {
        ++p_;
      }
    }
  }
  Emit(token, TokenKind::kString, start, first_lineno, first_line_start);
  return true;
}

bool Tokenizer::ScanOperator(Token* token, const char* start) {
  const char c = *p_;
  const char c2 = p_ + 1 < end_ ? p_[1] : '\0';
  const char c3 = p_ + 2 < end_ ? p_[2] : '\0';
  TokenKind kind;
  int len = 1;
  // One character, optionally followed by '=' (the augmented form).
  auto with_eq = [&](TokenKind plain, TokenKind eq) {
    if (c2 == '=') {
      len = 2;
      return eq;
    }
    return plain;
  };
  switch (c) {
    case '(':
    case '[':
    case '{':
      if (static_cast<int>(open_brackets_.size()) >= kMaxLevel) {
        return FailAtCursor("too many nested parentheses", p_ + 1);
      }
      open_brackets_.push_back({c, lineno_, static_cast<int32_t>(p_ - line_start_)});
      kind = c == '(' ? TokenKind::kLpar : c == '[' ? TokenKind::kLsqb : TokenKind::kLbrace;
      break;
    case ')':
    case ']':
    case '}': {
      if (open_brackets_.empty()) {
        return FailAtCursor(std::string("unmatched '") + c + "'", p_ + 1);
      }
      OpenBracket open = open_brackets_.back();
      open_brackets_.pop_back();
      char expected = open.bracket == '(' ? ')' : open.bracket == '[' ? ']' : '}';
      if (c != expected) {
        std::string message = std::string("closing parenthesis '") + c +
                              "' does not match opening parenthesis '" + open.bracket + "'";
        if (open.lineno != lineno_) message += " on line " + std::to_string(open.lineno);
        return FailAtCursor(std::move(message), p_ + 1);
      }
      kind = c == ')' ? TokenKind::kRpar : c == ']' ? TokenKind::kRsqb : TokenKind::kRbrace;
      break;
    }
    case ':':
      kind = c2 == '=' ? (len = 2, TokenKind::kColonEqual) : TokenKind::kColon;
      break;
    case ',':
      kind = TokenKind::kComma;
      break;
    case ';':
      kind = TokenKind::kSemi;
      break;
    case '~':
      kind = TokenKind::kTilde;
      break;
    case '+':
      kind = with_eq(TokenKind::kPlus, TokenKind::kPlusEqual);
      break;
    case '-':
      kind = c2 == '>' ? (len = 2, TokenKind::kRarrow)
                       : with_eq(TokenKind::kMinus, TokenKind::kMinEqual);
      break;
    case '*':
      if (c2 == '*') {
        len = c3 == '=' ? 3 : 2;
        kind = c3 == '=' ? TokenKind::kDoubleStarEqual : TokenKind::kDoubleStar;
      } else {
        kind = with_eq(TokenKind::kStar, TokenKind::kStarEqual);
      }
      break;
    case '/':
      if (c2 == '/') {
        len = c3 == '=' ? 3 : 2;
        kind = c3 == '=' ? TokenKind::kDoubleSlashEqual : TokenKind::kDoubleSlash;
      } else {
        kind = with_eq(TokenKind::kSlash, TokenKind::kSlashEqual);
      }
      break;
    case '<':
      if (c2 == '<') {
        len = c3 == '=' ? 3 : 2;
        kind = c3 == '=' ? TokenKind::kLeftShiftEqual : TokenKind::kLeftShift;
      } else if (c2 == '>') {
        // CPython's NOTEQUAL spelled "<>": the parser rejects it by its text (PEP 401).
        len = 2;
        kind = TokenKind::kNotEqual;
      } else {
        kind = with_eq(TokenKind::kLess, TokenKind::kLessEqual);
      }
      break;
    case '>':
      if (c2 == '>') {
        len = c3 == '=' ? 3 : 2;
        kind = c3 == '=' ? TokenKind::kRightShiftEqual : TokenKind::kRightShift;
      } else {
        kind = with_eq(TokenKind::kGreater, TokenKind::kGreaterEqual);
      }
      break;
    case '=':
      kind = with_eq(TokenKind::kEqual, TokenKind::kEqEqual);
      break;
    case '!':
      kind = with_eq(TokenKind::kExclamation, TokenKind::kNotEqual);
      break;
    case '%':
      kind = with_eq(TokenKind::kPercent, TokenKind::kPercentEqual);
      break;
    case '^':
      kind = with_eq(TokenKind::kCircumflex, TokenKind::kCircumflexEqual);
      break;
    case '&':
      kind = with_eq(TokenKind::kAmper, TokenKind::kAmperEqual);
      break;
    case '|':
      kind = with_eq(TokenKind::kVbar, TokenKind::kVbarEqual);
      break;
    case '@':
      kind = with_eq(TokenKind::kAt, TokenKind::kAtEqual);
      break;
    default: {
      auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u == 0x7F) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "%04X", u);
        return FailAtCursor(std::string("invalid non-printable character U+") + hex, p_ + 1);
      }
      // '$', '?', '`': CPython's generic OP, which no grammar rule accepts. Exclamation is the
      // one kind with that property outside f-strings; the text tells them apart.
      kind = TokenKind::kExclamation;
      break;
    }
  }
  p_ += len;
  Emit(token, kind, start, lineno_, line_start_);
  return true;
}

}  // namespace pyrite::parser
