// Loads every artefact that py_bytecode produced for testing/bytecode/samples (paths come as
// arguments) and checks that each is a valid module code object that disassembles.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "python/bytecode/dis.h"
#include "python/bytecode/serialize.h"

namespace pyrite::bytecode {
namespace {

std::vector<std::string>* artefacts = nullptr;

TEST(PyBytecodeTest, EveryArtefactLoadsAndDisassembles) {
  ASSERT_NE(artefacts, nullptr);
  ASSERT_FALSE(artefacts->empty());
  for (const std::string& path : *artefacts) {
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in) << path;
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto artifact = LoadArtifact(bytes.str());
    ASSERT_TRUE(artifact.ok()) << path << ": " << artifact.status();
    EXPECT_EQ(artifact->code->name, "<module>") << path;
    EXPECT_GT(artifact->source.size, 0u) << path;
    EXPECT_FALSE(Disassemble(*artifact->code).empty()) << path;
  }
}

}  // namespace
}  // namespace pyrite::bytecode

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  static std::vector<std::string> paths(argv + 1, argv + argc);
  pyrite::bytecode::artefacts = &paths;
  return RUN_ALL_TESTS();
}
