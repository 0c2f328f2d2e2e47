#pragma once

#include <filesystem>
#include <memory>

#include "cli/data_folder.hpp"
#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "fonts/font_fallback.hpp"
#include "fonts/font_registry.hpp"
#include "text/text_context.hpp"

namespace leafpress::cli {

/// What typesetting needs besides the document, for one worker: fonts, fallback chains and
/// hyphenation dictionaries, each opened once and reused for every document it builds.
/// Not shared between threads: each worker has its own.
class Toolbox {
 public:
  /// Opens the registry over `folders.fonts` and reads the fallback.yaml of `folders.config`
  /// within `limits`; problems with their files go to `diags` (a refused file is an error), and
  /// a warning lists where the configuration was looked for when none was found.
  Toolbox(const FontFolders& folders, const core::Limits& limits, core::Diagnostics& diags);
  /// The toolbox of a font folder that holds its own configuration.
  Toolbox(const std::filesystem::path& font_folder, const core::Limits& limits, core::Diagnostics& diags)
      : Toolbox(FontFolders{font_folder, font_folder, {font_folder}}, limits, diags) {}

  fonts::FontRegistry& registry() { return *registry_; }
  text::TextContext& context() { return context_; }

  /// Writes what its parts keep across runs in the cache folder (kept paragraphs, shaped
  /// words and runs, line breaks, hyphenation points, fontconfig's answers), as they do when
  /// destroyed, so that a toolbox left to the process's exit loses none of it.
  void write_remembered();

 private:
  std::unique_ptr<fonts::FontRegistry> registry_;
  std::unique_ptr<fonts::FontFallback> fallback_;
  std::unique_ptr<text::HyphenatorCache> hyphenators_;
  text::TextContext context_;
};

}  // namespace leafpress::cli
