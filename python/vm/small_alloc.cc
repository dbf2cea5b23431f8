// The small-block allocator's slow paths: pools joining and leaving their size class's list,
// arenas handing out and taking back pools, and arenas mapped from and returned to the OS
// (see small_alloc.h for the design).
#include "python/vm/small_alloc.h"

#include <cstring>

#if !defined(__EMSCRIPTEN__) && defined(__unix__)
#include <sys/mman.h>
#define PYRITE_SMALL_ALLOC_MMAP 1
#endif

namespace pyrite::vm {

constinit SmallAllocator global_small_allocator;

namespace {

// An arena-aligned block of kArenaSize bytes straight from the OS, or null. Mapping twice the size
// and trimming both ends is the portable way to get the alignment from mmap.
void* MapArena(size_t size) {
#ifdef PYRITE_SMALL_ALLOC_MMAP
  size_t len = 2 * size;
  void* m = mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return nullptr;
  uintptr_t start = reinterpret_cast<uintptr_t>(m);
  uintptr_t aligned = (start + size - 1) & ~(uintptr_t{size} - 1);
  if (aligned > start) munmap(m, aligned - start);
  uintptr_t end = start + len;
  if (end > aligned + size) munmap(reinterpret_cast<void*>(aligned + size), end - aligned - size);
  return reinterpret_cast<void*>(aligned);
#else
  return std::aligned_alloc(size, size);
#endif
}

void UnmapArena(void* base, size_t size) {
#ifdef PYRITE_SMALL_ALLOC_MMAP
  munmap(base, size);
#else
  (void)size;
  std::free(base);
#endif
}

}  // namespace

void* SmallAllocator::AllocFromNewPool(int c) {
  Pool* p = TakePool();
  if (p == nullptr) return nullptr;
  uint32_t size = static_cast<uint32_t>((c + 1) * kSmallAllocGranule);
  p->size_class = c;
  p->block_size = size;
  p->nalloc = 1;
  p->free = nullptr;
  void* first = reinterpret_cast<char*>(p) + kPoolHeader;
  p->next_offset = static_cast<uint32_t>(kPoolHeader) + size;
  p->prev = nullptr;
  p->next = nullptr;
  used_[c] = p;  // the list was empty
  ExtendOrRetire(p);
  return first;
}

// The pool's free list ran out: hand out the next never-used block, or, when the pool is full,
// take it off its class's list (Free puts it back).
void SmallAllocator::ExtendOrRetire(Pool* p) {
  if (p->next_offset + p->block_size <= kPoolSize) {
    Block* b = reinterpret_cast<Block*>(reinterpret_cast<char*>(p) + p->next_offset);
    b->next = nullptr;
    p->free = b;
    p->next_offset += p->block_size;
    return;
  }
  if (p->prev != nullptr) {
    p->prev->next = p->next;
  } else {
    used_[p->size_class] = p->next;
  }
  if (p->next != nullptr) p->next->prev = p->prev;
  p->next = nullptr;
  p->prev = nullptr;
}

// After a Free: a full pool has a free block again (back on its list, in front: its memory is
// warm), or a pool emptied (back to its arena, unless it is its class's only pool: a loop that
// allocates and frees one object would otherwise take and return a pool every time).
void SmallAllocator::PoolChanged(Pool* p, bool was_full) {
  int c = p->size_class;
  if (p->nalloc != 0) {
    // was_full: link in front.
    p->prev = nullptr;
    p->next = used_[c];
    if (p->next != nullptr) p->next->prev = p;
    used_[c] = p;
    return;
  }
  if (!was_full) {
    if (p->prev == nullptr && p->next == nullptr) return;  // the class's only pool: keep it
    if (p->prev != nullptr) {
      p->prev->next = p->next;
    } else {
      used_[c] = p->next;
    }
    if (p->next != nullptr) p->next->prev = p->prev;
  }
  ReturnPool(p);
}

void SmallAllocator::BucketInsert(Arena* a) {
  int k = a->nfree - 1;
  a->prev = nullptr;
  a->next = buckets_[k];
  if (a->next != nullptr) a->next->prev = a;
  buckets_[k] = a;
  bucket_mask_ |= uint64_t{1} << k;
}

void SmallAllocator::BucketRemove(Arena* a) {
  int k = a->nfree - 1;
  if (a->prev != nullptr) {
    a->prev->next = a->next;
  } else {
    buckets_[k] = a->next;
    if (a->next == nullptr) bucket_mask_ &= ~(uint64_t{1} << k);
  }
  if (a->next != nullptr) a->next->prev = a->prev;
  a->next = nullptr;
  a->prev = nullptr;
}

// A pool for a size class, from the arena with the fewest free pools (so the others can empty
// and be released), else the spare arena, else a new one.
SmallAllocator::Pool* SmallAllocator::TakePool() {
  Arena* a;
  if (bucket_mask_ != 0) {
    a = buckets_[__builtin_ctzll(bucket_mask_)];
    BucketRemove(a);
  } else if (spare_ != nullptr) {
    a = spare_;
    spare_ = nullptr;
  } else {
    a = NewArena();
    if (a == nullptr) return nullptr;
  }
  Pool* p;
  if (a->free_pools != nullptr) {
    p = a->free_pools;
    a->free_pools = p->next;
  } else {
    p = reinterpret_cast<Pool*>(a->base + static_cast<size_t>(a->next_unused) * kPoolSize);
    ++a->next_unused;
  }
  --a->nfree;
  if (a->nfree > 0) BucketInsert(a);
  p->arena = a;
  return p;
}

void SmallAllocator::ReturnPool(Pool* p) {
  Arena* a = p->arena;
  if (a->nfree > 0) BucketRemove(a);
  p->size_class = -1;
  p->next = a->free_pools;
  a->free_pools = p;
  ++a->nfree;
  if (a->nfree < kPoolsPerArena) {
    BucketInsert(a);
  } else if (spare_ == nullptr) {
    spare_ = a;
  } else {
    ReleaseArena(a);
  }
}

// Sets or clears the arena's bit in the address map; false when a leaf cannot be allocated.
bool SmallAllocator::MarkArena(const void* base, bool owned) {
  uint64_t a = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(base)) >> kArenaBits;
  if (a >> (kRootBits + kLeafBits) != 0) return false;  // outside the mapped address space
  uint64_t*& leaf = root_[a >> kLeafBits];
  if (leaf == nullptr) {
    if (!owned) return true;
    // Leaves are never freed: at most one per 16 GiB of address space.
    leaf = static_cast<uint64_t*>(std::calloc((size_t{1} << kLeafBits) / 64, sizeof(uint64_t)));
    if (leaf == nullptr) return false;
  }
  uint64_t i = a & ((uint64_t{1} << kLeafBits) - 1);
  if (owned) {
    leaf[i >> 6] |= uint64_t{1} << (i & 63);
  } else {
    leaf[i >> 6] &= ~(uint64_t{1} << (i & 63));
  }
  return true;
}

SmallAllocator::Arena* SmallAllocator::NewArena() {
  Arena* a = static_cast<Arena*>(std::malloc(sizeof(Arena)));
  if (a == nullptr) return nullptr;
  void* base = MapArena(kArenaSize);
  if (base == nullptr) {
    std::free(a);
    return nullptr;
  }
  if (!MarkArena(base, true)) {
    UnmapArena(base, kArenaSize);
    std::free(a);
    return nullptr;
  }
  a->base = static_cast<char*>(base);
  a->nfree = kPoolsPerArena;
  a->next_unused = 0;
  a->free_pools = nullptr;
  a->next = nullptr;
  a->prev = nullptr;
  a->all_prev = nullptr;
  a->all_next = all_arenas_;
  if (all_arenas_ != nullptr) all_arenas_->all_prev = a;
  all_arenas_ = a;
  ++narenas_;
  return a;
}

void SmallAllocator::ReleaseArena(Arena* a) {
  MarkArena(a->base, false);
  UnmapArena(a->base, kArenaSize);
  if (a->all_prev != nullptr) {
    a->all_prev->all_next = a->all_next;
  } else {
    all_arenas_ = a->all_next;
  }
  if (a->all_next != nullptr) a->all_next->all_prev = a->all_prev;
  std::free(a);
  --narenas_;
}

SmallAllocator::Stats SmallAllocator::GetStats() const {
  Stats s;
  s.arenas = narenas_;
  for (Arena* a = all_arenas_; a != nullptr; a = a->all_next) {
    for (int i = 0; i < a->next_unused; ++i) {
      const Pool* p = reinterpret_cast<const Pool*>(a->base + static_cast<size_t>(i) * kPoolSize);
      if (p->size_class < 0) continue;
      ++s.pools_in_use;
      s.blocks_in_use += p->nalloc;
    }
  }
  return s;
}

void SmallAllocator::ReleaseAll() {
  while (all_arenas_ != nullptr) ReleaseArena(all_arenas_);
  for (uint64_t*& leaf : root_) {
    std::free(leaf);
    leaf = nullptr;
  }
  std::memset(used_, 0, sizeof(used_));
  std::memset(buckets_, 0, sizeof(buckets_));
  bucket_mask_ = 0;
  spare_ = nullptr;
}

void* ObjMemRealloc(void* ptr, size_t size) {
  if (ptr == nullptr) return ObjMemAlloc(size);
  if (!kUseSmallAlloc || !global_small_allocator.Owns(ptr)) {
    // malloc'd memory stays with malloc (ObjMemFree tells them apart).
    return std::realloc(ptr, size == 0 ? 1 : size);
  }
  size_t old_size = global_small_allocator.BlockSize(ptr);
  // Shrinking a little or growing within the block: nothing to move.
  if (size <= old_size && size > old_size / 2) return ptr;
  void* fresh = ObjMemAlloc(size == 0 ? 1 : size);
  if (fresh == nullptr) return nullptr;
  std::memcpy(fresh, ptr, size < old_size ? size : old_size);
  global_small_allocator.Free(ptr);
  return fresh;
}

}  // namespace pyrite::vm
