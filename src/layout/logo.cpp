#include "layout/logo.hpp"

#include <algorithm>

namespace leafpress::layout {

std::optional<PlacedLogo> cover_logo(const document::LocalizedDocument& doc, Structure& structure, double max_width,
                                     double scale) {
  if (!doc.logo || !doc.logo->image) return std::nullopt;
  const document::Image& picture = *doc.logo->image;
  const double width = std::min(doc.logo->width * scale, max_width);
  const double height = width * picture.height / picture.width;
  const int element = doc.logo->alt && !doc.logo->alt->plain().empty()
                          ? structure.add_figure(0, doc.logo->alt->plain())
                          : kArtifact;
  return PlacedLogo{ImageItem{0, 0, width, height, doc.logo->image, element}, width, height};
}

void add_repeated_logo(std::vector<Page>& pages, const document::LocalizedDocument& doc,
                       const document::Margins& margins) {
  if (!doc.logo || !doc.logo->image || !doc.logo->every_page) return;
  // The running header's baseline (page_furniture), and a little air above the logo.
  const double baseline = margins.top - 18;
  const double max_height = baseline - 10;
  if (max_height <= 4) return;
  const document::Image& picture = *doc.logo->image;
  // Smaller than on the cover: a mark in the margin, not a second title.
  double width = doc.logo->width * 0.6;
  double height = width * picture.height / picture.width;
  if (height > max_height) {
    width *= max_height / height;
    height = max_height;
  }
  for (std::size_t i = 1; i < pages.size(); ++i) {
    const bool odd_page = i % 2 == 0;  // a right-hand page: inside margin on the left
    const double x = odd_page ? margins.inside : pages[i].width - margins.inside - width;
    const ImageItem image{x, baseline + 2 - height, width, height, doc.logo->image, kArtifact};
    pages[i].items.emplace_back(std::in_place_type<ImageItem>, image);
  }
}

}  // namespace leafpress::layout
