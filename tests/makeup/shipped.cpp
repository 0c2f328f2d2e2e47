#include "makeup/shipped.hpp"

#include <filesystem>

#include "cli/toolbox.hpp"
#include "layout/for_format.hpp"
#include "layout/large_print.hpp"
#include "layout/lay_out.hpp"
#include "load/load_leaflet.hpp"
#include "locale/localize.hpp"

namespace leafpress::makeup {

Shipped lay_out_shipped(const std::string& leaflet) {
  namespace fs = std::filesystem;
  const fs::path source(LEAFPRESS_SOURCE_DIR);
  core::Diagnostics setup;
  Shipped shipped_set{.tools = std::make_unique<cli::Toolbox>(source / "fonts", core::Limits{}, setup), .documents = {}};
  cli::Toolbox& tools = *shipped_set.tools;
  std::vector<ShippedDocument>& documents = shipped_set.documents;
  const auto doc = load::load_leaflet(source / "leaflets" / leaflet, setup);
  if (!doc) return shipped_set;
  struct Variant {
    document::Format format;
    bool large_print;
  };
  std::vector<Variant> variants;
  for (const document::Format format : doc->formats) variants.push_back({format, false});
  variants.push_back({document::Format::brochure, true});
  std::vector<const document::VariantRow*> rows;
  for (const document::VariantRow& row : doc->variants) rows.push_back(&row);
  if (rows.empty()) rows.push_back(nullptr);
  for (const document::VariantRow* row : rows) {
    for (const std::string& language : doc->languages) {
      for (const Variant& variant : variants) {
        ShippedDocument shipped{.language = language,
                                .variant = variant.large_print ? std::string("large-print")
                                                                : std::string(document::format_name(variant.format)),
                                .site = row ? row->name : ""};
        auto localized = layout::for_format(locale::localize(*doc, language, shipped.diags, core::Limits{}, row),
                                            variant.format);
        if (variant.large_print) localized = layout::for_large_print(std::move(localized));
        auto pages = layout::lay_out(localized, tools.registry(), tools.context(), shipped.diags);
        if (pages) shipped.pages = std::move(*pages);
        documents.push_back(std::move(shipped));
      }
    }
  }
  return shipped_set;
}

}  // namespace leafpress::makeup
