#include "engines/engine_text.hpp"

#include <unicode/ubidi.h>
#include <unicode/unistr.h>

#include <nlohmann/json.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "engines/engines_paths.hpp"
#include "support/process.hpp"
#include "support/scratch_dir.hpp"

namespace leafpress::engines {
namespace {

using testing::ProcessResult;
using testing::run_process;

std::string output_of(const std::vector<std::string>& argv) {
  const ProcessResult result = run_process(argv);
  if (result.exit_code != 0) throw std::runtime_error(argv[0] + " failed (" + std::to_string(result.exit_code) + "): " + result.err);
  return result.out;
}

std::string file_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string mupdf_text(const std::filesystem::path& pdf) {
  const testing::ScratchDir scratch;
  const auto out = scratch.path() / "text.txt";
  output_of({"mutool", "convert", "-F", "text", "-o", out.string(), pdf.string()});
  return file_text(out);
}

std::string ghostscript_text(const std::filesystem::path& pdf, bool rtl) {
  const std::string visual = output_of(
      {"gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite", "-sOutputFile=-", pdf.string()});
  if (!rtl) return visual;
  std::istringstream lines(visual);
  std::string logical;
  for (std::string line; std::getline(lines, line);) logical += logical_from_visual(line) + "\n";
  return logical;
}

std::string pdfjs_text(const std::filesystem::path& pdf) {
  const std::string json = output_of({"node", pdfjs_script().string(), pdf.string()});
  const auto document = nlohmann::json::parse(json);
  std::string text;
  for (const auto& page : document.at("pages")) {
    for (const auto& item : page.at("items")) {
      text += item.at("str").get<std::string>();
      if (item.at("eol").get<bool>()) text += "\n";
    }
    text += "\n\f";
  }
  return text;
}

// PO string literals: the text between the quotes, with C escapes.
std::string unquote(const std::string& literal) {
  const auto first = literal.find('"');
  const auto last = literal.rfind('"');
  if (first == std::string::npos || last <= first) return {};
  std::string out;
  for (std::size_t i = first + 1; i < last; ++i) {
    if (literal[i] != '\\' || i + 1 >= last) {
      out += literal[i];
      continue;
    }
    const char escaped = literal[++i];
    out += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped;
  }
  return out;
}

}  // namespace

std::string engine_name(Engine engine) {
  switch (engine) {
    case Engine::kPoppler: return "poppler";
    case Engine::kMuPdf: return "mupdf";
    case Engine::kGhostscript: return "ghostscript";
    case Engine::kPdfJs: return "pdf.js";
  }
  return "?";
}

std::string engine_text(Engine engine, const std::filesystem::path& pdf, bool rtl) {
  switch (engine) {
    case Engine::kPoppler: return output_of({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"});
    case Engine::kMuPdf: return mupdf_text(pdf);
    case Engine::kGhostscript: return ghostscript_text(pdf, rtl);
    case Engine::kPdfJs: return pdfjs_text(pdf);
  }
  throw std::logic_error("unknown engine");
}

std::string logical_from_visual(const std::string& line) {
  const icu::UnicodeString visual = icu::UnicodeString::fromUTF8(line);
  UErrorCode status = U_ZERO_ERROR;
  UBiDi* bidi = ubidi_open();
  ubidi_setReorderingMode(bidi, UBIDI_REORDER_INVERSE_NUMBERS_AS_L);
  ubidi_setPara(bidi, visual.getBuffer(), visual.length(), UBIDI_RTL, nullptr, &status);
  icu::UnicodeString logical;
  const int32_t capacity = visual.length() * 2 + 8;
  UChar* buffer = logical.getBuffer(capacity);
  const int32_t length = ubidi_writeReordered(bidi, buffer, capacity, UBIDI_REMOVE_BIDI_CONTROLS, &status);
  logical.releaseBuffer(U_SUCCESS(status) ? length : 0);
  ubidi_close(bidi);
  if (U_FAILURE(status)) throw std::runtime_error("inverse bidi failed");
  std::string out;
  return logical.toUTF8String(out);
}

std::vector<std::string> po_translations(const std::string& po) {
  std::vector<std::string> out;
  std::istringstream lines(po);
  std::string msgid, msgstr, *current = nullptr;
  bool header_done = false;
  auto flush = [&] {
    if (current == nullptr) return;
    if (header_done) out.push_back(msgstr.empty() ? msgid : msgstr);
    header_done = true;
    msgid.clear();
    msgstr.clear();
    current = nullptr;
  };
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("msgctxt", 0) == 0 || (line.rfind("msgid ", 0) == 0 && current == &msgstr)) flush();
    if (line.rfind("msgid ", 0) == 0) {
      current = &msgid;
      msgid = unquote(line);
    } else if (line.rfind("msgstr ", 0) == 0) {
      current = &msgstr;
      msgstr = unquote(line);
    } else if (!line.empty() && line[0] == '"' && current != nullptr) {
      *current += unquote(line);
    }
  }
  flush();
  return out;
}

std::vector<std::string> source_strings(const std::filesystem::path& leaflet_dir, const std::string& language) {
  const testing::ScratchDir scratch;
  const auto po = scratch.path() / (language + ".po");
  output_of({leafpress_binary().string(), "strings", "export", leaflet_dir.string(), "--lang", language, "--out", po.string()});
  return po_translations(file_text(po));
}

}  // namespace leafpress::engines
