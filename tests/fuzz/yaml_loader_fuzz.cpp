// libFuzzer target: the input is one YAML file, loaded once as a leaflet's leaflet.yaml
// (beside a fixed, valid fr.yaml) and once as its fr.yaml (beside a fixed leaflet.yaml).
// Loading must report problems as diagnostics: no crash, no exception, no sanitizer report.
// The limits are the command line's defaults.

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/diagnostics.hpp"
#include "load/load_leaflet.hpp"

namespace {

using namespace leafpress;

constexpr const char* kLeaflet =
    "default_language: fr\n"
    "languages: [fr]\n"
    "title: cover.title\n"
    "page:\n"
    "  header: cover.title\n"
    "content:\n"
    "  - title: cover.title\n"
    "    subtitle: cover.subtitle\n"
    "  - heading: what.heading\n"
    "    level: 1\n"
    "  - paragraph: what.p1\n"
    "  - list: [what.p1, what.p2]\n";

constexpr const char* kStrings =
    "cover:\n"
    "  title: Titre\n"
    "  subtitle: Sous-titre\n"
    "what:\n"
    "  heading: Qu'est-ce que c'est ?\n"
    "  p1: Un *paragraphe* avec du **gras**.\n"
    "  p2: Un autre.\n";

/// Loads one leaflet and formats what it reported, as the command line would print it.
void load_and_report(const std::string& leaflet, const std::string& strings) {
  core::Diagnostics diags;
  load::load_leaflet_from_files("fuzz", {{"leaflet.yaml", leaflet}, {"fr.yaml", strings}}, diags);
  for (const core::Diagnostic& diagnostic : core::in_reading_order(diags)) (void)core::format(diagnostic);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  load_and_report(bytes, kStrings);
  load_and_report(kLeaflet, bytes);
  return 0;
}
