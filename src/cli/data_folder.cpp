#include "cli/data_folder.hpp"

namespace leafpress::cli {
namespace fs = std::filesystem;

std::optional<fs::path> installed_data_folder() {
  std::error_code ec;
  // The kernel's record of the running binary, with links resolved (proc(5)).
  const fs::path binary = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path data = (binary.parent_path() / LEAFPRESS_DATA_FROM_BIN).lexically_normal();
    if (fs::is_directory(data, ec)) return data;
  }
  // A binary copied out of its prefix still finds the data installed where it was built for.
  if (fs::is_directory(LEAFPRESS_INSTALLED_DATA, ec)) return fs::path(LEAFPRESS_INSTALLED_DATA);
  return std::nullopt;
}

fs::path default_font_folder(const std::string& leaflet) {
  std::error_code ec;
  if (fs::is_directory("fonts", ec)) return "fonts";
  const fs::path beside = fs::absolute(leaflet, ec).lexically_normal().parent_path().parent_path() / "fonts";
  if (fs::is_directory(beside, ec)) return beside;
  if (const auto data = installed_data_folder(); data && fs::is_directory(*data / "fonts", ec)) return *data / "fonts";
  return "fonts";
}

}  // namespace leafpress::cli
