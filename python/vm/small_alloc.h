// A fast allocator for small blocks (at most kSmallAllocMax bytes), in the spirit of CPython's
// obmalloc: most Python objects are small and short-lived (a float, an int, a 2-tuple), and
// glibc's malloc/calloc/free cost far more than the few instructions a size-class free list does.
//
// Layout: memory comes from the OS in arenas of kArenaSize bytes, aligned to kArenaSize; an arena
// is cut into pools of kPoolSize bytes (aligned, so a block's pool is found by masking its
// address); each pool serves one size class (multiples of 8 bytes) and keeps its own free list of
// blocks, plus a bump offset for blocks never handed out yet (untouched pages stay non-resident).
// Pools with free blocks are linked per size class; a pool that empties goes back to its arena,
// and an arena whose pools are all free goes back to the OS (one spare empty arena is kept to
// avoid mapping and unmapping around a boundary). New pools are taken from the arena with the
// fewest free pools, so that lightly used arenas drain and can be released: peak and steady
// memory stay low.
//
// Whether a pointer belongs to the allocator (Free must tell small blocks from malloc'd memory
// without knowing the size) is answered by a two-level bitmap over arena addresses.
//
// Not thread-safe: the VM runs on one thread.
//
// Under AddressSanitizer (the asan configuration) the VM does not use pools for objects at all
// (kUseSmallAlloc is false): every object is its own calloc'd block, so ASan sees each one and
// LeakSanitizer reports leaked objects.
//
// Example:
//   void* p = SmallAlloc(24);   // uninitialised, 8-byte aligned; null when out of memory
//   SmallFree(p);
//   void* q = ObjMemAlloc(1000);  // any size: pools when small, malloc otherwise
//   q = ObjMemRealloc(q, 40);     // (null check omitted)
//   ObjMemFree(q);
#ifndef PYRITE_PYTHON_VM_SMALL_ALLOC_H_
#define PYRITE_PYTHON_VM_SMALL_ALLOC_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace pyrite::vm {

#if defined(__SANITIZE_ADDRESS__)
#define PYRITE_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PYRITE_ADDRESS_SANITIZER 1
#endif
#endif

#ifdef PYRITE_ADDRESS_SANITIZER
inline constexpr bool kUseSmallAlloc = false;
#else
inline constexpr bool kUseSmallAlloc = true;
#endif

inline constexpr size_t kSmallAllocMax = 512;
inline constexpr size_t kSmallAllocGranule = 8;
inline constexpr int kSmallAllocClasses = kSmallAllocMax / kSmallAllocGranule;

// One instance is the VM's allocator (SmallAlloc/SmallFree below); tests make their own.
class SmallAllocator {
 public:
  static constexpr int kArenaBits = 20;  // 1 MiB arenas
  static constexpr size_t kArenaSize = size_t{1} << kArenaBits;
  static constexpr int kPoolBits = 14;  // 16 KiB pools
  static constexpr size_t kPoolSize = size_t{1} << kPoolBits;
  static constexpr int kPoolsPerArena = 1 << (kArenaBits - kPoolBits);

  struct Stats {
    size_t arenas = 0;         // mapped arenas (including the spare)
    size_t pools_in_use = 0;   // pools serving a size class
    size_t blocks_in_use = 0;  // blocks handed out and not freed
  };

  // constexpr so that the VM's instance is constant-initialised (no start-up order issues). There
  // is no destructor: the VM's instance lives until exit (objects may be freed by other static
  // destructors); an owner that is done with an instance calls ReleaseAll.
  constexpr SmallAllocator() = default;
  SmallAllocator(const SmallAllocator&) = delete;
  SmallAllocator& operator=(const SmallAllocator&) = delete;

  // 1 <= size <= kSmallAllocMax. Uninitialised memory, aligned to 8; null when out of memory.
  void* Alloc(size_t size) {
    int c = ClassOf(size);
    Pool* p = used_[c];
    if (p == nullptr) [[unlikely]]
      return AllocFromNewPool(c);
    Block* b = p->free;
    p->free = b->next;
    ++p->nalloc;
    if (p->free == nullptr) [[unlikely]]
      ExtendOrRetire(p);
    return b;
  }

  // `ptr` must come from this allocator's Alloc.
  void Free(void* ptr) {
    Pool* p = PoolOf(ptr);
    Block* b = static_cast<Block*>(ptr);
    bool was_full = p->free == nullptr;
    b->next = p->free;
    p->free = b;
    if (--p->nalloc == 0 || was_full) [[unlikely]]
      PoolChanged(p, was_full);
  }

  // Whether `ptr` points into one of this allocator's arenas (any pointer may be asked).
  bool Owns(const void* ptr) const {
    uint64_t a = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(ptr)) >> kArenaBits;
    if (a >> (kRootBits + kLeafBits) != 0) return false;
    const uint64_t* leaf = root_[a >> kLeafBits];
    if (leaf == nullptr) return false;
    uint64_t i = a & ((uint64_t{1} << kLeafBits) - 1);
    return (leaf[i >> 6] >> (i & 63)) & 1;
  }

  // The usable size of the block holding `ptr` (from Owns' allocator).
  size_t BlockSize(const void* ptr) const { return PoolOf(ptr)->block_size; }

  Stats GetStats() const;
  // Returns every arena to the OS; blocks still in use become invalid.
  void ReleaseAll();

  static int ClassOf(size_t size) { return static_cast<int>((size - 1) / kSmallAllocGranule); }

 private:
  struct Block {
    Block* next;
  };
  struct Arena;
  // The header at the start of each pool; blocks follow.
  struct Pool {
    Block* free;  // free blocks; never null while the pool is on its class's used list
    uint32_t nalloc;
    uint32_t block_size;
    uint32_t next_offset;  // first never-used block
    int32_t size_class;
    Pool* next;  // used list of its class, or the arena's free pool list
    Pool* prev;
    Arena* arena;
  };
  static constexpr size_t kPoolHeader = (sizeof(Pool) + 15) & ~size_t{15};
  // Arena bookkeeping lives outside the arena (malloc'd).
  struct Arena {
    char* base;
    int nfree;         // pools not serving a class (free list + never used)
    int next_unused;   // pools at or after this index were never used
    Pool* free_pools;  // pools that served a class and emptied
    Arena* next;       // in bucket nfree (arenas with 0 free pools are in no bucket)
    Arena* prev;
    Arena* all_next;  // every mapped arena (statistics, ReleaseAll)
    Arena* all_prev;
  };

  // Address map: 48-bit addresses in units of arenas, split into a root and leaves of bits.
  static constexpr int kAddressBits = 48;
  static constexpr int kLeafBits = 14;
  static constexpr int kRootBits = kAddressBits - kArenaBits - kLeafBits;

  static Pool* PoolOf(const void* ptr) {
    return reinterpret_cast<Pool*>(reinterpret_cast<uintptr_t>(ptr) & ~(kPoolSize - 1));
  }

  void* AllocFromNewPool(int c);
  void ExtendOrRetire(Pool* p);
  void PoolChanged(Pool* p, bool was_full);
  Pool* TakePool();
  void ReturnPool(Pool* p);
  Arena* NewArena();
  void ReleaseArena(Arena* a);
  void BucketInsert(Arena* a);
  void BucketRemove(Arena* a);
  bool MarkArena(const void* base, bool owned);

  Pool* used_[kSmallAllocClasses] = {};
  // Arenas by free pool count (bucket k holds arenas with k+1 free pools); bit k of
  // bucket_mask_ says bucket k is non-empty.
  Arena* buckets_[kPoolsPerArena] = {};
  uint64_t bucket_mask_ = 0;
  Arena* spare_ = nullptr;  // an arena with every pool free, kept for reuse
  size_t narenas_ = 0;
  Arena* all_arenas_ = nullptr;
  uint64_t* root_[size_t{1} << kRootBits] = {};
};

static_assert(SmallAllocator::kPoolsPerArena <= 64, "bucket_mask_ has one bit per bucket");

// The VM's allocator.
extern constinit SmallAllocator global_small_allocator;

// Object memory of any size: pools for small sizes (unless kUseSmallAlloc is false), malloc for
// the rest. Uninitialised; null when out of memory.
inline void* ObjMemAlloc(size_t size) {
  if (kUseSmallAlloc && size <= kSmallAllocMax && size != 0) {
    return global_small_allocator.Alloc(size);
  }
  return std::malloc(size);
}
// Frees memory from ObjMemAlloc (null is allowed).
inline void ObjMemFree(void* ptr) {
  if (kUseSmallAlloc && global_small_allocator.Owns(ptr)) {
    global_small_allocator.Free(ptr);
    return;
  }
  std::free(ptr);
}

// Resizes memory from ObjMemAlloc like realloc (null `ptr` allocates; the contents up to the
// smaller size are kept; null when out of memory, `ptr` then still valid). For containers' item
// arrays, which are mostly small.
void* ObjMemRealloc(void* ptr, size_t size);

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_SMALL_ALLOC_H_
