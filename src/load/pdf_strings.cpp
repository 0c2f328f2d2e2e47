#include "load/pdf_strings.hpp"

#include <set>
#include <string>
#include <variant>

#include "core/limits.hpp"
#include "core/link_target.hpp"

namespace leafpress::load {
namespace {

using document::TextRef;

/// The keys of the strings a block's kind writes as PDF text strings.
struct PdfStringKeys {
  std::set<std::string>& keys;

  void add(const TextRef& ref) const { keys.insert(ref.key); }
  void add(const std::optional<TextRef>& ref) const {
    if (ref) keys.insert(ref->key);
  }
  void operator()(const document::TitleBlock<TextRef>& b) const { add(b.title); }
  void operator()(const document::HeadingBlock<TextRef>& b) const { add(b.text); }
  void operator()(const document::CalloutBlock<TextRef>& b) const { add(b.title); }
  void operator()(const document::FiguresBlock<TextRef>& b) const { add(b.title); }
  void operator()(const document::SourcesBlock<TextRef>& b) const { add(b.title); }
  void operator()(const document::ContactBlock<TextRef>& b) const { add(b.title); }
  void operator()(const document::ImageBlock<TextRef>& b) const { add(b.alt); }
  void operator()(const document::QrBlock<TextRef>& b) const { add(b.alt); }
  void operator()(const document::ParagraphBlock<TextRef>&) const {}
  void operator()(const document::ListBlock<TextRef>&) const {}
  void operator()(const document::QuoteBlock<TextRef>&) const {}
  void operator()(const document::TableBlock<TextRef>&) const {}
};

}  // namespace

void check_pdf_strings(const document::Document& doc, core::Diagnostics& diags) {
  std::set<std::string> keys{doc.title.key};
  if (doc.logo && doc.logo->alt) keys.insert(doc.logo->alt->key);  // the cover's Figure /Alt
  for (const auto& block : doc.blocks) std::visit(PdfStringKeys{keys}, block.content);
  for (const auto& [language, catalog] : doc.catalogs) {
    for (const std::string& key : keys) {
      const auto entry = catalog.strings.find(key);
      if (entry == catalog.strings.end()) continue;
      const std::size_t units = core::pdf_string_units(entry->second.text);
      if (units <= core::kMaxPdfStringUnits) continue;
      diags.error(entry->second.loc,
                  "string '" + key + "' is " + core::format_count(units) +
                      " UTF-16 units long, over the " + core::format_count(core::kMaxPdfStringUnits) +
                      " a PDF text string holds",
                  "titles, headings and alternative text are written into the PDF as text strings; shorten it");
    }
  }
}

}  // namespace leafpress::load
