#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace leafpress::cli {

/// A program found on PATH that renders PDF pages to PNG: poppler's pdftoppm, else
/// mupdf's mutool. leafpress draws no pixels itself; previews are a convenience for review.
struct PreviewRenderer {
  std::string name;  // "pdftoppm" or "mutool"
  std::filesystem::path program;
};

std::optional<PreviewRenderer> find_preview_renderer();

/// Renders every page of `pdf` as <stem>-<page>.png beside it, `width` pixels wide; returns
/// the files written, or an explanation of what went wrong.
struct PreviewResult {
  std::vector<std::filesystem::path> files;
  std::string error;
};

PreviewResult render_previews(const PreviewRenderer& renderer, const std::filesystem::path& pdf, std::size_t pages,
                              int width);

}  // namespace leafpress::cli
