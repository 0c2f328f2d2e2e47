#pragma once

#include <string>

#include "pdf/hpdf_document.hpp"

namespace leafpress::pdf {

/// A libharu stream that appends what is written to it to a std::string.
class StringSink {
 public:
  StringSink(HpdfDocument& pdf, std::string& bytes);
  ~StringSink() { HPDF_Stream_Free(stream_); }
  StringSink(const StringSink&) = delete;
  StringSink& operator=(const StringSink&) = delete;
  HPDF_Stream get() const { return stream_; }

 private:
  HPDF_Stream stream_;
};

}  // namespace leafpress::pdf
