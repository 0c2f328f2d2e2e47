#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace leafpress::testing {

/// The objects of a PDF as qpdf's JSON v2 shows them, streams decoded: "12 0 R" -> its value
/// or its stream's dictionary and data.
class PdfObjects {
 public:
  /// Runs qpdf --json on `pdf`; throws when qpdf fails.
  explicit PdfObjects(const std::filesystem::path& pdf);

  const nlohmann::json& trailer() const { return trailer_; }
  nlohmann::json catalog() const;
  /// The value of a reference ("5 0 R"), or the value itself when it is not one.
  nlohmann::json resolve(const nlohmann::json& value) const;
  /// A stream's decoded bytes; empty when `reference` is no stream.
  std::string stream_data(const std::string& reference) const;
  /// The page objects' references, in page order (one level of /Kids, as leafpress writes).
  std::vector<std::string> pages() const;
  /// A page's content, its content streams joined.
  std::string page_content(const std::string& page_reference) const;
  /// Every key of every dictionary in the file, stream dictionaries and the trailer included.
  std::set<std::string> dictionary_keys() const;
  static bool is_reference(const std::string& text);

 private:
  nlohmann::json trailer_;
  std::map<std::string, nlohmann::json> objects_;
};

/// What an accessibility checker finds in a tagged PDF, read through `qpdf --json`: each
/// entry says what is wrong and where. Empty means every rule held.
struct TagReport {
  std::vector<std::string> problems;
  std::size_t marked_contents = 0;  // MCIDs found in the pages' content
  std::size_t artifacts = 0;
  std::size_t links = 0;
  std::size_t elements = 0;  // structure elements reachable from the root
  std::vector<std::string> figure_alts;  // each Figure's /Alt, in reading order
  double smallest_tagged_text = 1e9;  // font size of the smallest text shown as content (pt)
};

/// Checks: the catalog is marked and has a structure tree, a language and a title shown in
/// the window; every text or fill operator sits in marked content with an MCID or in an
/// artifact; every MCID is reachable from the ParentTree and its element's /K points back at
/// it; every element in the ParentTree is reachable from the root; every link annotation has
/// /Contents and a Link element holding it (OBJR); every Figure has a non-empty /Alt, a
/// Layout BBox, and content of its own.
TagReport check_tagged_pdf(const std::filesystem::path& pdf);

}  // namespace leafpress::testing
