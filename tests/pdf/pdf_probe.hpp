#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

// What real PDF clients (poppler's pdffonts/pdfinfo/pdftotext/pdftoppm, qpdf, mupdf) see in a
// file, parsed into plain values the tests can assert on.

namespace leafpress::testing {

/// One row of `pdffonts`.
struct FontRow {
  std::string name;
  std::string type;
  std::string encoding;
  bool embedded = false;
  bool subset = false;
  bool unicode = false;
};

std::vector<FontRow> pdffonts(const std::filesystem::path& pdf);

/// `pdfinfo`'s "Key: value" lines (values trimmed).
std::map<std::string, std::string> pdfinfo(const std::filesystem::path& pdf);

/// `pdftotext` of the whole file in reading order (UTF-8).
std::string pdftotext(const std::filesystem::path& pdf);

/// A word as `pdftotext -bbox` places it: page (1-based) and box in points, y downwards.
struct PlacedWord {
  int page = 0;
  double x_min = 0;
  double y_min = 0;
  double x_max = 0;
  double y_max = 0;
  std::string text;
};

std::vector<PlacedWord> placed_words(const std::filesystem::path& pdf);

/// The letters and digits of `text`, lowercased for ASCII, everything else dropped: what stays
/// the same whatever the line breaks, hyphenation, spaces and punctuation.
/// Example: "immuno-\nthérapie (PD-1)" -> "immunothérapiepd1".
std::string letters_and_digits(const std::string& text);

/// A grey-scale rendering of one page.
struct GrayImage {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> pixels;  // row by row, 0 black .. 255 white

  /// The share of pixels darker than mid-grey in rows [top, bottom).
  double dark_fraction(int top, int bottom) const;
};

GrayImage render_page(const std::filesystem::path& pdf, int page, int dpi);

/// The whole file's bytes.
std::string file_bytes(const std::filesystem::path& file);

/// The PDF's bytes with its object streams unpacked by qpdf (--object-streams=disable,
/// stream data as it is): every dictionary as plain text, as qpdf writes it
/// ("/MediaBox [ 0 0 595.275591 841.889764 ]"), numbers kept as the file wrote them.
std::string unpacked_pdf_bytes(const std::filesystem::path& pdf);

/// Writes `bytes` to `file`, replacing it.
void write_file(const std::filesystem::path& file, const std::string& bytes);

/// The names of the files in `dir`, sorted; none when it does not exist.
std::vector<std::string> names_in(const std::filesystem::path& dir);

/// The languages a leaflet's `languages: [a, b]` line declares.
std::vector<std::string> declared_languages(const std::filesystem::path& leaflet_yaml);

/// `text` with its code points in reverse order (lines read back from right to left).
std::string reversed_code_points(const std::string& text);

}  // namespace leafpress::testing
