// Tests for the tokenizer: token kinds, texts and positions, and the errors CPython 3.11 gives for
// the same source (expected values taken from /usr/bin/python3.11's ast.parse).
#include "python/parser/tokenizer.h"

#include <string>
#include <variant>
#include <vector>

#include "gtest/gtest.h"
#include "python/parser/source.h"

namespace pyrite::parser {
namespace {

// Decodes `bytes` as compile() would and tokenizes to the end: one "KIND l:c-l:c text" line per
// token, or the error as "Type lineno offset message".
struct Result {
  std::vector<std::string> tokens;
  std::string error;
};

Result Tokenize(std::string_view bytes, bool decode = true) {
  Result r;
  std::string text;
  if (decode) {
    auto d = DecodeSource(bytes);
    if (auto* e = std::get_if<SyntaxError>(&d)) {
      r.error = std::string(SyntaxErrorTypeName(e->type)) + " " + std::to_string(e->lineno) + " " +
                std::to_string(e->offset) + " " + e->message;
      return r;
    }
    text = std::get<DecodedSource>(d).text;
  } else {
    text = std::string(bytes);
  }
  Tokenizer t(text);
  Token tok;
  for (int guard = 0; guard < 100000; ++guard) {
    if (!t.Next(&tok)) {
      const SyntaxError& e = *t.error();
      r.error = std::string(SyntaxErrorTypeName(e.type)) + " " + std::to_string(e.lineno) + " " +
                std::to_string(e.offset) + " " + e.message;
      return r;
    }
    std::string line = std::string(TokenKindName(tok.kind)) + " " + std::to_string(tok.lineno) +
                       ":" + std::to_string(tok.col_offset) + "-" + std::to_string(tok.end_lineno) +
                       ":" + std::to_string(tok.end_col_offset);
    if (!tok.text.empty()) line += " " + std::string(tok.text);
    r.tokens.push_back(line);
    if (tok.kind == TokenKind::kEndMarker) break;
  }
  return r;
}

std::vector<std::string> Tokens(std::string_view bytes) {
  Result r = Tokenize(bytes);
  EXPECT_EQ(r.error, "") << bytes;
  return r.tokens;
}

std::string Error(std::string_view bytes) { return Tokenize(bytes).error; }

using V = std::vector<std::string>;

TEST(TokenizerTest, SimpleStatement) {
  EXPECT_EQ(Tokens("x = 1\n"), (V{"NAME 1:0-1:1 x", "= 1:2-1:3 =", "NUMBER 1:4-1:5 1",
                                  "NEWLINE 1:5-1:5", "ENDMARKER 1:6-1:6"}));
}

TEST(TokenizerTest, NewlineAfterCommentStartsAtTheComment) {
  // CPython's NEWLINE token starts at the "#" and ends at the "\n": errors placed on it say so.
  EXPECT_EQ(Tokens("x  # c\n"), (V{"NAME 1:0-1:1 x", "NEWLINE 1:3-1:6 # c", "ENDMARKER 1:7-1:7"}));
}

TEST(TokenizerTest, MissingFinalNewlineIsAddedByDecoding) {
  EXPECT_EQ(Tokens("x"), (V{"NAME 1:0-1:1 x", "NEWLINE 1:1-1:1", "ENDMARKER 1:2-1:2"}));
}

TEST(TokenizerTest, UndecodedTextWithoutNewlineStillEnds) {
  Result r = Tokenize("if x:\n  y", /*decode=*/false);
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.tokens, (V{"if 1:0-1:2 if", "NAME 1:3-1:4 x", ": 1:4-1:5 :", "NEWLINE 1:5-1:5",
                         "INDENT 2:2-2:2", "NAME 2:2-2:3 y", "NEWLINE 2:3-2:3", "DEDENT 2:3-2:3",
                         "ENDMARKER 2:3-2:3"}));
  EXPECT_EQ(Tokenize("", false).tokens, (V{"ENDMARKER 1:0-1:0"}));
}

TEST(TokenizerTest, EmptyAndBlankSources) {
  EXPECT_EQ(Tokens(""), (V{"ENDMARKER 1:1-1:1"}));
  EXPECT_EQ(Tokens("\n\n# comment\n   \n"), (V{"ENDMARKER 4:4-4:4"}));
}

TEST(TokenizerTest, IndentDedentAndEndOfInput) {
  // DEDENTs at EOF stay on the last line, just past its newline, as CPython's tokenizer has them.
  EXPECT_EQ(Tokens("if x:\n    y\n\n  # c\nz\n"),
            (V{"if 1:0-1:2 if", "NAME 1:3-1:4 x", ": 1:4-1:5 :", "NEWLINE 1:5-1:5",
               "INDENT 2:4-2:4", "NAME 2:4-2:5 y", "NEWLINE 2:5-2:5", "DEDENT 5:0-5:0",
               "NAME 5:0-5:1 z", "NEWLINE 5:1-5:1", "ENDMARKER 5:2-5:2"}));
  EXPECT_EQ(Tokens("class A:\n  def f():\n    pass\n"),
            (V{"class 1:0-1:5 class", "NAME 1:6-1:7 A", ": 1:7-1:8 :", "NEWLINE 1:8-1:8",
               "INDENT 2:2-2:2", "def 2:2-2:5 def", "NAME 2:6-2:7 f", "( 2:7-2:8 (", ") 2:8-2:9 )",
               ": 2:9-2:10 :", "NEWLINE 2:10-2:10", "INDENT 3:4-3:4", "pass 3:4-3:8 pass",
               "NEWLINE 3:8-3:8", "DEDENT 3:9-3:9", "DEDENT 3:9-3:9", "ENDMARKER 3:9-3:9"}));
  // A final "\r\n" makes CPython add an empty line: EOF moves to line 2.
  EXPECT_EQ(Tokens("if x:\r\n").back(), "ENDMARKER 2:1-2:1");
}

TEST(TokenizerTest, TabsAndFormFeeds) {
  // A tab goes to the next multiple of 8: "\t" and 8 spaces are the same level only if the
  // tabs-as-1 check agrees, which it does not.
  EXPECT_EQ(Error("if x:\n\ta\n        b\n"),
            "TabError 3 1 inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(Error("if x:\n        a\n\tb\n"),
            "TabError 3 1 inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(Error("if x:\n  \ta\n\t  b\n"),
            "TabError 3 1 inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(Error("if 1:\n  x\n \ty\n"),
            "TabError 3 1 inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(Error("if x:\n\ta\n\tb\n"), "");
  // A form feed resets the column.
  EXPECT_EQ(Error("if 1:\n\f  x\n"), "");
  EXPECT_EQ(Error("if x:\n \t\f  pass\n"), "");
  EXPECT_EQ(Error("\f\fif 1:\n  x\n\f y\n"),
            "IndentationError 3 4 unindent does not match any outer indentation level");
  EXPECT_EQ(Tokens("x = 1; \f y\n")[4], "NAME 1:9-1:10 y");
}

TEST(TokenizerTest, UnindentMismatch) {
  // The offset is the line's length with its newline: CPython's cursor is at the line end.
  EXPECT_EQ(Error("if x:\n    a\n  b\n"),
            "IndentationError 3 4 unindent does not match any outer indentation level");
  EXPECT_EQ(Error("if x:\n    a\n  bcd = 1\n"),
            "IndentationError 3 10 unindent does not match any outer indentation level");
}

TEST(TokenizerTest, TooDeep) {
  std::string src;
  for (int i = 0; i < 100; ++i) src += std::string(i, ' ') + "if x:\n";
  EXPECT_EQ(Error(src + std::string(100, ' ') + "pass\n"),
            "IndentationError 101 1 too many levels of indentation");
  src.clear();
  for (int i = 0; i < 99; ++i) src += std::string(i, ' ') + "if x:\n";
  EXPECT_EQ(Error(src + std::string(99, ' ') + "pass\n"), "");
}

TEST(TokenizerTest, BracketsSuppressNewlinesAndIndentation) {
  EXPECT_EQ(Tokens("a = [\n  1,\n]\n"),
            (V{"NAME 1:0-1:1 a", "= 1:2-1:3 =", "[ 1:4-1:5 [", "NUMBER 2:2-2:3 1", ", 2:3-2:4 ,",
               "] 3:0-3:1 ]", "NEWLINE 3:1-3:1", "ENDMARKER 3:2-3:2"}));
}

TEST(TokenizerTest, OpenBracketsTracksTheStack) {
  std::string text = "f(a[\n  {1: (\n";
  Tokenizer t(text);
  Token tok;
  std::vector<size_t> depths;
  while (t.Next(&tok)) depths.push_back(t.open_brackets().size());
  EXPECT_EQ(depths, (std::vector<size_t>{0, 1, 1, 2, 3, 3, 3, 4}));
  ASSERT_EQ(t.open_brackets().size(), 4u);
  EXPECT_EQ(t.open_brackets()[3].bracket, '(');
  EXPECT_EQ(t.open_brackets()[3].lineno, 2);
  EXPECT_EQ(t.open_brackets()[3].col_offset, 6);
  EXPECT_EQ(t.open_brackets()[0].col_offset, 1);
  EXPECT_EQ(t.error()->message, "'(' was never closed");
  EXPECT_EQ(t.error()->lineno, 2);
  EXPECT_EQ(t.error()->offset, 7);
}

TEST(TokenizerTest, LineContinuation) {
  EXPECT_EQ(Tokens("x = 1 + \\\n  2\n"),
            (V{"NAME 1:0-1:1 x", "= 1:2-1:3 =", "NUMBER 1:4-1:5 1", "+ 1:6-1:7 +",
               "NUMBER 2:2-2:3 2", "NEWLINE 2:3-2:3", "ENDMARKER 2:4-2:4"}));
  // A continued line is not an indentation change.
  EXPECT_EQ(Error("if x:\n  \\\n    pass\n"), "");
  EXPECT_EQ(Error("x = 1\n\\\ny = 2\nz = 3\n"), "");
  EXPECT_EQ(Error("x = 1 \\ 2\n"),
            "SyntaxError 1 8 unexpected character after line continuation character");
  EXPECT_EQ(Error("x = 1 \\"), "SyntaxError 1 8 unexpected EOF while parsing");
  EXPECT_EQ(Error("x = \\\n"), "SyntaxError 1 6 unexpected EOF while parsing");
  EXPECT_EQ(Error("x = (1 +\n \\"), "SyntaxError 1 5 '(' was never closed");
  EXPECT_EQ(Error("x\n\\"), "SyntaxError 2 2 unexpected EOF while parsing");
  // The offset counts from the line where the logical line's scan began (CPython's tok->buf).
  EXPECT_EQ(Error("...=b\\\n\\[_"),
            "SyntaxError 2 9 unexpected character after line continuation character");
  EXPECT_EQ(Error("x\n\\\nyy\\x"),
            "SyntaxError 3 4 unexpected character after line continuation character");
}

TEST(TokenizerTest, ContinuationInsideIndentation) {
  // The column of the first backslash is the indentation, unless it is 0.
  EXPECT_EQ(Error("if x:\n  a\n \\\n  b\n"),
            "IndentationError 4 4 unindent does not match any outer indentation level");
  EXPECT_EQ(Error("if x:\n    a\n  \\\n  \\\n    b\n"),
            "IndentationError 5 6 unindent does not match any outer indentation level");
  EXPECT_EQ(Tokens("\\\n    x\n")[0], "INDENT 2:4-2:4");
  EXPECT_EQ(Tokens("if x:\n  \\\n    pass\n")[4], "INDENT 3:4-3:4");
  EXPECT_EQ(Tokens("if x:\n  \\\n    pass\n")[5], "pass 3:4-3:8 pass");
  EXPECT_EQ(Error("x\n\\\n\n"), "");
  EXPECT_EQ(Error("x\n  \\\n# c\ny\n"), "");
  EXPECT_EQ(Error("x\n\\\n\\x"),
            "SyntaxError 3 2 unexpected character after line continuation character");
  EXPECT_EQ(Error("\\\n\\09"),
            "SyntaxError 2 2 unexpected character after line continuation character");
}

TEST(TokenizerTest, Keywords) {
  EXPECT_EQ(
      Tokens("async await None True False nonlocal continue match case _ print\n"),
      (V{"async 1:0-1:5 async", "await 1:6-1:11 await", "None 1:12-1:16 None",
         "True 1:17-1:21 True", "False 1:22-1:27 False", "nonlocal 1:28-1:36 nonlocal",
         "continue 1:37-1:45 continue", "NAME 1:46-1:51 match", "NAME 1:52-1:56 case",
         "NAME 1:57-1:58 _", "NAME 1:59-1:64 print", "NEWLINE 1:64-1:64", "ENDMARKER 1:65-1:65"}));
  for (std::string_view kw : {"and",  "as",     "assert", "break",   "class",  "def",  "del",
                              "elif", "else",   "except", "finally", "for",    "from", "global",
                              "if",   "import", "in",     "is",      "lambda", "not",  "or",
                              "pass", "raise",  "return", "try",     "while",  "with", "yield"}) {
    std::string text(kw);
    Tokenizer t(text);
    Token tok;
    ASSERT_TRUE(t.Next(&tok));
    EXPECT_TRUE(IsKeyword(tok.kind)) << kw;
    EXPECT_EQ(TokenKindName(tok.kind), kw);
  }
  EXPECT_EQ(Tokens("iff Nonez")[0], "NAME 1:0-1:3 iff");
}

TEST(TokenizerTest, Operators) {
  std::string all =
      "( ) [ ] : , ; + - * / | & < > = . % { } == != <= >= ~ ^ << >> ** += -= *= /= %= &= |= "
      "^= <<= >>= **= // //= @ @= -> ... := !";
  Tokenizer t(all);
  Token tok;
  std::string joined;
  while (t.Next(&tok) && tok.kind != TokenKind::kNewline) {
    ASSERT_EQ(TokenKindName(tok.kind), tok.text);
    joined += std::string(tok.text) + " ";
  }
  EXPECT_EQ(joined, all + " ");
  EXPECT_EQ(Tokens("a...b..c\n")[1], "... 1:1-1:4 ...");
  EXPECT_EQ(Tokens("a..b\n")[1], ". 1:1-1:2 .");
  EXPECT_EQ(Tokens("x->y\n")[1], "-> 1:1-1:3 ->");
  // "<>" is NOTEQUAL to CPython's tokenizer; the parser rejects it by its text.
  EXPECT_EQ(Tokens("1 <> 2\n")[1], "!= 1:2-1:4 <>");
  // Characters no rule accepts come through as one-character tokens for the parser to reject.
  EXPECT_EQ(Tokens("a $ b ? `\n")[1], "! 1:2-1:3 $");
}

TEST(TokenizerTest, Numbers) {
  for (std::string_view n :
       {"0",    "00",  "0_0", "1_000", "0x_1f",  "0XFF", "0o17", "0O_7", "0b1_0",        "0B1",
        "1.5",  "1.",  ".5",  "1e5",   "1E+5",   "1e-5", "1.5j", "1J",   "1_0.0_1e1_0j", "09.5",
        "00.5", "0e0", "0j",  "1.e5j", "3.14_15"}) {
    std::string src = std::string(n) + "\n";
    auto tokens = Tokens(src);
    ASSERT_EQ(tokens.size(), 3u) << n;
    EXPECT_EQ(tokens[0], "NUMBER 1:0-1:" + std::to_string(n.size()) + " " + std::string(n));
  }
  // A keyword right after a number is accepted (CPython only warns).
  EXPECT_EQ(Tokens("1if x else 2\n")[1], "if 1:1-1:3 if");
  EXPECT_EQ(Tokens("0x1for\n")[0], "NUMBER 1:0-1:4 0x1f");
  EXPECT_EQ(Tokens("1else\n")[0], "NUMBER 1:0-1:1 1");
  EXPECT_EQ(Tokens("1in x\n")[1], "in 1:1-1:3 in");
  EXPECT_EQ(Tokens("1not in x\n")[1], "not 1:1-1:4 not");
  EXPECT_EQ(Tokens("1or 2\n")[1], "or 1:1-1:3 or");
  EXPECT_EQ(Tokens("0b1and 1\n")[1], "and 1:3-1:6 and");
  EXPECT_EQ(Tokens("1.5e3and 2\n")[1], "and 1:5-1:8 and");
}

TEST(TokenizerTest, Strings) {
  EXPECT_EQ(Tokens("x = rb'a\\'b' + F\"c\" + u'' + Br'''x\ny''' + fR\"\"\"\"\"\"\n"),
            (V{"NAME 1:0-1:1 x", "= 1:2-1:3 =", "STRING 1:4-1:12 rb'a\\'b'", "+ 1:13-1:14 +",
               "STRING 1:15-1:19 F\"c\"", "+ 1:20-1:21 +", "STRING 1:22-1:25 u''", "+ 1:26-1:27 +",
               "STRING 1:28-2:4 Br'''x\ny'''", "+ 2:5-2:6 +", "STRING 2:7-2:15 fR\"\"\"\"\"\"",
               "NEWLINE 2:15-2:15", "ENDMARKER 2:16-2:16"}));
  // Not prefixes: "ur", "bu", "fb" and other letters make names.
  EXPECT_EQ(Tokens("ur'x'\n")[0], "NAME 1:0-1:2 ur");
  EXPECT_EQ(Tokens("bu'x'\n")[0], "NAME 1:0-1:2 bu");
  EXPECT_EQ(Tokens("fb'x'\n")[0], "NAME 1:0-1:2 fb");
  EXPECT_EQ(Tokens("rf'x'\n")[0], "STRING 1:0-1:5 rf'x'");
  // Backslash-newline inside a string continues it.
  EXPECT_EQ(Tokens("'a\\\nb'\n")[0], "STRING 1:0-2:2 'a\\\nb'");
  // A quote of the other kind and escaped quotes do not end a string.
  EXPECT_EQ(Tokens("'''a'' '\\''''\n")[0], "STRING 1:0-1:13 '''a'' '\\''''");
  // Columns are UTF-8 bytes.
  EXPECT_EQ(Tokens("'\xC3\xA9' + x\n")[2], "NAME 1:7-1:8 x");
}

TEST(TokenizerTest, StringErrors) {
  EXPECT_EQ(Error("x = rb'abc"),
            "SyntaxError 1 5 unterminated string literal (detected at line 1)");
  EXPECT_EQ(Error("x = '''abc\n\ndef"),
            "SyntaxError 1 5 unterminated triple-quoted string literal (detected at line 3)");
  EXPECT_EQ(Error("x = (\n  'abc"),
            "SyntaxError 2 3 unterminated string literal (detected at line 2)");
  EXPECT_EQ(Error("x = \"a\\\nb"),
            "SyntaxError 1 5 unterminated string literal (detected at line 2)");
  // Offsets of these count characters.
  EXPECT_EQ(Error("\xC3\xA9 = 'abc"),
            "SyntaxError 1 5 unterminated string literal (detected at line 1)");
  EXPECT_EQ(Error("x = \"\"\"\n"),
            "SyntaxError 1 5 unterminated triple-quoted string literal (detected at line 1)");
  EXPECT_EQ(Error("f'abc"), "SyntaxError 1 1 unterminated string literal (detected at line 1)");
  EXPECT_EQ(Error("Rb'''"),
            "SyntaxError 1 1 unterminated triple-quoted string literal (detected at line 1)");
}

TEST(TokenizerTest, NumberErrors) {
  struct Case {
    const char* source;
    const char* error;
  };
  const char* kLeading =
      "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
      "integers";
  const Case cases[] = {
      {"1abc", "1 1 invalid decimal literal"},
      {"1_", "1 2 invalid decimal literal"},
      {"1__0", "1 2 invalid decimal literal"},
      {"0_", "1 2 invalid decimal literal"},
      {"1_000_", "1 6 invalid decimal literal"},
      {"1e", "1 1 invalid decimal literal"},
      {"1ex", "1 1 invalid decimal literal"},
      {"0e", "1 1 invalid decimal literal"},
      {"1e+", "1 3 invalid decimal literal"},
      {"1.2_", "1 4 invalid decimal literal"},
      {"1e5_", "1 4 invalid decimal literal"},
      {"1.e_", "1 2 invalid decimal literal"},
      {"1.5x", "1 3 invalid decimal literal"},
      {".5_", "1 3 invalid decimal literal"},
      {".5x", "1 2 invalid decimal literal"},
      {"1jx", "1 2 invalid imaginary literal"},
      {"0x", "1 2 invalid hexadecimal literal"},
      {"0xg", "1 2 invalid hexadecimal literal"},
      {"0x1g", "1 3 invalid hexadecimal literal"},
      {"0xfz", "1 3 invalid hexadecimal literal"},
      {"0o", "1 2 invalid octal literal"},
      {"0o8", "1 3 invalid digit '8' in octal literal"},
      {"0o18", "1 4 invalid digit '8' in octal literal"},
      {"0o1x", "1 3 invalid octal literal"},
      {"0b", "1 2 invalid binary literal"},
      {"0b2", "1 3 invalid digit '2' in binary literal"},
      {"0b12", "1 4 invalid digit '2' in binary literal"},
      {"0b1x", "1 3 invalid binary literal"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Error(c.source), std::string("SyntaxError ") + c.error) << c.source;
  }
  EXPECT_EQ(Error("01"), std::string("SyntaxError 1 1 ") + kLeading);
  EXPECT_EQ(Error("0_7"), std::string("SyntaxError 1 1 ") + kLeading);
  EXPECT_EQ(Error("09"), std::string("SyntaxError 1 1 ") + kLeading);
  EXPECT_EQ(Error("x = 0777"), std::string("SyntaxError 1 5 ") + kLeading);
  EXPECT_EQ(Error("x = 00_1"), std::string("SyntaxError 1 5 ") + kLeading);
  // This one is a byte column even after non-ASCII text (syntaxerror_known_range).
  EXPECT_EQ(Error("\xC3\xA9 = 01"), std::string("SyntaxError 1 6 ") + kLeading);
}

TEST(TokenizerTest, BracketErrors) {
  EXPECT_EQ(Error("f(\n)]"), "SyntaxError 2 2 unmatched ']'");
  EXPECT_EQ(Error(")"), "SyntaxError 1 1 unmatched ')'");
  EXPECT_EQ(Error("f(\n]"),
            "SyntaxError 2 1 closing parenthesis ']' does not match opening parenthesis '(' on "
            "line 1");
  EXPECT_EQ(Error("[\n\n}"),
            "SyntaxError 3 1 closing parenthesis '}' does not match opening parenthesis '[' on "
            "line 1");
  EXPECT_EQ(Error("f(]"),
            "SyntaxError 1 3 closing parenthesis ']' does not match opening parenthesis '('");
  EXPECT_EQ(Error("{)"),
            "SyntaxError 1 2 closing parenthesis ')' does not match opening parenthesis '{'");
  EXPECT_EQ(Error("x = ("), "SyntaxError 1 5 '(' was never closed");
  EXPECT_EQ(Error("x = [1,\n2"), "SyntaxError 1 5 '[' was never closed");
  EXPECT_EQ(Error("foo(\n  {a: (1,\n"), "SyntaxError 2 7 '(' was never closed");
  // A byte column (pegen's known-location errors without a coding declaration).
  EXPECT_EQ(Error("\xC3\xA9 = ("), "SyntaxError 1 6 '(' was never closed");
  EXPECT_EQ(Error("x = " + std::string(201, '(')), "SyntaxError 1 205 too many nested parentheses");
  EXPECT_EQ(Error("x = " + std::string(200, '(') + std::string(200, ')')), "");
}

TEST(TokenizerTest, InvalidCharacters) {
  EXPECT_EQ(Error("\xE2\x82\xAC = 1"), "SyntaxError 1 1 invalid character '\xE2\x82\xAC' (U+20AC)");
  EXPECT_EQ(Error("x = 1 \xE2\x82\xAC"),
            "SyntaxError 1 7 invalid character '\xE2\x82\xAC' (U+20AC)");
  EXPECT_EQ(Error("a\xC2\xA0= 1"), "SyntaxError 1 2 invalid non-printable character U+00A0");
  EXPECT_EQ(Error("x = \x01"), "SyntaxError 1 5 invalid non-printable character U+0001");
  EXPECT_EQ(Error("x = \x7F"), "SyntaxError 1 5 invalid non-printable character U+007F");
  EXPECT_EQ(Error("x = 1 + \x0B"
                  "2"),
            "SyntaxError 1 9 invalid non-printable character U+000B");
}

TEST(TokenizerTest, InvalidUtf8InIdentifiers) {
  EXPECT_EQ(Error("\xFF"),
            "SyntaxError 1 1 (unicode error) 'utf-8' codec can't decode byte 0xff in position 0: "
            "invalid start byte");
  EXPECT_EQ(Error("x = 1\n\xFF\n"),
            "SyntaxError 2 1 (unicode error) 'utf-8' codec can't decode byte 0xff in position 0: "
            "invalid start byte");
  EXPECT_EQ(Error("ab\xFF"
                  "cd = 1"),
            "SyntaxError 1 5 (unicode error) 'utf-8' codec can't decode byte 0xff in position 2: "
            "invalid start byte");
  EXPECT_EQ(Error("x = a\xC3"),
            "SyntaxError 1 6 (unicode error) 'utf-8' codec can't decode byte 0xc3 in position 1: "
            "unexpected end of data");
  EXPECT_EQ(Error("x = a\xE2\x82"),
            "SyntaxError 1 7 (unicode error) 'utf-8' codec can't decode bytes in position 1-2: "
            "unexpected end of data");
  // Comments are not decoded.
  EXPECT_EQ(Error("x = 1 # \xFF\n"), "");
}

TEST(TokenizerTest, NonAsciiIdentifiers) {
  EXPECT_EQ(Tokens("\xC3\xA9t\xC3\xA9 = \xCF\x80\n"),
            (V{"NAME 1:0-1:5 \xC3\xA9t\xC3\xA9", "= 1:6-1:7 =", "NAME 1:8-1:10 \xCF\x80",
               "NEWLINE 1:10-1:10", "ENDMARKER 1:11-1:11"}));
  EXPECT_EQ(Tokens("\xE5\x90\x8D\xE5\x89\x8D_1\n")[0], "NAME 1:0-1:8 \xE5\x90\x8D\xE5\x89\x8D_1");
}

TEST(TokenizerTest, RepeatsEndAndError) {
  std::string text = "x\n";
  Tokenizer t(text);
  Token tok;
  while (t.Next(&tok) && tok.kind != TokenKind::kEndMarker) {
  }
  ASSERT_TRUE(t.Next(&tok));
  EXPECT_EQ(tok.kind, TokenKind::kEndMarker);
  std::string bad = "x = )\n";
  Tokenizer u(bad);
  while (u.Next(&tok)) {
  }
  EXPECT_FALSE(u.Next(&tok));
  EXPECT_EQ(u.error()->message, "unmatched ')'");
}

TEST(TokenizerTest, Lines) {
  std::string text = "a = 1\n\nb\xC3\xA9 = 2\n";
  Tokenizer t(text);
  EXPECT_EQ(t.Line(1), "a = 1");
  EXPECT_EQ(t.Line(2), "");
  EXPECT_EQ(t.Line(3), "b\xC3\xA9 = 2");
  EXPECT_EQ(t.Line(4), "");
  EXPECT_EQ(t.Line(0), "");
  Token tok;
  while (t.Next(&tok) && tok.kind != TokenKind::kEndMarker) {
  }
  EXPECT_EQ(t.Line(3), "b\xC3\xA9 = 2");
  EXPECT_EQ(t.Line(1), "a = 1");
}

TEST(TokenizerTest, ByteColumnToOffset) {
  EXPECT_EQ(ByteColumnToOffset("abc", 0), 1);
  EXPECT_EQ(ByteColumnToOffset("abc", 2), 3);
  EXPECT_EQ(ByteColumnToOffset("\xC3\xA9 = 1", 3), 3);
  EXPECT_EQ(ByteColumnToOffset("\xE2\x82\xAC\xE2\x82\xAC x", 7), 4);
  EXPECT_EQ(ByteColumnToOffset("ab", 4), 5);  // past the end: the newline and beyond
}

}  // namespace
}  // namespace pyrite::parser
