#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

// A PDF/X-4 preflight in the test suite: the clauses of ISO 15930-7:2010 that a print shop's
// preflight (Acrobat, pdfToolbox, PitStop) applies to a press file, checked on what qpdf reads
// out of the file, plus the shop's house rules leafpress promises (no annotations at all, no
// transparency). It never looks at leafpress's own code or data.

namespace leafpress::testing {

/// What the checker saw in one file, and every clause that failed.
struct PdfxReport {
  std::vector<std::string> problems;  // "clause: what is wrong, where"; empty when all held
  bool claims_pdfx4 = false;          // GTS_PDFXVersion in Info or XMP
  std::string header_version;         // "1.6" from %PDF-1.6
  std::size_t pages = 0;
  std::size_t annotations = 0;
  std::set<std::string> content_colors;  // colour operators met in content streams: "k", "K", "g", "cs:/ICCBased"…
  std::set<std::string> image_spaces;    // each image's colour space: "/DeviceCMYK", "ICCBased(N=4)"…
  std::size_t images = 0;
  std::size_t fonts = 0;
  std::size_t fonts_embedded = 0;
  std::size_t overprint_uses = 0;  // uses (gs) of ExtGStates with /OP true
  std::string output_condition;      // /OutputConditionIdentifier
  std::string registry;              // /RegistryName
  std::string profile_version;       // "2.2" from the DestOutputProfile's header
  std::string creation_date;         // Info /CreationDate as written
  bool xmp_dates = false;            // xmp:CreateDate and xmp:ModifyDate, equal to Info's
  std::string trapped;               // Info /Trapped

  /// One line of the table the closing note shows: the facts above, then "ok" or the count
  /// of problems.
  std::string table_row(const std::string& name) const;
  static std::string table_header();
};

/// Checks `pdf` as a PDF/X-4 press file when it claims to be one, and as a plain CMYK press
/// file (no RGB, no annotations, no transparency, boxes, fonts embedded, and no PDF/X claim
/// nor output intent) when `expect_pdfx4` is false.
PdfxReport check_press_file(const std::filesystem::path& pdf, bool expect_pdfx4);

}  // namespace leafpress::testing
