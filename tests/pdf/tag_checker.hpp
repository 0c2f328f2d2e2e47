#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace leafpress::testing {

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
