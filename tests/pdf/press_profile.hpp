#pragma once

#include <filesystem>

namespace leafpress::testing {

/// The CMYK press profile the press tests use: made by tests/pdf/make_press_profile.sh
/// (Argyll's colprof on FOGRA's FOGRA39L.ti3 data) into the build folder, by the CTest
/// fixture that runs before these tests. Its description names "Coated FOGRA39".
inline std::filesystem::path press_profile() { return LEAFPRESS_PRESS_PROFILE; }

}  // namespace leafpress::testing
