#include "pdf/subset.hpp"

#include <hb-subset.h>

#include <algorithm>
#include <cstring>

#include "core/c_handle.hpp"

namespace leafpress::pdf {
namespace {

using FaceHandle = core::CHandle<hb_face_t, hb_face_destroy>;

// A character map's table tag renamed to one no program reads and that sorts just before
// it, so the table directory stays in tag order (OpenType 'Table Directory').
constexpr char kCmap[4] = {'c', 'm', 'a', 'p'};
constexpr char kHiddenCmap[4] = {'c', 'm', 'a', 'P'};

std::uint32_t read_u32(const char* at) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(at);
  return std::uint32_t{bytes[0]} << 24 | std::uint32_t{bytes[1]} << 16 | std::uint32_t{bytes[2]} << 8 | bytes[3];
}

/// Where the table directory of face `index` starts in a font file of `size` bytes: 0 for a
/// single font, the collection's offset of face `index` for a TrueType collection ('ttcf'
/// header: tag, version, numFonts, then one offset a face); nullopt when out of the file.
std::optional<std::size_t> table_directory(const char* data, std::size_t size, int index) {
  if (size < 12) return std::nullopt;
  if (std::memcmp(data, "ttcf", 4) != 0) return index == 0 ? std::optional<std::size_t>{0} : std::nullopt;
  const std::size_t entry = 12 + 4 * static_cast<std::size_t>(index);
  if (index < 0 || index >= static_cast<int>(read_u32(data + 8)) || entry + 4 > size) return std::nullopt;
  const std::size_t directory = read_u32(data + entry);
  return directory + 12 <= size ? std::optional<std::size_t>{directory} : std::nullopt;
}

/// Where the table directory at `directory` ends (sfnt version, numTables, three search
/// fields, then a 16-byte record of tag, checksum, offset and length a table), at most `size`.
std::size_t directory_end(const char* data, std::size_t size, std::size_t directory) {
  const std::size_t tables = static_cast<std::size_t>(static_cast<unsigned char>(data[directory + 4])) << 8 |
                             static_cast<unsigned char>(data[directory + 5]);
  return std::min(size, directory + 12 + 16 * tables);
}

/// Renames the 'cmap' record of the table directory at `directory`; false when it has none.
bool hide_cmap(char* data, std::size_t size, std::size_t directory) {
  for (std::size_t record = directory + 12; record + 16 <= directory_end(data, size, directory); record += 16) {
    if (std::memcmp(data + record, kCmap, 4) == 0) {
      std::memcpy(data + record, kHiddenCmap, 4);
      return true;
    }
  }
  return false;
}

/// `face` opened again from its file with its character map hidden, or null when that
/// cannot be done (then the face itself is subset). Given glyphs rather than characters,
/// hb-subset walks every entry of the character map to keep those that reach a kept glyph
/// (HarfBuzz 6.0, hb-subset-plan.cc _populate_unicodes_to_retain): about 2 M instructions a
/// Noto face, for a table no CIDFont program keeps. It also adds the glyphs of those
/// characters' variation sequences (a format 14 subtable, in the CJK faces), which no code
/// of ours shows. The file is mapped privately, so only the page holding its directory is
/// copied to be written. A file that no longer has the face's length and table directory
/// (replaced since it was opened) is not taken for it.
FaceHandle face_without_cmap(const fonts::Face& face) {
  core::CHandle<hb_blob_t, hb_blob_destroy> blob(hb_blob_create_from_file_or_fail(face.path().c_str()));
  if (!blob) return nullptr;
  const core::CHandle<hb_blob_t, hb_blob_destroy> opened(hb_face_reference_blob(face.hb_face()));
  unsigned size = 0;
  const char* original = hb_blob_get_data(opened.get(), &size);
  const auto directory = table_directory(original, size, face.index());
  if (!directory || hb_blob_get_length(blob.get()) != size) return nullptr;
  const std::size_t end = directory_end(original, size, *directory);
  if (std::memcmp(hb_blob_get_data(blob.get(), nullptr), original, end) != 0) return nullptr;
  char* data = hb_blob_get_data_writable(blob.get(), &size);
  if (!data || !hide_cmap(data, size, *directory)) return nullptr;
  hb_blob_make_immutable(blob.get());
  return FaceHandle(hb_face_create(blob.get(), static_cast<unsigned>(face.index())));
}

}  // namespace

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

  hb_set_add(dropped, hb_tag_from_string(kHiddenCmap, 4));
  const FaceHandle source = face_without_cmap(face);
  core::CHandle<hb_subset_plan_t, hb_subset_plan_destroy> plan(
      hb_subset_plan_create_or_fail(source ? source.get() : face.hb_face(), input.get()));
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
