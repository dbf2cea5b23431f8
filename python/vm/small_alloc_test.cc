// Tests of the small-block allocator (small_alloc.cc): blocks are distinct, aligned and reusable,
// ownership is answered for any pointer, and emptied pools and arenas go back (statistics).
#include "python/vm/small_alloc.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace pyrite::vm {
namespace {

// A private allocator, released at the end of each test.
class SmallAllocTest : public ::testing::Test {
 protected:
  void TearDown() override { alloc_->ReleaseAll(); }
  std::unique_ptr<SmallAllocator> alloc_ = std::make_unique<SmallAllocator>();
};

TEST_F(SmallAllocTest, BlocksAreAlignedDistinctAndOwned) {
  std::vector<void*> blocks;
  for (size_t size = 1; size <= kSmallAllocMax; ++size) {
    void* p = alloc_->Alloc(size);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 8, 0u);
    EXPECT_TRUE(alloc_->Owns(p));
    EXPECT_GE(alloc_->BlockSize(p), size);
    EXPECT_LT(alloc_->BlockSize(p), size + kSmallAllocGranule);
    std::memset(p, static_cast<int>(size & 0xff), size);
    blocks.push_back(p);
  }
  for (size_t i = 0; i < blocks.size(); ++i) {
    const unsigned char* b = static_cast<const unsigned char*>(blocks[i]);
    for (size_t j = 0; j <= i; ++j) ASSERT_EQ(b[j], (i + 1) & 0xff);
  }
  EXPECT_EQ(alloc_->GetStats().blocks_in_use, blocks.size());
  for (void* p : blocks) alloc_->Free(p);
  EXPECT_EQ(alloc_->GetStats().blocks_in_use, 0u);
}

TEST_F(SmallAllocTest, OwnsOnlyItsOwnMemory) {
  int on_stack = 0;
  std::unique_ptr<char[]> on_heap(new char[64]);
  EXPECT_FALSE(alloc_->Owns(&on_stack));
  EXPECT_FALSE(alloc_->Owns(on_heap.get()));
  EXPECT_FALSE(alloc_->Owns(nullptr));
  void* p = alloc_->Alloc(40);
  EXPECT_TRUE(alloc_->Owns(p));
  // Another allocator does not claim it.
  auto other = std::make_unique<SmallAllocator>();
  EXPECT_FALSE(other->Owns(p));
  alloc_->Free(p);
}

TEST_F(SmallAllocTest, FreedBlockIsReused) {
  void* a = alloc_->Alloc(24);
  alloc_->Free(a);
  void* b = alloc_->Alloc(24);
  EXPECT_EQ(a, b);
  alloc_->Free(b);
}

TEST_F(SmallAllocTest, EmptyArenasAreReleased) {
  // Enough 64-byte blocks to fill several arenas.
  constexpr size_t kCount = 4 * SmallAllocator::kArenaSize / 64;
  std::vector<void*> blocks;
  blocks.reserve(kCount);
  for (size_t i = 0; i < kCount; ++i) {
    blocks.push_back(alloc_->Alloc(64));
    ASSERT_NE(blocks.back(), nullptr);
  }
  SmallAllocator::Stats full = alloc_->GetStats();
  EXPECT_GE(full.arenas, 4u);
  EXPECT_EQ(full.blocks_in_use, kCount);
  for (void* p : blocks) alloc_->Free(p);
  SmallAllocator::Stats empty = alloc_->GetStats();
  EXPECT_EQ(empty.blocks_in_use, 0u);
  // At most the spare arena and the one holding the class's kept pool remain.
  EXPECT_LE(empty.arenas, 2u);
  EXPECT_LE(empty.pools_in_use, 1u);
  // Released arenas are no longer claimed.
  size_t still_owned = 0;
  for (void* p : blocks) still_owned += alloc_->Owns(p) ? 1 : 0;
  EXPECT_LE(still_owned, 2 * SmallAllocator::kArenaSize / 64);
}

TEST_F(SmallAllocTest, RandomAllocAndFreeKeepContents) {
  struct Live {
    unsigned char* p;
    size_t size;
    unsigned char tag;
  };
  std::mt19937 rng(42);
  std::vector<Live> live;
  for (int step = 0; step < 200000; ++step) {
    bool alloc = live.empty() || rng() % 100 < 55;
    if (alloc) {
      size_t size = 1 + rng() % kSmallAllocMax;
      auto* p = static_cast<unsigned char*>(alloc_->Alloc(size));
      ASSERT_NE(p, nullptr);
      unsigned char tag = static_cast<unsigned char>(rng());
      std::memset(p, tag, size);
      live.push_back({p, size, tag});
    } else {
      size_t i = rng() % live.size();
      Live l = live[i];
      for (size_t j = 0; j < l.size; ++j) ASSERT_EQ(l.p[j], l.tag);
      alloc_->Free(l.p);
      live[i] = live.back();
      live.pop_back();
    }
  }
  EXPECT_EQ(alloc_->GetStats().blocks_in_use, live.size());
  for (const Live& l : live) alloc_->Free(l.p);
  EXPECT_EQ(alloc_->GetStats().blocks_in_use, 0u);
}

TEST(ObjMemTest, AnySizeRoundTrips) {
  for (size_t size : {size_t{1}, size_t{24}, kSmallAllocMax, kSmallAllocMax + 1, size_t{100000}}) {
    void* p = ObjMemAlloc(size);
    ASSERT_NE(p, nullptr);
    std::memset(p, 0xab, size);
    ObjMemFree(p);
  }
  ObjMemFree(nullptr);
}

TEST(ObjMemTest, ReallocKeepsContentsAcrossSizes) {
  auto* p = static_cast<unsigned char*>(ObjMemRealloc(nullptr, 8));
  ASSERT_NE(p, nullptr);
  for (int i = 0; i < 8; ++i) p[i] = static_cast<unsigned char>(i);
  size_t kept = 8;
  // Grow through small sizes into malloc territory and back down.
  for (size_t size : {size_t{16}, size_t{100}, size_t{512}, size_t{4096}, size_t{300}, size_t{4}}) {
    p = static_cast<unsigned char*>(ObjMemRealloc(p, size));
    ASSERT_NE(p, nullptr);
    size_t check = kept < size ? kept : size;
    for (size_t i = 0; i < check; ++i) ASSERT_EQ(p[i], static_cast<unsigned char>(i)) << size;
    for (size_t i = check; i < size; ++i) p[i] = static_cast<unsigned char>(i);
    kept = size;
  }
  ObjMemFree(p);
}

}  // namespace
}  // namespace pyrite::vm
