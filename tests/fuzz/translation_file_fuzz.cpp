// libFuzzer target: the input is one translation file, read as a PO file (libgettextpo) and
// as an XLIFF file (libxml2), as `strings import` reads what a translator sends back. Reading
// must report problems as diagnostics: no crash, no exception, no sanitizer report, no exit.
// What reads without error must write out and read back the same (PO and XLIFF alike).

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/diagnostics.hpp"
#include "locale/po_file.hpp"
#include "locale/xliff_file.hpp"

namespace {

using namespace leafpress;

void report(const core::Diagnostics& diags) {
  for (const core::Diagnostic& diagnostic : core::in_reading_order(diags)) (void)core::format(diagnostic);
}

bool same_strings(const locale::PoFile& a, const locale::PoFile& b) {
  if (a.entries.size() != b.entries.size()) return false;
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    const locale::PoEntry& x = a.entries[i];
    const locale::PoEntry& y = b.entries[i];
    if (x.context != y.context || x.source != y.source || x.translation != y.translation || x.fuzzy != y.fuzzy) {
      return false;
    }
  }
  return true;
}

void read_po(const std::string& bytes) {
  core::Diagnostics diags;
  const auto po = locale::try_parse_po(bytes, "fuzz.po", core::Limits{}, diags);
  report(diags);
  if (!po) return;
  core::Diagnostics again;
  const auto back = locale::try_parse_po(locale::format_po(*po, "fuzz"), "again.po", core::Limits{}, again);
  if (!back || !same_strings(*po, *back)) __builtin_trap();
}

void read_xliff(const std::string& bytes) {
  core::Diagnostics diags;
  const auto xliff = locale::try_parse_xliff(bytes, "fuzz.xlf", core::Limits{}, diags);
  report(diags);
  if (!xliff) return;
  (void)locale::format_xliff(*xliff, "fr", "de", "fuzz");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  read_po(bytes);
  read_xliff(bytes);
  return 0;
}
