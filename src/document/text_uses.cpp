#include "document/text_uses.hpp"

#include <type_traits>

namespace leafpress::document {
namespace {

/// Adds the uses of one block, with roles named after the block's kind.
class UseCollector {
 public:
  explicit UseCollector(std::vector<TextUse>& uses) : uses_(uses) {}

  void add(const TextRef& ref, std::string role) { uses_.push_back({&ref, std::move(role)}); }
  void add(const std::optional<TextRef>& ref, std::string role) {
    if (ref) add(*ref, std::move(role));
  }

  void operator()(const TitleBlock<TextRef>& b) {
    add(b.kicker, "title block: line above the title");
    add(b.title, "title block: title");
    add(b.subtitle, "title block: subtitle");
  }
  void operator()(const HeadingBlock<TextRef>& b) { add(b.text, "heading, level " + std::to_string(b.level)); }
  void operator()(const ParagraphBlock<TextRef>& b) { add(b.text, "paragraph"); }
  void operator()(const ListBlock<TextRef>& b) {
    for (const auto& item : b.items) add(item, b.numbered ? "numbered list item" : "list item");
  }
  void operator()(const QuoteBlock<TextRef>& b) {
    add(b.text, "a patient's words (quotation)");
    add(b.by, "who said the quotation");
  }
  void operator()(const CalloutBlock<TextRef>& b) {
    add(b.title, "box: title");
    for (const auto& p : b.paragraphs) add(p, "box: paragraph");
    for (const auto& item : b.items) add(item, "box: list item");
  }
  void operator()(const FiguresBlock<TextRef>& b) {
    add(b.title, "key figures: title");
    for (const auto& figure : b.figures) {
      add(figure.value, "key figure: the number");
      add(figure.label, "key figure: what the number counts");
    }
  }
  void operator()(const SourcesBlock<TextRef>& b) {
    add(b.title, "sources: title");
    for (const auto& source : b.sources) add(source.text, "sources: a source's title");
  }
  void operator()(const ContactBlock<TextRef>& b) {
    add(b.title, "contact: title");
    for (const auto& line : b.lines) add(line, "contact: a line");
  }
  void operator()(const ImageBlock<TextRef>& b) {
    add(b.alt, "figure: what the picture shows, read aloud to people who cannot see it (" + b.file + ")");
    add(b.caption, "figure: caption printed under the picture");
  }
  void operator()(const QrBlock<TextRef>& b) {
    add(b.alt, "QR code: read aloud instead of the code, followed by its address (" + b.url + ")");
    add(b.caption, "QR code: caption printed beside the code");
  }
  void operator()(const TableBlock<TextRef>& b) {
    add(b.caption, "table: caption above it, saying what it shows");
    for (const auto& cell : b.header) add(cell, "table: a column's heading");
    for (const auto& row : b.rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        add(row[i], i == 0 && b.row_headers ? "table: a row's heading" : "table: a cell");
      }
    }
  }

 private:
  std::vector<TextUse>& uses_;
};

}  // namespace

std::vector<TextUse> text_uses(const Document& doc) {
  std::vector<TextUse> uses;
  UseCollector collect(uses);
  collect.add(doc.title, "document title (PDF metadata, window title)");
  collect.add(doc.page.header, "running header on every page but the first");
  collect.add(doc.page.footer, "footer note beside the page number");
  if (doc.logo) collect.add(doc.logo->alt, "logo: read aloud instead of the logo on the cover (" + doc.logo->file + ")");
  for (const auto& block : doc.blocks) std::visit(collect, block.content);
  return uses;
}

}  // namespace leafpress::document
