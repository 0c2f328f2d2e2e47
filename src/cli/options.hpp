#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/limits.hpp"
#include "document/theme.hpp"

namespace leafpress::cli {

enum class Command : std::uint8_t { build, check, dump, strings, new_leaflet, schema, help, version };

/// What `leafpress strings` does: hand strings to translators and take them back.
enum class StringsAction : std::uint8_t { export_po, import_po, status, mark_current };

/// How diagnostics and results are printed: for people, as JSON, as a SARIF 2.1.0 log for
/// code scanning, or as GitHub Actions workflow commands.
enum class ReportFormat : std::uint8_t { text, json, sarif, github };

/// What the command line asked for.
struct Options {
  Command command = Command::help;
  std::vector<std::string> leaflets;   // leaflet folders; empty means every one under leaflets/
  std::vector<std::string> languages;  // empty means every language a leaflet defines
  std::string out_dir = "output";
  std::string fonts_dir;  // empty: the project's fonts/ (see font_folders_for)
  unsigned jobs = 0;      // documents built at once; 0: one per processor core
  bool strict = false;    // warnings count as errors
  std::vector<document::Format> formats;  // empty means the formats each leaflet names
  ReportFormat report = ReportFormat::text;
  bool progress = false;  // a progress line (set when standard output is a terminal)
  bool preview = false;   // PNG thumbnails of every page beside each PDF
  bool watch = false;     // after building, rebuild what a changed file affects, until stopped
  bool large_print = false;  // also build <leaflet>.<lang>.large-print.pdf
  bool print = false;        // also write a press file beside each PDF, as a `print:` section asks
  bool sync = false;         // flush each PDF to disk before renaming it into place
  StringsAction strings_action = StringsAction::status;
  std::string into_dir;  // strings import: the leaflet folder to write <lang>.yaml into
  bool replace = false;  // strings import: may drop translations the file lacks, or match no key
  bool list_keys = false;  // strings status: name the missing and outdated keys
  core::Limits limits;    // --max-*, --allow-outside
  std::vector<std::string> variants;  // --variant: only these rows of the variants file; empty: all
  unsigned shard = 1;        // --shard K/N: build the documents whose place in the run is K-1 modulo N
  unsigned shard_count = 1;
};

/// Parses argv; nullopt with `error` set on a usage error.
std::optional<Options> parse_options(const std::vector<std::string>& args, std::string& error);

/// The --help text.
std::string usage_text();

}  // namespace leafpress::cli
