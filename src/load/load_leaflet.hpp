#pragma once

#include <filesystem>
#include <optional>

#include "core/diagnostics.hpp"
#include "document/document.hpp"

namespace leafpress::load {

/// Loads leaflet.yaml and every <lang>.yaml beside it. Reports every problem it finds, not
/// just the first; returns nullopt when any is an error.
std::optional<document::Document> load_leaflet(const std::filesystem::path& directory, core::Diagnostics& diags);

/// True for language tags such as "fr", "en", "pt-BR", "zh-Hant".
bool is_language_tag(std::string_view text);

}  // namespace leafpress::load
