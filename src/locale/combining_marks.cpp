#include "locale/combining_marks.hpp"

#include <unicode/uchar.h>

#include "core/utf8.hpp"

namespace leafpress::locale {

std::string limit_combining_marks(std::string_view text, const core::SourceLoc& loc, std::string_view key,
                                  core::Diagnostics& diags) {
  std::string out;
  out.reserve(text.size());
  int run = 0;  // combining marks in a row so far
  auto end_run = [&] {
    if (run > kMaxCombiningMarks) {
      diags.error(loc, std::to_string(run) + " combining marks in a row in string '" + std::string(key) + "'",
                  "Unicode's Stream-Safe Text Format (UAX #15) allows at most " + std::to_string(kMaxCombiningMarks) +
                      "; remove the extra ones");
    }
    run = 0;
  };
  // Characters are copied in stretches, up to each mark dropped.
  std::size_t copied = 0;  // text[0, copied) is in out, or dropped
  for (std::size_t offset = 0; offset < text.size();) {
    if (static_cast<unsigned char>(text[offset]) < 0x80) {  // ASCII: combining class 0
      if (run > 0) end_run();
      ++offset;
      continue;
    }
    const std::size_t start = offset;
    const char32_t cp = core::next_code_point(text, offset);
    // Below U+0300 (Combining Diacritical Marks) every character's combining class is 0:
    // most text is decided without asking ICU.
    if (cp < 0x300 || u_getCombiningClass(static_cast<UChar32>(cp)) == 0) {
      end_run();
    } else if (++run > kMaxCombiningMarks) {
      out.append(text.substr(copied, start - copied));
      copied = offset;
    }
  }
  out.append(text.substr(copied));
  end_run();
  return out;
}

}  // namespace leafpress::locale
