#include "fonts/font_fallback.hpp"

#include <algorithm>
#include <optional>

namespace leafpress::fonts {
namespace {

FontStyle style_of(const Face& face) {
  const bool bold = face.metrics().bold;
  const bool italic = face.metrics().italic;
  if (bold && italic) return FontStyle::bold_italic;
  if (bold) return FontStyle::bold;
  if (italic) return FontStyle::italic;
  return FontStyle::regular;
}

const document::FallbackChain* chain_for(const std::map<std::string, document::FallbackChain>& chains,
                                         std::string_view script) {
  const auto it = chains.find(std::string(script));
  return it == chains.end() ? nullptr : &it->second;
}

}  // namespace

bool FontFallback::covers(const Face& face, char32_t code_point) {
  if (code_point >= kRemembered) return face.covers(code_point);
  if (&face != last_face_) {
    auto [it, added] = coverage_.try_emplace(&face);
    if (added) it->second.fill(-1);
    last_face_ = &face;
    last_coverage_ = &it->second;  // stays where it is: an unordered_map keeps its elements in place
  }
  std::int8_t& known = (*last_coverage_)[code_point];
  if (known < 0) known = face.covers(code_point) ? 1 : 0;
  return known == 1;
}

bool FontFallback::covers_all(const Face& face, std::u32string_view cluster) {
  return std::all_of(cluster.begin(), cluster.end(), [&](char32_t cp) { return covers(face, cp); });
}

const Face* FontFallback::first_covering(const document::FallbackChain* chain, FontStyle style,
                                         std::u32string_view cluster) {
  if (!chain) return nullptr;
  for (const std::string& family : chain->families) {
    const Face* face = registry_.find(family, style);
    if (face && covers_all(*face, cluster)) return face;
  }
  return nullptr;
}

std::vector<FontFallback::UnusableFamily> FontFallback::unusable_families() {
  std::vector<const document::FallbackChain*> chains{&config_.any};
  std::vector<const std::map<std::string, document::FallbackChain>*> sets{&config_.serif, &config_.sans};
  for (const auto& [language, own] : config_.languages) {
    sets.push_back(&own.serif);
    sets.push_back(&own.sans);
  }
  for (const auto* set : sets) {
    for (const auto& [script, chain] : *set) chains.push_back(&chain);
  }
  std::vector<UnusableFamily> unusable;
  std::map<std::string, std::optional<std::string>> reasons;
  for (const document::FallbackChain* chain : chains) {
    for (const std::string& family : chain->families) {
      auto [it, fresh] = reasons.try_emplace(family);
      if (!fresh) continue;  // named once is told once
      it->second = registry_.unusable_reason(family);
      if (it->second) unusable.push_back({family, *it->second, chain->loc});
    }
  }
  return unusable;
}

const Face* FontFallback::face_for(const Face& preferred, char32_t code_point, std::string_view script,
                                   std::string_view language) {
  return search(preferred, std::u32string_view(&code_point, 1), script, language);
}

const Face* FontFallback::face_for(const Face& preferred, std::u32string_view cluster, std::string_view script,
                                   std::string_view language) {
  if (cluster.empty()) return &preferred;
  if (const Face* face = search(preferred, cluster, script, language)) return face;
  return cluster.size() > 1 ? search(preferred, cluster.substr(0, 1), script, language) : nullptr;
}

const Face* FontFallback::search(const Face& preferred, std::u32string_view cluster, std::string_view script,
                                 std::string_view language) {
  if (covers_all(preferred, cluster)) return &preferred;
  const std::string_view base = language.substr(0, language.find('-'));
  asked_.preferred = &preferred;
  asked_.cluster.assign(cluster);
  asked_.script.assign(script);
  asked_.language.assign(base);
  if (const auto it = chosen_.find(asked_); it != chosen_.end()) return it->second;

  const FontStyle style = style_of(preferred);
  const bool serif = preferred.metrics().serif;
  const Face* face = nullptr;
  if (const auto own = config_.languages.find(asked_.language); own != config_.languages.end()) {
    face = first_covering(chain_for(serif ? own->second.serif : own->second.sans, script), style, cluster);
    if (!face) face = first_covering(chain_for(serif ? own->second.sans : own->second.serif, script), style, cluster);
  }
  if (!face) face = first_covering(chain_for(serif ? config_.serif : config_.sans, script), style, cluster);
  if (!face) face = first_covering(chain_for(serif ? config_.sans : config_.serif, script), style, cluster);
  if (!face) face = first_covering(&config_.any, style, cluster);
  chosen_.emplace(asked_, face);
  return face;
}

std::size_t FontFallback::ChoiceHash::operator()(const Choice& choice) const {
  constexpr std::size_t kMix = 0x9E3779B97F4A7C15ull;
  std::size_t hash = std::hash<const void*>()(choice.preferred);
  hash = hash * kMix ^ std::hash<std::u32string>()(choice.cluster);
  hash = hash * kMix ^ std::hash<std::string>()(choice.script);
  return hash * kMix ^ std::hash<std::string>()(choice.language);
}

}  // namespace leafpress::fonts
