// Prints issue 15's measures for every shipped PDF of leaflets/immunotherapy, one row each:
// build/tests/makeup_table [--findings]. The fill column gives each page's frames in percent.
#include <cstdio>
#include <string>

#include "makeup/page_measures.hpp"
#include "makeup/shipped.hpp"

int main(int argc, char** argv) {
  using namespace leafpress::makeup;
  const bool findings = argc > 1 && std::string(argv[1]) == "--findings";
  std::printf("%-16s %5s %6s %5s %5s %5s %5s %5s %5s %5s %5s %s\n", "document", "pages", "low%", "blank", "head",
              "list1", "orph", "widow", "ws90", "wsmax", "chars", "fill per page (frames)");
  const Shipped all = lay_out_shipped();
  for (const ShippedDocument& shipped : all.documents) {
    const Measures m = measure(shipped.pages);
    const std::string name = shipped.language + "." + shipped.variant;
    std::printf("%-16s %5zu %6.0f %5zu %5zu %5zu %5zu %5zu %5.2f %5.2f %2.0f/%2.0f %s\n", name.c_str(),
                shipped.pages.pages.size(), m.lowest_fill_but_last * 100, m.blank_pages, m.stranded_headings,
                m.lonely_list_items, m.orphans, m.widows, m.word_space_p90, m.word_space_max, m.chars_median,
                m.chars_p90, fill_row(m).c_str());
    if (findings) {
      std::printf("%16s smallest text %.1f pt\n", "", m.smallest_text);
      for (const std::string& finding : m.findings) std::printf("%16s %s\n", "", finding.c_str());
    }
  }
  return 0;
}
