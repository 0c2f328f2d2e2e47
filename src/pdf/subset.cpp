#include "pdf/subset.hpp"

#include <hb-subset.h>

#include "core/c_handle.hpp"

namespace leafpress::pdf {

std::optional<Subset> subset_face(const fonts::Face& face, const std::set<std::uint32_t>& glyphs, bool keep_ids) {
  core::CHandle<hb_subset_input_t, hb_subset_input_destroy> input(hb_subset_input_create_or_fail());
  if (!input) return std::nullopt;
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
  hb_set_add(glyph_set, 0);
  for (const std::uint32_t glyph : glyphs) hb_set_add(glyph_set, glyph);

  // Shaping already happened: substitution and positioning tables would only pull more
  // glyphs into the subset's closure and bytes into the file. A CIDFontType2 program is
  // reached by glyph id, so neither its character map, its names nor its PostScript and
  // OS/2 metrics are read (ISO 32000-1 §9.9: glyf, head, hhea, hmtx, loca and maxp are).
  hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "kerx", "DSIG", "cmap", "name",
                          "post", "OS/2", "gasp", "STAT", "meta", "vhea", "vmtx"}) {
    hb_set_add(dropped, hb_tag_from_string(tag, 4));
  }
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING | (keep_ids ? unsigned{HB_SUBSET_FLAGS_RETAIN_GIDS} : 0u));

  core::CHandle<hb_subset_plan_t, hb_subset_plan_destroy> plan(hb_subset_plan_create_or_fail(face.hb_face(), input.get()));
  if (!plan) return std::nullopt;
  core::CHandle<hb_face_t, hb_face_destroy> subset(hb_subset_plan_execute_or_fail(plan.get()));
  if (!subset) return std::nullopt;
  core::CHandle<hb_blob_t, hb_blob_destroy> blob(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  if (!data || length == 0) return std::nullopt;

  Subset out{std::string(data, length), {}, {}};
  core::CHandle<hb_blob_t, hb_blob_destroy> cff(hb_face_reference_table(subset.get(), HB_TAG('C', 'F', 'F', ' ')));
  unsigned cff_length = 0;
  if (const char* cff_data = hb_blob_get_data(cff.get(), &cff_length); cff_data && cff_length > 0) {
    out.cff_table.assign(cff_data, cff_length);
  }
  const hb_map_t* mapping = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  for (const std::uint32_t glyph : glyphs) {
    const hb_codepoint_t mapped = hb_map_get(mapping, glyph);
    if (mapped == HB_MAP_VALUE_INVALID || mapped > 0xFFFF) return std::nullopt;
    out.new_glyph_of.emplace(glyph, static_cast<std::uint16_t>(mapped));
  }
  return out;
}

}  // namespace leafpress::pdf
