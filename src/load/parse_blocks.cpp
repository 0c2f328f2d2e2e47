#include "load/parse_blocks.hpp"


#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/units.hpp"
#include "images/encode_qr.hpp"
#include "load/leaflet_schema.hpp"

namespace leafpress::load {
namespace {

using document::TextRef;
using Content = document::BlockContent<TextRef>;

/// The block kinds of the leaflet schema (leaflet_schema.hpp).
const std::vector<std::string_view>& block_kinds() {
  static const std::vector<std::string_view> kinds(leaflet_block_kinds().begin(), leaflet_block_kinds().end());
  return kinds;
}

/// Checks a block's keys against the leaflet schema's map "block.<what>".
void check_block_keys(SchemaReader& reader, const YamlNode& block, std::string_view what) {
  reader.check_keys(block, what, leaflet_keys("block." + std::string(what)));
}

std::optional<TextRef> optional_ref(const YamlNode& block, const char* key, SchemaReader& reader) {
  const auto node = reader.find(block, key);
  if (!node) return std::nullopt;
  return reader.text_ref(*node, key);
}

std::optional<TextRef> required_ref(const YamlNode& block, const char* key, std::string_view what,
                                    SchemaReader& reader) {
  const auto node = reader.require(block, key, what);
  if (!node) return std::nullopt;
  return reader.text_ref(*node, key);
}

std::vector<TextRef> ref_list(const YamlNode& node, std::string_view what, SchemaReader& reader) {
  std::vector<TextRef> refs;
  if (!node.is_sequence() || node.size() == 0) {
    reader.error(node, "expected a list of string keys for '" + std::string(what) + "', got " + describe(node));
    return refs;
  }
  for (const YamlNode& item : node.items()) {
    if (auto ref = reader.text_ref(item, what)) refs.push_back(std::move(*ref));
  }
  return refs;
}

/// The list under `key` whose items are maps, reported when it is not a non-empty list.
std::vector<YamlNode> map_list(const YamlNode& block, const char* key, std::string_view shape, SchemaReader& reader) {
  std::vector<YamlNode> items;
  const auto list = reader.find(block, key);
  if (!list || !list->is_sequence() || list->size() == 0) {
    reader.error(list ? *list : block, "expected a list of " + std::string(shape) + " for '" + key + "', got " +
                                           (list ? describe(*list) : "nothing"));
    return items;
  }
  for (const YamlNode& item : list->items()) {
    if (reader.expect_map(item, key)) items.push_back(item);
  }
  return items;
}

std::optional<Content> parse_title(const YamlNode& block, SchemaReader& reader) {
  check_block_keys(reader, block, "title");
  auto title = required_ref(block, "title", "title", reader);
  auto subtitle = optional_ref(block, "subtitle", reader);
  auto kicker = optional_ref(block, "kicker", reader);
  if (!title) return std::nullopt;
  return document::TitleBlock<TextRef>{*title, subtitle, kicker};
}

std::optional<Content> parse_heading(const YamlNode& block, SchemaReader& reader) {
  check_block_keys(reader, block, "heading");
  auto text = required_ref(block, "heading", "heading", reader);
  int level = 1;
  if (const auto node = reader.find(block, "level")) level = reader.integer(*node, "level", 1, 3).value_or(1);
  if (!text) return std::nullopt;
  return document::HeadingBlock<TextRef>{level, *text};
}

std::optional<Content> parse_paragraph(const YamlNode& block, SchemaReader& reader) {
  check_block_keys(reader, block, "paragraph");
  auto text = required_ref(block, "paragraph", "paragraph", reader);
  if (!text) return std::nullopt;
  return document::ParagraphBlock<TextRef>{*text};
}

std::optional<Content> parse_list(const YamlNode& block, SchemaReader& reader) {
  check_block_keys(reader, block, "list");
  bool numbered = false;
  if (const auto node = reader.find(block, "numbered")) numbered = reader.boolean(*node, "numbered").value_or(false);
  return document::ListBlock<TextRef>{numbered, ref_list(*reader.find(block, "list"), "list", reader)};
}

std::optional<Content> parse_quote(const YamlNode& block, SchemaReader& reader) {
  check_block_keys(reader, block, "quote");
  auto text = required_ref(block, "quote", "quote", reader);
  auto by = optional_ref(block, "by", reader);
  if (!text) return std::nullopt;
  return document::QuoteBlock<TextRef>{*text, by};
}

std::optional<Content> parse_callout(const YamlNode& block, SchemaReader& reader) {
  check_block_keys(reader, block, "callout");
  const YamlNode body = *reader.find(block, "callout");
  std::vector<TextRef> paragraphs;
  if (body.is_scalar()) {
    if (auto ref = reader.text_ref(body, "callout")) paragraphs.push_back(std::move(*ref));
  } else {
    paragraphs = ref_list(body, "callout", reader);
  }
  std::vector<TextRef> items;
  if (const auto list = reader.find(block, "items")) items = ref_list(*list, "items", reader);
  return document::CalloutBlock<TextRef>{optional_ref(block, "title", reader), std::move(paragraphs), std::move(items)};
}

std::optional<Content> parse_figures(const YamlNode& block, SchemaReader& reader) {
  check_block_keys(reader, block, "figures");
  document::FiguresBlock<TextRef> figures{optional_ref(block, "title", reader), {}};
  for (const YamlNode& item : map_list(block, "figures", "{value, label}", reader)) {
    reader.check_keys(item, "figure", leaflet_keys("figure_item"));
    auto value = required_ref(item, "value", "figure", reader);
    auto label = required_ref(item, "label", "figure", reader);
    if (value && label) figures.figures.push_back({*value, *label});
  }
  return figures;
}

/// Reports a link target `links` refuses at `node`; true when it is allowed.
bool check_link(const std::string& target, const YamlNode& node, const core::LinkPolicy& links, SchemaReader& reader) {
  const auto problem = core::link_problem(target, links);
  if (problem) reader.error(node, problem->message, problem->hint);
  return !problem;
}

std::optional<Content> parse_sources(const YamlNode& block, SchemaReader& reader, const core::LinkPolicy& links) {
  check_block_keys(reader, block, "sources");
  document::SourcesBlock<TextRef> sources{optional_ref(block, "title", reader), {}};
  for (const YamlNode& item : map_list(block, "sources", "{text, url}", reader)) {
    reader.check_keys(item, "source", leaflet_keys("source_item"));
    auto text = required_ref(item, "text", "source", reader);
    std::string url;
    if (const auto node = reader.find(item, "url")) {
      url = reader.string(*node, "url").value_or("");
      if (!url.empty() && !check_link(url, *node, links, reader)) url.clear();
    }
    if (text) sources.sources.push_back({*text, url});
  }
  return sources;
}

std::optional<Content> parse_contact(const YamlNode& block, SchemaReader& reader) {
  check_block_keys(reader, block, "contact");
  auto title = optional_ref(block, "title", reader);
  return document::ContactBlock<TextRef>{title, ref_list(*reader.find(block, "contact"), "contact", reader)};
}

/// "70%" of the column, or a length such as "60mm".
document::FigureWidth read_width(const YamlNode& node, SchemaReader& reader) {
  if (node.is_scalar() && !node.scalar().empty() && node.scalar().back() == '%') {
    const std::string_view text = node.scalar();
    double percent = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size() - 1, percent);
    if (ec == std::errc{} && end == text.data() + text.size() - 1 && percent > 0 && percent <= 100) {
      return {percent / 100, std::nullopt};
    }
    reader.error(node, "expected a share of the column from 1% to 100% for 'width', got '" + std::string(text) + "'");
    return {};
  }
  if (node.is_scalar()) {
    const std::string_view text = node.scalar();
    const bool has_unit = text.size() > 2 && (text.ends_with("mm") || text.ends_with("in") || text.ends_with("pt"));
    if (has_unit || std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) {
      const auto length = reader.length(node, "width");
      if (length && *length > 0) return {1, *length};
      if (length) reader.error(node, "a figure's width must be more than 0");
      return {};
    }
  }
  reader.error(node, "expected a share of the column such as '70%' or a length such as '60mm' for 'width', got " +
                         describe(node));
  return {};
}

std::optional<Content> parse_figure(const YamlNode& block, SchemaReader& reader, images::ImageFiles& images) {
  check_block_keys(reader, block, "figure");
  const YamlNode path_node = *reader.find(block, "figure");
  const auto path = reader.string(path_node, "figure");
  if (path && path->empty()) reader.error(path_node, "expected the path of a PNG or JPEG picture for 'figure'");
  // A figure without words for those who cannot see it is not allowed (PDF/UA: Figure /Alt).
  auto alt = required_ref(block, "alt", "figure", reader);
  auto caption = optional_ref(block, "caption", reader);
  document::FigureWidth width;
  if (const auto node = reader.find(block, "width")) width = read_width(*node, reader);
  std::shared_ptr<const document::Image> image;
  if (path && !path->empty()) image = images.read(*path, reader.loc(path_node), reader.diags());
  if (!alt) return std::nullopt;
  return document::ImageBlock<TextRef>{path.value_or(""), std::move(image), *alt, caption, width};
}

/// Phones read QR codes whose modules are this wide or more, printed and held at arm's length.
constexpr double kSmallestModule = core::mm(0.4);
constexpr double kDefaultQrSize = core::mm(24);

std::optional<Content> parse_qr(const YamlNode& block, SchemaReader& reader, const core::LinkPolicy& links) {
  check_block_keys(reader, block, "qr");
  const YamlNode url_node = *reader.find(block, "qr");
  const std::string url = reader.string(url_node, "qr").value_or("");
  auto alt = required_ref(block, "alt", "qr", reader);
  auto caption = optional_ref(block, "caption", reader);
  double size = kDefaultQrSize;
  if (const auto node = reader.find(block, "size")) {
    const auto length = reader.length(*node, "size");
    if (length && *length < core::mm(10) - 1e-9) {
      reader.error(*node, "a QR code smaller than 10 mm is hard to scan", "the default is 24mm");
    } else if (length) {
      size = *length;
    }
  }
  std::shared_ptr<const document::QrCode> code;
  if (!url.empty() && check_link(url, url_node, links, reader)) {
    if (auto encoded = images::encode_qr(url)) {
      code = std::make_shared<const document::QrCode>(std::move(*encoded));
      const double module = size / code->size;
      if (module < kSmallestModule) {
        char text[160];
        std::snprintf(text, sizeof text, "the QR code's squares are %.2f mm wide; phones read 0.4 mm and more reliably",
                      module / core::kPointsPerMm);
        reader.diags().warning(reader.loc(url_node), text,
                               "make 'size' at least " + std::to_string(static_cast<int>(
                                                             std::ceil(kSmallestModule * code->size / core::kPointsPerMm))) +
                                   "mm, or use a shorter address");
      }
    } else {
      reader.error(url_node, "the address is too long for a QR code (" + std::to_string(url.size()) + " bytes)",
                   "a QR code holds about 2,300 characters at most; use a shorter address");
    }
  }
  if (!alt || !code) return std::nullopt;
  return document::QrBlock<TextRef>{url, std::move(code), *alt, caption, size};
}

/// The most columns a table may have: more do not fit a page's width with words in them.
constexpr std::size_t kMaxTableColumns = 6;

/// `widths: [30%, 50%, 20%]`: one share per column, summing to 100 %; equal shares without.
std::vector<double> read_table_widths(const YamlNode& block, std::size_t columns, SchemaReader& reader) {
  std::vector<double> widths(columns, 1.0 / static_cast<double>(columns));
  const auto node = reader.find(block, "widths");
  if (!node) return widths;
  if (!node->is_sequence() || node->size() != columns) {
    reader.error(*node, "expected " + std::to_string(columns) + " widths such as '40%' for 'widths', one per column, got " +
                            describe(*node));
    return widths;
  }
  double total = 0;
  std::vector<double> read;
  for (const YamlNode& item : node->items()) {
    const document::FigureWidth width = read_width(item, reader);
    if (width.length) {
      reader.error(item, "expected a share of the table such as '40%' in 'widths', got " + describe(item));
      return widths;
    }
    read.push_back(width.share);
    total += width.share;
  }
  if (std::abs(total - 1) > 0.005) {
    char sum[32];
    std::snprintf(sum, sizeof sum, "%g%%", std::round(total * 1000) / 10);
    reader.error(*node, std::string("the table's widths add up to ") + sum + ", not 100%");
    return widths;
  }
  return read;
}

std::optional<Content> parse_table(const YamlNode& block, SchemaReader& reader) {
  check_block_keys(reader, block, "table");
  auto caption = required_ref(block, "table", "table", reader);
  std::vector<TextRef> header;
  if (const auto node = reader.require(block, "header", "table")) header = ref_list(*node, "header", reader);
  if (header.size() > kMaxTableColumns) {
    reader.error(*reader.find(block, "header"), "a table of " + std::to_string(header.size()) +
                                                    " columns does not fit a page; the most is " +
                                                    std::to_string(kMaxTableColumns),
                 "split it into two tables, or turn it into a list");
    return std::nullopt;
  }
  document::TableBlock<TextRef> table{caption.value_or(TextRef{}), {}, header, {}, false};
  const auto rows = reader.require(block, "rows", "table");
  if (rows && (!rows->is_sequence() || rows->size() == 0)) {
    reader.error(*rows, "expected a list of rows, each a list of string keys, for 'rows', got " + describe(*rows));
  } else if (rows) {
    for (const YamlNode& row : rows->items()) {
      std::vector<TextRef> cells = ref_list(row, "rows", reader);
      if (!header.empty() && !cells.empty() && cells.size() != header.size()) {
        reader.error(row, "this row has " + std::to_string(cells.size()) + (cells.size() == 1 ? " cell" : " cells") +
                              "; the header has " + std::to_string(header.size()),
                     "every row has one cell per column");
        continue;
      }
      table.rows.push_back(std::move(cells));
    }
  }
  if (const auto node = reader.find(block, "row_headers")) {
    table.row_headers = reader.boolean(*node, "row_headers").value_or(false);
  }
  if (!caption || header.empty() || table.rows.empty()) return std::nullopt;
  table.widths = read_table_widths(block, header.size(), reader);
  return table;
}

std::optional<Content> parse_block(const std::string& kind, const YamlNode& block, SchemaReader& reader,
                                   images::ImageFiles& images, const core::LinkPolicy& links) {
  if (kind == "title") return parse_title(block, reader);
  if (kind == "heading") return parse_heading(block, reader);
  if (kind == "paragraph") return parse_paragraph(block, reader);
  if (kind == "list") return parse_list(block, reader);
  if (kind == "quote") return parse_quote(block, reader);
  if (kind == "callout") return parse_callout(block, reader);
  if (kind == "figures") return parse_figures(block, reader);
  if (kind == "sources") return parse_sources(block, reader, links);
  if (kind == "figure") return parse_figure(block, reader, images);
  if (kind == "qr") return parse_qr(block, reader, links);
  if (kind == "table") return parse_table(block, reader);
  return parse_contact(block, reader);
}

std::string kind_list() {
  std::string out;
  for (const std::string_view kind : block_kinds()) out += (out.empty() ? "" : ", ") + std::string(kind);
  return out;
}

}  // namespace

std::vector<document::Block<TextRef>> parse_blocks(const YamlNode& content, SchemaReader& reader,
                                                   images::ImageFiles& images, const core::LinkPolicy& links) {
  std::vector<document::Block<TextRef>> blocks;
  if (!content.is_sequence()) {
    reader.error(content, "expected a list of blocks for 'content', got " + describe(content));
    return blocks;
  }
  for (const YamlNode& block : content.items()) {
    if (!block.is_map() || block.size() == 0) {
      reader.error(block, "expected a block such as '- paragraph: what.p1', got " + describe(block));
      continue;
    }
    const YamlNode first_key = block.entry(0).key;
    const std::string kind(first_key.scalar());
    if (std::find(block_kinds().begin(), block_kinds().end(), kind) == block_kinds().end()) {
      std::string hint = "block kinds are: " + kind_list();
      if (const auto suggestion = closest_match(kind, block_kinds())) hint = "did you mean '" + *suggestion + "'?";
      reader.error(first_key, "unknown block kind '" + kind + "'", hint);
      continue;
    }
    std::vector<document::Format> formats;
    if (const auto node = reader.find(block, "formats")) formats = reader.formats(*node, "formats");
    if (auto parsed = parse_block(kind, block, reader, images, links)) {
      blocks.push_back({std::move(*parsed), reader.loc(first_key), std::move(formats)});
    }
  }
  return blocks;
}

}  // namespace leafpress::load
