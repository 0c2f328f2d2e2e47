#include "layout/trifold.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/units.hpp"
#include "layout/block_slices.hpp"
#include "layout/logo.hpp"
#include "layout/trifold_panels.hpp"

namespace leafpress::layout {
namespace {

constexpr double kBelowTitle = 14;
// The accent band across the cover's top edge: 6 mm, so that the 0.5 to 1 mm a guillotine
// may cut off either way leaves a band that still looks even.
constexpr double kCoverBand = core::mm(6);
constexpr double kAboveNote = 8;
/// A picture that moves to the cover grows by this share of the panel's width at a time,
/// and no larger than print's 300 pixels per inch allow.
constexpr double kCoverPictureStep = 0.05;
constexpr double kPrintPpi = 300;
/// A panel is a third of a page, so that a whole block more or less moves its fill by a
/// larger share: panels are held to 75 % where pages are held to 85 % (issue 15).
constexpr PageBreakParameters kPanelBreaks{.target_fill = 0.75};

using document::RichText;

std::string points_and_mm(double points) {
  char text[64];
  std::snprintf(text, sizeof text, "%.1f pt (%.1f mm)", points, points / core::kPointsPerMm);
  return text;
}

/// Text frames: one width for all, the narrowest panel's, centred in each panel.
class PanelFrames {
 public:
  PanelFrames(const TrifoldPanels& panels, double margin, double sheet_height)
      : margin_(margin),
        height_(sheet_height - 2 * margin),
        width_(std::min(panels.fold_in.width, panels.cover.width) - 2 * margin) {}

  Column frame(const Panel& panel, double reserved = 0) const {
    return {panel.x + (panel.width - width_) / 2, margin_ + reserved, width_, height_ - reserved};
  }
  double width() const { return width_; }

 private:
  double margin_;
  double height_;
  double width_;
};

void append(std::vector<Item>& to, std::vector<Item> items) {
  to.insert(to.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
}

/// The footer note at the foot of the back panel; returns the height it takes.
double add_back_note(const LayoutTools& tools, const Column& back, std::vector<Item>& items) {
  if (!tools.doc.page.footer) return 0;
  const auto& theme = tools.doc.theme;
  const TextSpec note_spec{.fonts = &tools.fonts.heading,
                           .size = theme.body_size * 0.8,
                           .color = theme.muted,
                           .leading = 1.3,
                           .align = text::Align::start};
  const SetText note = tools.typesetter.set(*tools.doc.page.footer, note_spec, back.width);
  const double top = back.top + back.height - note.height();
  append(items, all_line_items(note, back.x, top, tools.structure.add(Role::paragraph)));
  return note.height() + kAboveNote;
}

bool is_picture(const document::Block<RichText>& block) {
  return std::holds_alternative<document::ImageBlock<RichText>>(block.content);
}

/// Height the picture `block` takes set at `share` of the column, its space above
/// included: set aside, with a structure and diagnostics of its own, so that what is set
/// for real stays in reading order and is reported once.
double picture_height(document::Block<RichText> block, double share, const BlockContext& context) {
  auto& picture = std::get<document::ImageBlock<RichText>>(block.content);
  picture.width = {.share = share, .length = std::nullopt};
  const SetAside aside(context);
  const std::vector<Slice> slices = block_slices(block, aside.context);
  return slices.empty() ? 0 : slices.front().space_before + stacked_height(slices, 0);
}

/// The first picture of `blocks` grows to fill the cover it is about to move to (`room`
/// points left under the cover's text): from the share of the panel the leaflet gives it,
/// in steps of kCoverPictureStep, up to the whole panel and no wider than 300 ppi allow;
/// the widest setting that fits is kept, and a note says so. A picture given an absolute
/// width (`width: 40mm`) keeps it, and one that does not fit the room at its own size
/// stays in the sections.
void grow_cover_picture(std::vector<document::Block<RichText>>::iterator first,
                        std::vector<document::Block<RichText>>::iterator last, const BlockContext& context, double room,
                        const std::string& language, core::Diagnostics& diags) {
  const auto block = std::find_if(first, last, is_picture);
  if (block == last) return;
  auto& picture = std::get<document::ImageBlock<RichText>>(block->content);
  if (picture.width.length || !picture.image || picture.image->width <= 0) return;
  const double sharpest = picture.image->width / kPrintPpi * core::kPointsPerInch / context.column_width;
  const double widest = std::min(1.0, sharpest);
  double chosen = picture.width.share;
  if (chosen >= widest || picture_height(*block, chosen, context) > room) return;
  for (double share = chosen + kCoverPictureStep; share <= widest + 1e-9; share += kCoverPictureStep) {
    if (picture_height(*block, share, context) <= room) chosen = share;
  }
  if (chosen <= picture.width.share + 1e-9) return;
  diags.note(block->loc,
             "the " + language + " tri-fold's cover sets this picture at " + std::to_string(std::lround(chosen * 100)) +
                 " % of the panel's width, not " + std::to_string(std::lround(picture.width.share * 100)) +
                 " %, to fill the cover",
             "give it a width in millimetres ('width: 40mm') to keep it at one size");
  picture.width.share = chosen;
}

/// The first picture of the sections moves to the cover, at its foot, under what it holds,
/// when the cover has room for it: the inside panels are the tightest, the cover the
/// emptiest. It keeps its place in the structure tree, where its section reads it.
void move_figure_to_cover(const std::vector<document::Block<RichText>>& blocks, std::vector<Slice>& sections,
                          std::vector<Slice>& cover, double cover_height) {
  const auto from_picture = [&](const Slice& slice) {
    return std::any_of(blocks.begin(), blocks.end(), [&](const auto& block) {
      return block.loc.file == slice.loc.file && block.loc.line == slice.loc.line &&
             block.loc.column == slice.loc.column && is_picture(block);
    });
  };
  const auto picture = std::find_if(sections.begin(), sections.end(), from_picture);
  if (picture == sections.end()) return;
  const double used = cover.empty() ? 0 : stacked_height(cover, 0);
  if (used + picture->space_before + picture->height > cover_height) return;
  // The picture stands at the cover's foot, as a designed cover sets it: the title and lead
  // at the top, the picture closing the panel, the room between them white.
  picture->space_before = std::max(picture->space_before, cover_height - used - picture->height);
  cover.push_back(std::move(*picture));
  sections.erase(picture);
}

/// The least share of a panel the flow fills, over every panel it reaches; 0 when it does
/// not set every slice.
double least_fill(const Flowed& flowed) {
  if (flowed.stopped_at) return 0;
  double least = 1;
  for (double fill : flowed.fill) least = std::min(least, fill);
  return least;
}

/// A text too short for the inside panels (a translation shorter than the original) leaves
/// them less than kPanelBreaks.target_fill full: the sources, which close the text in the
/// other formats, then leave the back panel (`back`, set from `back_blocks`) for the end of
/// the flow (`flowing`) when that fills the panels better, the QR code and contact staying on
/// the back. True when they moved. Each arrangement is tried aside, its problems unreported.
bool sources_inside(std::vector<Slice>& flowing, std::vector<Slice>& back,
                    const std::vector<document::Block<RichText>>& back_blocks, const ColumnsOfPage& columns) {
  const auto from_sources = [&](const Slice& slice) {
    return std::any_of(back_blocks.begin(), back_blocks.end(), [&](const auto& block) {
      return block.loc.file == slice.loc.file && block.loc.line == slice.loc.line &&
             block.loc.column == slice.loc.column &&
             std::holds_alternative<document::SourcesBlock<RichText>>(block.content);
    });
  };
  std::vector<Slice> sources;
  for (const Slice& slice : back) {
    if (from_sources(slice)) sources.push_back(slice);
  }
  // flow() takes its slices: each arrangement tried is a copy, moved in.
  const auto tried = [&](std::vector<Slice> slices) {
    core::Diagnostics aside;
    return least_fill(flow(std::move(slices), columns, 2, aside, {.fill_last = true}, kPanelBreaks));
  };
  if (sources.empty()) return false;
  const double without = tried(flowing);
  if (without >= kPanelBreaks.target_fill) return false;
  std::vector<Slice> with = flowing;
  with.insert(with.end(), sources.begin(), sources.end());
  if (tried(std::move(with)) <= without) return false;
  flowing.insert(flowing.end(), std::make_move_iterator(sources.begin()), std::make_move_iterator(sources.end()));
  std::erase_if(back, from_sources);
  return true;
}

}  // namespace

std::vector<Page> lay_out_trifold(const LayoutTools& tools) {
  const document::LocalizedDocument& doc = tools.doc;
  const double sheet_width = core::kA4Height;
  const double sheet_height = core::kA4Width;
  const TrifoldPanels panels = trifold_panels(sheet_width, doc.trifold.fold_in);
  const PanelFrames frames(panels, doc.trifold.margin, sheet_height);
  std::vector<Page> sheets{{sheet_width, sheet_height, {}, {panels.back.x, panels.cover.x}},
                           {sheet_width, sheet_height, {}, {panels.inside_middle.x, panels.inside_right.x}}};

  // The cover: a band of the accent colour along its top edge, then the title block.
  sheets[0].items.push_back(RectItem{panels.cover.x, 0, panels.cover.width, kCoverBand, doc.theme.accent, kArtifact, true});
  const Column cover = frames.frame(panels.cover);
  double above_title = 0;
  if (const auto logo = cover_logo(doc, tools.structure, frames.width())) {
    ImageItem image = logo->image;
    image.x = cover.x + frames.width() - logo->width;
    image.y = cover.top + kCoverBand;
    sheets[0].items.push_back(image);
    above_title = logo->height + kBelowTitle;
  }
  std::vector<Item> title;
  double reserved = set_title(tools, frames.width(), title);
  translate(title, cover.x, cover.top + kCoverBand + above_title);
  append(sheets[0].items, std::move(title));
  if (reserved > 0) reserved += kCoverBand + kBelowTitle;
  reserved += above_title;

  // Everything but the title and the back panel's blocks flows through the panels.
  const auto first = doc.blocks.begin() + (opens_with_title(doc) ? 1 : 0);
  std::vector<document::Block<RichText>> flowing;
  std::vector<document::Block<RichText>> back;
  for (auto block = first; block != doc.blocks.end(); ++block) (belongs_on_back(*block) ? back : flowing).push_back(*block);

  const auto columns = [&](std::size_t side) {
    if (side == 0) return std::vector<Column>{frames.frame(panels.cover, reserved), frames.frame(panels.fold_in)};
    return std::vector<Column>{frames.frame(panels.inside_left), frames.frame(panels.inside_middle),
                               frames.frame(panels.inside_right)};
  };
  const double full_column = columns(1).front().height;
  const BlockContext context = tools.context(frames.width());
  // The cover holds the title and what introduces the leaflet; the first section opens the
  // fold-in panel, seen first when the cover is opened.
  const auto first_section = std::find_if(flowing.begin(), flowing.end(), [](const auto& block) {
    return std::holds_alternative<document::HeadingBlock<RichText>>(block.content);
  });
  // Each part is set up to what the five panels hold: the cover's text may run on into the
  // others, and what is left unset must overfill them for flow() to report it (set up to one
  // panel's height, a long cover lost its other blocks without a word).
  const double five_panels = 5 * full_column;
  std::vector<Slice> slices = set_blocks(flowing.begin(), first_section, context, five_panels, full_column);
  const double cover_height = frames.frame(panels.cover, reserved).height;
  grow_cover_picture(first_section, flowing.end(), context,
                     cover_height - (slices.empty() ? 0 : stacked_height(slices, 0)), doc.language, tools.diags);
  std::vector<Slice> sections = set_blocks(first_section, flowing.end(), context, five_panels, full_column);
  move_figure_to_cover(flowing, sections, slices, cover_height);
  if (!sections.empty()) sections.front().column_break_before = true;
  slices.insert(slices.end(), std::make_move_iterator(sections.begin()), std::make_move_iterator(sections.end()));
  // The back panel's blocks, set in reading order after the sections: the sources among them
  // may join the end of the inside instead (sources_inside).
  std::vector<Slice> back_slices = set_blocks(back.begin(), back.end(), context, full_column, full_column);
  if (sources_inside(slices, back_slices, back, columns)) {
    const auto sources = std::find_if(back.begin(), back.end(), [](const auto& block) {
      return std::holds_alternative<document::SourcesBlock<RichText>>(block.content);
    });
    tools.diags.note(sources->loc, "the " + doc.language +
                                           " tri-fold sets its sources at the end of its inside panels, not on the back "
                                           "panel, to fill them",
                     "lengthen the text to keep them on the back panel");
  }
  Flowed flowed = flow(std::move(slices), columns, 2, tools.diags, {.fill_last = true}, kPanelBreaks);
  if (flowed.stopped_at) {
    tools.diags.error(flowed.stopped_loc,
                      "the tri-fold's panels are full: this block and those after it need " +
                          points_and_mm(flowed.left_over) + " more",
                      "shorten the text, keep blocks out of the tri-fold with 'formats: [brochure, booklet]', "
                      "or lower trifold.text_scale");
  }
  for (std::size_t side = 0; side < flowed.pages.size(); ++side) {
    append(sheets[side].items, std::move(flowed.pages[side]));
    sheets[side].flow_fill = flowed.fill[side];
  }

  // The back panel holds its blocks from the top and the footer note at its foot.
  std::vector<Item> back_items;
  Column back_frame = frames.frame(panels.back);
  const double note = add_back_note(tools, back_frame, back_items);
  back_frame.height -= note;
  Flowed back_flowed =
      flow(std::move(back_slices), [&](std::size_t) { return std::vector<Column>{back_frame}; }, 1, tools.diags);
  if (back_flowed.stopped_at) {
    tools.diags.error(back_flowed.stopped_loc,
                      "the tri-fold's back panel is full: this block and those after it need " +
                          points_and_mm(back_flowed.left_over) + " more",
                      "the back panel holds the sources and contact blocks; shorten them");
  }
  if (!back_flowed.pages.empty()) append(sheets[0].items, std::move(back_flowed.pages.front()));
  append(sheets[0].items, std::move(back_items));
  const auto box = [&](const Panel& panel) {
    const Column column = frames.frame(panel);
    return Box{column.x, column.top, column.width, column.height};
  };
  sheets[0].frames = {box(panels.cover), box(panels.fold_in), box(panels.back)};
  sheets[1].frames = {box(panels.inside_left), box(panels.inside_middle), box(panels.inside_right)};
  return sheets;
}

}  // namespace leafpress::layout
