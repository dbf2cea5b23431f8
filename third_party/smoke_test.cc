// Checks that Debian's Abseil, RE2, GoogleTest and protobuf (lite runtime, with messages generated
// by the system protoc through Bazel's native proto rules) link and work together.
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "third_party/smoke_test.pb.h"

namespace pyrite::third_party {
namespace {

absl::StatusOr<int> ParsePositive(int value) {
  if (value <= 0) return absl::InvalidArgumentError(absl::StrCat("not positive: ", value));
  return value;
}

TEST(SmokeTest, AbseilStringsContainersAndStatus) {
  absl::flat_hash_map<std::string, int> counts;
  for (const char* word : {"spam", "eggs", "spam"}) ++counts[word];
  EXPECT_EQ(counts["spam"], 2);
  EXPECT_EQ(absl::StrFormat("%s=%d", "eggs", counts["eggs"]), "eggs=1");
  EXPECT_EQ(*ParsePositive(3), 3);
  EXPECT_EQ(ParsePositive(-1).status().message(), "not positive: -1");
}

TEST(SmokeTest, Re2Matches) {
  std::string name;
  int number = 0;
  ASSERT_TRUE(RE2::FullMatch("python3.11", R"(([a-z]+)(\d)\.\d+)", &name, &number));
  EXPECT_EQ(name, "python");
  EXPECT_EQ(number, 3);
  EXPECT_FALSE(RE2::PartialMatch("abc", "[0-9]"));
}

TEST(SmokeTest, ProtobufLiteRoundTrip) {
  SmokeCode code;
  code.set_name("<module>");
  code.set_code(std::string("\x01\x00\x02", 3));
  code.add_constants()->set_small_int(42);
  code.add_constants()->set_text("h\xc3\xa9llo");
  code.add_children()->set_name("f");

  std::string wire;
  ASSERT_TRUE(code.SerializeToString(&wire));
  SmokeCode loaded;
  ASSERT_TRUE(loaded.ParseFromString(wire));
  EXPECT_EQ(loaded.name(), "<module>");
  EXPECT_EQ(loaded.code(), std::string("\x01\x00\x02", 3));
  ASSERT_EQ(loaded.constants_size(), 2);
  EXPECT_EQ(loaded.constants(0).small_int(), 42);
  EXPECT_EQ(loaded.constants(1).text(), "h\xc3\xa9llo");
  EXPECT_EQ(loaded.children(0).name(), "f");

  std::string again;
  ASSERT_TRUE(loaded.SerializeToString(&again));
  EXPECT_EQ(again, wire);
  EXPECT_FALSE(loaded.ParseFromString(std::string("\xff\xff\xff", 3)));
}

}  // namespace
}  // namespace pyrite::third_party
