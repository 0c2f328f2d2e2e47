#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

// An embedded or installed font program opened with FreeType: its glyph count, its CFF
// charset (CID -> glyph) and its glyph outlines.

namespace leafpress::engines {

/// A glyph's outline in font units, unhinted: what two fonts must agree on to draw the
/// same glyph.
struct Outline {
  std::vector<long> points;       // x0, y0, x1, y1, ...
  std::vector<short> contour_ends;
  std::vector<char> on_curve;
  bool operator==(const Outline&) const = default;
};

/// A TrueType glyph that draws one other glyph moved: the component and its offset in font
/// units.
struct SoleComponent {
  unsigned glyph = 0;
  long dx = 0;
  long dy = 0;
};

class FontProgram {
 public:
  /// Opens `bytes` (a whole font file, or a face of a collection); throws when FreeType
  /// cannot.
  explicit FontProgram(std::string bytes, long face_index = 0);
  ~FontProgram();
  FontProgram(const FontProgram&) = delete;
  FontProgram& operator=(const FontProgram&) = delete;

  unsigned glyph_count() const;
  /// True for a CID-keyed CFF program (ROS in its Top DICT).
  bool cid_keyed() const;
  /// The glyph of `cid` through the CFF charset; 0 when the charset lacks it.
  unsigned glyph_of_cid(std::uint32_t cid) const;
  /// The outline of glyph `glyph` (a glyph id, never a CID); throws when FreeType fails.
  Outline outline(unsigned glyph) const;
  /// The advance of glyph `glyph` (a glyph id) in 1/1000 em, as the program gives it (hmtx,
  /// or a CFF charstring's width); throws when FreeType fails.
  double advance(unsigned glyph) const;
  /// When glyph `glyph` is a composite of exactly one component at an offset (OpenType
  /// 'glyf': ARGS_ARE_XY_VALUES, not rounded to the grid, no scale), that component and
  /// offset; nullopt for any other glyph. Throws when FreeType cannot load it.
  std::optional<SoleComponent> sole_component(unsigned glyph) const;

 private:
  /// Loads glyph `glyph` (a glyph id) into the face's slot, unscaled and unhinted.
  void load(unsigned glyph) const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace leafpress::engines
