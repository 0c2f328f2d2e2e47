#include "pdf/link_rects.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "support/process.hpp"

namespace leafpress::testing {

std::vector<std::vector<double>> link_rects(const std::filesystem::path& pdf, const std::string& url) {
  const ProcessResult result = run_process({"qpdf", "--json=2", "--json-key=qpdf", pdf.string()});
  if (result.exit_code != 0) throw std::runtime_error("qpdf cannot read " + pdf.string() + ": " + result.err);
  const nlohmann::json document = nlohmann::json::parse(result.out);
  std::vector<std::vector<double>> rects;
  for (const auto& [key, object] : document["qpdf"][1].items()) {
    if (!object.contains("value") || !object["value"].is_object()) continue;
    const auto& value = object["value"];
    if (value.value("/Subtype", "") != "/Link" || !value.contains("/A") || !value["/A"].is_object()) continue;
    if (value["/A"].value("/URI", "") != "u:" + url) continue;
    rects.push_back(value["/Rect"].get<std::vector<double>>());
  }
  return rects;
}

}  // namespace leafpress::testing
