// The parser's private interface: the Parser class shared by the parser_*.cc files.
//
// A hand-written PEG-style recursive-descent parser over a lazily filled token buffer, shaped
// after CPython 3.11's grammar (Grammar/python.gram) so that it fails at the same tokens and
// raises the same errors. Each rule function names the grammar rule it implements in a comment.
// Conventions:
//   - A rule returns its node, or nullptr when it does not match; on failure it leaves `mark_`
//     where it found it (callers may rely on that).
//   - An error (from the tokenizer, a forced token `&&'x'`, or an invalid_* rule) sets `error_`;
//     every rule returns nullptr as soon as `failed()` is true, unwinding the whole parse.
//   - Like CPython, parsing runs twice on bad input: a fast pass, then a pass with the invalid_*
//     rules enabled (`invalid_rules_`) that looks for a specific message. See parser_core.cc.
#ifndef PYRITE_PYTHON_PARSER_PARSER_INTERNAL_H_
#define PYRITE_PYTHON_PARSER_PARSER_INTERNAL_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "python/parser/arena.h"
#include "python/parser/ast_nodes.h"
#include "python/parser/parser.h"
#include "python/parser/syntax_error.h"
#include "python/parser/token.h"
#include "python/parser/tokenizer.h"

namespace pyrite::parser {

// Returns nullptr from the rule when an error has been raised (the parse is unwinding).
#define RETURN_IF_ERROR()         \
  do {                            \
    if (failed()) return nullptr; \
  } while (0)

// In the second pass, runs an invalid_* rule; returns nullptr from the calling rule if it raised,
// else restores the position.
#define TRY_INVALID(rule)           \
  do {                              \
    if (invalid_rules_) {           \
      int invalid_mark_ = mark_;    \
      rule();                       \
      if (failed()) return nullptr; \
      mark_ = invalid_mark_;        \
    }                               \
  } while (0)

// Rules whose results are memoised per start token (those CPython memoises, or that the
// backtracking would otherwise re-parse exponentially often).
enum class MemoRule : uint8_t {
  kExpression,
  kStarExpression,
  kDisjunction,
  kConjunction,
  kInversion,
  kBitwiseOr,
  kFactor,
  kAwaitPrimary,
  kPrimary,
  kAtom,
  kStrings,
  kArguments,
  kStarTarget,
  kTargetWithStarAtom,
  kTPrimary,
  kDelTarget,
  kSimpleStmt,
  kBlock,
  kClosedPattern,
  kStarPattern,
  kSlices,
  kNamedExpression,
  kCount
};

// One operator of a binary-operator precedence level.
struct BinaryLevel {
  TokenKind token;
  ast::OperatorKind op;
};

// Elements of parameter lists before they become an ast::Arguments.
struct NameDefaultPair {
  ast::Arg* arg;
  ast::ExprNode* value;  // nullptr: no default
};
struct StarEtc {
  ast::Arg* vararg = nullptr;
  std::vector<NameDefaultPair> kwonly;
  ast::Arg* kwarg = nullptr;
};
struct SlashWithDefault {
  std::vector<ast::Arg*> plain;
  std::vector<NameDefaultPair> with_defaults;
};

// A call's arguments before they become an ast::Call.
struct CallArgs {
  std::vector<ast::ExprNode*> args;
  std::vector<ast::Keyword*> keywords;
};

class Parser {
 public:
  using Location = ast::Location;

  Parser(std::string_view text, Arena& arena, bool offsets_in_chars, ParseMode mode);

  // Eval and single input that does not end in a newline: the text's last "\n" is not in what
  // CPython's tokenizer reads, which ends there.
  void SetImplicitFinalNewline() {
    implicit_newline_ = text_.empty() ? nullptr : text_.data() + text_.size() - 1;
    tokenizer_.SetFinalNewlineImplicit();
  }

  // Runs both passes and the final error checks, as CPython's _PyPegen_run_parser does.
  std::variant<ast::ModNode*, SyntaxError> Run();
  // The same for an f-string replacement field's "(expr)" (start rule: star_expressions).
  std::variant<ast::ExprNode*, SyntaxError> RunFString();
  // In the parser of an f-string expression that failed: CPython's `text` for the error.
  std::string FStringErrorText() const;
  // Parses `expr` of an f-string whose "(" stands at 1-based `lineno`, byte column `col`.
  ast::ExprNode* ParseFStringExpression(std::string_view expr, int lineno, int col);

  // --- Token buffer (parser_core.cc) ---------------------------------------------------------
  int mark() const { return mark_; }
  void reset(int mark) { mark_ = mark; }
  bool failed() const { return error_.has_value(); }
  // The token at `mark_`, fetched from the tokenizer if needed; nullptr on a tokenizer error.
  const Token* Peek();
  const Token* PeekAt(int index);
  TokenKind PeekKind();  // kEndMarker on error (check failed())
  // Consumes the next token if it has `kind`.
  const Token* Expect(TokenKind kind);
  bool Check(TokenKind kind) { return PeekKind() == kind; }
  // Soft keywords: a NAME with this text.
  const Token* ExpectSoftKeyword(std::string_view word);
  // `&&'x'`: the token must be there, or "expected 'x'" is raised at the next token.
  const Token* ExpectForced(TokenKind kind);
  const Token* LastToken() const { return &tokens_[mark_ - 1]; }
  const Token& token(int index) const { return tokens_[index]; }
  int fill() const { return static_cast<int>(tokens_.size()); }

  // Positions: a node starting at token `start` and ending at the last non-whitespace token
  // consumed (CPython's EXTRA).
  ast::Location LocFrom(int start) const;
  ast::Location LocSpan(const ast::Location& from, const ast::Location& to) const;

  // ','.item+ [',']: one or more items separated by commas, with an optional trailing comma when
  // `trailing_comma`. `item` returns the next item or nullptr. False when there is no first item
  // or an error was raised.
  template <typename T, typename F>
  bool CommaList(std::vector<T>* out, bool trailing_comma, F&& item) {
    T first = item();
    if (first == nullptr) return false;
    out->push_back(first);
    while (true) {
      int m = mark_;
      if (!Expect(TokenKind::kComma)) break;
      T next = item();
      if (failed()) return false;
      if (next == nullptr) {
        mark_ = m;
        if (trailing_comma) Expect(TokenKind::kComma);
        break;
      }
      out->push_back(next);
    }
    return !failed();
  }

  // --- Memoisation ----------------------------------------------------------------------------
  struct MemoEntry {
    void* node;
    int end;
    MemoRule rule;
    MemoEntry* next;
  };
  MemoEntry* FindMemo(MemoRule rule, int index);
  void StoreMemo(MemoRule rule, int index, void* node, int end);

  // --- Errors (parser_errors.cc) ----------------------------------------------------------------
  // RAISE_SYNTAX_ERROR: at the last token fetched.
  std::nullptr_t RaiseSyntaxError(std::string message,
                                  SyntaxErrorType type = SyntaxErrorType::kSyntaxError);
  std::nullptr_t RaiseIndentationError(std::string message) {
    return RaiseSyntaxError(std::move(message), SyntaxErrorType::kIndentationError);
  }
  // RAISE_SYNTAX_ERROR_KNOWN_LOCATION / _KNOWN_RANGE / _STARTING_FROM / _INVALID_TARGET.
  std::nullptr_t RaiseAt(const ast::Location& loc, std::string message,
                         SyntaxErrorType type = SyntaxErrorType::kSyntaxError);
  std::nullptr_t RaiseRange(const ast::Location& from, const ast::Location& to,
                            std::string message);
  std::nullptr_t RaiseStartingFrom(const ast::Location& from, std::string message);
  std::nullptr_t RaiseAtToken(const Token& token, std::string message,
                              SyntaxErrorType type = SyntaxErrorType::kSyntaxError);
  // Raises with explicit 1-based line and 0-based byte columns. end_byte_col may also be one of
  // the k*End values below.
  std::nullptr_t RaiseLocation(SyntaxErrorType type, int lineno, int byte_col, int end_lineno,
                               int end_byte_col, std::string message);
  // end_offset -1: CPython's _PyPegen_raise_error for a token without an end column.
  static constexpr int kMinusOneEnd = -1;
  // end_offset 0: RAISE_ERROR_KNOWN_LOCATION given an end column of -1 (it adds 1).
  static constexpr int kZeroEnd = -2;
  // RAISE_ERROR_KNOWN_LOCATION given CURRENT_POS: the end is where the tokenizer is.
  static constexpr int kCursorEnd = -6;
  // A token CPython gives no columns: INDENT, DEDENT, ENDMARKER, and in eval and single input
  // the NEWLINE at the implicit end of input.
  bool NoColumn(const Token& t) const;
  // Where CPython's tokenizer cursor is (byte column) after a NoColumn token.
  int CursorColumn(const Token& t) const;
  static Location TokenLoc(const Token& t) {
    return {t.lineno, t.col_offset, t.end_lineno, t.end_col_offset};
  }

  // --- Helpers (parser_helpers.cc) --------------------------------------------------------------
  Arena& arena() { return arena_; }
  template <typename T>
  ast::Seq<T> Seq(const std::vector<T>& items) {
    return ast::Seq<T>(arena_.CopySpan(std::span<const T>(items)));
  }
  ast::Identifier NewIdentifier(const Token& name);
  ast::Name* NameFromToken(const Token& name, ast::ExprContext ctx = ast::ExprContext::Load);
  ast::ExprNode* SetContext(ast::ExprNode* e, ast::ExprContext ctx);
  ast::Arguments* EmptyArguments();
  ast::Arguments* MakeArguments(std::vector<ast::Arg*>* slash_no_default,
                                SlashWithDefault* slash_with_default,
                                std::vector<ast::Arg*>* plain,
                                std::vector<NameDefaultPair>* with_default, StarEtc* star_etc);
  ast::Constant* NewConstant(const ast::ConstantValue& v, const Location& loc);
  // The invalid-target search of CPython's _PyPegen_get_invalid_target.
  enum class TargetsType { kStar, kDel, kFor };
  ast::ExprNode* GetInvalidTarget(ast::ExprNode* e, TargetsType type);
  std::nullptr_t RaiseInvalidTarget(ast::ExprNode* e, TargetsType type);
  const char* ExprName(const ast::ExprNode* e);

  // --- Statements (parser_stmt.cc) ------------------------------------------------------------
  ast::ModNode* FileRule();
  ast::ModNode* EvalRule();
  ast::ModNode* InteractiveRule();
  bool Statements(std::vector<ast::StmtNode*>* out);
  bool Statement(std::vector<ast::StmtNode*>* out);
  bool SimpleStmts(std::vector<ast::StmtNode*>* out);
  ast::StmtNode* SimpleStmt();
  ast::StmtNode* SimpleStmtUncached();
  ast::StmtNode* CompoundStmt();
  ast::StmtNode* Assignment();
  ast::ExprNode* AnnotatedRhs();
  ast::StmtNode* ReturnStmt();
  ast::StmtNode* RaiseStmt();
  ast::StmtNode* GlobalOrNonlocal(bool global);
  ast::StmtNode* DelStmt();
  ast::StmtNode* AssertStmt();
  ast::StmtNode* ImportStmt();
  ast::StmtNode* ImportName();
  ast::StmtNode* ImportFrom();
  bool ImportFromTargets(std::vector<ast::Alias*>* out);
  bool ImportFromAsNames(std::vector<ast::Alias*>* out);
  ast::Alias* ImportFromAsName();
  ast::Alias* DottedAsName();
  ast::ExprNode* DottedName();
  bool Block(ast::Seq<ast::StmtNode*>* out);
  bool BlockUncached(std::vector<ast::StmtNode*>* out);
  bool Decorators(std::vector<ast::ExprNode*>* out);
  ast::StmtNode* ClassDef();
  ast::StmtNode* ClassDefRaw();
  ast::StmtNode* FunctionDef();
  ast::StmtNode* FunctionDefRaw();
  ast::StmtNode* IfStmt(bool elif);
  bool ElseBlock(ast::Seq<ast::StmtNode*>* out);
  ast::StmtNode* WhileStmt();
  ast::StmtNode* ForStmt();
  ast::StmtNode* WithStmt();
  ast::WithItem* WithItem();
  ast::StmtNode* TryStmt();
  ast::ExceptHandlerNode* ExceptBlock(bool star);
  bool FinallyBlock(ast::Seq<ast::StmtNode*>* out);

  // --- Parameters (parser_params.cc) -----------------------------------------------------------
  ast::Arguments* Params(bool lambda);
  ast::Arguments* Parameters(bool lambda);
  bool SlashNoDefault(bool lambda, std::vector<ast::Arg*>* out);
  bool SlashWithDefaultRule(bool lambda, SlashWithDefault* out);
  bool StarEtcRule(bool lambda, StarEtc* out);
  ast::Arg* Kwds(bool lambda);
  ast::Arg* ParamNoDefault(bool lambda);
  ast::Arg* ParamNoDefaultStarAnnotation();
  bool ParamWithDefault(bool lambda, NameDefaultPair* out);
  bool ParamMaybeDefault(bool lambda, NameDefaultPair* out);
  ast::Arg* Param(bool lambda);
  ast::ExprNode* Default();
  bool ParamEnd(bool lambda);  // ',' or &')' (&':' for lambdas)

  // --- Expressions (parser_expr.cc) ------------------------------------------------------------
  template <ast::ExprNode* (Parser::*Item)()>
  ast::ExprNode* TupleOf();
  ast::ExprNode* Expressions();
  ast::ExprNode* Expression();
  ast::ExprNode* ExpressionUncached();
  ast::ExprNode* YieldExpr();
  ast::ExprNode* StarExpressions();
  ast::ExprNode* StarExpression();
  bool StarNamedExpressions(std::vector<ast::ExprNode*>* out);
  ast::ExprNode* StarNamedExpression();
  ast::ExprNode* AssignmentExpression();
  ast::ExprNode* NamedExpression();
  ast::ExprNode* NamedExpressionUncached();
  ast::ExprNode* BoolOpChain(TokenKind keyword, ast::BoolOpKind op,
                             ast::ExprNode* (Parser::*operand)());
  ast::ExprNode* Disjunction();
  ast::ExprNode* Conjunction();
  ast::ExprNode* Inversion();
  ast::ExprNode* Comparison();
  template <ast::ExprNode* (Parser::*Next)()>
  ast::ExprNode* BinaryChain(std::span<const BinaryLevel> ops);
  ast::ExprNode* BitwiseOr();
  ast::ExprNode* BitwiseXor();
  ast::ExprNode* BitwiseAnd();
  ast::ExprNode* ShiftExpr();
  ast::ExprNode* Sum();
  ast::ExprNode* Term();
  ast::ExprNode* Factor();
  ast::ExprNode* Power();
  ast::ExprNode* AwaitPrimary();
  ast::ExprNode* Primary();
  ast::ExprNode* PrimaryUncached();
  ast::ExprNode* Slices();
  ast::ExprNode* Slice();
  ast::ExprNode* Atom();
  ast::ExprNode* Group();
  ast::ExprNode* Lambdef();
  ast::ExprNode* ListOrListComp();
  ast::ExprNode* TupleGroupOrGenexp();
  ast::ExprNode* DictOrSet();
  ast::ExprNode* Tuple();
  ast::ExprNode* Genexp();
  template <typename Node>
  ast::ExprNode* ElementComprehension(TokenKind open, TokenKind close);
  ast::ExprNode* ListComp();
  ast::ExprNode* List();
  ast::ExprNode* SetComp();
  ast::ExprNode* Set();
  ast::ExprNode* Dict();
  ast::ExprNode* DictComp();
  bool DoubleStarredKvpairs(std::vector<ast::ExprNode*>* keys, std::vector<ast::ExprNode*>* values);
  bool Kvpair(ast::ExprNode** key, ast::ExprNode** value);
  bool ForIfClauses(std::vector<ast::Comprehension*>* out);
  ast::Comprehension* ForIfClause();
  bool Arguments(CallArgs* out);
  bool ArgumentsUncached(CallArgs* out);
  bool Args(CallArgs* out);
  bool Kwargs(std::vector<ast::ExprNode*>* starred, std::vector<ast::Keyword*>* keywords,
              std::vector<bool>* order_is_keyword);
  ast::ExprNode* StarredExpression();
  ast::ExprNode* Strings();
  ast::ExprNode* StringsUncached();
  ast::Call* MakeCall(ast::ExprNode* func, CallArgs* args, int start);

  // --- Targets (parser_targets.cc) -------------------------------------------------------------
  ast::ExprNode* StarTargets();
  bool StarTargetsListSeq(std::vector<ast::ExprNode*>* out);
  bool StarTargetsTupleSeq(std::vector<ast::ExprNode*>* out);
  ast::ExprNode* StarTarget();
  ast::ExprNode* TargetWithStarAtom();
  ast::ExprNode* StarAtom();
  ast::ExprNode* SingleTarget();
  ast::ExprNode* SingleSubscriptAttributeTarget();
  ast::ExprNode* TPrimary();
  ast::ExprNode* TPrimaryUncached();
  bool TLookahead();
  bool DelTargets(std::vector<ast::ExprNode*>* out);
  ast::ExprNode* DelTarget();
  ast::ExprNode* DelTAtom();

  // --- Patterns (parser_pattern.cc) ------------------------------------------------------------
  ast::StmtNode* MatchStmt();
  ast::ExprNode* SubjectExpr();
  ast::MatchCase* CaseBlock();
  ast::PatternNode* Patterns();
  ast::PatternNode* Pattern();
  ast::PatternNode* AsPattern();
  ast::PatternNode* OrPattern();
  ast::PatternNode* ClosedPattern();
  ast::PatternNode* ClosedPatternUncached();
  ast::PatternNode* LiteralPattern();
  ast::ExprNode* LiteralExpr();
  ast::ExprNode* ComplexNumber();
  ast::ExprNode* SignedNumber();
  ast::ExprNode* SignedRealNumber();
  ast::ExprNode* RealNumber();
  ast::ExprNode* ImaginaryNumber();
  ast::PatternNode* CapturePattern();
  ast::ExprNode* PatternCaptureTarget();
  ast::PatternNode* WildcardPattern();
  ast::PatternNode* ValuePattern();
  ast::ExprNode* Attr();
  ast::ExprNode* NameOrAttr();
  ast::PatternNode* GroupPattern();
  ast::PatternNode* SequencePattern();
  bool OpenSequencePattern(std::vector<ast::PatternNode*>* out);
  bool MaybeSequencePattern(std::vector<ast::PatternNode*>* out);
  ast::PatternNode* MaybeStarPattern();
  ast::PatternNode* StarPattern();
  ast::PatternNode* MappingPattern();
  bool ItemsPattern(std::vector<ast::ExprNode*>* keys, std::vector<ast::PatternNode*>* pats);
  ast::ExprNode* DoubleStarPattern();
  ast::PatternNode* ClassPattern();
  bool PositionalPatterns(std::vector<ast::PatternNode*>* out);
  bool KeywordPatterns(std::vector<ast::Identifier>* names, std::vector<ast::PatternNode*>* pats);

  // --- Strings (parser_strings.cc) -------------------------------------------------------------
  ast::ExprNode* ConcatenateStrings(int first, int last);
  ast::ExprNode* NumberFromToken(const Token& t);

  // --- invalid_* rules (parser_invalid*.cc) ----------------------------------------------------
  bool invalid_rules() const { return invalid_rules_; }
  ast::ExprNode* InvalidArguments();
  ast::ExprNode* InvalidKwarg();
  ast::ExprNode* InvalidExpression();
  ast::ExprNode* InvalidNamedExpression();
  ast::ExprNode* InvalidAssignment();
  ast::ExprNode* InvalidAnnAssignTarget();
  ast::ExprNode* InvalidDelStmt();
  ast::ExprNode* InvalidBlock();
  ast::ExprNode* InvalidComprehension();
  ast::ExprNode* InvalidDictComprehension();
  ast::ExprNode* InvalidParameters();
  ast::ExprNode* InvalidDefault();
  ast::ExprNode* InvalidStarEtc();
  ast::ExprNode* InvalidKwds();
  ast::ExprNode* InvalidLambdaParameters();
  ast::ExprNode* InvalidLambdaStarEtc();
  ast::ExprNode* InvalidLambdaKwds();
  ast::ExprNode* InvalidWithItem();
  ast::ExprNode* InvalidForTarget();
  ast::ExprNode* InvalidGroup();
  ast::ExprNode* InvalidImportFromTargets();
  ast::ExprNode* InvalidWithStmt();
  ast::ExprNode* InvalidWithStmtIndent();
  ast::ExprNode* InvalidTryStmt();
  ast::ExprNode* InvalidExceptStmt();
  ast::ExprNode* InvalidFinallyStmt();
  ast::ExprNode* InvalidExceptStmtIndent();
  ast::ExprNode* InvalidExceptStarStmtIndent();
  ast::ExprNode* InvalidMatchStmt();
  ast::ExprNode* InvalidCaseBlock();
  ast::ExprNode* InvalidAsPattern();
  ast::ExprNode* InvalidClassPattern();
  ast::ExprNode* InvalidIfStmt();
  ast::ExprNode* InvalidElifStmt();
  ast::ExprNode* InvalidElseStmt();
  ast::ExprNode* InvalidWhileStmt();
  ast::ExprNode* InvalidForStmt();
  ast::ExprNode* InvalidDefRaw();
  ast::ExprNode* InvalidClassDefRaw();
  ast::ExprNode* InvalidDoubleStarredKvpairs();
  ast::ExprNode* InvalidKvpair();
  ast::ExprNode* InvalidLegacyExpression();

  // Deep nesting guard: CPython's parser gives up at a fixed C stack depth with
  // "too many nested parentheses"-style errors; we count rule depth instead of native stack.
  struct DepthGuard {
    Parser* p;
    explicit DepthGuard(Parser* parser) : p(parser) { ++p->depth_; }
    ~DepthGuard() { --p->depth_; }
  };
  bool TooDeep();

 private:
  void* RunPasses(const std::function<void*()>& parse);
  bool FetchToken();
  // CPython's bad_single_statement: single input goes on after the statement parsed.
  bool BadSingleStatement() const;
  // Sets error_->text_has_newline before the error is handed out.
  void FinishError();
  // Whether line `lineno` ends in a newline in the text CPython's tokenizer reads.
  bool LineHasNewline(int lineno) const;
  void TokenizerFailed();
  void CheckRestOfSourceForTokenizerErrors();

  Arena& arena_;
  std::string_view text_;
  Tokenizer tokenizer_;
  bool offsets_in_chars_;
 public:
  bool bom_ = false;  // the source began with a UTF-8 BOM (error offsets on line 1 count it)
 private:
  ParseMode mode_;
  // Eval and single input not ending in a newline: the "\n" DecodeSource added, where CPython's
  // tokenizer finds the end of input instead (no NEWLINE token there in eval mode: ENDMARKER).
  const char* implicit_newline_ = nullptr;
  // Single input: CPython's parsing_started, which makes the end of input a NEWLINE token once
  // after any other token.
  bool parsing_started_ = false;
  // Whether error_ came from the tokenizer, and for parser errors, the line the tokenizer was on
  // (that of the last token fetched): they decide error_->text_has_newline.
  bool tokenizer_error_ = false;
  int error_tokenizer_line_ = 0;
  const char* error_logical_line_start_ = nullptr;  // the tokenizer's, when error_ was raised
  // A deque, so that the Token pointers rules hold stay valid while more tokens are fetched.
  std::deque<Token> tokens_;
  // Bracket nesting after each token (CPython's token->level), for invalid_expression.
  std::vector<int16_t> levels_;
  int level_ = 0;
  std::vector<MemoEntry*> memo_heads_;  // per start token: its memoised rule results
  Arena memo_pool_;
  int mark_ = 0;
  std::optional<SyntaxError> error_;
 public:
  bool invalid_rules_ = false;  // public: expression_without_invalid switches it off
 private:
  bool tokenizer_failed_ = false;
  bool tokenizer_at_eof_in_brackets_ = false;
  int depth_ = 0;
  // Nonzero in the parser of an f-string expression: where its "(" is in the file.
  int fstring_lineno_ = 0;
  int fstring_col_ = 0;
  std::vector<std::unique_ptr<CallArgs>> memo_args_;  // results memoised by Arguments()

  friend struct DepthGuard;
};

// Runs `parse` (a rule's body) once per start position and `rule`, replaying the stored result
// and end position afterwards (CPython's (memo) rules).
template <typename T, typename F>
T* Memoized(Parser* p, MemoRule rule, F&& parse) {
  int start = p->mark();
  if (Parser::MemoEntry* e = p->FindMemo(rule, start)) {
    p->reset(e->end);
    return static_cast<T*>(e->node);
  }
  T* result = parse();
  if (p->failed()) return nullptr;
  if (result == nullptr) p->reset(start);
  p->StoreMemo(rule, start, result, p->mark());
  return result;
}

}  // namespace pyrite::parser

#endif  // PYRITE_PYTHON_PARSER_PARSER_INTERNAL_H_
