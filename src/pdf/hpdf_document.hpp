#pragma once

#include <hpdf.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "pdf/hpdf_arena.hpp"
#include "pdf/pdf_error.hpp"

namespace leafpress::pdf {

/// Owns an HPDF_Doc, its objects kept in an HpdfArena. libharu's error callback only records
/// the error; the wrapper checks every status and throws, so no exception ever crosses
/// libharu's C frames.
class HpdfDocument {
 public:
  HpdfDocument();
  ~HpdfDocument();
  HpdfDocument(const HpdfDocument&) = delete;
  HpdfDocument& operator=(const HpdfDocument&) = delete;

  HPDF_Doc get() const { return doc_; }
  HPDF_MMgr mmgr() const { return doc_->mmgr; }
  HPDF_Xref xref() const { return doc_->xref; }

  void check(HPDF_STATUS status, const char* step) const;
  template <class T>
  T* check(T* object, const char* step) const {
    if (!object) fail(step);
    return object;
  }

  /// A new dictionary, registered as an indirect object.
  HPDF_Dict indirect_dict();
  /// A new stream dictionary (indirect) holding `bytes`, Flate-compressed unless told not.
  HPDF_Dict stream(std::string_view bytes, bool compress = true);
  /// Gives stream `dict` (one filtered by Flate or not at all) `bytes` as its data, kept here
  /// rather than copied into libharu's memory stream, which copies byte by byte in and out
  /// again; save_packed writes them. Its libharu stream stays empty.
  void keep_stream_data(HPDF_Dict dict, std::string bytes);
  /// The data kept for stream `dict`, or nullptr when libharu holds it.
  const std::string* kept_stream_data(HPDF_Dict dict) const;
  /// A new stream dictionary (indirect) holding `deflated`, bytes already compressed as
  /// save_packed compresses a stream (core::Deflater at its default level): written as they
  /// are and named /FlateDecode where a stream deflated on writing is, so the file's bytes
  /// are the same either way.
  HPDF_Dict deflated_stream(std::string deflated);
  /// Whether the data kept for `dict` came already deflated (deflated_stream).
  bool keeps_deflated(HPDF_Dict dict) const { return deflated_.contains(dict); }
  /// A new indirect object whose bytes are written here rather than by libharu: a null in
  /// libharu's cross-reference table, which gives it its number and lets libharu's objects
  /// refer to it, and whose value save_packed writes as set_written gives it.
  void* written_object();
  /// Gives `object` (from written_object) its value, in the compact syntax CompactTokens writes.
  void set_written(const void* object, std::string compact);
  /// The value given to `object`, or nullptr when libharu writes it.
  const std::string* written(const void* object) const;
  HPDF_Array array();
  /// A PDF string of raw bytes, written in hex: <FEFF...> for UTF-16BE text.
  HPDF_Binary binary(std::string_view bytes);

 private:
  [[noreturn]] void fail(const char* step) const;
  static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self);

  HpdfArena arena_;  // before doc_: libharu's memory outlives the document
  HPDF_Doc doc_ = nullptr;
  std::unordered_map<HPDF_Dict, std::string> kept_data_;
  std::unordered_set<HPDF_Dict> deflated_;
  std::unordered_map<const void*, std::string> written_;
  HPDF_STATUS error_ = HPDF_OK;
  HPDF_STATUS detail_ = HPDF_OK;
};

}  // namespace leafpress::pdf
