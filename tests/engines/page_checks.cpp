#include "engines/page_checks.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "engines/engine_text.hpp"
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

// The next number of a PGM header, past spaces and '#' comments (Ghostscript writes one).
int header_number(std::istream& in) {
  while (in) {
    const int c = in.peek();
    if (c == '#') {
      std::string comment;
      std::getline(in, comment);
    } else if (std::isspace(c)) {
      in.get();
    } else {
      break;
    }
  }
  int value = 0;
  in >> value;
  return value;
}

Bitmap read_pgm(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string magic(2, ' ');
  in.read(magic.data(), 2);
  const int width = header_number(in), height = header_number(in), maxval = header_number(in);
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
  // The two round the page's size in pixels differently, by a pixel at most.
  if (std::abs(poppler.width - ghostscript.width) > 2 || std::abs(poppler.height - ghostscript.height) > 2) {
    throw std::runtime_error("poppler and Ghostscript draw the page at different sizes");
  }
  RenderDifference d;
  d.unmatched = unmatched(poppler, ghostscript, d.dark_poppler) + unmatched(ghostscript, poppler, d.dark_ghostscript);
  return d;
}

std::string mutool_draw_warnings(const std::filesystem::path& pdf) {
  const testing::ScratchDir scratch;
  // -N: no colour management; Debian's MuPDF is built without it and says so once per run
  // ("ICC support is not available"), whatever the file.
  const auto result = testing::run_process({"mutool", "draw", "-q", "-N", "-r", "50", "-o", (scratch.path() / "page-%d.png").string(), pdf.string()});
  if (result.exit_code != 0) return "mutool draw failed (" + std::to_string(result.exit_code) + "): " + result.err;
  return result.err;
}

std::string poppler_structure_text(const std::filesystem::path& pdf, bool rtl) {
  const auto result = testing::run_process({"pdfinfo", "-struct-text", pdf.string()});
  if (result.exit_code != 0) throw std::runtime_error("pdfinfo -struct-text failed: " + result.err);
  // Only the quoted text: element names and "Object 52 0" (a link's annotation) are not read.
  std::string quoted_text;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) {
    const auto open = line.find('"'), close = line.rfind('"');
    if (open == std::string::npos || close <= open) continue;
    // pdfinfo joins marked content in drawing order and applies no bidi: right-to-left
    // lines, drawn left to right, come back in visual order.
    const std::string quoted = line.substr(open + 1, close - open - 1);
    quoted_text += (rtl ? logical_from_visual(quoted) : quoted) + "\n";
  }
  return quoted_text;
}

std::string structure_order_problem(const std::string& structure_text, const std::vector<std::string>& paragraphs,
                                    bool optional_missing) {
  const std::string tree = letters(structure_text);
  constexpr std::size_t kEdge = 16;
  std::size_t cursor = 0;  // where the previous paragraph ended in `tree`
  std::string previous = "the document's start";
  for (const std::string& paragraph : paragraphs) {
    const std::string own = letters(paragraph);
    const std::size_t count = letter_count(own);
    if (count < 8) continue;
    const std::string head = count <= kEdge ? own : edge(own, kEdge, true);
    const std::string tail = count <= kEdge ? own : edge(own, kEdge, false);
    const std::string quoted = "\"" + paragraph.substr(0, 60) + (paragraph.size() > 60 ? "…" : "") + "\"";
    const bool anywhere = tree.find(head) != std::string::npos && tree.find(tail) != std::string::npos;
    if (!anywhere) {
      if (optional_missing) continue;
      return "the structure text lacks " + quoted + " (" + (tree.find(head) == std::string::npos ? "its beginning" : "its end") + ")";
    }
    const auto head_at = tree.find(head, cursor);
    if (head_at == std::string::npos) return quoted + " begins before the end of " + previous;
    const auto tail_at = tree.find(tail, head_at);
    if (tail_at == std::string::npos) return "the end of " + quoted + " comes before its beginning";
    cursor = tail_at + tail.size();
    previous = quoted;
  }
  return {};
}

}  // namespace leafpress::engines
