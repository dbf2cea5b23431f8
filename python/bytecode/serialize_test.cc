// Tests of the artefact format: round trips of hand-built code objects, and rejection (never a
// crash) of truncated, corrupted, stale and impossible inputs.
#include "python/bytecode/serialize.h"

#include <cmath>
#include <cstring>
#include <memory>
#include <random>
#include <string>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "python/bytecode/code.h"
#include "python/bytecode/code.pb.h"
#include "python/bytecode/opcodes.h"
#include "python/bytecode/test_code.h"

namespace pyrite::bytecode {
namespace {

using testing::Assembler;

const SourceInfo kSource{1234, 1700000000123456789, 0xfeedface12345678ull};

std::string ErrorOf(std::string_view bytes) {
  absl::StatusOr<Artifact> loaded = LoadArtifact(bytes);
  return loaded.ok() ? "OK" : std::string(loaded.status().message());
}

std::string ErrorOf(const CodeObject& code) {
  absl::Status status = ValidateCode(code);
  return status.ok() ? "OK" : std::string(status.message());
}

TEST(SerializeTest, SampleIsValid) {
  EXPECT_EQ(ErrorOf(*testing::SampleModule()), "OK");
  EXPECT_EQ(ErrorOf(*testing::SampleFunction()), "OK");
}

TEST(SerializeTest, RoundTripIsExactAndByteIdentical) {
  const auto module = testing::SampleModule();
  const std::string bytes = SerializeArtifact(*module, kSource);
  absl::StatusOr<Artifact> loaded = LoadArtifact(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(*loaded->code, *module);
  EXPECT_EQ(loaded->source.size, kSource.size);
  EXPECT_EQ(loaded->source.mtime_ns, kSource.mtime_ns);
  EXPECT_EQ(loaded->source.hash, kSource.hash);
  EXPECT_EQ(SerializeArtifact(*loaded->code, loaded->source), bytes);
  // Spot checks of the constants that are easiest to get wrong.
  const std::vector<Constant>& consts = loaded->code->consts;
  EXPECT_TRUE(consts[6].big);
  EXPECT_EQ(consts[6].text, "123456789012345678901234567890");
  EXPECT_TRUE(std::signbit(consts[9].real));
  EXPECT_TRUE(std::isnan(consts[10].real));
  EXPECT_EQ(consts[13].text, "lone \xed\xa0\x80 surrogate");
  EXPECT_EQ(consts[14].text, std::string("\0\xff\"'", 4));
  ASSERT_NE(consts[17].code, nullptr);
  EXPECT_EQ(consts[17].code->localsplusnames.size(), 4u);
}

TEST(SerializeTest, ExtremeValuesRoundTrip) {
  auto code = std::make_shared<CodeObject>(*testing::NestedTuples(0));
  code->consts.push_back(testing::Int(INT64_MIN));
  code->consts.push_back(testing::Int(INT64_MAX));
  code->consts.push_back(testing::BigInt("9223372036854775808"));
  code->consts.push_back(testing::BigInt("-9223372036854775809"));
  code->consts.push_back(testing::Float(-std::numeric_limits<double>::infinity()));
  code->consts.push_back(testing::Str(std::string("\xed\xb0\x80\xed\xa0\x80\0", 7)));
  code->firstlineno = INT32_MAX;
  code->positions[1] = Position{-1, INT32_MAX, INT32_MAX, 0};
  code->positions[2] = Position{INT32_MAX, INT32_MAX, 0, INT32_MAX};
  ASSERT_EQ(ErrorOf(*code), "OK");
  const std::string bytes = SerializeArtifact(*code, SourceInfo{});
  absl::StatusOr<Artifact> loaded = LoadArtifact(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(*loaded->code, *code);
}

TEST(SerializeTest, ExtendedArgRoundTrip) {
  auto m = std::make_shared<CodeObject>();
  m->stacksize = 1;
  for (int i = 0; i < 70000; ++i) m->consts.push_back(testing::Int(i));
  Assembler a(*m);
  a.Emit(Opcode::RESUME);
  a.Emit(Opcode::LOAD_CONST, 69999, 1, 0, 1);
  a.Emit(Opcode::RETURN_VALUE, 0, 1, 0, 1);
  ASSERT_EQ(m->code.size(), 5u);  // two prefixes
  ASSERT_EQ(ErrorOf(*m), "OK");
  absl::StatusOr<Artifact> loaded = LoadArtifact(SerializeArtifact(*m, SourceInfo{}));
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(*loaded->code, *m);
}

TEST(SerializeTest, SourceHashIsFnv1a64) {
  EXPECT_EQ(SourceHash(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(SourceHash("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(SourceHash("foobar"), 0x85944171f73967e8ull);
}

TEST(SerializeTest, EveryTruncationIsRejected) {
  const std::string bytes = SerializeArtifact(*testing::SampleModule(), kSource);
  for (size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_NE(ErrorOf(std::string_view(bytes).substr(0, n)), "OK") << "prefix of " << n;
  }
}

TEST(SerializeTest, RandomCorruptionNeverCrashes) {
  const std::string bytes = SerializeArtifact(*testing::SampleModule(), kSource);
  std::mt19937 rng(12345);
  int rejected = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    std::string corrupt = bytes;
    const int flips = 1 + trial % 4;
    for (int k = 0; k < flips; ++k) {
      corrupt[rng() % corrupt.size()] = static_cast<char>(rng());
    }
    absl::StatusOr<Artifact> loaded = LoadArtifact(corrupt);
    if (!loaded.ok()) {
      ++rejected;
      EXPECT_FALSE(loaded.status().message().empty());
    } else {
      EXPECT_TRUE(ValidateCode(*loaded->code).ok());
    }
  }
  EXPECT_GT(rejected, 1000);
}

TEST(SerializeTest, WrongMagicOrVersionIsRejected) {
  EXPECT_NE(ErrorOf(""), "OK");
  EXPECT_NE(ErrorOf("hello, world"), "OK");
  const std::string bytes = SerializeArtifact(*testing::SampleModule(), kSource);
  proto::ArtifactProto artifact;
  ASSERT_TRUE(artifact.ParseFromString(bytes));
  EXPECT_EQ(artifact.magic(), "pyrite-bytecode");

  proto::ArtifactProto stale = artifact;
  stale.set_format_version(kFormatVersion + 1);
  absl::StatusOr<Artifact> loaded = LoadArtifact(stale.SerializeAsString());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(loaded.status().message().find("format version"), std::string::npos);

  // A stale artefact is reported as stale even when its body no longer parses as ours.
  std::string garbled = stale.SerializeAsString();
  garbled.resize(garbled.size() - 3);
  loaded = LoadArtifact(garbled);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kFailedPrecondition);

  proto::ArtifactProto wrong_magic = artifact;
  wrong_magic.set_magic("pyrite-bytecodf");
  EXPECT_NE(ErrorOf(wrong_magic.SerializeAsString()).find("not a pyrite bytecode artefact"),
            std::string::npos);

  proto::ArtifactProto no_code = artifact;
  no_code.clear_code();
  EXPECT_NE(ErrorOf(no_code.SerializeAsString()).find("no code object"), std::string::npos);
}

TEST(SerializeTest, MalformedProtoFieldsAreRejected) {
  const std::string bytes = SerializeArtifact(*testing::SampleModule(), kSource);
  proto::ArtifactProto artifact;
  ASSERT_TRUE(artifact.ParseFromString(bytes));
  auto error = [&](auto mutate) {
    proto::ArtifactProto copy = artifact;
    mutate(*copy.mutable_code());
    return ErrorOf(copy.SerializeAsString());
  };
  EXPECT_NE(
      error([](proto::CodeProto& c) { c.mutable_code()->push_back('\0'); }).find("odd code length"),
      std::string::npos);
  EXPECT_NE(error([](proto::CodeProto& c) {
              c.mutable_positions()->RemoveLast();
            }).find("position numbers"),
            std::string::npos);
  EXPECT_NE(
      error([](proto::CodeProto& c) { c.set_positions(0, int64_t{1} << 40); }).find("out of range"),
      std::string::npos);
  EXPECT_NE(error([](proto::CodeProto& c) { c.add_exception_table(1); }).find("exception table"),
            std::string::npos);
  EXPECT_NE(error([](proto::CodeProto& c) { c.set_exception_table(4, 2); }).find("lasti"),
            std::string::npos);
  EXPECT_NE(error([](proto::CodeProto& c) { c.add_consts(); }).find("no value"), std::string::npos);
  EXPECT_NE(error([](proto::CodeProto& c) {
              c.mutable_consts(0)->set_singleton(static_cast<proto::ConstantProto::Singleton>(9));
            }).find("singleton"),
            std::string::npos);
}

TEST(SerializeTest, NestingIsBounded) {
  EXPECT_EQ(ErrorOf(*testing::NestedTuples(150)), "OK");
  absl::StatusOr<Artifact> loaded =
      LoadArtifact(SerializeArtifact(*testing::NestedTuples(150), SourceInfo{}));
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(*loaded->code, *testing::NestedTuples(150));
  EXPECT_NE(ErrorOf(*testing::NestedTuples(300)).find("nested"), std::string::npos);
  EXPECT_NE(ErrorOf(SerializeArtifact(*testing::NestedTuples(300), SourceInfo{})), "OK");
  EXPECT_NE(ErrorOf(SerializeArtifact(*testing::NestedTuples(5000), SourceInfo{})), "OK");
}

// Validation: each case breaks one rule of a valid module.
class ValidateTest : public ::testing::Test {
 protected:
  CodeObject Valid() { return *testing::SampleModule(); }
  std::string Check(const CodeObject& code) {
    const std::string direct = ErrorOf(code);
    // Loading the same object must fail the same way.
    EXPECT_EQ(ErrorOf(SerializeArtifact(code, SourceInfo{})), direct);
    return direct;
  }
};

TEST_F(ValidateTest, Opcodes) {
  CodeObject c = Valid();
  c.code[0] = 250;
  EXPECT_NE(Check(c).find("unknown opcode 250"), std::string::npos);
  c = Valid();
  c.code[0] = MakeCodeUnit(Opcode::CACHE, 0);
  EXPECT_NE(Check(c).find("CACHE unit where an instruction was expected"), std::string::npos);
  c = Valid();
  // The CALL at offset 11 is followed by 4 CACHE units; overwrite one.
  for (size_t i = 0; i < c.code.size(); ++i) {
    if (UnitOpcode(c.code[i]) == Opcode::CALL) {
      c.code[i + 2] = MakeCodeUnit(Opcode::NOP, 0);
      break;
    }
  }
  EXPECT_NE(Check(c).find("CALL needs 4 CACHE units"), std::string::npos);
  c = Valid();
  c.code.back() = MakeCodeUnit(Opcode::NOP, 0);
  EXPECT_NE(Check(c).find("fall off the end"), std::string::npos);
  c = Valid();
  c.code.clear();
  c.positions.clear();
  c.exception_table.clear();
  EXPECT_NE(Check(c).find("no instructions"), std::string::npos);
}

TEST_F(ValidateTest, ExtendedArg) {
  CodeObject c = Valid();
  c.code.insert(c.code.begin() + 1, MakeCodeUnit(Opcode::EXTENDED_ARG, 1));
  c.positions.insert(c.positions.begin() + 1, Position{});
  // LOAD_CONST 256 + 17 is out of range.
  EXPECT_NE(Check(c).find("LOAD_CONST argument 273 out of range (18 constants)"),
            std::string::npos);
  c = Valid();
  c.code[0] = MakeCodeUnit(Opcode::EXTENDED_ARG, 1);  // before... another instruction
  c.code.insert(c.code.begin(), 4, MakeCodeUnit(Opcode::EXTENDED_ARG, 0));
  c.positions.insert(c.positions.begin(), 4, Position{});
  EXPECT_NE(Check(c).find("more than 3 EXTENDED_ARG"), std::string::npos);
  c = Valid();
  c.code.back() = MakeCodeUnit(Opcode::EXTENDED_ARG, 0);
  EXPECT_NE(Check(c).find("EXTENDED_ARG at the end"), std::string::npos);
  c = Valid();
  c.code.insert(c.code.end() - 2, MakeCodeUnit(Opcode::EXTENDED_ARG, 1));
  c.positions.push_back(Position{});
  EXPECT_NE(Check(c).find("EXTENDED_ARG before POP_EXCEPT"), std::string::npos);
}

TEST_F(ValidateTest, Arguments) {
  auto with_unit = [&](size_t at, uint16_t unit) {
    CodeObject c = Valid();
    c.code[at] = unit;
    return Check(c);
  };
  // Offsets in SampleModule: 0 RESUME, 1 LOAD_CONST, 2 MAKE_FUNCTION, 3 STORE_NAME, 4 NOP.
  EXPECT_NE(with_unit(1, MakeCodeUnit(Opcode::LOAD_CONST, 18)).find("out of range (18 constants)"),
            std::string::npos);
  EXPECT_NE(with_unit(3, MakeCodeUnit(Opcode::STORE_NAME, 5)).find("out of range (5 names)"),
            std::string::npos);
  EXPECT_NE(with_unit(3, MakeCodeUnit(Opcode::STORE_FAST, 0)).find("out of range (0 slots)"),
            std::string::npos);
  EXPECT_NE(with_unit(4, MakeCodeUnit(Opcode::NOP, 1)).find("takes no argument"),
            std::string::npos);
  EXPECT_NE(with_unit(0, MakeCodeUnit(Opcode::RESUME, 7)).find("not below 4"), std::string::npos);
  EXPECT_NE(with_unit(2, MakeCodeUnit(Opcode::MAKE_FUNCTION, 16)).find("not below 16"),
            std::string::npos);
  EXPECT_NE(with_unit(4, MakeCodeUnit(Opcode::KW_NAMES, 4)).find("not a tuple"), std::string::npos);
  EXPECT_NE(with_unit(4, MakeCodeUnit(Opcode::JUMP_FORWARD, 200)).find("not an instruction start"),
            std::string::npos);
  EXPECT_NE(with_unit(4, MakeCodeUnit(Opcode::JUMP_BACKWARD, 9)).find("jumps to -4"),
            std::string::npos);
  // Offset 5 is PUSH_NULL, 6 LOAD_NAME, 7 LOAD_CONST, 8 PRECALL, 9 its CACHE: land on the cache.
  EXPECT_NE(with_unit(4, MakeCodeUnit(Opcode::JUMP_FORWARD, 4)).find("jumps to 9"),
            std::string::npos);
  // Lands on PRECALL, an instruction start, but skips the pushes PRECALL needs.
  EXPECT_NE(with_unit(4, MakeCodeUnit(Opcode::JUMP_FORWARD, 3)).find("offset 8: stack underflow"),
            std::string::npos);

  CodeObject f = *testing::SampleFunction();
  f.code[1] = MakeCodeUnit(Opcode::MAKE_CELL, 0);  // slot 0 is a plain local
  EXPECT_NE(Check(f).find("not a cell or free variable"), std::string::npos);
}

TEST_F(ValidateTest, Slots) {
  CodeObject f = *testing::SampleFunction();
  f.localspluskinds.pop_back();
  EXPECT_NE(Check(f).find("3 slot kinds for 4"), std::string::npos);
  f = *testing::SampleFunction();
  f.localsplusnames[1] = "a";
  EXPECT_NE(Check(f).find("appears twice"), std::string::npos);
  f = *testing::SampleFunction();
  f.localspluskinds[2] = kFree | kLocal;
  EXPECT_NE(Check(f).find("invalid kind"), std::string::npos);
  f = *testing::SampleFunction();
  std::swap(f.localspluskinds[2], f.localspluskinds[3]);
  std::swap(f.localsplusnames[2], f.localsplusnames[3]);
  EXPECT_NE(Check(f).find("follows the free variables"), std::string::npos);
  f = *testing::SampleFunction();
  f.argcount = 3;
  EXPECT_NE(Check(f).find("is not a local"), std::string::npos);
  f = *testing::SampleFunction();
  f.flags |= kVarargs | kVarkeywords;
  f.argcount = 2;
  EXPECT_NE(Check(f).find("5 parameters but only 4 slots"), std::string::npos);
  f = *testing::SampleFunction();
  f.posonlyargcount = 2;
  EXPECT_NE(Check(f).find("bad argument counts"), std::string::npos);
  f = *testing::SampleFunction();
  f.stacksize = -1;
  EXPECT_NE(Check(f).find("stacksize -1"), std::string::npos);
}

TEST_F(ValidateTest, PositionsAndConstants) {
  CodeObject c = Valid();
  c.positions.pop_back();
  EXPECT_NE(ErrorOf(c).find("positions for"), std::string::npos);
  c = Valid();
  c.positions[3].col = -5;
  EXPECT_NE(Check(c).find("negative position"), std::string::npos);
  c = Valid();
  c.consts[6].text = "12";
  EXPECT_NE(Check(c).find("not canonical"), std::string::npos);
  c.consts[6].text = "-9223372036854775808";
  EXPECT_NE(Check(c).find("not canonical"), std::string::npos);
  c.consts[6].text = "0123456789012345678901";
  EXPECT_NE(Check(c).find("not canonical"), std::string::npos);
  c.consts[6].text = "12345678901234567890x";
  EXPECT_NE(Check(c).find("not canonical"), std::string::npos);
  c = Valid();
  c.consts[12].text = "\xc0\x80";
  EXPECT_NE(Check(c).find("str constant is not UTF-8"), std::string::npos);
  c.consts[12].text = "\xf4\x90\x80\x80";
  EXPECT_NE(Check(c).find("str constant is not UTF-8"), std::string::npos);
  c = Valid();
  c.consts.push_back(testing::Code(nullptr));
  EXPECT_NE(ErrorOf(c).find("code constant is null"), std::string::npos);
  c = Valid();
  auto broken = std::make_shared<CodeObject>(*testing::SampleFunction());
  broken->code[3] = MakeCodeUnit(Opcode::LOAD_FAST, 9);
  c.consts[17] = testing::Code(broken);
  EXPECT_NE(Check(c).find("invalid code object 'f'"), std::string::npos);
}

TEST_F(ValidateTest, ExceptionTable) {
  auto with_entry = [&](size_t k, ExceptionTableEntry e) {
    CodeObject c = Valid();
    c.exception_table[k] = e;
    return Check(c);
  };
  const ExceptionTableEntry first = Valid().exception_table[0];
  const ExceptionTableEntry second = Valid().exception_table[1];
  ExceptionTableEntry e = first;
  e.end = e.start;
  EXPECT_NE(with_entry(0, e).find("empty or reversed"), std::string::npos);
  e = first;
  e.end = 1000;
  EXPECT_NE(with_entry(0, e).find("beyond the code"), std::string::npos);
  e = second;
  e.start = first.start;
  EXPECT_NE(with_entry(1, e).find("overlaps"), std::string::npos);
  e = first;
  e.end = 9;  // inside PRECALL's cache
  EXPECT_NE(with_entry(0, e).find("splits an instruction"), std::string::npos);
  e = first;
  e.target = 9;
  EXPECT_NE(with_entry(0, e).find("target is not an instruction start"), std::string::npos);
  e = second;
  e.depth = 3;
  EXPECT_NE(with_entry(1, e).find("exceeds stacksize 4"), std::string::npos);
}

TEST_F(ValidateTest, StackDepth) {
  CodeObject c = Valid();
  c.stacksize = 3;  // the cleanup handler's COPY needs 4
  EXPECT_NE(Check(c).find("stack depth 4 at offset 42 exceeds stacksize 3"), std::string::npos);
  c = Valid();
  c.code[28] = MakeCodeUnit(Opcode::NOP, 0);  // the loop no longer stores its item
  EXPECT_NE(Check(c).find("inconsistent stack depth at offset 27: 1 and 2"), std::string::npos);
  c = Valid();
  c.code[30] = MakeCodeUnit(Opcode::NOP, 0);  // return without a value
  EXPECT_NE(Check(c).find("offset 31: stack underflow (RETURN_VALUE at depth 0)"),
            std::string::npos);
  c = Valid();
  c.exception_table[0].depth = 1;  // the try body starts at depth 0
  EXPECT_NE(Check(c).find("offset 4: stack depth 0 is below its exception handler's depth 1"),
            std::string::npos);
  c = Valid();
  c.code[5] = MakeCodeUnit(Opcode::BUILD_LIST, 0);
  EXPECT_EQ(Check(c), "OK");
  c.code.insert(c.code.begin() + 5,
                {MakeCodeUnit(Opcode::EXTENDED_ARG, 0x7f), MakeCodeUnit(Opcode::EXTENDED_ARG, 0xff),
                 MakeCodeUnit(Opcode::EXTENDED_ARG, 0xff)});
  c.positions.insert(c.positions.begin() + 5, 3, Position{});
  for (ExceptionTableEntry& e : c.exception_table) {
    if (e.end > 5) e.end += 3;
    if (e.start > 5) e.start += 3;
    if (e.target > 5) e.target += 3;
  }
  EXPECT_NE(Check(c).find("larger than any stack"), std::string::npos);
}

}  // namespace
}  // namespace pyrite::bytecode
