#include "pdf/pdf_probe.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/process.hpp"

namespace leafpress::testing {
namespace {

std::string checked_output(const std::vector<std::string>& argv) {
  const ProcessResult result = run_process(argv);
  if (result.exit_code != 0) throw std::runtime_error(argv[0] + " failed: " + result.err);
  return result.out;
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// pdffonts prints fixed-width columns; names, types and encodings contain single spaces, so
// split on the column starts its dashed underline gives.
std::vector<std::pair<std::size_t, std::size_t>> column_spans(const std::string& underline) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t at = 0;
  while ((at = underline.find('-', at)) != std::string::npos) {
    const std::size_t end = underline.find(' ', at);
    spans.emplace_back(at, end == std::string::npos ? std::string::npos : end - at);
    at = end;
  }
  return spans;
}

}  // namespace

std::vector<FontRow> pdffonts(const std::filesystem::path& pdf) {
  std::istringstream lines(checked_output({"pdffonts", pdf.string()}));
  std::string header, underline;
  std::getline(lines, header);
  std::getline(lines, underline);
  const auto spans = column_spans(underline);
  if (spans.size() < 7) throw std::runtime_error("unexpected pdffonts header: " + underline);
  std::vector<FontRow> rows;
  for (std::string line; std::getline(lines, line);) {
    auto field = [&](std::size_t k) { return trim(line.substr(spans[k].first, spans[k].second)); };
    rows.push_back({field(0), field(1), field(2), field(3) == "yes", field(4) == "yes", field(5) == "yes"});
  }
  return rows;
}

std::map<std::string, std::string> pdfinfo(const std::filesystem::path& pdf) {
  std::istringstream lines(checked_output({"pdfinfo", pdf.string()}));
  std::map<std::string, std::string> info;
  for (std::string line; std::getline(lines, line);) {
    const auto colon = line.find(':');
    if (colon != std::string::npos) info[line.substr(0, colon)] = trim(line.substr(colon + 1));
  }
  return info;
}

std::string pdftotext(const std::filesystem::path& pdf) {
  return checked_output({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"});
}

namespace {

double attribute(const std::string& line, const std::string& name) {
  const auto at = line.find(name + "=\"");
  return at == std::string::npos ? 0 : std::stod(line.substr(at + name.size() + 2));
}

/// Undoes the XML escapes pdftotext -bbox writes.
std::string unescaped(std::string text) {
  const std::pair<const char*, const char*> escapes[] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}};
  for (const auto& [from, to] : escapes) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + 1)) {
      text.replace(at, std::strlen(from), to);
    }
  }
  return text;
}

}  // namespace

std::vector<PlacedWord> placed_words(const std::filesystem::path& pdf) {
  std::istringstream in(checked_output({"pdftotext", "-enc", "UTF-8", "-bbox", pdf.string(), "-"}));
  std::vector<PlacedWord> words;
  int page = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.find("<page ") != std::string::npos) ++page;
    const auto open = line.find("<word ");
    if (open == std::string::npos) continue;
    const auto text_start = line.find('>', open) + 1;
    const auto text_end = line.find("</word>", text_start);
    words.push_back({page, attribute(line, "xMin"), attribute(line, "yMin"), attribute(line, "xMax"),
                     attribute(line, "yMax"), unescaped(line.substr(text_start, text_end - text_start))});
  }
  return words;
}

std::string letters_and_digits(const std::string& text) {
  std::string kept;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 cp = 0;
    U8_NEXT(bytes, i, length, cp);
    if (cp < 0 || !u_isalnum(cp)) continue;
    if (cp < 0x80) {
      kept += static_cast<char>(u_tolower(cp));
    } else {
      kept.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    }
  }
  return kept;
}

double GrayImage::dark_fraction(int top, int bottom) const {
  if (bottom <= top || width == 0) return 0;
  std::size_t dark = 0;
  for (int y = top; y < bottom; ++y) {
    for (int x = 0; x < width; ++x) dark += pixels[static_cast<std::size_t>(y * width + x)] < 128 ? 1 : 0;
  }
  return static_cast<double>(dark) / (static_cast<double>(bottom - top) * width);
}

GrayImage render_page(const std::filesystem::path& pdf, int page, int dpi) {
  const std::string number = std::to_string(page);
  const std::string pgm = checked_output(
      {"pdftoppm", "-gray", "-r", std::to_string(dpi), "-f", number, "-l", number, pdf.string()});
  // Binary PGM: "P5\n<width> <height>\n<maxval>\n" then one byte per pixel.
  std::istringstream in(pgm);
  std::string magic;
  int maxval = 0;
  GrayImage image;
  in >> magic >> image.width >> image.height >> maxval;
  in.get();
  if (magic != "P5" || maxval != 255 || image.width <= 0 || image.height <= 0) {
    throw std::runtime_error("pdftoppm gave no 8-bit PGM");
  }
  const auto count = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
  const auto offset = static_cast<std::size_t>(in.tellg());
  if (pgm.size() < offset + count) throw std::runtime_error("pdftoppm gave a short PGM");
  image.pixels.assign(pgm.begin() + static_cast<std::ptrdiff_t>(offset),
                      pgm.begin() + static_cast<std::ptrdiff_t>(offset + count));
  return image;
}

std::string file_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string unpacked_pdf_bytes(const std::filesystem::path& pdf) {
  const ProcessResult result =
      run_process({"qpdf", "--object-streams=disable", "--decode-level=none", pdf.string(), "-"});
  if (result.exit_code != 0) throw std::runtime_error("qpdf cannot unpack " + pdf.string() + ": " + result.err);
  return result.out;
}

void write_file(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary) << bytes;
}

std::vector<std::string> names_in(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  if (!std::filesystem::exists(dir)) return names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> declared_languages(const std::filesystem::path& leaflet_yaml) {
  std::istringstream lines(file_bytes(leaflet_yaml));
  const std::string key = "languages:";
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(key, 0) != 0) continue;
    const auto open = line.find('[');
    const auto close = line.find(']');
    if (open == std::string::npos || close == std::string::npos) break;
    std::vector<std::string> languages;
    std::istringstream list(line.substr(open + 1, close - open - 1));
    for (std::string tag; std::getline(list, tag, ',');) languages.push_back(trim(tag));
    return languages;
  }
  throw std::runtime_error("no 'languages: [...]' line in " + leaflet_yaml.string());
}

std::string reversed_code_points(const std::string& text) {
  std::vector<std::string> points;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t length = 1;
    while (at + length < text.size() && (static_cast<unsigned char>(text[at + length]) & 0xC0) == 0x80) ++length;
    points.push_back(text.substr(at, length));
    at += length;
  }
  std::string out;
  for (auto it = points.rbegin(); it != points.rend(); ++it) out += *it;
  return out;
}

}  // namespace leafpress::testing
