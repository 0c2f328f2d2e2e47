#pragma once

#include <filesystem>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "document/document.hpp"
#include "load/schema.hpp"

namespace leafpress::load {

/// `variables:`: a map of names ("hospital.phone") to default values, or to nothing for a
/// variable every variant must give.
std::vector<document::Variable> read_variables(const YamlNode& node, SchemaReader& reader);

/// The rows of the variants file `node` names, relative to `directory` (the leaflet's folder,
/// which it must not lead out of unless `limits.allow_outside`): a CSV file whose header row
/// names `variant` and the variables, or a YAML list of maps with the same keys (nested maps
/// are joined by dots: `hospital: {phone: …}` is `hospital.phone`). Every variable without
/// a default needs a value in every row; an unknown column, a missing or empty value, a bad or
/// repeated variant name is reported at its row and column.
std::vector<document::VariantRow> read_variants(const YamlNode& node, SchemaReader& reader,
                                                const std::filesystem::path& directory,
                                                const std::vector<document::Variable>& variables,
                                                const core::Limits& limits);

/// Checks the placeholders of every string when the leaflet declares variables: each names
/// a declared variable, and a translation has the same placeholders as the default
/// language's text. Without variables, braces are text and nothing is checked. Without a
/// `variants_file`, every variable needs a default.
void check_placeholders(const document::Document& doc, bool variants_file, core::Diagnostics& diags);

/// True for names of variants: letters, digits, '_' and '-' (they become part of file names).
bool is_variant_name(std::string_view text);

}  // namespace leafpress::load
