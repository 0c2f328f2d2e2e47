#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace leafpress::pdf {

/// libharu failed; the message names the step and libharu's error code.
class PdfError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// hb-subset could not subset a font that FreeType and HarfBuzz opened: its tables are
/// damaged in a way only subsetting meets. A problem of that font file, not of leafpress.
class FontSubsetError : public PdfError {
 public:
  explicit FontSubsetError(std::string font_file)
      : PdfError("cannot subset font '" + font_file + "'"), font_file_(std::move(font_file)) {}
  const std::string& font_file() const { return font_file_; }

 private:
  std::string font_file_;
};

}  // namespace leafpress::pdf
