#pragma once

#include <hpdf.h>

#include <cstddef>

namespace leafpress::pdf {

/// Memory for one libharu document's objects. libharu asks for memory thousands of times a
/// document (an entry, a name, a number, a reference: a block each), and hands every block
/// back to free() one by one when the document goes; here a small block is cut from a chunk
/// and given back with the chunks, all at once. A large block (a list's array, which libharu
/// reallocates as it grows) is malloc'd and freed as libharu says, so that a long document
/// does not keep every size a list went through.
///
/// libharu's allocation callbacks carry no user data, so the arena of the document being
/// written on this thread is found through a thread-local pointer (as po_file.cpp's error
/// sink is): an arena is the thread's current one from its construction to its destruction,
/// which restores the one before. Only one document is written at a time on a thread.
class HpdfArena {
 public:
  HpdfArena();
  ~HpdfArena();
  HpdfArena(const HpdfArena&) = delete;
  HpdfArena& operator=(const HpdfArena&) = delete;

  /// libharu's HPDF_Alloc_Func: a block from the thread's current arena, or malloc's when
  /// it is large or the thread has none; nullptr when memory runs out.
  static void* allocate(HPDF_UINT size);
  /// libharu's HPDF_Free_Func: frees a malloc'd block; an arena's stays until the arena goes.
  static void release(void* block);

 private:
  /// `size` bytes (a multiple of 8) from the current chunk or a new one, or nullptr.
  void* take(std::size_t size);

  std::byte* chunks_ = nullptr;  // the newest chunk; each begins with a pointer to the one before
  std::byte* next_ = nullptr;    // free space in the newest chunk: [next_, end_)
  std::byte* end_ = nullptr;
  HpdfArena* previous_;
};

}  // namespace leafpress::pdf
