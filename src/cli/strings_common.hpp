#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "document/document.hpp"
#include "locale/po_file.hpp"

namespace leafpress::cli {

/// The catalog of `language`, or nullptr when the leaflet has none.
const document::Catalog* catalog_of(const document::Document& doc, const std::string& language);

/// The keys the leaflet uses, in reading order, each once, with every part it plays.
std::vector<std::pair<std::string, std::vector<std::string>>> keys_in_order(const document::Document& doc);

/// Where a key's translation stands against the default language's text.
enum class Standing : std::uint8_t { translated, missing, outdated, unrecorded };

/// A translation without a fingerprint is `unrecorded`: it counts as translated, and
/// `strings mark-current` records it.
Standing standing(const document::Catalog& translation, const std::string& key, const std::string& source);

/// Prints `diags` in reading order, as the compiler-style lines the command line uses.
void print(const core::Diagnostics& diags, std::ostream& err);

/// Text from a file, fit for one line of a message: cut to 200 bytes, control characters '?'.
std::string shown(std::string_view text);

/// A PO or XLIFF file, told apart by their first bytes; nullopt (reported) when unreadable.
std::optional<locale::PoFile> read_translation_file(std::string_view bytes, const std::string& name,
                                                    const core::Limits& limits, core::Diagnostics& diags);

}  // namespace leafpress::cli
