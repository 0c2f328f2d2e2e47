#include "engines/page_checks.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "engines/text_measure.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

namespace leafpress::engines {
namespace {

struct Bitmap {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> dark;  // 1 where the pixel is darker than mid-grey
  bool at(int x, int y) const { return x >= 0 && y >= 0 && x < width && y < height && dark[static_cast<std::size_t>(y * width + x)]; }
};

Bitmap read_pgm(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string magic;
  int width = 0, height = 0, maxval = 0;
  in >> magic >> width >> height >> maxval;
  in.get();
  if (magic != "P5" || width <= 0 || height <= 0 || maxval != 255) throw std::runtime_error("not an 8-bit PGM: " + file.string());
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
  in.read(reinterpret_cast<char*>(pixels.data()), static_cast<std::streamsize>(pixels.size()));
  Bitmap b{width, height, {}};
  b.dark.reserve(pixels.size());
  for (const unsigned char p : pixels) b.dark.push_back(p < 128 ? 1 : 0);
  return b;
}

std::size_t unmatched(const Bitmap& a, const Bitmap& b, std::size_t& dark) {
  std::size_t count = 0;
  for (int y = 0; y < a.height; ++y) {
    for (int x = 0; x < a.width; ++x) {
      if (!a.at(x, y)) continue;
      ++dark;
      bool near = false;
      for (int dy = -1; dy <= 1 && !near; ++dy) {
        for (int dx = -1; dx <= 1 && !near; ++dx) near = b.at(x + dx, y + dy);
      }
      if (!near) ++count;
    }
  }
  return count;
}

void run_or_throw(const std::vector<std::string>& argv) {
  const auto result = testing::run_process(argv);
  if (result.exit_code != 0) throw std::runtime_error(argv[0] + " failed: " + result.err);
}

std::string letters(const std::string& text) {
  std::string out;
  for (const std::string& unit : units_of(text, Units::kCharacters)) out += unit;
  return out;
}

std::size_t letter_count(const std::string& utf8) { return static_cast<std::size_t>(icu::UnicodeString::fromUTF8(utf8).countChar32()); }

// The first `n` or last `n` code points of `utf8`.
std::string edge(const std::string& utf8, std::size_t n, bool head) {
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  const int32_t count = s.countChar32();
  const auto take = static_cast<int32_t>(n);
  const int32_t start = head ? 0 : s.moveIndex32(0, count - take);
  const int32_t end = head ? s.moveIndex32(0, take) : s.length();
  std::string out;
  return s.tempSubStringBetween(start, end).toUTF8String(out);
}

}  // namespace

double RenderDifference::share() const {
  const std::size_t total = dark_poppler + dark_ghostscript;
  return total == 0 ? 0.0 : static_cast<double>(unmatched) / static_cast<double>(total);
}

RenderDifference ghostscript_against_poppler(const std::filesystem::path& pdf, int page) {
  const testing::ScratchDir scratch;
  const std::string n = std::to_string(page);
  const auto gs_file = scratch.path() / "gs.pgm";
  run_or_throw({"gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pgmraw", "-r100", "-dTextAlphaBits=1",
                "-dGraphicsAlphaBits=1", "-dFirstPage=" + n, "-dLastPage=" + n, "-sOutputFile=" + gs_file.string(), pdf.string()});
  run_or_throw({"pdftoppm", "-gray", "-r", "100", "-aa", "no", "-aaVector", "no", "-f", n, "-l", n, "-singlefile", pdf.string(),
                (scratch.path() / "poppler").string()});
  const Bitmap poppler = read_pgm(scratch.path() / "poppler.pgm");
  const Bitmap ghostscript = read_pgm(gs_file);
  if (poppler.width != ghostscript.width || poppler.height != ghostscript.height) {
    throw std::runtime_error("poppler and Ghostscript draw the page at different sizes");
  }
  RenderDifference d;
  d.unmatched = unmatched(poppler, ghostscript, d.dark_poppler) + unmatched(ghostscript, poppler, d.dark_ghostscript);
  return d;
}

std::string mutool_draw_warnings(const std::filesystem::path& pdf) {
  const testing::ScratchDir scratch;
  const auto result = testing::run_process({"mutool", "draw", "-r", "50", "-o", (scratch.path() / "page-%d.png").string(), pdf.string()});
  if (result.exit_code != 0) return "mutool draw failed (" + std::to_string(result.exit_code) + "): " + result.err;
  return result.err;
}

std::string structure_order_problem(const std::filesystem::path& pdf, const std::vector<std::string>& paragraphs,
                                    bool optional_missing) {
  const auto result = testing::run_process({"pdfinfo", "-struct-text", pdf.string()});
  if (result.exit_code != 0) return "pdfinfo -struct-text failed: " + result.err;
  const std::string tree = letters(result.out);
  constexpr std::size_t kEdge = 8;
  std::size_t after = 0;  // where the previous paragraph ended in `tree`
  std::string previous;
  for (const std::string& paragraph : paragraphs) {
    const std::string own = letters(paragraph);
    if (letter_count(own) < kEdge) continue;
    const std::string head = edge(own, kEdge, true), tail = edge(own, kEdge, false);
    const auto head_at = tree.find(head);
    const auto tail_at = tree.find(tail);
    if (head_at == std::string::npos || tail_at == std::string::npos) {
      if (optional_missing) continue;
      return "the structure text lacks the paragraph \"" + paragraph.substr(0, 80) + "\" (" +
             (head_at == std::string::npos ? "its beginning" : "its end") + ")";
    }
    if (tail_at < head_at) return "the end of \"" + paragraph.substr(0, 80) + "\" comes before its beginning";
    if (head_at < after) return "\"" + paragraph.substr(0, 80) + "\" comes before the end of \"" + previous.substr(0, 80) + "\"";
    after = tail_at;
    previous = paragraph;
  }
  return {};
}

}  // namespace leafpress::engines
