#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/link_target.hpp"

namespace leafpress::core {

/// What one run lets its input cost and reach. Every number bounds time or memory against a
/// hostile or broken leaflet; each is documented in leaflets/README.md ("Limits") and set
/// from the command line.
struct Limits {
  static constexpr std::size_t kDefaultMaxFileBytes = 4 * 1024 * 1024;
  static constexpr std::size_t kDefaultMaxStringBytes = 64 * 1024;
  static constexpr int kDefaultMaxNesting = 64;
  static constexpr std::size_t kDefaultMaxPages = 500;
  /// Forty million: a full A4 page at 600 ppi is 35 million pixels.
  static constexpr std::size_t kDefaultMaxImagePixels = 40'000'000;
  /// More text than one page holds even at the smallest type leafpress sets (4 pt, no
  /// margins): with max_pages, a bound on a leaflet's text (see max_text_bytes).
  static constexpr std::size_t kTextBytesPerPage = 128 * 1024;
  /// 4 MiB of text, each use of a string counted: over a thousand pages at 10 pt, and about
  /// 550 MB of memory while it is shaped and broken into lines (130 bytes a byte at 4 pt).
  static constexpr std::size_t kDefaultMaxDocumentText = 4 * 1024 * 1024;
  /// A hundred million: 300 MB of RGB, two and a half pictures at the per-picture limit.
  static constexpr std::size_t kDefaultMaxDecodedPixels = 100'000'000;

  /// Size of one YAML file (leaflet.yaml, <lang>.yaml, fallback.yaml).
  std::size_t max_file_bytes = kDefaultMaxFileBytes;
  /// Bytes one string (any YAML scalar) takes in its file.
  std::size_t max_string_bytes = kDefaultMaxStringBytes;
  /// Maps and lists inside each other in a YAML file.
  int max_nesting = kDefaultMaxNesting;
  /// Pages of one PDF.
  std::size_t max_pages = kDefaultMaxPages;
  /// Pixels (width x height) of one picture a figure shows, checked in its header before
  /// any pixel memory is taken.
  std::size_t max_image_pixels = kDefaultMaxImagePixels;
  /// Pixels of all the pictures a leaflet decodes, added up; leaflets are built one after
  /// another and their pictures released, so this bounds a process's decoded pictures too.
  /// Checked from each picture's header before it is decoded.
  std::size_t max_decoded_pixels = kDefaultMaxDecodedPixels;
  /// UTF-8 bytes of text one document may come to, each use of a string counted again
  /// (--max-text-bytes); see max_text_bytes.
  std::size_t max_document_text = kDefaultMaxDocumentText;
  /// When false, files reached through a symlink that resolves outside their folder (the
  /// leaflet's, the font folder), and pictures named by a path leading outside the leaflet's
  /// folder, are refused.
  bool allow_outside = false;
  /// What link targets and QR codes may be (--link-schemes).
  LinkPolicy links;

  /// UTF-8 bytes of text one document may come to, each use of a string counted again: the
  /// smaller of max_document_text and what max_pages pages can hold. A string of 64 KiB used
  /// a million times from a 4 MiB leaflet.yaml would otherwise come to 64 GiB.
  std::size_t max_text_bytes() const;

  /// Whether max_pages, not max_document_text, sets max_text_bytes.
  bool text_limited_by_pages() const;
};

/// "4 MiB", "64 KiB", "1.5 MiB" or "300 bytes": a size for messages.
std::string format_bytes(std::size_t bytes);

/// `value` with its digits in groups of three: "40,000,000".
std::string format_count(std::uint64_t value);

}  // namespace leafpress::core
