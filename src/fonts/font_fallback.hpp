#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document/font_config.hpp"
#include "fonts/font_registry.hpp"

namespace leafpress::fonts {

/// Picks a face for characters the theme's faces lack, from the fallback chains of the
/// project's font configuration. Faces come from the registry, so fonts/ still wins.
class FontFallback {
 public:
  FontFallback(FontRegistry& registry, document::FontConfig config)
      : registry_(registry), config_(std::move(config)) {}

  /// `preferred` when it covers `code_point`; otherwise the first face, in `preferred`'s
  /// style, that covers it: of the chain for `script` (ISO 15924) in `language` (BCP 47, by
  /// its primary subtag), then of the chain for `script`, then of the `any` list; in each,
  /// the serif chain for a serif face, else the sans chain, then the other. nullptr if none.
  const Face* face_for(const Face& preferred, char32_t code_point, std::string_view script,
                       std::string_view language = {});

  /// The same for a cluster, a base and its marks (e + U+0302 + U+0323): the first face
  /// that covers every code point of it, so that no mark is drawn from another font than
  /// its base; else the face face_for() gives its first code point.
  const Face* face_for(const Face& preferred, std::u32string_view cluster, std::string_view script,
                       std::string_view language = {});

  /// Whether `face` covers `code_point` (Face::covers), remembered for the whole run below
  /// U+0800 (Latin to Arabic): itemizing asks about the same letters in every paragraph.
  bool covers(const Face& face, char32_t code_point);

  const document::FontConfig& config() const { return config_; }

  /// Whether `face` is one the project put in its font folder (a brand font), whose missing
  /// characters the author should hear of.
  bool is_project_font(const Face& face) const { return registry_.is_folder_face(face); }

  /// A family of the chains that is installed but cannot be used, with why and where named.
  struct UnusableFamily {
    std::string family;
    std::string reason;
    core::SourceLoc loc;  // the chain naming it
  };
  /// The families of the chains that are installed but cannot be used (a colour emoji
  /// font's bitmaps); families simply not installed are skipped and not listed.
  std::vector<UnusableFamily> unusable_families();

 private:
  const Face* first_covering(const document::FallbackChain* chain, FontStyle style, std::u32string_view cluster);
  const Face* search(const Face& preferred, std::u32string_view cluster, std::string_view script,
                     std::string_view language);

  bool covers_all(const Face& face, std::u32string_view cluster);

  static constexpr char32_t kRemembered = 0x800;
  FontRegistry& registry_;
  document::FontConfig config_;
  using Coverage = std::array<std::int8_t, kRemembered>;  // 1, 0, or -1: not asked yet
  std::unordered_map<const Face*, Coverage> coverage_;
  // The face asked about last and its coverage: itemizing asks about one face letter after letter.
  const Face* last_face_ = nullptr;
  Coverage* last_coverage_ = nullptr;
  /// What a search was for: the preferred face, the cluster, the script and the language's
  /// primary subtag.
  struct Choice {
    const Face* preferred = nullptr;
    std::u32string cluster;
    std::string script;
    std::string language;
    bool operator==(const Choice&) const = default;
  };
  struct ChoiceHash {
    std::size_t operator()(const Choice& choice) const;
  };
  std::unordered_map<Choice, const Face*, ChoiceHash> chosen_;
  Choice asked_;  // reused for look-ups: a key per search would cost allocations
};

}  // namespace leafpress::fonts
