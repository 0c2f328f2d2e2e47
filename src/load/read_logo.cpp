#include "load/read_logo.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "core/units.hpp"
#include "load/leaflet_schema.hpp"

namespace leafpress::load {
namespace {

constexpr double kDefaultLogoWidth = core::mm(32);
/// A logo narrower than this prints as a smudge; wider, it crowds the title.
constexpr double kSmallestLogo = core::mm(8);
constexpr double kWidestLogo = core::mm(120);

bool is_vector_file(std::string path) {
  std::transform(path.begin(), path.end(), path.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return path.ends_with(".svg") || path.ends_with(".svgz") || path.ends_with(".pdf") || path.ends_with(".eps");
}

}  // namespace

std::optional<document::Logo<document::TextRef>> read_logo(const YamlNode& node, SchemaReader& reader,
                                                           images::ImageFiles& images) {
  document::Logo<document::TextRef> logo;
  logo.width = kDefaultLogoWidth;
  // A Node assigned to another Node writes into the tree (yaml-cpp's reference semantics):
  // the file's node is held in an optional instead.
  std::optional<YamlNode> file_node;
  if (node.is_map()) {
    reader.check_keys(node, "logo", leaflet_keys("logo"));
    file_node = reader.require(node, "file", "logo");
    if (!file_node) return std::nullopt;
    if (const auto alt = reader.find(node, "alt")) logo.alt = reader.text_ref(*alt, "alt");
    if (const auto width = reader.find(node, "width")) {
      const auto length = reader.length(*width, "width");
      if (length && (*length < kSmallestLogo - 1e-9 || *length > kWidestLogo + 1e-9)) {
        reader.error(*width, "expected a logo width of 8 to 120 mm, got " + describe(*width), "the default is 32mm");
      } else if (length) {
        logo.width = *length;
      }
    }
    if (const auto every = reader.find(node, "every_page")) {
      logo.every_page = reader.boolean(*every, "every_page").value_or(false);
    }
  } else {
    file_node.emplace(node);
  }
  const auto path = reader.string(*file_node, "logo");
  if (!path) return std::nullopt;
  if (path->empty()) {
    reader.error(*file_node, "expected the path of a PNG or JPEG picture for the logo");
    return std::nullopt;
  }
  if (is_vector_file(*path)) {
    reader.error(*file_node, "logo '" + *path + "' is a vector file; leafpress places PNG and JPEG logos",
                 "export the logo as a PNG at least 600 pixels wide (e.g. rsvg-convert -w 1200 logo.svg -o logo.png)");
    return std::nullopt;
  }
  logo.file = *path;
  logo.image = images.read(*path, reader.loc(*file_node), reader.diags());
  if (!logo.image) return std::nullopt;
  return logo;
}

}  // namespace leafpress::load
