// The gtest fixture shared by the VM's C++-level tests (gc_test, containers_test, numbers_test):
// the core runtime is started once per test suite and finalised after it, and every test must
// leave no exception pending. Also the message of a pending exception, for expectations.
#ifndef PYRITE_PYTHON_VM_TESTING_RUNTIME_FIXTURE_H_
#define PYRITE_PYTHON_VM_TESTING_RUNTIME_FIXTURE_H_

#include <string>

#include "gtest/gtest.h"
#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/objects/str.h"
#include "python/vm/runtime.h"

namespace pyrite::vm {

class RuntimeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(InitCoreRuntime()); }
  static void TearDownTestSuite() { FinalizeRuntime(); }
  void TearDown() override {
    EXPECT_FALSE(ErrorOccurred());
    ClearError();
  }
};

// str() of the pending exception, which is cleared ("<no error>" if none is pending).
inline std::string TakeErrorMessage() {
  Ref<> exc = FetchError();
  if (!exc) return "<no error>";
  Ref<> s = ToStr(exc.get());
  if (!s) {
    ClearError();
    return "<str failed>";
  }
  return std::string(StrUtf8(static_cast<Str*>(s.get())));
}

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_TESTING_RUNTIME_FIXTURE_H_
