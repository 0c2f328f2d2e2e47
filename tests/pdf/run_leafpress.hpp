#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace leafpress::testing {

/// Runs the leafpress binary under test with `args` in `working_dir` (the source folder by
/// default), SOURCE_DATE_EPOCH fixed so that two runs write the same bytes.
ProcessResult run_leafpress(std::vector<std::string> args,
                            const std::filesystem::path& working_dir = LEAFPRESS_SOURCE_DIR);

}  // namespace leafpress::testing
