// Tests for DecodeSource against what CPython 3.11's ast.parse(bytes) does with the same bytes.
#include "python/parser/source.h"

#include <string>
#include <variant>

#include "gtest/gtest.h"

namespace pyrite::parser {
namespace {

DecodedSource Ok(std::string_view bytes) {
  auto result = DecodeSource(bytes);
  if (auto* e = std::get_if<SyntaxError>(&result)) {
    ADD_FAILURE() << "unexpected error: " << e->message;
    return {};
  }
  return std::get<DecodedSource>(result);
}

// "lineno offset message", as ast_ref.py prints an error.
std::string Err(std::string_view bytes) {
  auto result = DecodeSource(bytes);
  auto* e = std::get_if<SyntaxError>(&result);
  if (e == nullptr) return "no error";
  return std::string(SyntaxErrorTypeName(e->type)) + " " + std::to_string(e->lineno) + " " +
         std::to_string(e->offset) + " " + e->message;
}

TEST(DecodeSourceTest, Utf8PassesThrough) {
  DecodedSource d = Ok("x = 'caf\xC3\xA9'\n");
  EXPECT_EQ(d.text, "x = 'caf\xC3\xA9'\n");
  EXPECT_EQ(d.encoding, "utf-8");
}

TEST(DecodeSourceTest, UniversalNewlinesAndFinalNewline) {
  EXPECT_EQ(Ok("a\r\nb\rc\n").text, "a\nb\nc\n");
  EXPECT_EQ(Ok("x = 1").text, "x = 1\n");
  EXPECT_EQ(Ok("x = 1\r").text, "x = 1\n");
  // CPython's translate_newlines adds a newline after a final "\r\n" too.
  EXPECT_EQ(Ok("if x:\r\n").text, "if x:\n\n");
  EXPECT_EQ(Ok("\r\r\n").text, "\n\n\n");
}

TEST(DecodeSourceTest, EmptyBecomesOneNewline) { EXPECT_EQ(Ok("").text, "\n"); }

TEST(DecodeSourceTest, BomIsStripped) {
  DecodedSource d = Ok("\xEF\xBB\xBFx = 1\n");
  EXPECT_EQ(d.text, "x = 1\n");
  EXPECT_EQ(d.encoding, "utf-8");
  EXPECT_EQ(Ok("\xEF\xBB\xBF# coding: utf-8\n").text, "# coding: utf-8\n");
  EXPECT_EQ(Ok("\xEF\xBB\xBF# coding: UTF_8\n").text, "# coding: UTF_8\n");
}

TEST(DecodeSourceTest, BomWithOtherDeclaration) {
  EXPECT_EQ(Err("\xEF\xBB\xBF# coding: latin-1\n"),
            "SyntaxError 0 -1 encoding problem: iso-8859-1 with BOM");
  EXPECT_EQ(Err("\xEF\xBB\xBF#coding:utf8\nprint('x')\n"),
            "SyntaxError 0 -1 encoding problem: utf8 with BOM");
}

TEST(DecodeSourceTest, Latin1Declarations) {
  for (const char* decl :
       {"# coding: latin-1\n", "# -*- coding: iso-8859-1 -*-\n", "#coding=latin1\n",
        "# vim: set fileencoding=ISO_8859_1 :\n", "# coding: l1\n"}) {
    DecodedSource d = Ok(std::string(decl) + "x = '\xE9'\n");
    EXPECT_EQ(d.text, std::string(decl) + "x = '\xC3\xA9'\n") << decl;
  }
  EXPECT_EQ(Ok("# coding: latin-1\n").encoding, "iso-8859-1");
  EXPECT_EQ(Ok("# coding: latin1\n").encoding, "latin1");
}

TEST(DecodeSourceTest, SecondLineOnlyAfterCommentOrBlankFirstLine) {
  EXPECT_EQ(Ok("#!/usr/bin/env python\n# coding: latin-1\nx='\xE9'\n").text,
            "#!/usr/bin/env python\n# coding: latin-1\nx='\xC3\xA9'\n");
  EXPECT_EQ(Ok("\n# coding: latin-1\n").encoding, "iso-8859-1");
  // Code on line 1: line 2 is not a declaration.
  EXPECT_EQ(Ok("x = 1\n# coding: xxx\n").encoding, "utf-8");
  // A declaration on line 3 is ignored.
  EXPECT_EQ(Ok("#\n#\n# coding: xxx\n").encoding, "utf-8");
  // Not a comment-only line.
  EXPECT_EQ(Ok("x = 1 # coding: xxx\n").encoding, "utf-8");
  // Whitespace and form feeds may precede the '#'.
  EXPECT_EQ(Err("  \f# coding: xxx\n"), "SyntaxError 0 -1 unknown encoding: xxx");
}

TEST(DecodeSourceTest, OtherCodecs) {
  EXPECT_EQ(Ok("# coding: iso-8859-15\nx = '\xA4'\n").text,
            "# coding: iso-8859-15\nx = '\xE2\x82\xAC'\n");
  EXPECT_EQ(Ok("# coding: cp1252\nx = '\x80\x93'\n").text,
            "# coding: cp1252\nx = '\xE2\x82\xAC\xE2\x80\x9C'\n");
  EXPECT_EQ(Ok("# coding: koi8-r\nx = '\xC1'\n").text, "# coding: koi8-r\nx = '\xD0\xB0'\n");
  EXPECT_EQ(Ok("# coding: ascii\nx = 1\n").text, "# coding: ascii\nx = 1\n");
  EXPECT_EQ(Ok("# coding: utf8\nx = '\xC3\xA9'\n").encoding, "utf8");
}

TEST(DecodeSourceTest, UnknownEncodings) {
  EXPECT_EQ(Err("# -*- coding: uft-8 -*-\n"), "SyntaxError 0 -1 unknown encoding: uft-8");
  EXPECT_EQ(Err("# -*- coding: gzip -*-\n"), "SyntaxError 0 -1 unknown encoding: gzip");
  EXPECT_EQ(Err("#!/x\n# vim: set fileencoding=bar :\n"), "SyntaxError 0 -1 unknown encoding: bar");
}

TEST(DecodeSourceTest, DecodeErrorsOfDeclaredCodecs) {
  // Positions count from the start of the (BOM-less, newline-translated) buffer.
  EXPECT_EQ(Err("# coding: ascii\nx=1#\xFF\n"),
            "SyntaxError 0 -1 'ascii' codec can't decode byte 0xff in position 20: ordinal not "
            "in range(128)");
  EXPECT_EQ(Err("# coding: cp1252\nx=\"\x81\"\n"),
            "SyntaxError 0 -1 'charmap' codec can't decode byte 0x81 in position 20: character "
            "maps to <undefined>");
  EXPECT_EQ(Err("# coding: utf8\n\xFF\n"),
            "SyntaxError 0 -1 'utf-8' codec can't decode byte 0xff in position 15: invalid start "
            "byte");
  EXPECT_EQ(Err("# coding: utf8\n\xE2\x82"),
            "SyntaxError 0 -1 'utf-8' codec can't decode bytes in position 15-16: invalid "
            "continuation byte");
  EXPECT_EQ(Err("# coding: utf8\n\xE2\x28\n"),
            "SyntaxError 0 -1 'utf-8' codec can't decode byte 0xe2 in position 15: invalid "
            "continuation byte");
}

TEST(DecodeSourceTest, InvalidUtf8WithoutDeclarationIsLeftToTheTokenizer) {
  // CPython accepts invalid UTF-8 in comments; elsewhere the tokenizer reports it.
  EXPECT_EQ(Ok("#\xFF\nx=1\n").text, "#\xFF\nx=1\n");
  EXPECT_EQ(Ok("# coding: utf-8\n#\xFF\n").text, "# coding: utf-8\n#\xFF\n");
}

TEST(DecodeSourceTest, NullBytes) {
  EXPECT_EQ(Err(std::string_view("x=1\0", 4)),
            "SyntaxError 0 -1 source code string cannot contain null bytes");
}

}  // namespace
}  // namespace pyrite::parser
