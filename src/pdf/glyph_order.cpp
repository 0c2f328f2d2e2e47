#include "pdf/glyph_order.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace leafpress::pdf {
namespace {

std::uint32_t read(std::string_view bytes, std::size_t at, int width) {
  std::uint32_t value = 0;
  for (int i = 0; i < width; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  return value;
}

void put(std::string& out, std::uint32_t value, int width) {
  for (int i = width - 1; i >= 0; --i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

void overwrite(std::string& out, std::size_t at, std::uint32_t value, int width) {
  for (int i = 0; i < width; ++i) out[at + static_cast<std::size_t>(i)] = static_cast<char>((value >> (8 * (width - 1 - i))) & 0xFF);
}

/// The sum of `table`'s big-endian 32-bit words, the last one padded with zeros.
std::uint32_t checksum(std::string_view table) {
  std::uint32_t sum = 0;
  std::size_t at = 0;
  for (; at + 4 <= table.size(); at += 4) sum += read(table, at, 4);
  if (at < table.size()) {
    std::uint32_t word = 0;
    for (std::size_t i = 0; i < 4; ++i) word = (word << 8) | (at + i < table.size() ? static_cast<unsigned char>(table[at + i]) : 0u);
    sum += word;
  }
  return sum;
}

/// Each component id of the composite glyph `glyph` (its byte offset), or nullopt when its
/// records run out of bounds. A simple glyph has none.
std::optional<std::vector<std::size_t>> component_offsets(std::string_view glyph) {
  std::vector<std::size_t> offsets;
  if (glyph.size() < 10 || static_cast<std::int16_t>(read(glyph, 0, 2)) >= 0) return offsets;
  // OpenType 'glyf': flags, glyph index, two arguments (bytes or words), then a scale.
  constexpr std::uint32_t kWords = 0x0001, kScale = 0x0008, kMore = 0x0020, kXyScale = 0x0040, kTwoByTwo = 0x0080;
  std::size_t at = 10;
  for (;;) {
    if (at + 4 > glyph.size()) return std::nullopt;
    const std::uint32_t flags = read(glyph, at, 2);
    offsets.push_back(at + 2);
    at += 4 + ((flags & kWords) ? 4 : 2);
    if (flags & kScale) at += 2;
    else if (flags & kXyScale) at += 4;
    else if (flags & kTwoByTwo) at += 8;
    if (at > glyph.size()) return std::nullopt;
    if (!(flags & kMore)) return offsets;
  }
}

/// A glyph's size as maxp counts composites (OpenType 'maxp' version 1.0): its points and
/// contours, all components' together, and how deep its components nest (0 for a simple glyph).
struct GlyphShape {
  std::uint32_t points = 0;
  std::uint32_t contours = 0;
  std::uint32_t depth = 0;
};

/// The composite glyph standing for `component` (its outline `outline`, now glyph
/// `component_id`) moved by the placement's offset: one component record (flags
/// ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES), its bounding box the component's moved; an
/// empty component gives an empty box. nullopt when the box leaves 16-bit coordinates.
std::optional<std::string> placed_composite(std::string_view outline, std::uint32_t component_id,
                                            const GlyphPlacement& placement) {
  std::int32_t box[4] = {0, 0, 0, 0};  // xMin, yMin, xMax, yMax
  if (outline.size() >= 10) {
    for (int k = 0; k < 4; ++k) {
      const auto value = static_cast<std::int16_t>(read(outline, 2 + 2 * static_cast<std::size_t>(k), 2));
      box[k] = value + (k % 2 == 0 ? placement.dx : placement.dy);
      if (box[k] < -32768 || box[k] > 32767) return std::nullopt;
    }
  }
  constexpr std::uint32_t kWords = 0x0001, kXyValues = 0x0002;
  std::string glyph;
  put(glyph, 0xFFFF, 2);  // numberOfContours -1: a composite
  for (const std::int32_t value : box) put(glyph, static_cast<std::uint16_t>(value), 2);
  put(glyph, kWords | kXyValues, 2);
  put(glyph, component_id, 2);
  put(glyph, static_cast<std::uint16_t>(placement.dx), 2);
  put(glyph, static_cast<std::uint16_t>(placement.dy), 2);
  return glyph;
}

}  // namespace

std::optional<std::string> reorder_glyphs(std::string_view program, const std::vector<ProgramGlyph>& order) {
  if (program.size() < 12 || order.empty()) return std::nullopt;
  const std::uint32_t table_count = read(program, 4, 2);
  if (12 + 16 * static_cast<std::size_t>(table_count) > program.size()) return std::nullopt;
  std::map<std::string, std::string_view> tables;  // by tag, in the directory's (sorted) order
  for (std::uint32_t t = 0; t < table_count; ++t) {
    const std::size_t entry = 12 + 16 * static_cast<std::size_t>(t);
    const std::uint32_t offset = read(program, entry + 8, 4), length = read(program, entry + 12, 4);
    if (offset > program.size() || length > program.size() - offset) return std::nullopt;
    tables[std::string(program.substr(entry, 4))] = program.substr(offset, length);
  }
  for (const char* tag : {"glyf", "loca", "hmtx", "hhea", "maxp", "head"}) {
    if (!tables.count(tag)) return std::nullopt;
  }
  const std::string_view head = tables["head"], hhea = tables["hhea"], maxp = tables["maxp"];
  const std::string_view glyf = tables["glyf"], loca = tables["loca"], hmtx = tables["hmtx"];
  if (head.size() < 54 || hhea.size() < 36 || maxp.size() < 6) return std::nullopt;
  const std::uint32_t glyph_count = read(maxp, 4, 2);
  const std::uint32_t metric_count = read(hhea, 34, 2);
  const bool long_loca = read(head, 50, 2) == 1;
  const std::size_t loca_width = long_loca ? 4 : 2;
  if (metric_count == 0 || metric_count > glyph_count || loca.size() < (glyph_count + 1) * loca_width ||
      hmtx.size() < 4 * static_cast<std::size_t>(metric_count) + 2 * (glyph_count - metric_count)) {
    return std::nullopt;
  }
  const auto outline = [&](std::uint32_t glyph) -> std::optional<std::string_view> {
    const int width = static_cast<int>(loca_width);
    const std::uint32_t scale = long_loca ? 1 : 2;
    const std::uint32_t start = read(loca, glyph * loca_width, width) * scale, end = read(loca, (glyph + 1) * loca_width, width) * scale;
    if (start > end || end > glyf.size()) return std::nullopt;
    return glyf.substr(start, end - start);
  };
  // A glyph's points, contours and nesting, its components' summed; nullopt past 16 levels
  // (components in a loop).
  const auto shape_of = [&](const auto& self, std::uint32_t glyph, int level) -> std::optional<GlyphShape> {
    const auto bytes = outline(glyph);
    if (!bytes || level > 16) return std::nullopt;
    if (bytes->size() < 10) return GlyphShape{};
    const auto contours = static_cast<std::int16_t>(read(*bytes, 0, 2));
    if (contours >= 0) {
      if (contours == 0) return GlyphShape{};
      const std::size_t last_end = 10 + 2 * (static_cast<std::size_t>(contours) - 1);
      if (last_end + 2 > bytes->size()) return std::nullopt;
      return GlyphShape{read(*bytes, last_end, 2) + 1, static_cast<std::uint32_t>(contours), 0};
    }
    const auto components = component_offsets(*bytes);
    if (!components) return std::nullopt;
    GlyphShape shape;
    for (const std::size_t at : *components) {
      const std::uint32_t component = read(*bytes, at, 2);
      if (component >= glyph_count) return std::nullopt;
      const auto inner = self(self, component, level + 1);
      if (!inner) return std::nullopt;
      shape.points += inner->points;
      shape.contours += inner->contours;
      shape.depth = std::max(shape.depth, inner->depth + 1);
    }
    return shape;
  };

  // The new order: `order`, then components it leaves out, found breadth-first. A placed
  // glyph is a composite of its glyph, which stands unplaced somewhere in the program.
  std::vector<std::uint32_t> glyphs;
  std::vector<const GlyphPlacement*> placements;  // each new glyph's placement, nullptr when none
  std::unordered_map<std::uint32_t, std::uint32_t> new_id;
  for (const ProgramGlyph& entry : order) {
    if (entry.glyph >= glyph_count) return std::nullopt;
    if (!entry.placement) new_id.try_emplace(entry.glyph, static_cast<std::uint32_t>(glyphs.size()));
    glyphs.push_back(entry.glyph);
    placements.push_back(entry.placement ? &*entry.placement : nullptr);
  }
  const auto id_of = [&](std::uint32_t component) {
    const auto [found, added] = new_id.try_emplace(component, static_cast<std::uint32_t>(glyphs.size()));
    if (added) {
      glyphs.push_back(component);
      placements.push_back(nullptr);
    }
    return found->second;
  };
  std::vector<std::string> outlines;
  std::int32_t box[4] = {static_cast<std::int16_t>(read(head, 36, 2)), static_cast<std::int16_t>(read(head, 38, 2)),
                         static_cast<std::int16_t>(read(head, 40, 2)), static_cast<std::int16_t>(read(head, 42, 2))};
  GlyphShape most;  // the placed composites' largest points, contours and depth
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    const auto bytes = outline(glyphs[i]);
    if (!bytes) return std::nullopt;
    if (const GlyphPlacement* placement = placements[i]) {
      const auto shape = shape_of(shape_of, glyphs[i], 0);
      auto composite = placed_composite(*bytes, id_of(glyphs[i]), *placement);
      if (!shape || !composite) return std::nullopt;
      most = {std::max(most.points, shape->points), std::max(most.contours, shape->contours),
              std::max(most.depth, shape->depth + 1)};
      if (bytes->size() >= 10) {
        for (int k = 0; k < 4; ++k) {
          const auto value = static_cast<std::int16_t>(read(*composite, 2 + 2 * static_cast<std::size_t>(k), 2));
          box[k] = k < 2 ? std::min(box[k], std::int32_t{value}) : std::max(box[k], std::int32_t{value});
        }
      }
      outlines.push_back(std::move(*composite));
      continue;
    }
    const auto components = component_offsets(*bytes);
    if (!components) return std::nullopt;
    std::string copy(*bytes);
    for (const std::size_t at : *components) {
      const std::uint32_t component = read(copy, at, 2);
      if (component >= glyph_count) return std::nullopt;
      overwrite(copy, at, id_of(component), 2);
    }
    // Each outline starts on an even offset, as the short 'loca' format needs.
    copy.resize((copy.size() + 1) & ~std::size_t{1}, '\0');
    outlines.push_back(std::move(copy));
  }
  if (glyphs.size() > 0xFFFF) return std::nullopt;

  // 'loca' short (offsets halved) when the outlines allow; 'hmtx' with one full metric up to
  // the last change of advance, left side bearings alone after it. A placed glyph's bearing
  // moves with it, so that its box less its bearing puts its origin where its component's is.
  std::size_t outline_bytes = 0;
  for (const std::string& bytes : outlines) outline_bytes += bytes.size();
  const bool short_loca = outline_bytes / 2 <= 0xFFFF;
  std::vector<std::uint32_t> advances, bearings;
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    const std::uint32_t glyph = glyphs[i];
    const std::uint32_t metric = std::min(glyph, metric_count - 1);
    const std::uint32_t bearing = glyph < metric_count ? read(hmtx, 4 * glyph + 2, 2)
                                                       : read(hmtx, 4 * metric_count + 2 * (glyph - metric_count), 2);
    const GlyphPlacement* placement = placements[i];
    advances.push_back(placement && !placement->advances ? 0 : read(hmtx, 4 * metric, 2));
    if (!placement) {
      bearings.push_back(bearing);
      continue;
    }
    const std::int32_t moved = static_cast<std::int16_t>(bearing) + placement->dx;
    if (moved < -32768 || moved > 32767) return std::nullopt;
    bearings.push_back(static_cast<std::uint16_t>(moved));
  }
  std::size_t full_metrics = advances.size();
  while (full_metrics > 1 && advances[full_metrics - 1] == advances[full_metrics - 2]) --full_metrics;
  std::string new_glyf, new_loca, new_hmtx;
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    put(new_loca, static_cast<std::uint32_t>(short_loca ? new_glyf.size() / 2 : new_glyf.size()), short_loca ? 2 : 4);
    new_glyf += outlines[i];
    if (i < full_metrics) put(new_hmtx, advances[i], 2);
    put(new_hmtx, bearings[i], 2);
  }
  put(new_loca, static_cast<std::uint32_t>(short_loca ? new_glyf.size() / 2 : new_glyf.size()), short_loca ? 2 : 4);
  const auto count = static_cast<std::uint32_t>(glyphs.size());
  std::string new_head(head), new_hhea(hhea), new_maxp(maxp);
  overwrite(new_head, 8, 0, 4);  // checkSumAdjustment, set below
  for (int k = 0; k < 4; ++k) overwrite(new_head, 36 + 2 * static_cast<std::size_t>(k), static_cast<std::uint16_t>(box[k]), 2);
  overwrite(new_head, 50, short_loca ? 0 : 1, 2);  // indexToLocFormat
  overwrite(new_hhea, 34, static_cast<std::uint32_t>(full_metrics), 2);  // numberOfHMetrics
  overwrite(new_maxp, 4, count, 2);
  if (most.depth > 0) {
    // maxp 1.0: maxCompositePoints, maxCompositeContours, maxComponentElements (a placed
    // glyph has one) and maxComponentDepth. Version 0.5 (CFF) has none of them.
    if (new_maxp.size() < 32 || most.points > 0xFFFF || most.contours > 0xFFFF) return std::nullopt;
    const auto grow = [&](std::size_t at, std::uint32_t value) {
      overwrite(new_maxp, at, std::max(read(new_maxp, at, 2), value), 2);
    };
    grow(10, most.points);
    grow(12, most.contours);
    grow(28, 1);
    grow(30, most.depth);
  }
  std::map<std::string, std::string> out_tables;
  for (const auto& [tag, bytes] : tables) out_tables[tag] = std::string(bytes);
  out_tables["glyf"] = std::move(new_glyf);
  out_tables["loca"] = std::move(new_loca);
  out_tables["hmtx"] = std::move(new_hmtx);
  out_tables["head"] = std::move(new_head);
  out_tables["hhea"] = std::move(new_hhea);
  out_tables["maxp"] = std::move(new_maxp);

  // The table directory (OpenType "Organization of an OpenType font"), then the tables.
  std::string out;
  put(out, 0x00010000, 4);
  const auto n = static_cast<std::uint32_t>(out_tables.size());
  std::uint32_t power = 1, log = 0;
  while (power * 2 <= n) power *= 2, ++log;
  put(out, n, 2);
  put(out, power * 16, 2);
  put(out, log, 2);
  put(out, n * 16 - power * 16, 2);
  std::size_t offset = 12 + 16 * static_cast<std::size_t>(n);
  std::string body;
  std::size_t head_at = 0;
  std::uint32_t font_sum = 0;  // the whole font's: its tables' and its directory's
  for (const auto& [tag, bytes] : out_tables) {
    const std::uint32_t table_sum = checksum(bytes);
    font_sum += table_sum;
    out += tag;
    put(out, table_sum, 4);
    put(out, static_cast<std::uint32_t>(offset + body.size()), 4);
    put(out, static_cast<std::uint32_t>(bytes.size()), 4);
    if (tag == "head") head_at = offset + body.size();
    body += bytes;
    body.resize((body.size() + 3) & ~std::size_t{3}, '\0');
  }
  font_sum += checksum(out);
  out += body;
  overwrite(out, head_at + 8, 0xB1B0AFBAu - font_sum, 4);
  return out;
}

}  // namespace leafpress::pdf
