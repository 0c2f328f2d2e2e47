#include "makeup/shipped.hpp"

#include <filesystem>

#include "cli/toolbox.hpp"
#include "layout/for_format.hpp"
#include "layout/large_print.hpp"
#include "layout/lay_out.hpp"
#include "load/load_leaflet.hpp"
#include "locale/localize.hpp"

namespace leafpress::makeup {

Shipped lay_out_shipped() {
  namespace fs = std::filesystem;
  const fs::path source(LEAFPRESS_SOURCE_DIR);
  core::Diagnostics setup;
  Shipped shipped_set{.tools = std::make_unique<cli::Toolbox>(source / "fonts", core::Limits{}, setup), .documents = {}};
  cli::Toolbox& tools = *shipped_set.tools;
  std::vector<ShippedDocument>& documents = shipped_set.documents;
  const auto doc = load::load_leaflet(source / "leaflets" / "immunotherapy", setup);
  if (!doc) return shipped_set;
  struct Variant {
    document::Format format;
    bool large_print;
    const char* name;
  };
  const Variant variants[] = {{document::Format::brochure, false, "brochure"},
                              {document::Format::trifold, false, "trifold"},
                              {document::Format::booklet, false, "booklet"},
                              {document::Format::brochure, true, "large-print"}};
  for (const std::string& language : doc->languages) {
    for (const Variant& variant : variants) {
      ShippedDocument shipped{.language = language, .variant = variant.name};
      auto localized = layout::for_format(locale::localize(*doc, language, shipped.diags), variant.format);
      if (variant.large_print) localized = layout::for_large_print(std::move(localized));
      auto pages = layout::lay_out(localized, tools.registry(), tools.context(), shipped.diags);
      if (pages) shipped.pages = std::move(*pages);
      documents.push_back(std::move(shipped));
    }
  }
  return shipped_set;
}

}  // namespace leafpress::makeup
