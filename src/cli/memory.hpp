#pragma once

#include <cstddef>
#include <optional>

#include "document/document.hpp"

namespace leafpress::cli {

/// Memory one document's build takes besides its pictures: fonts, shaped text, lines and
/// pages, the PDF being written (measured: about 150 MB for the sample leaflet's largest).
inline constexpr std::size_t kDocumentMemory = std::size_t{256} * 1024 * 1024;

/// The memory this process may still take: the smaller of the system's available memory
/// (MemAvailable, proc(5)) and what the address-space limit (ulimit -v) leaves; nullopt
/// when neither can be read.
std::optional<std::size_t> available_memory();

/// Bytes of the pictures `doc` shows as pixels, each counted once: a press document converts
/// them to CMYK pixels while it writes (a screen PDF copies only their compressed stream).
std::size_t picture_bytes(const document::Document& doc);

/// The documents to build at once when -j does not say: one per processor core, no more
/// than `jobs`, and no more than the available memory holds at kDocumentMemory plus
/// `pictures` bytes each; at least one.
unsigned default_workers(std::size_t jobs, std::size_t pictures);

}  // namespace leafpress::cli
