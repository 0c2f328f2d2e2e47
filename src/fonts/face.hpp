#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <hb.h>

#include "core/c_handle.hpp"

namespace leafpress::fonts {

/// What a PDF font descriptor and the typesetter need to know of a face, in font units.
struct FaceMetrics {
  int units_per_em = 1000;
  int ascender = 0;
  int descender = 0;  // negative below the baseline
  int cap_height = 0;
  int line_gap = 0;
  std::array<int, 4> bbox{};  // x_min, y_min, x_max, y_max
  double italic_angle = 0;
  bool fixed_pitch = false;
  bool serif = false;
  bool italic = false;
  bool bold = false;

  bool operator==(const FaceMetrics&) const = default;
};

/// One font file opened once: its bytes (for subsetting), its HarfBuzz face and font, and
/// the metrics and names FreeType reads from it. Immutable after opening.
class Face {
 public:
  /// Opens face `index` of the font file at `path`; nullopt with `error` set when the file
  /// is unreadable, not a font FreeType and HarfBuzz both accept, or has no outlines a PDF
  /// font can hold (a colour emoji font's bitmaps).
  static std::unique_ptr<Face> try_open(const std::filesystem::path& path, int index, std::string& error);

  const std::filesystem::path& path() const { return path_; }
  int index() const { return index_; }
  /// The file's core::settled_identity when it was opened, to key what is worked out from
  /// its bytes across runs; nullopt when it had changed too recently to vouch for them.
  const std::optional<std::string>& identity() const { return identity_; }
  const std::string& family() const { return family_; }
  const std::string& style_name() const { return style_name_; }
  /// The PostScript name, sanitized for use as a PDF name.
  const std::string& postscript_name() const { return postscript_name_; }
  const FaceMetrics& metrics() const { return metrics_; }
  /// True for CFF outlines (OpenType 'CFF '), false for TrueType 'glyf' outlines.
  bool is_cff() const { return is_cff_; }
  /// True for CID-keyed CFF outlines (CJK fonts): a PDF addresses their glyphs by CID.
  bool is_cid_keyed() const { return !cid_of_glyph_.empty(); }
  /// The CID of `glyph` in a CID-keyed face (ISO 32000-1 §9.7.4.2: the code of a
  /// CIDFontType0 is looked up through the font program's charset); the glyph itself else.
  std::uint32_t cid(std::uint32_t glyph) const;

  hb_face_t* hb_face() const { return hb_face_.get(); }
  /// A HarfBuzz font at the design scale: positions come back in font units.
  hb_font_t* hb_font() const { return hb_font_.get(); }

  bool covers(char32_t code_point) const;
  /// The glyph the face's character map gives `code_point`, or 0.
  std::uint32_t nominal_glyph(char32_t code_point) const;
  /// Advance width of `glyph` in font units.
  int advance(std::uint32_t glyph) const;
  /// How far `glyph`'s ink reaches above the baseline (top) and below it (bottom, positive
  /// downwards), in font units; both 0 for a glyph without ink (a space).
  struct Ink {
    int top = 0;
    int bottom = 0;
  };
  Ink ink(std::uint32_t glyph) const;

 private:
  Face() = default;

  std::filesystem::path path_;
  int index_ = 0;
  std::optional<std::string> identity_;
  std::string family_;
  std::string style_name_;
  std::string postscript_name_;
  FaceMetrics metrics_;
  bool is_cff_ = false;
  std::vector<std::uint16_t> cid_of_glyph_;  // by glyph id; empty unless CID-keyed
  core::CHandle<hb_blob_t, hb_blob_destroy> blob_;
  core::CHandle<hb_face_t, hb_face_destroy> hb_face_;
  core::CHandle<hb_font_t, hb_font_destroy> hb_font_;
};

}  // namespace leafpress::fonts
