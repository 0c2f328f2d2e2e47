#include "text/cluster_text.hpp"

#include <algorithm>
#include <optional>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/utf8.hpp"

namespace leafpress::text {
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

/// `text` decomposed by `normalizer`, or nothing when ICU cannot.
std::optional<std::string> decomposed(std::string_view text, const icu::Normalizer2* normalizer) {
  if (!normalizer) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::UnicodeString result = normalizer->normalize(source, status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out;
  result.toUTF8String(out);
  return out;
}

/// Each piece in its canonical composition (NFC) where that is shorter: decomposed text
/// ("e" with two combining marks) shaped to one precomposed glyph says "ệ", one character,
/// as readers that take a code's text a character at a time (Ghostscript) need.
void composed(std::vector<std::string>& pieces) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || !nfc) return;
  for (std::string& piece : pieces) {
    if (piece.size() <= 1) continue;
    const icu::UnicodeString source =
        icu::UnicodeString::fromUTF8(icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())));
    const icu::UnicodeString result = nfc->normalize(source, status);
    if (U_FAILURE(status)) return;
    if (result.countChar32() < source.countChar32()) {
      piece.clear();
      result.toUTF8String(piece);
    }
  }
}

}  // namespace

ClusterPieces share_cluster_text(const fonts::Face& face, std::span<const std::uint32_t> glyphs,
                                 std::string_view text) {
  ClusterPieces out;
  out.pieces.resize(glyphs.size());
  if (glyphs.size() == 1) {
    out.pieces[0] = std::string(text);
    out.order = {0};
    composed(out.pieces);
    return out;
  }
  std::string decomposition;
  auto points = code_points(text);
  UErrorCode status = U_ZERO_ERROR;
  for (const icu::Normalizer2* normalizer : {icu::Normalizer2::getNFDInstance(status),
                                             icu::Normalizer2::getNFKDInstance(status)}) {
    if (points.size() >= glyphs.size()) break;
    if (auto more = decomposed(text, U_SUCCESS(status) ? normalizer : nullptr)) {
      decomposition = std::move(*more);
      points = code_points(decomposition);
    }
  }
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
  composed(out.pieces);
  return out;
}

}  // namespace leafpress::text
