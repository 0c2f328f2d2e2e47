#include "layout/poster.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/units.hpp"
#include "layout/logo.hpp"

namespace leafpress::layout {
namespace {

using document::RichText;
using Block = document::Block<RichText>;

/// The poster's blocks by the place the grid gives them.
struct PosterParts {
  const Block* picture = nullptr;  // the first figure
  const Block* figures = nullptr;  // the first key-figures block
  std::vector<Block> body;
  std::vector<Block> foot;  // QR codes and the contact block
};

PosterParts sort_blocks(const document::LocalizedDocument& doc) {
  PosterParts parts;
  const auto first = doc.blocks.begin() + (opens_with_title(doc) ? 1 : 0);
  for (auto block = first; block != doc.blocks.end(); ++block) {
    if (!parts.picture && std::holds_alternative<document::ImageBlock<RichText>>(block->content)) {
      parts.picture = &*block;
    } else if (!parts.figures && std::holds_alternative<document::FiguresBlock<RichText>>(block->content)) {
      parts.figures = &*block;
    } else if (std::holds_alternative<document::QrBlock<RichText>>(block->content) ||
               std::holds_alternative<document::ContactBlock<RichText>>(block->content)) {
      parts.foot.push_back(*block);
    } else {
      parts.body.push_back(*block);
    }
  }
  return parts;
}

/// A block set `width` wide, its slices stacked from y = 0; `height` is what it takes.
struct SetBlock {
  std::vector<Item> items;
  double height = 0;
  core::SourceLoc loc;
};

/// The context blocks are set in on a poster: the sizes the theme does not give (the title
/// block's kicker) grow with its type as the theme's did (for_format's scale, `type_scale`).
BlockContext poster_context(const LayoutTools& tools, double width, double type_scale) {
  BlockContext context = tools.context(width);
  context.style.title.kicker_size *= type_scale;
  return context;
}

/// A QR code as large, for the distance a poster is read from, as its type.
Block grown(const Block& block, double scale) {
  Block copy = block;
  if (auto* qr = std::get_if<document::QrBlock<RichText>>(&copy.content)) qr->size *= scale;
  return copy;
}

SetBlock stack_block(const Block& block, const BlockContext& context) {
  SetBlock set{{}, 0, block.loc};
  bool first = true;
  for (Slice& slice : block_slices(block, context)) {
    if (!first) set.height += slice.space_before;
    first = false;
    translate(slice.items, 0, set.height);
    set.items.insert(set.items.end(), slice.items.begin(), slice.items.end());
    set.height += slice.height;
  }
  return set;
}

void place(std::vector<Item>& page, std::vector<Item> items, double x, double y) {
  translate(items, x, y);
  page.insert(page.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
}

std::string points_and_mm(double points) {
  char text[64];
  std::snprintf(text, sizeof text, "%.1f pt (%.1f mm)", points, points / core::kPointsPerMm);
  return text;
}

/// The cells of a row of `count` side by side across `width`, `gutter` apart.
double cell_width(double width, std::size_t count, double gutter) {
  return (width - gutter * static_cast<double>(count - 1)) / static_cast<double>(count);
}

}  // namespace

std::vector<Page> lay_out_poster(const LayoutTools& tools) {
  const document::LocalizedDocument& doc = tools.doc;
  const document::PosterSetup& setup = doc.poster;
  // Lengths other than the type grow with the poster as the type does (for_format).
  const double grow = setup.size.width / core::mm(297);
  const double gutter = 22 * grow;
  const double gap = 26 * grow;  // between the grid's rows
  const double band = core::mm(14) * grow;
  const double width = setup.size.width - 2 * setup.margin;
  const double left = setup.margin;
  const double bottom = setup.size.height - setup.margin;
  Page page{setup.size.width, setup.size.height, {}, {}};
  page.items.push_back(RectItem{0, 0, setup.size.width, band, doc.theme.accent, kArtifact, true});

  // Headline: the logo at the end of the line, then the title block across the page.
  double y = band + std::max(0.0, setup.margin - band) + 12 * grow;
  if (const auto logo = cover_logo(doc, tools.structure, width / 3, grow)) {
    ImageItem image = logo->image;
    image.x = left + width - logo->width;
    image.y = y;
    page.items.push_back(image);
    y += logo->height + 12 * grow;
  }
  const double type_scale = setup.text_scale * grow;
  if (opens_with_title(doc)) {
    SetBlock title = stack_block(doc.blocks.front(), poster_context(tools, width, type_scale));
    place(page.items, std::move(title.items), left, y);
    y += title.height + gap;
  }

  // The picture beside the key figures, or whichever there is across the page.
  const PosterParts parts = sort_blocks(doc);
  std::vector<const Block*> grid_row;
  if (parts.picture) grid_row.push_back(parts.picture);
  if (parts.figures) grid_row.push_back(parts.figures);
  if (!grid_row.empty()) {
    const double cell = cell_width(width, grid_row.size(), gutter);
    double row_height = 0;
    for (std::size_t i = 0; i < grid_row.size(); ++i) {
      SetBlock set = stack_block(*grid_row[i], poster_context(tools, cell, type_scale));
      row_height = std::max(row_height, set.height);
      place(page.items, std::move(set.items), left + static_cast<double>(i) * (cell + gutter), y);
    }
    y += row_height + gap;
  }

  // The body is set now, in reading order, and poured once the foot's height is known.
  const std::size_t columns = static_cast<std::size_t>(std::max(1, setup.columns));
  const double column = cell_width(width, columns, gutter);
  const double capacity = bottom - y;
  std::vector<Slice> body =
      set_blocks(parts.body.begin(), parts.body.end(), poster_context(tools, column, type_scale),
                 capacity * static_cast<double>(columns), std::max(1.0, capacity));

  // The foot: QR codes and the contact block side by side, resting on the bottom margin.
  std::vector<SetBlock> foot;
  const double foot_cell = parts.foot.empty() ? 0 : cell_width(width, parts.foot.size(), gutter);
  double foot_height = 0;
  for (const Block& block : parts.foot) {
    // The code grows with the poster's page, as its type does, from the size leaflet.yaml gives.
    foot.push_back(stack_block(grown(block, grow), poster_context(tools, foot_cell, type_scale)));
    foot_height = std::max(foot_height, foot.back().height);
  }
  const double foot_top = bottom - foot_height;
  for (std::size_t i = 0; i < foot.size(); ++i) {
    // Each cell sits on the foot line, so codes and contact box share their lower edge.
    place(page.items, std::move(foot[i].items), left + static_cast<double>(i) * (foot_cell + gutter),
          foot_top + foot_height - foot[i].height);
  }

  const double body_height = foot_top - (foot.empty() ? 0 : gap) - y;
  if (body_height < 0) {
    const core::SourceLoc loc = !foot.empty() ? foot.front().loc : grid_row.empty() ? doc.blocks.front().loc : grid_row.back()->loc;
    tools.diags.error(loc, "the poster is full: its headline, picture, key figures and foot need " +
                               points_and_mm(-body_height) + " more than the page has",
                      "shorten the title, make the picture narrower ('width:') or lower poster.text_scale");
    return {page};
  }
  std::vector<Column> frame;
  for (std::size_t i = 0; i < columns; ++i) {
    frame.push_back({left + static_cast<double>(i) * (column + gutter), y, column, body_height});
  }
  Flowed flowed = flow(std::move(body), [&](std::size_t) { return frame; }, 1, tools.diags);
  if (flowed.stopped_at) {
    tools.diags.error(flowed.stopped_loc,
                      "the poster is one page and it is full: this block and those after it need " +
                          points_and_mm(flowed.left_over) + " more",
                      "shorten the text, leave blocks out of the poster with 'formats:', or lower poster.text_scale");
  }
  if (!flowed.pages.empty()) place(page.items, std::move(flowed.pages.front()), 0, 0);
  return {page};
}

}  // namespace leafpress::layout
