#include "pdf/structure_tree.hpp"

#include <algorithm>
#include <charconv>

#include "core/utf8.hpp"
#include "pdf/compact_object.hpp"
#include "pdf/pdf_number.hpp"

namespace leafpress::pdf {
namespace {

/// An element's kids with its marked content ordered by the page of the document it is on,
/// the rest (child elements, annotations) where they stand: a booklet's sheets are written
/// in the order they are printed (8 and 1, 2 and 7, …), not the order pages are read.
/// Pieces of one line are drawn left to right, so a right-to-left line's pieces (a link and
/// the words before it) are read from the last drawn.
template <typename Kid>
std::vector<Kid> in_reading_order(const std::vector<Kid>& kids) {
  std::vector<Kid> placed;
  for (const Kid& kid : kids) {
    if (kid.line > 0) placed.push_back(kid);
  }
  std::stable_sort(placed.begin(), placed.end(), [](const Kid& a, const Kid& b) {
    return std::tie(a.reading_page, a.line, a.along) < std::tie(b.reading_page, b.line, b.along);
  });
  std::vector<Kid> ordered = kids;
  std::size_t next = 0;
  for (Kid& kid : ordered) {
    if (kid.line > 0) kid = placed[next++];
  }
  return ordered;
}

std::string type_of(const layout::StructureElement& element) {
  using layout::Role;
  switch (element.role) {
    case Role::document: return "Document";
    case Role::heading: return "H" + std::to_string(std::clamp(element.level, 1, 6));
    case Role::paragraph: return "P";
    case Role::list: return "L";
    case Role::list_item: return "LI";
    case Role::label: return "Lbl";
    case Role::list_body: return "LBody";
    case Role::block_quote: return "BlockQuote";
    case Role::section: return "Sect";
    case Role::division: return "Div";
    case Role::figure: return "Figure";
    case Role::caption: return "Caption";
    case Role::link: return "Link";
    case Role::table: return "Table";
    case Role::table_row: return "TR";
    case Role::table_header: return "TH";
    case Role::table_cell: return "TD";
  }
  return "Span";
}

/// A TH's /Scope (ISO 32000-1 §14.8.5.7, Table 349); empty for other elements.
std::string scope_of(const layout::StructureElement& element) {
  switch (element.scope) {
    case layout::Scope::none: return {};
    case layout::Scope::column: return "Column";
    case layout::Scope::row: return "Row";
  }
  return {};
}

std::string text_string(std::string_view utf8) {
  std::string out = "\xFE\xFF";
  core::append_utf16be(out, utf8);
  return out;
}

/// An ASCII language tag as a PDF literal string.
std::string literal_string(const std::string& ascii) { return "(" + ascii + ")"; }

}  // namespace

StructureTree::StructureTree(HpdfDocument& pdf, const layout::Pages& pages)
    : pdf_(pdf), page_count_(pages.pages.size()), right_to_left_(pages.right_to_left) {
  for (const layout::StructureElement& element : pages.structure) {
    nodes_.push_back({type_of(element), element.parent, {}, false, false, nullptr, element.text, {}, -1, 0, {},
                      element.alt, element.role == layout::Role::link, {}, scope_of(element)});
  }
  if (nodes_.empty()) nodes_.push_back({"Document", -1, {}, false, false, nullptr, {}, {}, -1, 0});
  // Containers list their child elements in reading order (the order layout made them).
  for (std::size_t i = 1; i < nodes_.size(); ++i) {
    const int parent = nodes_[i].parent;
    if (parent >= 0) nodes_[static_cast<std::size_t>(parent)].kids.push_back({-1, -1, 0, 0, 0, static_cast<int>(i), nullptr});
  }
  // Link texts, for the annotations' descriptions.
  for (const layout::Page& page : pages.pages) {
    for (const layout::Item& item : page.items) {
      const auto* glyphs = std::get_if<layout::GlyphItem>(&item);
      if (!glyphs || glyphs->element < 0 || glyphs->run.link.empty()) continue;
      Node& link = nodes_[static_cast<std::size_t>(link_element(glyphs->element, glyphs->run.link))];
      const std::string text = text::run_text(glyphs->run);
      if (!link.text.empty() && !text.empty()) link.text += ' ';
      link.text += text;
    }
  }
}

int StructureTree::link_element(int element, const std::string& url) {
  const auto key = std::make_pair(element, url);
  if (const auto it = links_.find(key); it != links_.end()) return it->second;
  const int index = static_cast<int>(nodes_.size());
  nodes_.push_back({"Link", element, {}, false, false, nullptr, {}, url, -1, 0});
  links_.emplace(key, index);
  return index;
}

void StructureTree::mark_used(int element) {
  for (int e = element; e >= 0 && !nodes_[static_cast<std::size_t>(e)].has_content;
       e = nodes_[static_cast<std::size_t>(e)].parent) {
    nodes_[static_cast<std::size_t>(e)].has_content = true;
  }
}

void StructureTree::start_page(HPDF_Page page, double page_height, const std::vector<layout::PageHalf>& halves) {
  pages_.push_back(page);
  halves_ = halves;
  page_mcids_.emplace_back();
  page_height_ = page_height;
  const auto key = static_cast<HPDF_INT32>(pages_.size() - 1);
  pdf_.check(HPDF_Dict_AddNumber(page, "StructParents", key), "tag a page");
  pdf_.check(HPDF_Dict_AddName(page, "Tabs", "S"), "tag a page");  // PDF/UA: tab order follows the structure
}

std::string StructureTree::begin_content(int element, const std::string& link, double baseline,
                                         const std::string& language, double x) {
  // ISO 32000-1 §14.8.2.2.1: crop and fold marks are /Page artifacts, "production aids".
  if (element == layout::kPrinterMark) return "/Artifact <</Type /Page>> BDC\n";
  if (element < 0 || static_cast<std::size_t>(element) >= nodes_.size()) return "/Artifact BMC\n";
  const int target = link.empty() ? element : link_element(element, link);
  const int page = static_cast<int>(pages_.size()) - 1;
  if (!baseline_ || *baseline_ != baseline) ++lines_;
  baseline_ = baseline;
  const double along = right_to_left_ ? -x : x;
  auto& mcids = page_mcids_.back();
  const int mcid = static_cast<int>(mcids.size());
  mcids.push_back(target);
  Node& node = nodes_[static_cast<std::size_t>(target)];
  bool link_kid = false;
  if (!link.empty() && !node.attached) {
    // A link sits among its paragraph's text where its first words are.
    node.attached = true;
    link_kid = true;
  }
  const std::optional<layout::PageHalf> half = layout::half_at(halves_, x);
  const std::size_t reading_page = half ? half->page : static_cast<std::size_t>(page);
  const std::optional<double> half_left = half ? std::optional(half->x) : std::nullopt;
  if (link_kid) nodes_[static_cast<std::size_t>(element)].kids.push_back({-1, -1, reading_page, lines_, along, target, nullptr});
  node.kids.push_back({page, mcid, reading_page, lines_, along, -1, nullptr});
  if (node.first_page < 0) {
    node.first_page = page;
    node.top = page_height_ - baseline;
    node.left = half_left;
  }
  mark_used(target);
  // A passage in another language says so on its marked content (ISO 32000-1 §14.9.2.2).
  // Built in one string: a page has a sequence for every line of every element.
  std::string line;
  line.reserve(node.type.size() + language.size() + 40);
  line += '/';
  line += node.type;
  line += " <</MCID ";
  char digits[16];
  line.append(digits, std::to_chars(digits, digits + sizeof digits, mcid).ptr);
  if (!language.empty()) {
    line += " /Lang ";
    line += literal_string(language);
  }
  line += ">> BDC\n";
  return line;
}

void StructureTree::add_link(HPDF_Annotation annotation, int element, const std::string& url) {
  if (element < 0) return;
  const bool made = nodes_[static_cast<std::size_t>(element)].made_by_layout;
  const int link = made ? element : link_element(element, url);
  Node& node = nodes_[static_cast<std::size_t>(link)];
  node.kids.push_back({-1, -1, 0, 0, 0, -1, annotation});
  const auto key = static_cast<HPDF_INT32>(page_count_ + annotations_.size());
  // Keys after the pages' are the annotations' (ISO 32000-1 §14.7.4.4).
  annotations_.emplace_back(annotation, link);
  pdf_.check(HPDF_Dict_AddNumber(annotation, "StructParent", key), "tag a link");
  // A Link layout made says its address in its words already (a QR code's, like its Figure's).
  std::string description = node.text.empty() ? url : node.text;
  if (!made && !node.text.empty()) description += " (" + url + ")";
  pdf_.check(HPDF_Dict_Add(annotation, "Contents", pdf_.binary(text_string(description))), "describe a link");
  mark_used(link);
}

void StructureTree::add_box(int element, double x, double y, double width, double height) {
  if (element < 0 || static_cast<std::size_t>(element) >= nodes_.size()) return;
  const std::array<double, 4> box{x, page_height_ - y - height, x + width, page_height_ - y};
  auto& bbox = nodes_[static_cast<std::size_t>(element)].bbox;
  if (!bbox) {
    bbox = box;
    return;
  }
  bbox = std::array<double, 4>{std::min((*bbox)[0], box[0]), std::min((*bbox)[1], box[1]), std::max((*bbox)[2], box[2]),
                               std::max((*bbox)[3], box[3])};
}

void StructureTree::write_elements() {
  // The elements, the root and the parent tree are written here, token by token, rather than
  // built of libharu's objects: hundreds of entries, numbers and references a page, each a
  // block of libharu's memory. They keep their numbers among libharu's objects.
  for (Node& node : nodes_) {
    if (node.has_content) node.object = pdf_.written_object();
  }
  void* root = pdf_.written_object();
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].object) pdf_.set_written(nodes_[i].object, element_object(nodes_[i], root));
  }
  pdf_.check(HPDF_Dict_Add(pdf_.get()->catalog, "StructTreeRoot", root), "write the structure tree");
  HPDF_Dict mark_info = pdf_.check(HPDF_Dict_New(pdf_.mmgr()), "write MarkInfo");
  pdf_.check(HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE), "write MarkInfo");
  pdf_.check(HPDF_Dict_Add(pdf_.get()->catalog, "MarkInfo", mark_info), "write MarkInfo");

  void* parent_tree = pdf_.written_object();
  std::string tree_bytes;
  std::size_t references = annotations_.size();
  for (const auto& mcids : page_mcids_) references += mcids.size() + 1;
  tree_bytes.reserve(32 + 12 * references);
  CompactTokens tree(tree_bytes);
  tree.open_dict();
  tree.name("Nums");
  tree.open_array();
  for (std::size_t page = 0; page < page_mcids_.size(); ++page) {
    tree.integer(static_cast<HPDF_INT32>(page));
    tree.open_array();
    for (const int element : page_mcids_[page]) tree.reference(written_element(element));
    tree.close_array();
  }
  for (std::size_t k = 0; k < annotations_.size(); ++k) {
    tree.integer(static_cast<HPDF_INT32>(page_count_ + k));
    tree.reference(written_element(annotations_[k].second));
  }
  tree.close_array();
  tree.close_dict();
  pdf_.set_written(parent_tree, std::move(tree_bytes));

  std::string root_bytes;
  CompactTokens tokens(root_bytes);
  tokens.open_dict();
  tokens.name("Type");
  tokens.name("StructTreeRoot");
  if (nodes_.front().object) {
    tokens.name("K");
    tokens.reference(nodes_.front().object);
  }
  tokens.name("ParentTree");
  tokens.reference(parent_tree);
  tokens.name("ParentTreeNextKey");
  tokens.integer(static_cast<HPDF_INT32>(page_count_ + annotations_.size()));
  tokens.close_dict();
  pdf_.set_written(root, std::move(root_bytes));
}

void* StructureTree::written_element(int element) const {
  void* object = nodes_[static_cast<std::size_t>(element)].object;
  if (!object) throw PdfError("marked content belongs to a structure element that was not written");
  return object;
}

std::string StructureTree::element_object(const Node& node, const void* root) const {
  std::string bytes;
  bytes.reserve(64 + 16 * node.kids.size());  // a reference or MCID a kid, mostly
  CompactTokens tokens(bytes);
  tokens.open_dict();
  tokens.name("S");
  tokens.name(node.type);
  // An element whose content is all on one page names the page once (/Pg) and lists its
  // MCIDs as plain numbers (ISO 32000-1 §14.7.4.2); otherwise each MCR names its page.
  int only_page = -1;
  for (const Kid& kid : node.kids) {
    if (kid.page < 0) continue;
    only_page = only_page == -1 || only_page == kid.page ? kid.page : -2;
  }
  if (only_page >= 0) {
    tokens.name("Pg");
    tokens.reference(pages_[static_cast<std::size_t>(only_page)]);
  }
  tokens.name("P");
  tokens.reference(node.parent >= 0 ? nodes_[static_cast<std::size_t>(node.parent)].object : root);
  if (node.type == "Link" && !node.made_by_layout && !node.text.empty()) {
    tokens.name("Alt");
    tokens.hex(text_string(node.text));
  }
  if (!node.scope.empty()) {
    // PDF/UA-1 §7.5: a TH says which cells it heads, in the Table attributes.
    tokens.name("A");
    tokens.open_dict();
    tokens.name("O");
    tokens.name("Table");
    tokens.name("Scope");
    tokens.name(node.scope);
    tokens.close_dict();
  }
  if (node.type == "Figure") {
    // PDF/UA-1 §7.3: a Figure has alternative text. ISO 32000-1 §14.8.5.4.3: an
    // illustration on one page has a BBox in the Layout attributes.
    tokens.name("Alt");
    tokens.hex(text_string(node.alt));
    if (node.bbox && only_page >= 0) {
      tokens.name("A");
      tokens.open_dict();
      tokens.name("O");
      tokens.name("Layout");
      tokens.name("BBox");
      tokens.open_array();
      for (const double value : *node.bbox) tokens.real(static_cast<HPDF_REAL>(value));
      tokens.close_array();
      tokens.close_dict();
    }
  }
  tokens.name("K");
  tokens.open_array();
  for (const Kid& kid : in_reading_order(node.kids)) {
    if (kid.element >= 0) {
      if (const void* child = nodes_[static_cast<std::size_t>(kid.element)].object) tokens.reference(child);
    } else if (kid.annotation) {
      tokens.open_dict();
      tokens.name("Type");
      tokens.name("OBJR");
      tokens.name("Obj");
      tokens.reference(kid.annotation);
      tokens.close_dict();
    } else if (only_page >= 0) {
      tokens.integer(kid.mcid);
    } else {
      tokens.open_dict();
      tokens.name("Type");
      tokens.name("MCR");
      tokens.name("Pg");
      tokens.reference(pages_[static_cast<std::size_t>(kid.page)]);
      tokens.name("MCID");
      tokens.integer(kid.mcid);
      tokens.close_dict();
    }
  }
  tokens.close_array();
  tokens.close_dict();
  return bytes;
}

void StructureTree::write_outlines() {
  // Sections (H2) at the top, their subsections (H3) under them; the title (H1) is already
  // the window's title.
  struct Entry {
    const Node* heading;
    HPDF_Dict dict;
    std::vector<Entry> children;
  };
  std::vector<Entry> top;
  for (const Node& node : nodes_) {
    if (node.first_page < 0 || node.type.size() != 2 || node.type[0] != 'H' || node.type == "H1") continue;
    Entry entry{&node, pdf_.indirect_dict(), {}};
    if (node.type == "H2" || top.empty()) {
      top.push_back(std::move(entry));
    } else {
      top.back().children.push_back(std::move(entry));
    }
  }
  if (top.empty()) return;
  HPDF_Dict outlines = pdf_.indirect_dict();
  pdf_.check(HPDF_Dict_AddName(outlines, "Type", "Outlines"), "write bookmarks");
  auto link_siblings = [&](std::vector<Entry>& entries, HPDF_Dict parent, auto& self) -> void {
    for (std::size_t i = 0; i < entries.size(); ++i) {
      Entry& e = entries[i];
      pdf_.check(HPDF_Dict_Add(e.dict, "Title", pdf_.binary(text_string(e.heading->text))), "write a bookmark");
      pdf_.check(HPDF_Dict_Add(e.dict, "Parent", parent), "write a bookmark");
      if (i > 0) pdf_.check(HPDF_Dict_Add(e.dict, "Prev", entries[i - 1].dict), "write a bookmark");
      if (i + 1 < entries.size()) pdf_.check(HPDF_Dict_Add(e.dict, "Next", entries[i + 1].dict), "write a bookmark");
      HPDF_Array destination = pdf_.array();
      pdf_.check(HPDF_Array_Add(destination, pages_[static_cast<std::size_t>(e.heading->first_page)]), "write a bookmark");
      pdf_.check(HPDF_Array_AddName(destination, "XYZ"), "write a bookmark");
      if (e.heading->left) {
        pdf_.check(HPDF_Array_AddReal(destination, static_cast<HPDF_REAL>(*e.heading->left)), "write a bookmark");
      } else {
        pdf_.check(HPDF_Array_Add(destination, HPDF_Null_New(pdf_.mmgr())), "write a bookmark");
      }
      pdf_.check(HPDF_Array_AddReal(destination, static_cast<HPDF_REAL>(e.heading->top + 24)), "write a bookmark");
      pdf_.check(HPDF_Array_Add(destination, HPDF_Null_New(pdf_.mmgr())), "write a bookmark");
      pdf_.check(HPDF_Dict_Add(e.dict, "Dest", destination), "write a bookmark");
      if (!e.children.empty()) {
        self(e.children, e.dict, self);
        pdf_.check(HPDF_Dict_Add(e.dict, "First", e.children.front().dict), "write a bookmark");
        pdf_.check(HPDF_Dict_Add(e.dict, "Last", e.children.back().dict), "write a bookmark");
        pdf_.check(HPDF_Dict_AddNumber(e.dict, "Count", static_cast<HPDF_INT32>(e.children.size())), "write a bookmark");
      }
    }
  };
  link_siblings(top, outlines, link_siblings);
  pdf_.check(HPDF_Dict_Add(outlines, "First", top.front().dict), "write bookmarks");
  pdf_.check(HPDF_Dict_Add(outlines, "Last", top.back().dict), "write bookmarks");
  pdf_.check(HPDF_Dict_AddNumber(outlines, "Count", static_cast<HPDF_INT32>(top.size())), "write bookmarks");
  pdf_.check(HPDF_Dict_Add(pdf_.get()->catalog, "Outlines", outlines), "write bookmarks");
  pdf_.check(HPDF_Dict_AddName(pdf_.get()->catalog, "PageMode", "UseOutlines"), "write bookmarks");
}

void StructureTree::finish() {
  write_elements();
  write_outlines();
}

}  // namespace leafpress::pdf
