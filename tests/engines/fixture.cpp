#include "engines/fixture.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "engines/engines_paths.hpp"
#include "support/process.hpp"

namespace leafpress::engines {

std::vector<std::string> fixture_languages() {
  std::ifstream in(fixture_leaflet() / "leaflet.yaml");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("languages:", 0) != 0) continue;
    const auto open = line.find('['), close = line.find(']');
    std::istringstream list(line.substr(open + 1, close - open - 1));
    std::vector<std::string> out;
    for (std::string item; std::getline(list, item, ',');) {
      item.erase(0, item.find_first_not_of(' '));
      item.erase(item.find_last_not_of(' ') + 1);
      out.push_back(item);
    }
    return out;
  }
  throw std::runtime_error("no languages: line in the fixture's leaflet.yaml");
}

bool is_rtl(const std::string& language) { return language == "ar" || language == "he" || language == "fa" || language == "ur"; }

std::filesystem::path fixture_pdf(const std::filesystem::path& dir, const std::string& language, const std::string& format) {
  return dir / ("languages." + language + "." + format + ".pdf");
}

void build_fixture(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const auto result = testing::run_process({leafpress_binary().string(), "build", fixture_leaflet().string(), "--out", dir.string()},
                                           source_dir().string(), {"SOURCE_DATE_EPOCH=0"});
  if (result.exit_code != 0) throw std::runtime_error("leafpress build of the engines fixture failed:\n" + result.err);
}

}  // namespace leafpress::engines
