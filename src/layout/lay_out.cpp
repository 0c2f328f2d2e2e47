#include "layout/lay_out.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <string>

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
/// How much larger each trial sets a booklet that leaves blank pages (see booklet_filled),
/// and the largest it may grow to, as a share of the theme's sizes (10.8 pt body: 12.4 pt).
constexpr double kBookletFillStep = 0.02;
constexpr double kBookletLargestScale = 1.15;
/// Every page of a booklet but its back cover holds at least this share of its text frame.
constexpr double kBookletLeastFill = 0.85;
/// How far a brochure with an odd page count may be set smaller to lose its last page, or
/// larger to fill one more, as shares of the theme's sizes (a 10.5 pt body: 9.9 to 11.6 pt),
/// and the step of each trial.
constexpr double kBrochureSmallestScale = 0.94;
constexpr double kBrochureLargestScale = 1.10;
constexpr double kBrochureStep = 0.02;
/// A brochure's last page holds at least this share of its columns, or it wastes a sheet side.
constexpr double kBrochureLastPageFill = 0.5;

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
                                            .cover_band = kBrochureCoverBand,
                                            .preferred_multiple = 2,
                                            .pages = doc.large_print ? 0 : static_cast<std::size_t>(doc.page.pages),
                                            .pages_loc = doc.page.pages_loc});
      break;
    case document::Format::booklet:
      // Saddle stitching folds sheets of four pages.
      pages = lay_out_page_sequence(tools, {.width = core::kA5Width,
                                            .height = core::kA5Height,
                                            .margins = doc.booklet.margins,
                                            .columns = 1,
                                            .cover_band = kBookletCoverBand,
                                            .page_multiple = 4,
                                            .pages = static_cast<std::size_t>(doc.booklet.pages),
                                            .pages_loc = doc.booklet.pages_loc});
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

/// A document at a factor of its theme's type sizes: the document itself at 1, else one copy
/// of it that each factor sets the sizes of again (a copy per trial would copy every block).
class ScaledDocument {
 public:
  explicit ScaledDocument(const document::LocalizedDocument& doc) : doc_(doc) {}
  ScaledDocument(const ScaledDocument&) = delete;
  ScaledDocument& operator=(const ScaledDocument&) = delete;

  /// The document with its theme's type sizes times `factor`; holds until the next call.
  const document::LocalizedDocument& at(double factor) {
    if (factor == 1) return doc_;
    if (!copy_) copy_.emplace(doc_);
    copy_->theme = doc_.theme;
    scale_type(copy_->theme, factor);
    return *copy_;
  }

 private:
  const document::LocalizedDocument& doc_;
  std::optional<document::LocalizedDocument> copy_;
};

/// A setting of `doc` at `factor` times its sizes, held aside with its problems and the line
/// counts it adds, so that the one chosen is kept as it is (keep) and the others cost nothing.
struct Trial {
  double factor = 1;
  Pages pages;
  core::Diagnostics diags;
  text::LineCounts added{};
};

Trial trial_at(ScaledDocument& doc, double factor, const ThemeFonts& fonts, text::TextContext& text_context,
               std::size_t max_pages) {
  const text::LineCounts before = text_context.counts;
  Trial trial{.factor = factor, .pages = {}, .diags = core::Diagnostics(), .added = {}};
  trial.pages = lay_out_with(doc.at(factor), fonts, text_context, trial.diags, max_pages);
  trial.added = text_context.counts - before;
  text_context.counts = before;
  return trial;
}

/// The trial's pages, its problems reported to `diags` and its lines counted.
Pages keep(Trial trial, text::TextContext& text_context, core::Diagnostics& diags) {
  for (const core::Diagnostic& d : trial.diags.items()) {
    if (d.severity == core::Severity::warning) diags.warning(d.loc, d.message, d.hint);  // --strict applies
    else diags.add(d);
  }
  text_context.counts += trial.added;
  return std::move(trial.pages);
}

/// "96 %": a factor as the share of the theme's sizes it sets.
std::string percent(double factor) { return std::to_string(static_cast<int>(std::lround(factor * 100))) + " %"; }

/// What a search over a row of settings found (see search_steps): the first setting that
/// reached its goal, if any, and the number of the last one short of it (0: the natural
/// one). A setting is a whole document's pages: the search holds no other.
struct Found {
  std::optional<Trial> reached;
  std::size_t short_at = 0;
};

/// Where a search's goal lies, about: a measure of a setting that grows with its steps, about
/// evenly (how full its pages are), the natural setting's measure, and the measure at which
/// settings start to reach the goal.
struct Forecast {
  std::function<double(const Trial&)> measure;
  double natural = 0;
  double goal = 0;
};

/// The first of the settings 1..count (`setting(i)` lays out the i-th; 0 is the natural one,
/// which did not reach) for which `reached` holds, assuming that once a setting reaches, every
/// later one does too (each step sets the type further the same way, so the pages only fill,
/// or only empty, further). Probes `guess` first; while the settings probed fall short, the
/// one where `forecast` (when given) draws the line through the last two short of it (the
/// natural one first) up to its goal, else the one 1, 2, 4... steps past the last of them;
/// either at least a step on and at most the last setting, so that a guess a step or two
/// short costs a layout or two, and a goal past the last setting costs one layout, not a
/// stride to it; then halves the span between the last setting short of the goal and the
/// first that reached it: about 2 log2(distance from the guess) layouts instead of up to
/// count. Nothing is reached when the last setting falls short. Under the assumption, the
/// setting found does not depend on the guess or the forecast, only the layouts it costs.
template <class Setting, class Reached>
Found search_steps(std::size_t count, std::size_t guess, const Setting& setting, const Reached& reached,
                   const Forecast* forecast = nullptr) {
  Found found;
  if (count == 0) return found;
  std::size_t reached_at = count + 1;  // the first setting known to reach (count + 1: none yet)
  std::size_t short_before = 0;        // the setting short of the goal before found.short_at
  double measured_before = forecast ? forecast->natural : 0;
  double measured = measured_before;  // found.short_at's
  const auto probe = [&](std::size_t i) {
    Trial trial = setting(i);
    if (reached(trial)) {
      reached_at = i;
      found.reached = std::move(trial);
    } else {
      short_before = found.short_at;
      measured_before = measured;
      found.short_at = i;
      if (forecast) measured = forecast->measure(trial);
    }
  };
  // Steps past found.short_at to the goal, on the line through the last two short of it.
  const auto forecast_steps = [&]() -> std::optional<double> {
    if (!forecast || !(measured > measured_before) || !(forecast->goal > measured)) return std::nullopt;
    return (forecast->goal - measured) * static_cast<double>(found.short_at - short_before) /
           (measured - measured_before);
  };
  probe(std::clamp<std::size_t>(guess, 1, count));
  for (std::size_t stride = 1; reached_at > count && found.short_at < count; stride *= 2) {
    std::size_t ahead = stride;
    if (const auto steps = forecast_steps()) {
      ahead = *steps >= static_cast<double>(count)
                  ? count
                  : std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(*steps - 1e-9)));
    }
    probe(std::min(count, found.short_at + ahead));
  }
  while (reached_at <= count && reached_at - found.short_at > 1) probe(found.short_at + (reached_at - found.short_at) / 2);
  return found;
}

/// How many steps of `step` fit between 1 and `limit` (either side of 1).
std::size_t steps_to(double limit, double step) {
  return static_cast<std::size_t>(std::max(0.0, std::floor(std::abs(limit - 1) / step + 1e-9)));
}

/// How well a booklet setting fills its pages: the least flow fill of its pages before the
/// back cover, or -1 for a setting with errors or blank pages.
double booklet_fill(const Trial& trial) {
  const auto& pages = trial.pages.pages;
  if (trial.diags.has_errors() || blank_pages(trial.pages) > 0 || pages.size() < 2) return -1;
  double least = 1;
  for (std::size_t i = 0; i + 1 < pages.size(); ++i) least = std::min(least, pages[i].flow_fill);
  return least;
}

/// The average flow fill of a booklet's pages before its back cover (0 for a blank one), or 0
/// for fewer than two pages.
double booklet_average_fill(const Pages& pages) {
  if (pages.pages.size() < 2) return 0;
  double sum = 0;
  for (std::size_t i = 0; i + 1 < pages.pages.size(); ++i) sum += pages.pages[i].flow_fill;
  return sum / static_cast<double>(pages.pages.size() - 1);
}

/// A booklet whose text leaves blank pages, or pages less than kBookletLeastFill full, before
/// its back cover is set larger, in steps of kBookletFillStep up to kBookletLargestScale of the
/// theme's sizes: the smallest step that fills them, found by search_steps (a step reaches when
/// it fills the pages, or overflows them: more pages or errors). The first guess takes the
/// pages' average fill before the back cover (a blank page's 0 included) to grow with the
/// square of the type size (lines both longer and taller) until it reaches kBookletLeastFill;
/// the least page fill, which the goal is about, grows in jumps as blocks move between pages,
/// and the average is the better forecast (on the immunotherapy leaflet the guess is 1 to 2
/// steps below the answer in English and Spanish, 6 of 12 in Arabic). When no step fills the
/// pages, the better filled of the natural setting and the largest step short of overflowing
/// them (the natural one on a tie).
Trial booklet_filled(const document::LocalizedDocument& doc, const ThemeFonts& fonts, text::TextContext& text_context,
                     std::size_t max_pages) {
  ScaledDocument sizes(doc);
  Trial natural = trial_at(sizes, 1, fonts, text_context, max_pages);
  const double natural_fill = booklet_fill(natural);
  if (natural_fill >= kBookletLeastFill) return natural;
  const std::size_t natural_count = natural.pages.pages.size();
  const std::size_t count = steps_to(kBookletLargestScale / std::max(doc.booklet.text_scale, 0.1), kBookletFillStep);
  const double average_fill = booklet_average_fill(natural.pages);
  const std::size_t guess =
      average_fill > 0 ? static_cast<std::size_t>(std::max(
                             1.0, std::ceil((std::sqrt(kBookletLeastFill / average_fill) - 1) / kBookletFillStep - 1e-9)))
                       : 1;
  const auto setting = [&](std::size_t i) {
    return trial_at(sizes, 1 + kBookletFillStep * static_cast<double>(i), fonts, text_context, max_pages);
  };
  Found found = search_steps(count, guess, setting, [&](const Trial& trial) {
    return trial.diags.has_errors() || trial.pages.pages.size() > natural_count ||
           booklet_fill(trial) >= kBookletLeastFill;
  });
  if (found.reached && booklet_fill(*found.reached) >= kBookletLeastFill) return std::move(*found.reached);
  // None fills its pages: the largest setting short of overflowing them, set again, if it
  // fills them better than the natural one.
  found.reached.reset();
  if (found.short_at > 0) {
    Trial largest = setting(found.short_at);
    if (booklet_fill(largest) > natural_fill + 1e-9) return largest;
  }
  return natural;
}

/// True for a brochure setting that prints well on both sides of its sheets: an even page
/// count, no blank page, and a last page at least kBrochureLastPageFill full.
bool prints_well(const Trial& trial) {
  const auto& pages = trial.pages.pages;
  return !trial.diags.has_errors() && blank_pages(trial.pages) == 0 &&
         (pages.size() == 1 || (pages.size() % 2 == 0 && pages.back().flow_fill >= kBrochureLastPageFill));
}

/// A brochure prints on both sides of its sheets: an odd page count leaves a blank back
/// page, a last page with a few lines on it wastes a sheet. Such a brochure is set smaller,
/// in steps of kBrochureStep down to kBrochureSmallestScale, then larger, up to
/// kBrochureLargestScale: the step nearest its own size that prints well (prints_well), found
/// each way by search_steps. Smaller, a step reaches when it prints well or has come down to
/// the even page count below; larger, when it prints well, has errors or has gone past the
/// even page count above. Else the natural setting. Smaller, an odd count is likely to lose
/// its last page within a step or two, the first guess; an even count with a last page short
/// of kBrochureLastPageFill only empties it further until it loses two pages, which the
/// smallest step rarely does: that step is the first guess, and mostly the only layout.
/// Larger, the pages' fill forecasts the step: a last page that fills slowly (Arabic, whose
/// lines the larger sizes barely lengthen) costs the first step and the last, not a stride.
Trial brochure_evened(const document::LocalizedDocument& doc, const ThemeFonts& fonts,
                      text::TextContext& text_context, std::size_t max_pages) {
  ScaledDocument sizes(doc);
  Trial natural = trial_at(sizes, 1, fonts, text_context, max_pages);
  if (prints_well(natural)) return natural;
  const std::size_t pages = natural.pages.pages.size();
  const std::size_t even_below = pages % 2 == 0 ? pages - std::min<std::size_t>(pages, 2) : pages - 1;
  const std::size_t even_above = pages % 2 == 0 ? pages : pages + 1;
  const auto at = [&](double factor) { return trial_at(sizes, factor, fonts, text_context, max_pages); };
  {
    const std::size_t smaller_steps = steps_to(kBrochureSmallestScale, kBrochureStep);
    Found smaller = search_steps(
        smaller_steps, pages % 2 == 0 ? smaller_steps : 1,
        [&](std::size_t i) { return at(1 - kBrochureStep * static_cast<double>(i)); },
        [&](const Trial& trial) {
          return prints_well(trial) || (!trial.diags.has_errors() && trial.pages.pages.size() <= even_below);
        });
    if (smaller.reached && prints_well(*smaller.reached)) return std::move(*smaller.reached);
  }
  // Larger, the text runs on: the pages it fills, the last one's share counted, grow about
  // evenly, and the goal is the last even page filled to kBrochureLastPageFill.
  const auto pages_filled = [](const Trial& trial) {
    const auto& filled = trial.pages.pages;
    return filled.empty() ? 0.0 : static_cast<double>(filled.size() - 1) + filled.back().flow_fill;
  };
  const Forecast forecast{pages_filled, pages_filled(natural),
                          static_cast<double>(even_above - 1) + kBrochureLastPageFill};
  Found larger = search_steps(
      steps_to(kBrochureLargestScale, kBrochureStep), 1,
      [&](std::size_t i) { return at(1 + kBrochureStep * static_cast<double>(i)); },
      [&](const Trial& trial) {
        return prints_well(trial) || trial.diags.has_errors() || trial.pages.pages.size() > even_above;
      },
      &forecast);
  if (larger.reached && prints_well(*larger.reached)) return std::move(*larger.reached);
  return natural;
}

}  // namespace

std::optional<Pages> lay_out(const document::LocalizedDocument& doc, fonts::FontRegistry& registry,
                             text::TextContext& text_context, core::Diagnostics& diags, std::size_t max_pages) {
  const auto fonts = resolve_theme_fonts(doc.theme, registry, diags);
  if (!fonts) return std::nullopt;
  // A booklet grows to fill its pages, a brochure grows or shrinks to print well; each says
  // what it did, and the setting chosen is the one kept.
  const bool booklet = doc.format == document::Format::booklet;
  if ((booklet || doc.format == document::Format::brochure) && !doc.large_print) {
    Trial chosen = booklet ? booklet_filled(doc, *fonts, text_context, max_pages)
                           : brochure_evened(doc, *fonts, text_context, max_pages);
    if (chosen.factor != 1) {
      const std::size_t count = chosen.pages.pages.size();
      diags.note(doc.loc,
                 "the " + doc.language + (booklet ? " booklet" : " brochure") + " set at " + percent(chosen.factor) +
                     " of its type sizes to " + (booklet ? "fill its " : "make ") + std::to_string(count) + " pages",
                 "ask for a page count with 'pages:', or change the text or text_scale to set it at its own size");
    }
    return keep(std::move(chosen), text_context, diags);
  }
  return lay_out_with(doc, *fonts, text_context, diags, max_pages);
}

}  // namespace leafpress::layout
