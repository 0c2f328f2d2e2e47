#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "layout/page.hpp"
#include "pdf/hpdf_document.hpp"

namespace leafpress::pdf {

/// A tagged PDF's logical structure (ISO 32000-1 §14.7–14.8, PDF/UA-1): marked content with
/// MCIDs in the pages, StructElem objects in reading order, links as Link elements holding
/// their annotations, the ParentTree back from content to elements, and bookmarks from the
/// headings. Content that is not part of the structure is marked as an artifact.
class StructureTree {
 public:
  StructureTree(HpdfDocument& pdf, const layout::Pages& pages);

  /// Starts a page's content; every page must be started, in order. `halves` says which
  /// pages of the document an imposed sheet carries (see layout::PageHalf).
  void start_page(HPDF_Page page, double page_height, const std::vector<layout::PageHalf>& halves = {});
  /// The operator opening an item's marked content on the current page: "/P <</MCID 3>>
  /// BDC" for an element's content (a linked run goes into its Link element), "/Artifact
  /// <</Type /Page>> BDC" for printer's marks, "/Artifact BMC" for anything else. Close it
  /// with "EMC".
  /// `x` is where the content starts on the page: on an imposed sheet, its half.
  std::string begin_content(int element, const std::string& link, double baseline, const std::string& language = {},
                            double x = 0);
  /// Ties a link annotation of the current page into the tree and describes it (/Contents).
  /// A Link element layout made (around a QR code) holds it; otherwise a Link element is made
  /// under `element`.
  void add_link(HPDF_Annotation annotation, int element, const std::string& url);
  /// Records that `element` draws in the box (layout coordinates, y down) of the current
  /// page: a Figure's BBox attribute covers all its boxes.
  void add_box(int element, double x, double y, double width, double height);

  /// Writes the tree, the ParentTree, the bookmarks and the catalog entries.
  void finish();

 private:
  struct Kid {
    int page = -1;  // marked content on a page (MCID) …
    int mcid = -1;
    /// Where content (marked content, or a link element's first words) stands in reading
    /// order: the document's page (sheets of a booklet hold two), the line in drawing order,
    /// the place along the line. Unset (line 0) for elements placed by the constructor.
    std::size_t reading_page = 0;
    std::size_t line = 0;
    double along = 0;
    int element = -1;            // … or a child element …
    HPDF_Dict annotation = nullptr;  // … or an annotation (OBJR)
  };
  struct Node {
    std::string type;
    int parent = 0;
    std::vector<Kid> kids;
    bool has_content = false;
    bool attached = false;  // links: listed among their parent's kids
    void* object = nullptr;  // its structure element, once it has content (HpdfDocument::written_object)
    std::string text;   // headings: for bookmarks; links: for /Contents
    std::string url;
    int first_page = -1;  // headings: where the bookmark goes
    double top = 0;
    std::optional<double> left{};  // on an imposed sheet: the left edge of the heading's half
    std::string alt{};              // figures
    bool made_by_layout = false;  // a Link element around a figure, not one made here for text
    std::optional<std::array<double, 4>> bbox{};  // left, bottom, right, top in PDF space
    std::string scope{};  // table headers: "Column" or "Row"
  };

  int link_element(int element, const std::string& url);
  void mark_used(int element);
  void write_elements();
  /// The compact bytes of `node`'s structure element; `root` is the tree's root.
  std::string element_object(const Node& node, const void* root) const;
  /// The object written for `element`; throws when it has none.
  void* written_element(int element) const;
  void write_outlines();

  HpdfDocument& pdf_;
  std::size_t page_count_ = 0;  // ParentTree keys: pages first, then annotations
  std::vector<Node> nodes_;
  std::map<std::pair<int, std::string>, int> links_;
  std::vector<HPDF_Page> pages_;
  std::vector<std::vector<int>> page_mcids_;  // per page: element of each MCID
  std::vector<std::pair<HPDF_Dict, int>> annotations_;
  double page_height_ = 0;
  std::vector<layout::PageHalf> halves_;  // of the current page
  bool right_to_left_ = false;
  std::size_t lines_ = 0;           // lines of content begun so far
  std::optional<double> baseline_;  // of the last content begun
};

}  // namespace leafpress::pdf
