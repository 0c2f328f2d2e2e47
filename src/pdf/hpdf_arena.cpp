#include "pdf/hpdf_arena.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace leafpress::pdf {
namespace {

thread_local HpdfArena* current_arena = nullptr;

// Every block handed to libharu follows a header of kHeader bytes that says where the block
// came from; blocks stay 8-byte aligned, as libharu's objects (pointers, integers, floats) need.
constexpr std::size_t kHeader = 8;
constexpr std::uint64_t kFromArena = 0x4152454E41ULL;     // "ARENA"
constexpr std::uint64_t kFromMalloc = 0x4D414C4C4F43ULL;  // "MALLOC"
// Blocks up to this size (header included) come from the arena: every object, entry and
// short string; a longer list's array is malloc'd.
constexpr std::size_t kLargestInArena = 512;
constexpr std::size_t kChunk = 4096 - 16;
// Under AddressSanitizer every block is malloc's, so that it still sees libharu's reads and
// writes past a block or after its release.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kArenaUsed = false;
#else
constexpr bool kArenaUsed = true;
#endif

void* tagged(std::byte* block, std::uint64_t tag) {
  std::memcpy(block + kHeader - sizeof tag, &tag, sizeof tag);
  return block + kHeader;
}

}  // namespace

HpdfArena::HpdfArena() : previous_(current_arena) { current_arena = this; }

HpdfArena::~HpdfArena() {
  current_arena = previous_;
  while (chunks_) {
    std::byte* before = nullptr;
    std::memcpy(&before, chunks_, sizeof before);
    std::free(chunks_);
    chunks_ = before;
  }
}

void* HpdfArena::take(std::size_t size) {
  if (static_cast<std::size_t>(end_ - next_) < size) {
    auto* chunk = static_cast<std::byte*>(std::malloc(kChunk));
    if (!chunk) return nullptr;
    std::memcpy(chunk, &chunks_, sizeof chunks_);
    chunks_ = chunk;
    next_ = chunk + sizeof chunks_;  // past the link
    end_ = chunk + kChunk;
  }
  void* block = next_;
  next_ += size;
  return block;
}

void* HpdfArena::allocate(HPDF_UINT size) {
  const std::size_t total = kHeader + (static_cast<std::size_t>(size) + 7) / 8 * 8;
  if (kArenaUsed && current_arena && total <= kLargestInArena) {
    auto* block = static_cast<std::byte*>(current_arena->take(total));
    return block ? tagged(block, kFromArena) : nullptr;
  }
  auto* block = static_cast<std::byte*>(std::malloc(total));
  return block ? tagged(block, kFromMalloc) : nullptr;
}

void HpdfArena::release(void* block) {
  if (!block) return;
  std::byte* header = static_cast<std::byte*>(block) - kHeader;
  std::uint64_t tag = 0;
  std::memcpy(&tag, header + kHeader - sizeof tag, sizeof tag);
  if (tag == kFromMalloc) std::free(header);
}

}  // namespace leafpress::pdf
