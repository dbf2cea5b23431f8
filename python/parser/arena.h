// Arena: the bump allocator that owns a parse's AST. Nodes, sequences and strings live until the
// arena dies; nothing allocated here has its destructor run, so only trivially destructible types
// may be allocated (the AST is made of such types).
//
// Example:
//   Arena arena;
//   auto* name = arena.New<ast::Name>();
//   name->id = arena.CopyString("spam");
#ifndef PYRITE_PYTHON_PARSER_ARENA_H_
#define PYRITE_PYTHON_PARSER_ARENA_H_

#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace pyrite::parser {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // Raw storage, `align` a power of two no larger than alignof(std::max_align_t).
  void* Allocate(size_t size, size_t align) {
    size_t pad = (align - (reinterpret_cast<uintptr_t>(cur_) & (align - 1))) & (align - 1);
    if (static_cast<size_t>(end_ - cur_) < size + pad) return AllocateSlow(size, align);
    char* p = cur_ + pad;
    cur_ = p + size;
    return p;
  }

  template <typename T, typename... Args>
  T* New(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "the arena never runs destructors");
    return new (Allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }

  // A copy of `items` in the arena.
  template <typename T>
  std::span<T> CopySpan(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (items.empty()) return {};
    T* p = static_cast<T*>(Allocate(sizeof(T) * items.size(), alignof(T)));
    std::memcpy(p, items.data(), sizeof(T) * items.size());
    return {p, items.size()};
  }

  std::string_view CopyString(std::string_view s) {
    if (s.empty()) return std::string_view("", 0);
    char* p = static_cast<char*>(Allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  size_t bytes_allocated() const { return bytes_allocated_; }

 private:
  void* AllocateSlow(size_t size, size_t align) {
    size_t block = size + align > kBlockSize ? size + align : kBlockSize;
    blocks_.push_back(std::make_unique<char[]>(block));
    bytes_allocated_ += block;
    cur_ = blocks_.back().get();
    end_ = cur_ + block;
    return Allocate(size, align);
  }

  static constexpr size_t kBlockSize = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cur_ = nullptr;
  char* end_ = nullptr;
  size_t bytes_allocated_ = 0;
};

}  // namespace pyrite::parser

#endif  // PYRITE_PYTHON_PARSER_ARENA_H_
