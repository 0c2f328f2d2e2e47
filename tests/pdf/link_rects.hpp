#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace leafpress::testing {

/// The boxes of the link annotations in `pdf` leading to `url`, as qpdf reads them:
/// [left, bottom, right, top] in PDF space. Throws std::runtime_error if qpdf cannot read it.
std::vector<std::vector<double>> link_rects(const std::filesystem::path& pdf, const std::string& url);

}  // namespace leafpress::testing
