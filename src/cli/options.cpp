#include "cli/options.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <limits>
#include <map>
#include <sstream>

namespace leafpress::cli {
namespace {

/// What an option may follow: a command, or one action of `strings`.
enum Verb : unsigned {
  kBuild = 1u << 0,
  kCheck = 1u << 1,
  kDump = 1u << 2,
  kExport = 1u << 3,
  kImport = 1u << 4,
  kStatus = 1u << 5,
  kMark = 1u << 6,
  kNew = 1u << 7,
};
constexpr unsigned kLayout = kBuild | kCheck | kDump;

/// One command-line option: its names, its value, the commands it serves, its help, and
/// what it does to the options (false with `error` set when the value is wrong). The table
/// below drives both parsing and --help, so they cannot drift apart.
struct OptionSpec {
  std::string_view name;
  std::string_view alias;  // a short name, or empty
  std::string_view value;  // how the value is written in help; empty for a flag
  unsigned verbs;
  std::string_view help;  // lines separated by '\n'
  bool (*apply)(Options& options, const std::string& value, std::string& error);
};

std::vector<std::string> split_commas(const std::string& list) {
  std::vector<std::string> parts;
  std::stringstream stream(list);
  for (std::string part; std::getline(stream, part, ',');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

/// A whole number from 1 to `max`, or nullopt.
std::optional<std::size_t> positive(const std::string& text, std::size_t max) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 1 || value > max) return std::nullopt;
  return value;
}

/// An apply function that sets a size limit.
template <std::size_t core::Limits::*member>
bool size_limit(Options& options, const std::string& value, std::string& error, const char* name) {
  const auto number = positive(value, std::numeric_limits<std::size_t>::max() / 2);
  if (!number) {
    error = std::string(name) + " needs a whole number of at least 1, got '" + value + "'";
    return false;
  }
  options.limits.*member = *number;
  return true;
}

bool set_formats(Options& options, const std::string& value, std::string& error) {
  for (const std::string& name : split_commas(value)) {
    const auto format = document::format_named(name);
    if (!format) {
      error = "--format takes brochure, trifold, booklet, poster or flyer, got '" + name + "'";
      return false;
    }
    if (std::find(options.formats.begin(), options.formats.end(), *format) == options.formats.end()) {
      options.formats.push_back(*format);
    }
  }
  return true;
}

bool set_jobs(Options& options, const std::string& value, std::string& error) {
  const auto jobs = positive(value, 256);
  if (!jobs) {
    error = "-j needs a number of jobs from 1 to 256, got '" + value + "'";
    return false;
  }
  options.jobs = static_cast<unsigned>(*jobs);
  return true;
}

bool set_report(Options& options, const std::string& value, std::string& error) {
  static const std::map<std::string, ReportFormat> kReports = {
      {"text", ReportFormat::text}, {"json", ReportFormat::json}, {"sarif", ReportFormat::sarif},
      {"github", ReportFormat::github}};
  const auto report = kReports.find(value);
  if (report == kReports.end()) {
    error = "--diagnostics is 'text', 'json', 'sarif' or 'github', got '" + value + "'";
    return false;
  }
  options.report = report->second;
  return true;
}

bool set_link_schemes(Options& options, const std::string& value, std::string& error) {
  options.limits.links.schemes.clear();
  for (std::string scheme : split_commas(value)) {
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool valid = std::isalpha(static_cast<unsigned char>(scheme[0])) &&
                       std::all_of(scheme.begin(), scheme.end(), [](unsigned char c) {
                         return std::isalnum(c) || c == '+' || c == '-' || c == '.';
                       });
    if (!valid) {
      error = "--link-schemes takes URI schemes such as https,mailto, got '" + scheme + "'";
      return false;
    }
    options.limits.links.schemes.push_back(scheme);
  }
  return true;
}

bool set_shard(Options& options, const std::string& value, std::string& error) {
  const auto slash = value.find('/');
  const auto count = slash == std::string::npos ? std::nullopt : positive(value.substr(slash + 1), 10000);
  const auto shard = slash == std::string::npos || !count ? std::nullopt : positive(value.substr(0, slash), *count);
  if (!shard) {
    error = "--shard needs K/N, the K-th of N parts with 1 <= K <= N <= 10000, got '" + value + "'";
    return false;
  }
  options.shard = static_cast<unsigned>(*shard);
  options.shard_count = static_cast<unsigned>(*count);
  return true;
}

bool set_nesting(Options& options, const std::string& value, std::string& error) {
  const auto number = positive(value, static_cast<std::size_t>(std::numeric_limits<int>::max()));
  if (!number) {
    error = "--max-nesting needs a whole number of at least 1, got '" + value + "'";
    return false;
  }
  options.limits.max_nesting = static_cast<int>(*number);
  return true;
}

const std::array kOptions = {
    OptionSpec{"--lang", "", "L[,L...]", kLayout | kExport | kStatus | kMark | kNew,
               "only these languages (strings export: the one to export; without it, a .pot;\n"
               "new: the leaflet's languages, the first the default; default fr)",
               [](Options& o, const std::string& v, std::string&) {
                 o.languages = split_commas(v);
                 return true;
               }},
    OptionSpec{"--format", "", "F[,F...]", kLayout | kNew,
               "these formats instead of the leaflet's: brochure (A4 pages), trifold\n"
               "(A4 landscape folded in three), booklet (A5 pages on A4 sheets), poster\n"
               "(one A3 page), flyer (A5 or DL, one or two sides); new: the leaflet's\n"
               "formats (default brochure)",
               set_formats},
    OptionSpec{"--variant", "", "V[,V...]", kLayout,
               "only these variants of a leaflet with a variants file (the names in its\n"
               "'variant' column); their PDFs are <leaflet>.<variant>.<lang>.<format>.pdf",
               [](Options& o, const std::string& v, std::string&) {
                 o.variants = split_commas(v);
                 return true;
               }},
    OptionSpec{"--shard", "", "K/N", kLayout,
               "only the K-th of N parts of all the documents (leaflet, variant, language,\n"
               "format, in that order, dealt out in turn), for N runners of a CI matrix",
               set_shard},
    OptionSpec{"--out", "", "DIR", kBuild | kExport,
               "where PDFs go (default: output); strings export: the file to write,\n"
               "FILE.po, FILE.pot or FILE.xlf (XLIFF 2.1)",
               [](Options& o, const std::string& v, std::string&) {
                 o.out_dir = v;
                 return true;
               }},
    OptionSpec{"--fonts", "", "DIR", kLayout,
               "the font folder, searched before system fonts (default: fonts/ here, else\n"
               "beside the leaflets/ folder, else the installed one)",
               [](Options& o, const std::string& v, std::string&) {
                 o.fonts_dir = v;
                 return true;
               }},
    OptionSpec{"--jobs", "-j", "N", kLayout,
               "build N documents at once (default: one per processor core, fewer when\nmemory is short)", set_jobs},
    OptionSpec{"--strict", "", "", kLayout | kStatus,
               "treat warnings as errors: exit 1 and write no PDF for them; strings status:\n"
               "fail on any missing or outdated string",
               [](Options& o, const std::string&, std::string&) {
                 o.strict = true;
                 return true;
               }},
    OptionSpec{"--diagnostics", "", "FORM", kBuild | kCheck | kStatus,
               "how problems are reported: text (default, on standard error), json (one\n"
               "JSON document), sarif (a SARIF 2.1.0 log for code scanning) or github\n"
               "(GitHub Actions ::error/::warning commands), on standard output;\n"
               "strings status: json",
               set_report},
    OptionSpec{"--large-print", "", "", kLayout,
               "also build <leaflet>.<lang>.large-print.pdf: text 16 pt or more, one column",
               [](Options& o, const std::string&, std::string&) {
                 o.large_print = true;
                 return true;
               }},
    OptionSpec{"--print", "", "", kBuild,
               "also write a press file beside each PDF, <name>.print.pdf: trim and bleed\n"
               "boxes, 3 mm bleed, crop marks, CMYK (leaflet.yaml's print: section sets these\n"
               "and asks for it without --print)",
               [](Options& o, const std::string&, std::string&) {
                 o.print = true;
                 return true;
               }},
    OptionSpec{"--sync", "", "", kBuild,
               "flush each PDF to disk before putting it in place, so that a power cut\n"
               "cannot leave an empty or cut file (slower: a disk flush per file; without\n"
               "it a crash of leafpress still leaves the old file or the new one whole)",
               [](Options& o, const std::string&, std::string&) {
                 o.sync = true;
                 return true;
               }},
    OptionSpec{"--watch", "", "", kBuild, "keep running; rebuild what a changed YAML, picture or font file affects",
               [](Options& o, const std::string&, std::string&) {
                 o.watch = true;
                 return true;
               }},
    OptionSpec{"--preview", "", "", kBuild,
               "also write <leaflet>.<lang>-<page>.png thumbnails (with pdftoppm or mutool)",
               [](Options& o, const std::string&, std::string&) {
                 o.preview = true;
                 return true;
               }},
    OptionSpec{"--into", "", "DIR", kImport,
               "the leaflet folder to write <lang>.yaml into (default: the one around the\n"
               "current folder; never a path the file names)",
               [](Options& o, const std::string& v, std::string&) {
                 o.into_dir = v;
                 return true;
               }},
    OptionSpec{"--replace", "", "", kImport | kMark,
               "strings import: let the file empty translations, or match no string;\n"
               "strings mark-current: record outdated and fuzzy translations as current too",
               [](Options& o, const std::string&, std::string&) {
                 o.replace = true;
                 return true;
               }},
    OptionSpec{"--keys", "", "", kStatus, "list the missing and outdated keys",
               [](Options& o, const std::string&, std::string&) {
                 o.list_keys = true;
                 return true;
               }},
    OptionSpec{"--max-pages", "", "N", kLayout, "pages of one PDF (default: 500)",
               [](Options& o, const std::string& v, std::string& e) {
                 return size_limit<&core::Limits::max_pages>(o, v, e, "--max-pages");
               }},
    OptionSpec{"--max-file-bytes", "", "N", kLayout, "size of one YAML file (default: 4194304, 4 MiB)",
               [](Options& o, const std::string& v, std::string& e) {
                 return size_limit<&core::Limits::max_file_bytes>(o, v, e, "--max-file-bytes");
               }},
    OptionSpec{"--max-string-bytes", "", "N", kLayout, "bytes one string takes in its file (default: 65536, 64 KiB)",
               [](Options& o, const std::string& v, std::string& e) {
                 return size_limit<&core::Limits::max_string_bytes>(o, v, e, "--max-string-bytes");
               }},
    OptionSpec{"--max-nesting", "", "N", kLayout, "maps and lists inside each other in a YAML file (default: 64)",
               set_nesting},
    OptionSpec{"--max-image-pixels", "", "N", kLayout, "width x height of one figure's picture (default: 40000000)",
               [](Options& o, const std::string& v, std::string& e) {
                 return size_limit<&core::Limits::max_image_pixels>(o, v, e, "--max-image-pixels");
               }},
    OptionSpec{"--max-decoded-pixels", "", "N", kLayout, "pixels of all the pictures of a leaflet (default: 100000000)",
               [](Options& o, const std::string& v, std::string& e) {
                 return size_limit<&core::Limits::max_decoded_pixels>(o, v, e, "--max-decoded-pixels");
               }},
    OptionSpec{"--max-text-bytes", "", "N", kLayout,
               "text of one document, each use of a string counted (default: 4194304,\n"
               "4 MiB; at most 128 KiB a page)",
               [](Options& o, const std::string& v, std::string& e) {
                 return size_limit<&core::Limits::max_document_text>(o, v, e, "--max-text-bytes");
               }},
    OptionSpec{"--link-schemes", "", "L[,L...]", kLayout,
               "the schemes links and QR codes may use (default: http,https,mailto,tel);\n"
               "a target is at most 2048 bytes of ASCII",
               set_link_schemes},
    OptionSpec{"--allow-outside", "", "", kLayout,
               "read files that are symlinks leading outside the leaflet's folder or the\n"
               "font folder, and pictures outside the leaflet's folder (refused by default)",
               [](Options& o, const std::string&, std::string&) {
                 o.limits.allow_outside = true;
                 return true;
               }},
};

bool is_limit(const OptionSpec& spec) { return spec.name.starts_with("--max-") || spec.name == "--allow-outside" ||
                                               spec.name == "--link-schemes"; }

const OptionSpec* find_option(std::string_view name) {
  const auto it = std::find_if(kOptions.begin(), kOptions.end(),
                               [&](const OptionSpec& o) { return o.name == name || (!o.alias.empty() && o.alias == name); });
  return it == kOptions.end() ? nullptr : &*it;
}

/// "build", "check, dump" or "build, check and dump": the commands `verbs` names.
std::string verb_names(unsigned verbs) {
  static constexpr std::array<std::pair<Verb, std::string_view>, 8> kNames = {{{kBuild, "build"},
                                                                                {kCheck, "check"},
                                                                                {kDump, "dump"},
                                                                                {kExport, "strings export"},
                                                                                {kImport, "strings import"},
                                                                                {kStatus, "strings status"},
                                                                                {kMark, "strings mark-current"},
                                                                                {kNew, "new"}}};
  std::vector<std::string_view> names;
  for (const auto& [verb, name] : kNames) {
    if (verbs & verb) names.push_back(name);
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

/// The synopsis of one command: its operands, then "[option VALUE]" for each option it takes
/// (the limits as "[limits]"), wrapped under the command.
std::string synopsis(std::string_view command, std::string_view operands, unsigned verb, bool first) {
  const std::string head = std::string(first ? "usage: " : "       ") + "leafpress " + std::string(command);
  std::vector<std::string> words;
  if (!operands.empty()) words.emplace_back(operands);
  bool limits = false;
  for (const OptionSpec& spec : kOptions) {
    if (!(spec.verbs & verb)) continue;
    if (is_limit(spec)) {
      limits = true;
      continue;
    }
    std::string word = spec.alias.empty() ? std::string(spec.name) : std::string(spec.alias);
    if (!spec.value.empty()) word += ' ' + std::string(spec.value);
    words.push_back(verb == kExport && spec.name == "--lang" ? word : "[" + word + "]");
  }
  if (limits) words.emplace_back("[limits]");
  std::string out = head;
  std::size_t column = out.size();
  const std::string indent(head.size() + 1, ' ');
  for (const std::string& word : words) {
    if (column + 1 + word.size() > 100) {
      out += "\n" + indent.substr(1);
      column = indent.size() - 1;
    }
    out += ' ' + word;
    column += 1 + word.size();
  }
  return out + '\n';
}

std::string option_help(const OptionSpec& spec) {
  std::string names = spec.alias.empty() ? std::string(spec.name) : std::string(spec.alias) + ", " + std::string(spec.name);
  if (!spec.value.empty()) names += ' ' + std::string(spec.value);
  std::string out;
  std::stringstream lines{std::string(spec.help)};
  std::string line;
  std::getline(lines, line);
  constexpr std::size_t kColumn = 26;
  out += "  " + names + (names.size() + 2 < kColumn ? std::string(kColumn - names.size() - 2, ' ') : "\n" + std::string(kColumn, ' ')) + line + '\n';
  while (std::getline(lines, line)) out += std::string(kColumn, ' ') + line + '\n';
  return out;
}

std::optional<Options> check_strings_options(Options options, std::string& error) {
  switch (options.strings_action) {
    case StringsAction::export_po:
      if (options.leaflets.size() != 1 || options.languages.size() > 1) {
        error = "strings export needs one leaflet folder and at most one --lang";
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
    case StringsAction::mark_current:
      break;
  }
  return options;
}

Verb verb_of(const Options& options) {
  switch (options.command) {
    case Command::build: return kBuild;
    case Command::check: return kCheck;
    case Command::dump: return kDump;
    case Command::new_leaflet: return kNew;
    default: break;
  }
  switch (options.strings_action) {
    case StringsAction::export_po: return kExport;
    case StringsAction::import_po: return kImport;
    case StringsAction::status: return kStatus;
    case StringsAction::mark_current: return kMark;
  }
  return kStatus;
}

}  // namespace

std::string usage_text() {
  std::string out = synopsis("build", "[LEAFLET_DIR...]", kBuild, true) +
                    synopsis("check", "LEAFLET_DIR...", kCheck, false) +
                    synopsis("dump", "LEAFLET_DIR...", kDump, false) +
                    synopsis("strings export", "LEAFLET_DIR", kExport, false) +
                    synopsis("strings import", "FILE.po|FILE.xlf", kImport, false) +
                    synopsis("strings status", "[LEAFLET_DIR...]", kStatus, false) +
                    synopsis("strings mark-current", "[LEAFLET_DIR...]", kMark, false) +
                    synopsis("new", "NAME", kNew, false) +
                    "       leafpress schema [leaflet|strings]\n"
                    "       leafpress --help | --version\n"
                    "\n"
                    "build   typeset leaflets into PDFs named <leaflet>.<lang>.<format>.pdf\n"
                    "        (default: every folder under leaflets/, every language it defines, into output/)\n"
                    "check   validate leaflets and report every problem; writes nothing\n"
                    "dump    print the laid-out pages as text (positions, fonts, text) instead of PDFs\n"
                    "strings export: a gettext PO file (.pot without --lang, XLIFF 2.1 for --out FILE.xlf) of the\n"
                    "        default language's strings for translators; import: a translated PO or XLIFF file\n"
                    "        merged by key into <lang>.yaml; status: what is translated, missing or outdated in\n"
                    "        each language; mark-current: record fingerprints of hand-written translations\n"
                    "new     write the folder NAME with a small leaflet that builds, to start from\n"
                    "schema  print the JSON Schema of leaflet.yaml, or of a strings file, for editors\n"
                    "\n"
                    "options (a value follows as the next argument or after '=': --out=DIR):\n";
  for (const OptionSpec& spec : kOptions) {
    if (!is_limit(spec)) out += option_help(spec);
  }
  out += "\nlimits against broken or hostile input, for build, check and dump (see leaflets/README.md, \"Limits\"):\n";
  for (const OptionSpec& spec : kOptions) {
    if (is_limit(spec)) out += option_help(spec);
  }
  out +=
      "\n"
      "exit status: 0 ok, 1 a leaflet has errors, 2 usage error, 3 internal error, 4 an output could\n"
      "not be written (output folder, full disk)\n"
      "SOURCE_DATE_EPOCH, when set, gives the PDFs' creation date.\n";
  return out;
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
  } else if (command == "schema") {
    options.command = Command::schema;
    if (args.size() > 2 || (args.size() == 2 && args[1] != "leaflet" && args[1] != "strings")) {
      error = "schema takes one word: leaflet (the default) or strings";
      return std::nullopt;
    }
    if (args.size() == 2) options.leaflets.push_back(args[1]);
    return options;
  } else if (command == "new") {
    options.command = Command::new_leaflet;
  } else if (command == "strings") {
    options.command = Command::strings;
    const std::string action = args.size() > 1 ? args[1] : std::string();
    if (action == "export") {
      options.strings_action = StringsAction::export_po;
    } else if (action == "import") {
      options.strings_action = StringsAction::import_po;
    } else if (action == "status") {
      options.strings_action = StringsAction::status;
    } else if (action == "mark-current") {
      options.strings_action = StringsAction::mark_current;
    } else {
      error = "strings needs an action: export, import, status or mark-current";
      return std::nullopt;
    }
  } else {
    error = "unknown command '" + command + "'";
    return std::nullopt;
  }
  const Verb verb = verb_of(options);
  for (std::size_t i = options.command == Command::strings ? 2 : 1; i < args.size(); ++i) {
    std::string arg = args[i];
    if (arg == "--help" || arg == "-h") {
      options.command = Command::help;
      return options;
    }
    if (!arg.starts_with("-") || arg == "-") {
      options.leaflets.push_back(arg);
      continue;
    }
    // "--out=DIR" is "--out DIR".
    std::optional<std::string> attached;
    if (const auto equals = arg.find('='); arg.starts_with("--") && equals != std::string::npos) {
      attached = arg.substr(equals + 1);
      arg.resize(equals);
    }
    const OptionSpec* spec = find_option(arg);
    if (!spec) {
      error = "unknown option '" + arg + "'";
      return std::nullopt;
    }
    if (!(spec->verbs & verb)) {
      error = arg + " applies to " + verb_names(spec->verbs) + " only";
      return std::nullopt;
    }
    std::string value;
    if (spec->value.empty()) {
      if (attached) {
        error = arg + " takes no value";
        return std::nullopt;
      }
    } else if (attached) {
      value = *attached;
    } else if (i + 1 < args.size()) {
      value = args[++i];
    }
    if (!spec->value.empty() && value.empty()) {
      error = arg + " needs a value";
      return std::nullopt;
    }
    if (!spec->apply(options, value, error)) return std::nullopt;
  }
  if (options.command == Command::strings) return check_strings_options(std::move(options), error);
  if (options.command == Command::new_leaflet && options.leaflets.size() != 1) {
    error = "new needs one NAME: the folder to write the leaflet into";
    return std::nullopt;
  }
  if (options.command != Command::build && options.leaflets.empty()) {
    error = command + " needs at least one leaflet folder";
    return std::nullopt;
  }
  return options;
}

}  // namespace leafpress::cli
