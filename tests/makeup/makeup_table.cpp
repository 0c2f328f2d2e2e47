// Prints issue 15's measures for every shipped PDF (leaflets/immunotherapy and
// leaflets/world-cancer-day, large print included), one row each:
// build/tests/makeup_table [--findings]. The fill column gives each page's frames in percent.
#include <cstdio>
#include <string>

#include "makeup/page_measures.hpp"
#include "makeup/shipped.hpp"

namespace {

using namespace leafpress::makeup;

void print_rows(const Shipped& shipped, bool findings) {
  for (const ShippedDocument& document : shipped.documents) {
    const Measures m = measure(document.pages);
    std::printf("%-24s %5zu %6.0f %5zu %5zu %5zu %5zu %5zu %5.2f %5.2f %2.0f/%2.0f %4.1f/%4.1f %4.0f %s\n", document.name().c_str(),
                document.pages.pages.size(), m.lowest_fill_but_last * 100, m.blank_pages, m.stranded_headings,
                m.lonely_list_items, m.orphans, m.widows, m.word_space_p90, m.word_space_max, m.chars_median,
                m.chars_p90, m.rag_median, m.rag_p90, m.hyphenated_share * 100, fill_row(m).c_str());
    if (findings) {
      std::printf("%24s smallest text %.1f pt\n", "", m.smallest_text);
      for (const std::string& finding : m.findings) std::printf("%24s %s\n", "", finding.c_str());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const bool findings = argc > 1 && std::string(argv[1]) == "--findings";
  std::printf("%-24s %5s %6s %5s %5s %5s %5s %5s %5s %5s %5s %9s %4s %s\n", "document", "pages", "low%", "blank", "head",
              "list1", "orph", "widow", "ws90", "wsmax", "chars", "rag em", "hy%", "fill per page (frames)");
  for (const std::string& leaflet : kShippedLeaflets) {
    std::printf("%s\n", leaflet.c_str());
    print_rows(lay_out_shipped(leaflet), findings);
  }
  return 0;
}
