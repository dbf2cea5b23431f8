// Tests of the disassembler: constant reprs (checked against CPython 3.11's repr) and golden
// listings of hand-built code objects.
#include "python/bytecode/dis.h"

#include <cmath>
#include <limits>
#include <string>

#include "gtest/gtest.h"
#include "python/bytecode/test_code.h"

namespace pyrite::bytecode {
namespace {

using testing::Float;

Constant Complex(double real, double imag) {
  Constant c;
  c.kind = Constant::Kind::kComplex;
  c.real = real;
  c.imag = imag;
  return c;
}

TEST(ConstantReprTest, Floats) {
  EXPECT_EQ(ConstantRepr(Float(1.5)), "1.5");
  EXPECT_EQ(ConstantRepr(Float(2.0)), "2.0");
  EXPECT_EQ(ConstantRepr(Float(-0.0)), "-0.0");
  EXPECT_EQ(ConstantRepr(Float(0.1)), "0.1");
  EXPECT_EQ(ConstantRepr(Float(1e16)), "1e+16");
  EXPECT_EQ(ConstantRepr(Float(1.5e16)), "1.5e+16");
  EXPECT_EQ(ConstantRepr(Float(123456789012345.0)), "123456789012345.0");
  EXPECT_EQ(ConstantRepr(Float(1234567890123456.0)), "1234567890123456.0");
  EXPECT_EQ(ConstantRepr(Float(0.0001)), "0.0001");
  EXPECT_EQ(ConstantRepr(Float(0.00001)), "1e-05");
  EXPECT_EQ(ConstantRepr(Float(1.0 / 3)), "0.3333333333333333");
  EXPECT_EQ(ConstantRepr(Float(5e-324)), "5e-324");
  EXPECT_EQ(ConstantRepr(Float(1.7976931348623157e308)), "1.7976931348623157e+308");
  EXPECT_EQ(ConstantRepr(Float(std::numeric_limits<double>::infinity())), "inf");
  EXPECT_EQ(ConstantRepr(Float(-std::numeric_limits<double>::quiet_NaN())), "nan");
}

TEST(ConstantReprTest, Complex) {
  EXPECT_EQ(ConstantRepr(Complex(0, 2)), "2j");
  EXPECT_EQ(ConstantRepr(Complex(0, 2.5)), "2.5j");
  EXPECT_EQ(ConstantRepr(Complex(1, 2)), "(1+2j)");
  EXPECT_EQ(ConstantRepr(Complex(1, -2)), "(1-2j)");
  EXPECT_EQ(ConstantRepr(Complex(-0.0, 1)), "(-0+1j)");
  EXPECT_EQ(ConstantRepr(Complex(0, -0.0)), "-0j");
  EXPECT_EQ(ConstantRepr(Complex(1.5, 1e16)), "(1.5+1e+16j)");
}

TEST(ConstantReprTest, Text) {
  EXPECT_EQ(ConstantRepr(testing::Str("a'b")), "\"a'b\"");
  EXPECT_EQ(ConstantRepr(testing::Str("a'b\"")), "'a\\'b\"'");
  EXPECT_EQ(ConstantRepr(testing::Str("t\t\n\x01\x7f\\")), "'t\\t\\n\\x01\\x7f\\\\'");
  EXPECT_EQ(ConstantRepr(testing::Str("\xc3\xa9\xc2\xa0\xed\xa0\x80\xf0\x9f\x90\x8d")),
            "'\xc3\xa9\\xa0\\ud800\xf0\x9f\x90\x8d'");
  EXPECT_EQ(ConstantRepr(testing::Str("\xe2\x80\xa8\xf3\xa0\x80\x81")), "'\\u2028\\U000e0001'");
  EXPECT_EQ(ConstantRepr(testing::Bytes(std::string("\0\xff'a\n", 5))), "b\"\\x00\\xff'a\\n\"");
  EXPECT_EQ(ConstantRepr(testing::Bytes("")), "b''");
}

TEST(ConstantReprTest, Containers) {
  EXPECT_EQ(ConstantRepr(testing::Tuple({})), "()");
  EXPECT_EQ(ConstantRepr(testing::Tuple({testing::Int(1)})), "(1,)");
  EXPECT_EQ(ConstantRepr(testing::Tuple({testing::Int(1), testing::None()})), "(1, None)");
  Constant frozen;
  frozen.kind = Constant::Kind::kFrozenSet;
  EXPECT_EQ(ConstantRepr(frozen), "frozenset()");
  frozen.items = {testing::Int(1), testing::BigInt("-123456789012345678901")};
  EXPECT_EQ(ConstantRepr(frozen), "frozenset({1, -123456789012345678901})");
}

TEST(DisassembleTest, GoldenModule) {
  const std::string expected = R"(Disassembly of <code object <module>, file "sample.py", line 1>:
  flags: 0; argcount 0, posonlyargcount 0, kwonlyargcount 0; stacksize 4
   0        0 RESUME                             0 (start)

   3        1 LOAD_CONST                        17 (<code object f, file "sample.py", line 3>)
            2 MAKE_FUNCTION                      0
            3 STORE_NAME                         3 (f)

   7        4 NOP

   8        5 PUSH_NULL
            6 LOAD_NAME                          0 (print)
            7 LOAD_CONST                         6 (123456789012345678901234567890)
            8 PRECALL                            1
           10 CALL                               1
           15 POP_TOP

  11       16 PUSH_NULL
           17 LOAD_NAME                          1 (range)
           18 LOAD_CONST                         4 (42)
           19 PRECALL                            1
           21 CALL                               1
           26 GET_ITER
     >>    27 FOR_ITER                           2 (to 30)
           28 STORE_NAME                         4 (i)

  12       29 JUMP_BACKWARD                      3 (to 27)
     >>    30 LOAD_CONST                         0 (None)
           31 RETURN_VALUE

   9 >>    32 PUSH_EXC_INFO
           33 LOAD_NAME                          2 (ValueError)
           34 CHECK_EXC_MATCH
           35 POP_JUMP_FORWARD_IF_FALSE          4 (to 40)

  10       36 POP_TOP
           37 POP_EXCEPT
           38 LOAD_CONST                         0 (None)
           39 RETURN_VALUE

   9 >>    40 RERAISE                            0
     >>    41 COPY                               3
           42 POP_EXCEPT
           43 RERAISE                            1
ExceptionTable:
  4 to 15 -> 32 [0]
  33 to 36 -> 41 [1] lasti
  40 to 40 -> 41 [1] lasti

Disassembly of <code object f, file "sample.py", line 3>:
  flags: OPTIMIZED, NEWLOCALS, NESTED; argcount 1, posonlyargcount 0, kwonlyargcount 1; stacksize 2
  slots: 0 a (arg), 1 b (arg), 2 c (cell), 3 x (free)
            0 COPY_FREE_VARS                     1
            1 MAKE_CELL                          2 (c)

   3        2 RESUME                             0 (start)

   4        3 LOAD_FAST                          0 (a)
            4 LOAD_FAST                          1 (b)
            5 BINARY_OP                          0 (+)
            7 STORE_DEREF                        2 (c)

   5        8 LOAD_DEREF                         3 (x)
            9 LOAD_DEREF                         2 (c)
           10 BINARY_OP                          5 (*)
           12 RETURN_VALUE
)";
  EXPECT_EQ(Disassemble(*testing::SampleModule()), expected);
}

TEST(DisassembleTest, ExtendedArgAndUnvalidatedCode) {
  CodeObject code;
  code.name = "g";
  code.filename = "x.py";
  code.firstlineno = 2;
  code.names = {"len"};
  testing::Assembler a(code);
  a.Emit(Opcode::LOAD_GLOBAL, 1, 2, 0, 3);
  a.Emit(Opcode::LOAD_CONST, 0x10203, 2, 0, 3);
  a.Emit(Opcode::LOAD_FAST, 7, 3, 0, 3);
  code.code.push_back(0xFFFF);  // unknown opcode with an argument
  code.positions.push_back(Position{});
  EXPECT_EQ(Disassemble(code), R"(Disassembly of <code object g, file "x.py", line 2>:
  flags: 0; argcount 0, posonlyargcount 0, kwonlyargcount 0; stacksize 0
   2        0 LOAD_GLOBAL                        1 (NULL + len)
            6 EXTENDED_ARG                       1
            7 EXTENDED_ARG                       2
            8 LOAD_CONST                     66051 (<out of range>)

   3        9 LOAD_FAST                          7 (<out of range>)
           10 <invalid>                        255
)");
}

}  // namespace
}  // namespace pyrite::bytecode
