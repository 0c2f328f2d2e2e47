#pragma once

#include <filesystem>
#include <string>
#include <vector>

// The 23-language fixture leaflet (tests/engines/languages) and the PDFs built from it.

namespace leafpress::engines {

/// The languages the fixture declares, in its `languages:` order.
std::vector<std::string> fixture_languages();

/// True for languages written right to left (Arabic, Hebrew, Persian, Urdu).
bool is_rtl(const std::string& language);

/// The fixture's PDF for `language` and `format` in `dir`: languages.<lang>.<format>.pdf.
std::filesystem::path fixture_pdf(const std::filesystem::path& dir, const std::string& language,
                                  const std::string& format = "brochure");

/// Builds the fixture, every language and format, into `dir` with the leafpress binary;
/// throws when leafpress fails (warnings about hyphenation dictionaries are expected).
void build_fixture(const std::filesystem::path& dir);

}  // namespace leafpress::engines
