#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/icc_profile.hpp"

namespace leafpress::core {

/// The registry of characterised printing conditions kept by the ICC (ISO 15930-7 §6.2.4:
/// a registered condition's /RegistryName).
inline constexpr std::string_view kIccRegistry = "http://www.color.org";

/// What a press file's output intent says of its printing condition (ISO 15930-7 §6.2.4).
struct PrintingCondition {
  std::string identifier;  // /OutputConditionIdentifier: "FOGRA39", or the profile's description
  std::string registry;    // /RegistryName: kIccRegistry for a registered condition, else empty
};

/// The printing condition of `profile`, checked against the name `print:` gives it
/// (`output_condition`, empty when not given). A name of the ICC's registry ("FOGRA39",
/// "CGATS TR 001", …; any case) must be the one the profile's description names (as
/// "Coated FOGRA39", "ISO Coated v2" or "PSO Coated v3" do); any other name must be the
/// description itself. Without a name, the registered condition the description names, else
/// the description. On a mismatch returns nullopt and says why in `problem`, in the words of
/// a diagnostic.
std::optional<PrintingCondition> try_printing_condition(const IccProfile& profile, std::string_view name,
                                                        std::string& problem);

}  // namespace leafpress::core
