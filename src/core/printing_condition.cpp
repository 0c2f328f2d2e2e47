#include "core/printing_condition.hpp"

#include <algorithm>
#include <cctype>
#include <array>

namespace leafpress::core {
namespace {

/// A registered characterisation and what profiles made for it say in their descriptions.
struct Registered {
  std::string_view identifier;
  std::array<std::string_view, 5> described_as;  // lowercase, spaces kept; empty ones unused
};

// The ICC's characterisation data registry (color.org/chardata/registry), the conditions
// print shops in Europe and America name most, with the names their profiles carry.
constexpr Registered kRegistered[] = {
    {"FOGRA39", {"fogra39", "iso coated v2", "isocoated_v2", "isocoatedv2"}},
    {"FOGRA51", {"fogra51", "pso coated v3", "psocoated_v3"}},
    {"FOGRA52", {"fogra52", "pso uncoated v3", "psouncoated_v3"}},
    {"FOGRA47", {"fogra47", "pso uncoated iso12647", "psouncoated"}},
    {"FOGRA29", {"fogra29", "iso uncoated", "isouncoated"}},
    {"FOGRA28", {"fogra28", "iso web coated", "isowebcoated"}},
    {"FOGRA30", {"fogra30", "iso uncoated yellowish", "isouncoatedyellowish"}},
    {"FOGRA40", {"fogra40", "sc paper", "sc_paper"}},
    {"FOGRA45", {"fogra45", "pso lwc improved", "pso_lwc_improved"}},
    {"CGATS TR 001", {"cgats tr 001", "tr001", "tr 001", "swop"}},
    {"CGATS TR 006", {"cgats tr 006", "tr006", "tr 006", "gracol2006", "gracol 2006"}},
    {"CGATS21-2-CRPC6", {"crpc6", "gracol2013", "gracol 2013"}},
    {"CGATS21-2-CRPC5", {"crpc5", "swop2013c3", "swop 2013 c3"}},
    {"JC200103", {"jc200103", "japan color 2001 coated", "japancolor2001coated"}},
    {"JCN2002", {"jcn2002", "japan color 2002 newspaper"}},
    {"IFRA26", {"ifra26", "isonewspaper26", "iso newspaper 26"}},
};

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const Registered* registered_named(std::string_view name) {
  const std::string wanted = lowercase(name);
  for (const Registered& known : kRegistered) {
    if (lowercase(known.identifier) == wanted) return &known;
  }
  return nullptr;
}

bool describes(const Registered& known, const std::string& description) {
  const std::string text = lowercase(description);
  return std::any_of(known.described_as.begin(), known.described_as.end(),
                     [&](std::string_view name) { return !name.empty() && text.find(name) != std::string::npos; });
}

const Registered* registered_described_by(const std::string& description) {
  for (const Registered& known : kRegistered) {
    if (describes(known, description)) return &known;
  }
  return nullptr;
}

}  // namespace

std::optional<PrintingCondition> try_printing_condition(const IccProfile& profile, std::string_view name,
                                                        std::string& problem) {
  problem.clear();
  const Registered* described = registered_described_by(profile.description);
  if (name.empty()) {
    if (described) return PrintingCondition{std::string(described->identifier), std::string(kIccRegistry)};
    if (!profile.description.empty()) return PrintingCondition{profile.description, {}};
    return PrintingCondition{"Custom", {}};
  }
  const std::string quoted_description = "'" + profile.description + "'";
  if (const Registered* named = registered_named(name)) {
    if (describes(*named, profile.description)) {
      return PrintingCondition{std::string(named->identifier), std::string(kIccRegistry)};
    }
    problem = "output_condition '" + std::string(name) + "' is not the condition of the profile, " +
              quoted_description +
              (described ? ", which is made for " + std::string(described->identifier) : std::string()) + "";
    return std::nullopt;
  }
  if (std::string(name) == profile.description) return PrintingCondition{profile.description, {}};
  problem = "output_condition '" + std::string(name) +
            "' is neither a registered printing condition (FOGRA39, FOGRA51, CGATS TR 001, …) nor the "
            "profile's description, " + quoted_description;
  return std::nullopt;
}

}  // namespace leafpress::core
