#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "document/document.hpp"

namespace leafpress::load {

/// Loads leaflet.yaml and every <lang>.yaml beside it, within `limits` (a file that is a
/// symlink leading outside `directory` is refused unless `limits.allow_outside`). Reports
/// every problem it finds, not just the first; returns nullopt when any is an error.
/// With `only_languages`, only their strings and the default language's are read (a build
/// of one language need not parse the others). The strings files are read on up to
/// `threads` threads; the result and the diagnostics are the same for any number.
std::optional<document::Document> load_leaflet(const std::filesystem::path& directory, core::Diagnostics& diags,
                                               const core::Limits& limits = {},
                                               const std::vector<std::string>& only_languages = {},
                                               unsigned threads = 1);

/// A leaflet's files by name ("leaflet.yaml", "fr.yaml") with their bytes.
using LeafletFiles = std::map<std::string, std::string>;

/// Loads a leaflet held in memory as load_leaflet loads a folder holding `files`, through
/// the same checks and `limits` (the link check aside: there are no links). `folder` stands
/// for the folder in diagnostics and its last part names the leaflet; names with a `/` in
/// them are not the leaflet's files.
std::optional<document::Document> load_leaflet_from_files(const std::string& folder, const LeafletFiles& files,
                                                          core::Diagnostics& diags, const core::Limits& limits = {},
                                                          const std::vector<std::string>& only_languages = {});

/// True for language tags such as "fr", "en", "pt-BR", "zh-Hant".
bool is_language_tag(std::string_view text);

}  // namespace leafpress::load
