#include "engines/engine_text.hpp"

#include <unicode/ubidi.h>
#include <unicode/unistr.h>

#include <nlohmann/json.hpp>
#include <fstream>
#include <map>
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

/// Each line of `visual` turned back into logical order, for engines that apply no bidi.
std::string logical_lines(const std::string& visual) {
  std::istringstream lines(visual);
  std::string logical;
  for (std::string line; std::getline(lines, line);) logical += logical_from_visual(line) + "\n";
  return logical;
}

std::string mupdf_text(const std::filesystem::path& pdf, bool rtl) {
  const testing::ScratchDir scratch;
  const auto out = scratch.path() / "text.txt";
  // As MuPDF's viewers search a page: fz_search_page (source/fitz/util.c) reads it with
  // FZ_STEXT_DEHYPHENATE, which joins a word hyphenated at a line end, as pdfjs_text joins it
  // the way Firefox's find bar does. MuPDF 1.21's text output applies no bidi either:
  // right-to-left lines come in visual order.
  output_of({"mutool", "convert", "-F", "text", "-O", "dehyphenate", "-o", out.string(), pdf.string()});
  return rtl ? logical_lines(file_text(out)) : file_text(out);
}

std::string ghostscript_text(const std::filesystem::path& pdf, bool rtl) {
  const std::string visual = output_of(
      {"gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite", "-sOutputFile=-", pdf.string()});
  return rtl ? logical_lines(visual) : visual;
}

/// Firefox's find bar joins a word hyphenated at a line end: pdf_find_controller.js's
/// normalize() drops "-\n" after a non-space (`(\p{M}+(?:-\n)?)|(\S-\n)`, returning the
/// match without its last two characters). Its earlier alternatives match single characters
/// (quotes, U+2010, compatibility forms) that never stand before a hyphen we add.
std::string joined_as_pdfjs_finds(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool after_non_space = !out.empty() && out.back() != ' ' && out.back() != '\n' && out.back() != '\t' &&
                                 out.back() != '\f' && out.back() != '\r';
    if (text.compare(i, 2, "-\n") == 0 && after_non_space) {
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string pdfjs_text(const std::filesystem::path& pdf) {
  const std::string json = output_of({"node", pdfjs_script().string(), pdf.string()});
  const auto document = nlohmann::json::parse(json);
  std::string text;
  for (const auto& page : document.at("pages")) {
    // As PDFFindController#extractText joins a page's items.
    std::string page_text;
    for (const auto& item : page.at("items")) {
      page_text += item.at("str").get<std::string>();
      if (item.at("eol").get<bool>()) page_text += "\n";
    }
    text += joined_as_pdfjs_finds(page_text) + "\n\f";
  }
  return text;
}

void append_structure_text(const nlohmann::json& node, const std::map<std::string, std::string>& text_of_mcid, std::string& out) {
  if (node.contains("mcid")) {
    if (const auto found = text_of_mcid.find(node.at("mcid").get<std::string>()); found != text_of_mcid.end()) out += found->second + "\n";
    return;
  }
  if (!node.contains("children")) return;
  for (const auto& child : node.at("children")) append_structure_text(child, text_of_mcid, out);
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

std::string pdfjs_structure_text(const std::filesystem::path& pdf) {
  const auto document = nlohmann::json::parse(output_of({"node", pdfjs_script().string(), pdf.string()}));
  std::string out;
  for (const auto& page : document.at("pages")) {
    std::map<std::string, std::string> text_of_mcid;
    for (const auto& item : page.at("items")) {
      if (item.at("mcid").is_string()) text_of_mcid[item.at("mcid").get<std::string>()] += item.at("str").get<std::string>();
    }
    if (page.contains("structure") && page.at("structure").is_object()) append_structure_text(page.at("structure"), text_of_mcid, out);
  }
  return out;
}

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
    case Engine::kMuPdf: return mupdf_text(pdf, rtl);
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
  // No UBIDI_REMOVE_BIDI_CONTROLS: ICU counts ZWNJ and ZWJ among them; the measures drop
  // the real bidi controls themselves.
  const int32_t length = ubidi_writeReordered(bidi, buffer, capacity, 0, &status);
  logical.releaseBuffer(U_SUCCESS(status) ? length : 0);
  ubidi_close(bidi);
  if (U_FAILURE(status)) throw std::runtime_error("inverse bidi failed");
  std::string out;
  return logical.toUTF8String(out);
}

std::vector<PoString> po_strings(const std::string& po) {
  std::vector<PoString> out;
  std::istringstream lines(po);
  std::string msgid, msgstr, *current = nullptr;
  std::vector<std::string> uses;
  bool header_done = false;
  auto flush = [&] {
    if (current == nullptr) return;
    if (header_done) out.push_back({msgstr.empty() ? msgid : msgstr, uses});
    header_done = true;
    msgid.clear();
    msgstr.clear();
    uses.clear();
    current = nullptr;
  };
  const std::string used_as = "#. used as: ";
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("#", 0) == 0 || line.rfind("msgctxt", 0) == 0 || (line.rfind("msgid ", 0) == 0 && current == &msgstr)) flush();
    if (line.rfind(used_as, 0) == 0) {
      uses.push_back(line.substr(used_as.size()));
    } else if (line.rfind("msgid ", 0) == 0) {
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

// Inline markup leaves letters behind that no reader sees: a link's address. Emphasis
// markers (*, **) are not letters and drop out in the measures anyway.
// Example: "read [the guide](https://x.org/a)." -> "read the guide."
std::string without_link_targets(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "](") == 0) {
      const auto close = text.find(')', i + 2);
      if (close != std::string::npos) {
        i = close;
        continue;
      }
    }
    if (text[i] != '[') out += text[i];
  }
  return out;
}

bool read_in_structure(const PoString& string) {
  for (const std::string& use : string.uses) {
    const bool elsewhere = use.rfind("running header", 0) == 0 || use.rfind("footer note", 0) == 0 ||
                           use.rfind("document title", 0) == 0 || use.find("read aloud") != std::string::npos ||
                           // Listed after the title in the file, drawn and read above it.
                           use.rfind("title block: line above the title", 0) == 0;
    if (!elsewhere) return true;
  }
  return false;
}

std::vector<std::string> source_strings(const std::filesystem::path& leaflet_dir, const std::string& language, Strings which) {
  const testing::ScratchDir scratch;
  const auto po = scratch.path() / (language + ".po");
  output_of({leafpress_binary().string(), "strings", "export", leaflet_dir.string(), "--lang", language, "--out", po.string()});
  std::vector<std::string> texts;
  for (const PoString& string : po_strings(file_text(po))) {
    if (which == Strings::kAll || read_in_structure(string)) texts.push_back(without_link_targets(string.text));
  }
  return texts;
}

}  // namespace leafpress::engines
