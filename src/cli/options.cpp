#include "cli/options.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <map>
#include <sstream>

namespace leafpress::cli {
namespace {

std::vector<std::string> split_commas(const std::string& list) {
  std::vector<std::string> parts;
  std::stringstream stream(list);
  for (std::string part; std::getline(stream, part, ',');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

std::optional<Options> check_strings_options(Options options, std::string& error) {
  switch (options.strings_action) {
    case StringsAction::export_po:
      if (options.leaflets.size() != 1 || options.languages.size() != 1) {
        error = "strings export needs one leaflet folder and one --lang";
        return std::nullopt;
      }
      break;
    case StringsAction::import_po:
      if (options.leaflets.size() != 1) {
        error = "strings import needs one PO file";
        return std::nullopt;
      }
      break;
    case StringsAction::status:
      break;
  }
  return options;
}

/// A whole number from 1 to `max`, or nullopt.
std::optional<std::size_t> positive(const std::string& text, std::size_t max) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 1 || value > max) return std::nullopt;
  return value;
}

}  // namespace

std::string usage_text() {
  return "usage: leafpress build [LEAFLET_DIR...] [--lang L[,L...]] [--format F[,F...]] [--out DIR]\n"
         "                       [--fonts DIR] [-j N] [--strict] [--diagnostics text|json|sarif|github] [--preview]\n"
         "                       [--watch] [--large-print] [--print] [limits]\n"
         "       leafpress check LEAFLET_DIR... [--format F[,F...]] [--strict] [--diagnostics text|json|sarif|github] [limits]\n"
         "       leafpress dump LEAFLET_DIR... [--lang L[,L...]] [--format F[,F...]] [limits]\n"
         "       leafpress strings export LEAFLET_DIR --lang L [--out FILE.po]\n"
         "       leafpress strings import FILE.po [--into LEAFLET_DIR]\n"
         "       leafpress strings status [LEAFLET_DIR...] [--strict]\n"
         "       leafpress --help | --version\n"
         "\n"
         "build   typeset leaflets into PDFs named <leaflet>.<lang>.<format>.pdf\n"
         "        (default: every folder under leaflets/, every language it defines, into output/)\n"
         "check   validate leaflets and report every problem; writes nothing\n"
         "dump    print the laid-out pages as text (positions, fonts, text) instead of PDFs\n"
         "strings export: a gettext PO file of the default language's strings for translators;\n"
         "        import: a translated PO file back into <lang>.yaml; status: what is translated,\n"
         "        missing or outdated in each language\n"
         "\n"
         "  --lang L[,L...]  only these languages\n"
         "  --format F[,F...] these formats instead of the leaflet's: brochure (A4 pages), trifold\n"
         "                   (A4 landscape folded in three), booklet (A5 pages on A4 sheets)\n"
         "  --out DIR        where PDFs go (default: output)\n"
         "  --fonts DIR      project font folder, searched before system fonts (default: fonts)\n"
         "  -j N             build N documents at once (default: one per processor core, fewer\n"
         "                   when memory is short)\n"
         "  --strict         treat warnings as errors: exit 1 and write no PDF for them\n"
         "  --large-print    also build <leaflet>.<lang>.large-print.pdf: text 16 pt or more, one column\n"
         "  --print          also write a press file beside each PDF, <name>.print.pdf: trim and bleed\n"
         "                   boxes, 3 mm bleed, crop marks, CMYK (leaflet.yaml's print: section sets these\n"
         "                   and asks for it without --print)\n"
         "  --watch          keep running; rebuild what a changed YAML or font file affects\n"
         "  --preview        also write <leaflet>.<lang>-<page>.png thumbnails (with pdftoppm or mutool)\n"
         "  --diagnostics F  how problems are reported: text (default, on standard error), json (one\n"
         "                   JSON document), sarif (a SARIF 2.1.0 log for code scanning) or github\n"
         "                   (GitHub Actions ::error/::warning commands), on standard output\n"
         "\n"
         "limits against broken or hostile input (see leaflets/README.md, \"Limits\"):\n"
         "  --max-pages N         pages of one PDF (default: 500)\n"
         "  --max-file-bytes N    size of one YAML file (default: 4194304, 4 MiB)\n"
         "  --max-string-bytes N  bytes one string takes in its file (default: 65536, 64 KiB)\n"
         "  --max-nesting N       maps and lists inside each other in a YAML file (default: 64)\n"
         "  --max-image-pixels N  width x height of one figure's picture (default: 40000000)\n"
         "  --max-decoded-pixels N  pixels of all the pictures of a leaflet (default: 100000000)\n"
         "  --max-text-bytes N    text of one document, each use of a string counted (default:\n"
         "                        4194304, 4 MiB; at most 128 KiB a page)\n"
         "  --link-schemes L[,L...]  the schemes links and QR codes may use (default:\n"
         "                        http,https,mailto,tel); a target is at most 2048 bytes of ASCII\n"
         "  --allow-outside       read files that are symlinks leading outside the leaflet's\n"
         "                        folder or the font folder, and pictures outside the leaflet's\n"
         "                        folder (refused by default)\n"
         "\n"
         "exit status: 0 ok, 1 a leaflet has errors, 2 usage error, 3 internal error\n"
         "SOURCE_DATE_EPOCH, when set, gives the PDFs' creation date.\n";
}

std::optional<Options> parse_options(const std::vector<std::string>& args, std::string& error) {
  Options options;
  if (args.empty()) {
    error = "no command given";
    return std::nullopt;
  }
  const std::string& command = args[0];
  if (command == "--help" || command == "-h" || command == "help") return options;
  if (command == "--version") {
    options.command = Command::version;
    return options;
  }
  if (command == "build") {
    options.command = Command::build;
  } else if (command == "check") {
    options.command = Command::check;
  } else if (command == "dump") {
    options.command = Command::dump;
  } else if (command == "strings") {
    options.command = Command::strings;
    const std::string action = args.size() > 1 ? args[1] : std::string();
    if (action == "export") {
      options.strings_action = StringsAction::export_po;
    } else if (action == "import") {
      options.strings_action = StringsAction::import_po;
    } else if (action == "status") {
      options.strings_action = StringsAction::status;
    } else {
      error = "strings needs an action: export, import or status";
      return std::nullopt;
    }
  } else {
    error = "unknown command '" + command + "'";
    return std::nullopt;
  }
  for (std::size_t i = options.command == Command::strings ? 2 : 1; i < args.size(); ++i) {
    // "--out=DIR" is "--out DIR".
    std::string arg = args[i];
    std::optional<std::string> attached;
    if (const auto equals = arg.find('='); arg.starts_with("--") && equals != std::string::npos) {
      attached = arg.substr(equals + 1);
      arg.resize(equals);
    }
    bool attached_used = false;
    auto value = [&](const char* flag) -> std::optional<std::string> {
      if (attached) {
        attached_used = true;
        if (attached->empty()) error = std::string(flag) + " needs a value";
        return attached->empty() ? std::nullopt : attached;
      }
      if (i + 1 >= args.size() || args[i + 1].empty()) {
        error = std::string(flag) + " needs a value";
        return std::nullopt;
      }
      return args[++i];
    };
    if (arg == "--help" || arg == "-h") {
      options.command = Command::help;
      return options;
    } else if (arg == "--lang") {
      const auto list = value("--lang");
      if (!list) return std::nullopt;
      options.languages = split_commas(*list);
    } else if (arg == "--out") {
      const auto dir = value("--out");
      if (!dir) return std::nullopt;
      options.out_dir = *dir;
    } else if (arg == "-j" || arg == "--jobs") {
      const auto count = value("-j");
      if (!count) return std::nullopt;
      const auto jobs = positive(*count, 256);
      if (!jobs) {
        error = "-j needs a number of jobs from 1 to 256, got '" + *count + "'";
        return std::nullopt;
      }
      options.jobs = static_cast<unsigned>(*jobs);
    } else if (arg == "--large-print") {
      options.large_print = true;
    } else if (arg == "--print") {
      options.print = true;
    } else if (arg == "--watch") {
      options.watch = true;
    } else if (arg == "--preview") {
      options.preview = true;
    } else if (arg == "--strict") {
      options.strict = true;
    } else if (arg == "--diagnostics") {
      const auto format = value("--diagnostics");
      if (!format) return std::nullopt;
      static const std::map<std::string, ReportFormat> kReports = {
          {"text", ReportFormat::text}, {"json", ReportFormat::json}, {"sarif", ReportFormat::sarif},
          {"github", ReportFormat::github}};
      const auto report = kReports.find(*format);
      if (report == kReports.end()) {
        error = "--diagnostics is 'text', 'json', 'sarif' or 'github', got '" + *format + "'";
        return std::nullopt;
      }
      options.report = report->second;
    } else if (arg == "--format") {
      const auto list = value("--format");
      if (!list) return std::nullopt;
      for (const std::string& name : split_commas(*list)) {
        const auto format = document::format_named(name);
        if (!format) {
          error = "--format takes brochure, trifold or booklet, got '" + name + "'";
          return std::nullopt;
        }
        if (std::find(options.formats.begin(), options.formats.end(), *format) == options.formats.end()) {
          options.formats.push_back(*format);
        }
      }
    } else if (arg == "--into") {
      const auto dir = value("--into");
      if (!dir) return std::nullopt;
      options.into_dir = *dir;
    } else if (arg == "--fonts") {
      const auto dir = value("--fonts");
      if (!dir) return std::nullopt;
      options.fonts_dir = *dir;
    } else if (arg == "--max-pages" || arg == "--max-file-bytes" || arg == "--max-string-bytes" ||
               arg == "--max-nesting" || arg == "--max-image-pixels" || arg == "--max-decoded-pixels" ||
               arg == "--max-text-bytes") {
      const auto text = value(arg.c_str());
      if (!text) return std::nullopt;
      // Nesting is compared with an int; the rest are sizes.
      const std::size_t max = arg == "--max-nesting" ? static_cast<std::size_t>(std::numeric_limits<int>::max())
                                                     : std::numeric_limits<std::size_t>::max() / 2;
      const auto number = positive(*text, max);
      if (!number) {
        error = arg + " needs a whole number of at least 1, got '" + *text + "'";
        return std::nullopt;
      }
      if (arg == "--max-pages") options.limits.max_pages = *number;
      if (arg == "--max-file-bytes") options.limits.max_file_bytes = *number;
      if (arg == "--max-string-bytes") options.limits.max_string_bytes = *number;
      if (arg == "--max-nesting") options.limits.max_nesting = static_cast<int>(*number);
      if (arg == "--max-image-pixels") options.limits.max_image_pixels = *number;
      if (arg == "--max-decoded-pixels") options.limits.max_decoded_pixels = *number;
      if (arg == "--max-text-bytes") options.limits.max_document_text = *number;
    } else if (arg == "--link-schemes") {
      const auto list = value("--link-schemes");
      if (!list) return std::nullopt;
      options.limits.links.schemes.clear();
      for (std::string scheme : split_commas(*list)) {
        std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const bool valid = std::isalpha(static_cast<unsigned char>(scheme[0])) &&
                           std::all_of(scheme.begin(), scheme.end(), [](unsigned char c) {
                             return std::isalnum(c) || c == '+' || c == '-' || c == '.';
                           });
        if (!valid) {
          error = "--link-schemes takes URI schemes such as https,mailto, got '" + scheme + "'";
          return std::nullopt;
        }
        options.limits.links.schemes.push_back(scheme);
      }
    } else if (arg == "--allow-outside") {
      options.limits.allow_outside = true;
    } else if (arg.rfind("--", 0) == 0) {
      error = "unknown option '" + arg + "'";
      return std::nullopt;
    } else {
      options.leaflets.push_back(arg);
    }
    if (attached && !attached_used) {
      error = arg + " takes no value";
      return std::nullopt;
    }
  }
  if (options.command == Command::strings) return check_strings_options(std::move(options), error);
  if (options.command != Command::build && options.leaflets.empty()) {
    error = command + " needs at least one leaflet folder";
    return std::nullopt;
  }
  if (options.watch && options.command != Command::build) {
    error = "--watch applies to build only";
    return std::nullopt;
  }
  if (options.print && options.command != Command::build) {
    error = "--print applies to build only";
    return std::nullopt;
  }
  if (options.command != Command::build && options.out_dir != "output") {
    error = command + " writes no files; --out does not apply";
    return std::nullopt;
  }
  return options;
}

}  // namespace leafpress::cli
