#pragma once

#include <memory>

namespace leafpress::core {

/// Calls a C library's destroy function; lets a C handle live in a std::unique_ptr.
template <auto DestroyFn>
struct Deleter {
  template <class T>
  void operator()(T* handle) const noexcept {
    if (handle) DestroyFn(handle);
  }
};

/// `CHandle<hb_blob_t, hb_blob_destroy>` owns an hb_blob_t* and destroys it once.
template <class T, auto DestroyFn>
using CHandle = std::unique_ptr<T, Deleter<DestroyFn>>;

}  // namespace leafpress::core
