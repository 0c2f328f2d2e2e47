#include "pdf/cluster_text.hpp"

#include <algorithm>
#include <optional>

#include <hb.h>

#include "core/utf8.hpp"

namespace leafpress::pdf {
namespace {

struct CodePoint {
  char32_t value = 0;
  std::string_view bytes;
};

std::vector<CodePoint> code_points(std::string_view text) {
  std::vector<CodePoint> points;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t start = at;
    const char32_t value = core::next_code_point(text, at);
    points.push_back({value, text.substr(start, at - start)});
  }
  return points;
}

/// `points` with every character replaced by its canonical decomposition (as in NFD, less
/// the reordering of marks): a split vowel sign, drawn as two glyphs, becomes its two parts.
std::vector<CodePoint> decomposed(const std::vector<CodePoint>& points, std::vector<std::string>& storage) {
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
  std::vector<char32_t> values;
  for (const CodePoint& point : points) {
    std::vector<char32_t> pending{point.value};
    while (!pending.empty()) {
      const char32_t value = pending.back();
      pending.pop_back();
      hb_codepoint_t a = 0;
      hb_codepoint_t b = 0;
      if (hb_unicode_decompose(unicode, value, &a, &b)) {
        if (b != 0) pending.push_back(b);
        pending.push_back(a);
      } else {
        values.push_back(value);
      }
    }
  }
  storage.clear();
  storage.reserve(values.size());
  std::vector<CodePoint> out;
  for (const char32_t value : values) {
    storage.emplace_back();
    core::append_utf8(storage.back(), value);
  }
  for (std::size_t i = 0; i < values.size(); ++i) out.push_back({values[i], storage[i]});
  return out;
}

}  // namespace

ClusterPieces share_cluster_text(const fonts::Face& face, std::span<const std::uint32_t> glyphs,
                                 std::string_view text) {
  ClusterPieces out;
  out.pieces.resize(glyphs.size());
  if (glyphs.size() == 1) {
    out.pieces[0] = std::string(text);
    out.order = {0};
    return out;
  }
  std::vector<std::string> storage;
  auto points = code_points(text);
  if (points.size() < glyphs.size()) points = decomposed(points, storage);
  std::vector<std::optional<std::size_t>> owner(points.size());
  std::vector<bool> claimed(glyphs.size(), false);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::uint32_t nominal = face.nominal_glyph(points[i].value);
    for (std::size_t g = 0; g < glyphs.size(); ++g) {
      if (!claimed[g] && nominal != 0 && glyphs[g] == nominal) {
        owner[i] = g;
        claimed[g] = true;
        break;
      }
    }
  }
  // Characters no glyph claims (a consonant in a conjunct, a letter in its joining form) go,
  // a stretch at a time, one each to the glyphs that claim nothing, the last taking the rest
  // (lam and alef to the two glyphs of a lam-alef); with no such glyph, to a neighbour.
  for (std::size_t i = 0; i < points.size();) {
    if (owner[i]) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < points.size() && !owner[end]) ++end;
    std::vector<std::size_t> free_glyphs;
    for (std::size_t g = 0; g < glyphs.size(); ++g) {
      if (!claimed[g]) free_glyphs.push_back(g);
    }
    for (std::size_t k = i; k < end; ++k) {
      if (free_glyphs.empty()) {
        owner[k] = k > 0 ? owner[k - 1] : owner[end];
        continue;
      }
      const std::size_t g = free_glyphs[std::min(k - i, free_glyphs.size() - 1)];
      owner[k] = g;
      claimed[g] = true;
    }
    i = end;
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::size_t g = *owner[i];
    if (std::find(out.order.begin(), out.order.end(), g) == out.order.end()) out.order.push_back(g);
    out.pieces[g] += points[i].bytes;
  }
  for (std::size_t g = 0; g < glyphs.size(); ++g) {
    if (std::find(out.order.begin(), out.order.end(), g) == out.order.end()) out.order.push_back(g);
  }
  return out;
}

}  // namespace leafpress::pdf
