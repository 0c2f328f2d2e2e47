#include "layout/lay_out.hpp"

#include <algorithm>
#include <optional>

#include "core/units.hpp"
#include "layout/for_format.hpp"
#include "layout/impose.hpp"
#include "layout/large_print.hpp"
#include "layout/layout_tools.hpp"
#include "layout/page_sequence.hpp"
#include "layout/poster.hpp"
#include "layout/trifold.hpp"

namespace leafpress::layout {
namespace {

// The accent band along the cover's top edge: about a third of the brochure's top margin,
// and the same share of the booklet's smaller page (A5 is A4 scaled by 1/√2).
constexpr double kBrochureCoverBand = core::mm(9);
constexpr double kBookletCoverBand = core::mm(6.5);
constexpr double kFlyerCoverBand = core::mm(6);
/// How much larger each trial sets a booklet that leaves blank pages (see booklet_fill_factor),
/// and the largest it may grow to, as a share of the theme's sizes (10.8 pt body: 12.4 pt).
constexpr double kBookletFillStep = 0.02;
constexpr double kBookletLargestScale = 1.15;
/// How far a brochure with an odd page count may be set smaller to lose its last page, or
/// larger to fill one more, as shares of the theme's sizes (a 10.5 pt body: 9.9 to 11.6 pt),
/// and the step of each trial.
constexpr double kBrochureSmallestScale = 0.94;
constexpr double kBrochureLargestScale = 1.10;
constexpr double kBrochureStep = 0.02;

std::vector<Page> lay_out_format(const LayoutTools& tools) {
  const document::LocalizedDocument& doc = tools.doc;
  const bool rtl = doc.direction == document::Direction::rtl;
  std::vector<Page> pages;
  switch (doc.format) {
    case document::Format::brochure:
      pages = lay_out_page_sequence(tools, {.width = doc.page.size.width,
                                            .height = doc.page.size.height,
                                            .margins = doc.page.margins,
                                            .columns = doc.page.columns,
                                            .cover_band = kBrochureCoverBand});
      break;
    case document::Format::booklet:
      // Saddle stitching folds sheets of four pages.
      pages = lay_out_page_sequence(tools, {.width = core::kA5Width,
                                            .height = core::kA5Height,
                                            .margins = doc.booklet.margins,
                                            .columns = 1,
                                            .cover_band = kBookletCoverBand,
                                            .page_multiple = 4});
      break;
    case document::Format::trifold:
      pages = lay_out_trifold(tools);
      break;
    case document::Format::poster:
      pages = lay_out_poster(tools);
      break;
    case document::Format::flyer:
      pages = lay_out_page_sequence(tools, {.width = doc.flyer.size.width,
                                            .height = doc.flyer.size.height,
                                            .margins = doc.flyer.margins,
                                            .columns = doc.flyer.columns,
                                            .cover_band = kFlyerCoverBand,
                                            .sides = static_cast<std::size_t>(doc.flyer.sides),
                                            .furniture = false});
      break;
  }
  // A right-to-left leaflet is a left-to-right one seen in a mirror, folds and spine included.
  if (rtl) {
    for (Page& page : pages) {
      mirror_horizontally(page.items, page.width);
      for (double& fold : page.folds) fold = page.width - fold;
      for (Box& frame : page.frames) frame.x = page.width - frame.x - frame.width;
    }
  }
  return pages;
}

/// Page labels: each page's number in the language's digits.
std::vector<std::string> page_labels(const document::LocalizedDocument& doc, std::size_t count) {
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < count; ++i) labels.push_back(doc.number(i + 1));
  return labels;
}

}  // namespace

Pages impose_for_office(Pages pages, const document::LocalizedDocument& doc) {
  const bool rtl = doc.direction == document::Direction::rtl;
  pages.pages = impose_booklet(std::move(pages.pages), rtl, doc.booklet.creep);
  // An imposed sheet shows the two pages it carries, left first.
  pages.page_labels.clear();
  for (const auto& [left, right] : saddle_stitch_order(pages.pages.size() * 2, rtl)) {
    pages.page_labels.push_back(doc.number(left + 1) + "\u00B7" + doc.number(right + 1));
  }
  return pages;
}

namespace {

Pages lay_out_with(const document::LocalizedDocument& doc, const ThemeFonts& fonts, text::TextContext& text_context,
                   core::Diagnostics& diags, std::size_t max_pages) {
  const Typesetter typesetter(doc, text_context, diags, doc.large_print ? kLargePrintMinimum : 0,
                              doc.format == document::Format::trifold ? kTrifoldSmallestText : 0);
  Structure structure;
  const LayoutTools tools{doc, fonts, typesetter, structure, diags, max_pages};
  Pages pages{doc.title, doc.language, lay_out_format(tools), {}, {}};
  pages.page_labels = page_labels(doc, pages.pages.size());
  pages.structure = structure.take();
  pages.right_to_left = doc.direction == document::Direction::rtl;
  return pages;
}

std::size_t blank_pages(const Pages& pages) {
  return static_cast<std::size_t>(std::count_if(pages.pages.begin(), pages.pages.end(),
                                                [](const Page& page) { return page.items.empty(); }));
}

/// `doc` with its theme's type sizes times `factor`.
document::LocalizedDocument scaled(const document::LocalizedDocument& doc, double factor) {
  document::LocalizedDocument copy = doc;
  scale_type(copy.theme, factor);
  return copy;
}

/// A trial setting of `doc` at `factor` times its sizes, to choose a factor by: its pages,
/// and whether it had errors. Its problems are dropped; the caller restores the line counts.
struct Trial {
  Pages pages;
  bool has_errors = false;
};

Trial trial_at(const document::LocalizedDocument& doc, double factor, const ThemeFonts& fonts,
               text::TextContext& text_context, std::size_t max_pages) {
  core::Diagnostics diags;
  Pages pages = lay_out_with(factor == 1 ? doc : scaled(doc, factor), fonts, text_context, diags, max_pages);
  return {std::move(pages), diags.has_errors()};
}

/// A booklet whose text leaves blank pages before its back cover is set larger, step by
/// step up to kBookletLargestScale of the theme's sizes, until it fills them; the factor on the
/// booklet's sizes that does, or 1 when none does. Trials are set aside: their lines count
/// nowhere and their problems are reported by the layout that is kept.
double booklet_fill_factor(const document::LocalizedDocument& doc, const ThemeFonts& fonts,
                           text::TextContext& text_context, std::size_t max_pages) {
  const text::LineCounts counts = text_context.counts;
  double chosen = 1;
  if (blank_pages(trial_at(doc, 1, fonts, text_context, max_pages).pages) > 0) {
    const double widest = kBookletLargestScale / std::max(doc.booklet.text_scale, 0.1);
    for (double factor = 1 + kBookletFillStep; chosen == 1 && factor <= widest + 1e-9; factor += kBookletFillStep) {
      const Trial trial = trial_at(doc, factor, fonts, text_context, max_pages);
      if (!trial.has_errors && blank_pages(trial.pages) == 0) chosen = factor;
    }
  }
  text_context.counts = counts;
  return chosen;
}

/// A brochure prints on both sides of its sheets, so an odd page count leaves a blank back
/// page. Such a brochure is set smaller, step by step down to kBrochureSmallestScale, until
/// it loses its last page; else larger, up to kBrochureLargestScale, until it fills one more.
/// Returns the factor on the theme's sizes that makes the count even, or 1 (a one-page
/// brochure, or no factor within the limits does). Trials are set aside as in
/// booklet_fill_factor.
double brochure_even_factor(const document::LocalizedDocument& doc, const ThemeFonts& fonts,
                            text::TextContext& text_context, std::size_t max_pages) {
  const text::LineCounts counts = text_context.counts;
  // The page count at `factor`, when that setting has no errors and no blank page.
  const auto pages_at = [&](double factor) -> std::optional<std::size_t> {
    const Trial trial = trial_at(doc, factor, fonts, text_context, max_pages);
    if (trial.has_errors || blank_pages(trial.pages) > 0) return std::nullopt;
    return trial.pages.pages.size();
  };
  double chosen = 1;
  const std::optional<std::size_t> natural = pages_at(1);
  if (natural && *natural > 1 && *natural % 2 == 1) {
    for (double factor = 1 - kBrochureStep; chosen == 1 && factor >= kBrochureSmallestScale - 1e-9;
         factor -= kBrochureStep) {
      if (pages_at(factor) == *natural - 1) chosen = factor;
    }
    for (double factor = 1 + kBrochureStep; chosen == 1 && factor <= kBrochureLargestScale + 1e-9;
         factor += kBrochureStep) {
      if (pages_at(factor) == *natural + 1) chosen = factor;
    }
  }
  text_context.counts = counts;
  return chosen;
}

}  // namespace

std::optional<Pages> lay_out(const document::LocalizedDocument& doc, fonts::FontRegistry& registry,
                             text::TextContext& text_context, core::Diagnostics& diags, std::size_t max_pages) {
  const auto fonts = resolve_theme_fonts(doc.theme, registry, diags);
  if (!fonts) return std::nullopt;
  // A booklet grows to fill its pages, a brochure grows or shrinks to an even page count.
  double factor = 1;
  if (doc.format == document::Format::booklet && !doc.large_print) {
    factor = booklet_fill_factor(doc, *fonts, text_context, max_pages);
  } else if (doc.format == document::Format::brochure && !doc.large_print) {
    factor = brochure_even_factor(doc, *fonts, text_context, max_pages);
  }
  if (factor != 1) return lay_out_with(scaled(doc, factor), *fonts, text_context, diags, max_pages);
  return lay_out_with(doc, *fonts, text_context, diags, max_pages);
}

}  // namespace leafpress::layout
