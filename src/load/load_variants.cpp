#include "load/load_variants.hpp"

#include <algorithm>
#include <set>

#include "core/confine.hpp"
#include "core/read_file.hpp"
#include "core/utf8.hpp"
#include "load/csv_rows.hpp"
#include "load/yaml_file.hpp"

namespace leafpress::load {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kVariantColumn = "variant";

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

std::vector<std::string_view> names_of(const std::vector<document::Variable>& variables) {
  std::vector<std::string_view> names;
  for (const auto& variable : variables) names.emplace_back(variable.name);
  return names;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates,
                         const std::string& otherwise) {
  if (const auto suggestion = closest_match(word, candidates)) return "did you mean " + in_quotes(*suggestion) + "?";
  return otherwise;
}

std::string listed(const std::vector<std::string_view>& names) {
  std::string out;
  for (const auto name : names) out += (out.empty() ? "" : ", ") + std::string(name);
  return out.empty() ? "none" : out;
}

/// A value read from a variants file, with its place.
struct Cell {
  std::string text;
  core::SourceLoc loc;
};

/// One row as read, before it is checked against the variables.
struct RawRow {
  core::SourceLoc loc;
  std::optional<Cell> name;
  std::vector<std::pair<std::string, Cell>> values;  // column name → value
};

/// Checks the rows against the variables and keeps the good ones; `columns` are the names
/// the file gives values for, each with where it is named.
std::vector<document::VariantRow> checked_rows(std::vector<RawRow> raw, const std::vector<document::Variable>& variables,
                                               core::Diagnostics& diags) {
  std::vector<document::VariantRow> rows;
  std::set<std::string> seen;
  for (RawRow& row : raw) {
    document::VariantRow out{{}, row.loc, {}};
    bool good = true;
    if (!row.name || row.name->text.empty()) {
      diags.error(row.name ? row.name->loc : row.loc, "no variant name in this row",
                  "each row names its variant in the 'variant' column, such as 'north'; its PDFs are named after it");
      good = false;
    } else if (!is_variant_name(row.name->text)) {
      diags.error(row.name->loc, "expected a variant name of letters, digits, '_' or '-', got " + in_quotes(row.name->text),
                  "the name becomes part of file names: <leaflet>.<variant>.<lang>.<format>.pdf");
      good = false;
    } else if (!seen.insert(row.name->text).second) {
      diags.error(row.name->loc, "variant " + in_quotes(row.name->text) + " is named twice");
      good = false;
    } else {
      out.name = row.name->text;
      out.loc = row.name->loc;
    }
    for (const document::Variable& variable : variables) {
      const auto cell = std::find_if(row.values.begin(), row.values.end(),
                                     [&](const auto& value) { return value.first == variable.name; });
      const bool empty = cell == row.values.end() || cell->second.text.empty();
      if (!empty) {
        out.values[variable.name] = cell->second.text;
      } else if (variable.default_value) {
        out.values[variable.name] = *variable.default_value;
      } else {
        const std::string who = out.name.empty() ? "this row" : "variant " + in_quotes(out.name);
        diags.error(cell == row.values.end() ? row.loc : cell->second.loc,
                    "no value for " + in_quotes(variable.name) + " in " + who,
                    "give every variant a value, or give '" + variable.name + "' a default in leaflet.yaml's variables");
        good = false;
      }
    }
    if (good) rows.push_back(std::move(out));
  }
  return rows;
}

/// The rows of a CSV variants file: a header row naming the columns, then one row a variant.
std::optional<std::vector<RawRow>> csv_rows(const std::string& bytes, const std::string& file,
                                            const std::vector<document::Variable>& variables, core::Diagnostics& diags) {
  auto records = parse_csv(bytes, file, diags);
  if (!records) return std::nullopt;
  if (records->empty()) {
    diags.error({file, 1, 1}, "the variants file has no header row",
                "the first row names the columns: variant, then the variables such as hospital.phone");
    return std::nullopt;
  }
  const std::vector<CsvCell>& header = records->front();
  const auto known = names_of(variables);
  std::optional<std::size_t> name_column;
  std::set<std::string> named;
  bool good = true;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const CsvCell& cell = header[i];
    const core::SourceLoc loc{file, cell.line, cell.column};
    if (!named.insert(cell.text).second) {
      diags.error(loc, "column " + in_quotes(cell.text) + " is named twice");
      good = false;
    } else if (cell.text == kVariantColumn) {
      name_column = i;
    } else if (std::find(known.begin(), known.end(), cell.text) == known.end()) {
      diags.error(loc, "unknown variable " + in_quotes(cell.text) + " in the header row",
                  did_you_mean(cell.text, known, "leaflet.yaml's variables are: " + listed(known)));
      good = false;
    }
  }
  if (!name_column) {
    diags.error({file, header.front().line, header.front().column}, "no 'variant' column in the header row",
                "name the column of the variants' names 'variant'");
    good = false;
  }
  if (!good) return std::nullopt;
  std::vector<RawRow> rows;
  for (std::size_t r = 1; r < records->size(); ++r) {
    const std::vector<CsvCell>& record = (*records)[r];
    // A value the row lacks is missing where the row ends.
    RawRow row{{file, record.back().line, record.back().end_column}, std::nullopt, {}};
    if (record.size() > header.size()) {
      const CsvCell& extra = record[header.size()];
      diags.error({file, extra.line, extra.column},
                  "this row has " + std::to_string(record.size()) + " fields, the header row " +
                      std::to_string(header.size()),
                  "a ',' inside a value needs the value in double quotes");
      good = false;
      continue;
    }
    for (std::size_t i = 0; i < record.size(); ++i) {
      Cell cell{record[i].text, {file, record[i].line, record[i].column}};
      if (i == *name_column) {
        row.name = std::move(cell);
      } else {
        row.values.emplace_back(header[i].text, std::move(cell));
      }
    }
    rows.push_back(std::move(row));
  }
  if (!good) return std::nullopt;
  return rows;
}

/// Adds the scalars of `node` under `prefix` to `row`, nested maps joined by dots.
void flatten(const YamlNode& node, const std::string& prefix, SchemaReader& reader,
             const std::vector<std::string_view>& known, RawRow& row) {
  for (const auto& entry : node.entries()) {
    if (!entry.key.is_scalar()) {
      reader.error(entry.key, "expected a name as key, got " + describe(entry.key));
      continue;
    }
    const std::string name =
        prefix.empty() ? std::string(entry.key.scalar()) : prefix + "." + std::string(entry.key.scalar());
    const YamlNode& value = entry.value;
    if (name == kVariantColumn) {
      if (auto text = reader.string(value, "variant")) row.name = Cell{*text, reader.loc(value)};
      continue;
    }
    if (value.is_map()) {
      flatten(value, name, reader, known, row);
      continue;
    }
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      reader.error(entry.key, "unknown variable " + in_quotes(name) + " in the variants file",
                   did_you_mean(name, known, "leaflet.yaml's variables are: " + listed(known)));
      continue;
    }
    if (value.is_null()) {
      row.values.emplace_back(name, Cell{"", reader.loc(entry.key)});
    } else if (auto text = reader.string(value, name)) {
      row.values.emplace_back(name, Cell{*text, reader.loc(value)});
    }
  }
}

/// The rows of a YAML variants file: a list of maps, each with `variant` and the values.
std::optional<std::vector<RawRow>> yaml_rows(const YamlFile& file, const std::vector<document::Variable>& variables,
                                             core::Diagnostics& diags) {
  SchemaReader reader(file.name, diags);
  const std::size_t errors_before = diags.error_count();
  if (!file.root.is_sequence()) {
    reader.error(file.root, "expected a list of variants, each a map with 'variant' and the values, got " +
                                describe(file.root));
    return std::nullopt;
  }
  const auto known = names_of(variables);
  std::vector<RawRow> rows;
  for (const YamlNode& item : file.root.items()) {
    if (!reader.expect_map(item, "variant")) continue;
    RawRow row{reader.loc(item), std::nullopt, {}};
    flatten(item, "", reader, known, row);
    rows.push_back(std::move(row));
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return rows;
}

}  // namespace

bool is_variant_name(std::string_view text) {
  return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

std::vector<document::Variable> read_variables(const YamlNode& node, SchemaReader& reader) {
  std::vector<document::Variable> variables;
  if (!reader.expect_map(node, "variables")) return variables;
  std::set<std::string> seen;
  for (const auto& entry : node.entries()) {
    if (!entry.key.is_scalar()) {
      reader.error(entry.key, "expected a variable name as key in 'variables', got " + describe(entry.key));
      continue;
    }
    const std::string name(entry.key.scalar());
    if (!is_string_key(name)) {
      reader.error(entry.key, "expected a variable name such as 'hospital.phone', got " + in_quotes(name),
                   "names are letters, digits, '_' and '-', joined by dots");
      continue;
    }
    if (name == kVariantColumn) {
      reader.error(entry.key, "'variant' names the variants in the variants file; it cannot be a variable");
      continue;
    }
    if (!seen.insert(name).second) {
      reader.error(entry.key, "duplicate variable " + in_quotes(name));
      continue;
    }
    document::Variable variable{name, std::nullopt, reader.loc(entry.key)};
    if (!entry.value.is_null()) variable.default_value = reader.string(entry.value, name);
    variables.push_back(std::move(variable));
  }
  return variables;
}

std::vector<document::VariantRow> read_variants(const YamlNode& node, SchemaReader& reader, const fs::path& directory,
                                                const std::vector<document::Variable>& variables,
                                                const core::Limits& limits) {
  const auto name = reader.string(node, "variants");
  if (!name) return {};
  const fs::path relative(*name);
  const std::string extension = relative.extension().string();
  if (name->empty() || relative.is_absolute() || (extension != ".csv" && extension != ".yaml")) {
    reader.error(node, "expected a variants file such as 'hospitals.csv' or 'hospitals.yaml', got " + in_quotes(*name),
                 "the path is relative to the folder of leaflet.yaml");
    return {};
  }
  const fs::path path = directory / relative;
  const std::string display_name = (fs::path(reader.file()).parent_path() / relative).lexically_normal().string();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    reader.error(node, "no variants file " + in_quotes(display_name), "the path is relative to the folder of leaflet.yaml");
    return {};
  }
  if (!limits.allow_outside) {
    if (const auto target = core::outside_target(path, directory)) {
      reader.error(node, "variants file " + in_quotes(*name) + " leads outside the leaflet folder, to " +
                             in_quotes(target->string()),
                   "keep the variants file in the leaflet folder, or pass --allow-outside to read it there");
      return {};
    }
  }
  std::optional<std::vector<RawRow>> rows;
  if (extension == ".yaml") {
    if (auto file = parse_yaml_file(path, display_name, reader.diags(), limits)) rows = yaml_rows(*file, variables, reader.diags());
  } else {
    const auto bytes = core::try_read_file(path, limits.max_file_bytes);
    if (!bytes) {
      reader.error(node, "cannot read variants file " + in_quotes(display_name));
    } else if (bytes->size() > limits.max_file_bytes) {
      reader.diags().error({display_name, 0, 0}, "file larger than the limit of " + core::format_bytes(limits.max_file_bytes),
                           "raise the limit with --max-file-bytes if this one must be this big");
    } else if (const auto bad = core::find_invalid_utf8(*bytes)) {
      reader.diags().error({display_name, 0, 0}, "invalid UTF-8 byte sequence at byte " + std::to_string(*bad),
                           "save the file as UTF-8 (in a spreadsheet: CSV UTF-8)");
    } else if (bytes->find('\0') != std::string::npos) {
      reader.diags().error({display_name, 0, 0}, "NUL byte in a CSV file", "save the file as CSV UTF-8");
    } else {
      rows = csv_rows(*bytes, display_name, variables, reader.diags());
    }
  }
  if (!rows) return {};
  if (rows->empty()) {
    reader.error(node, "the variants file " + in_quotes(display_name) + " has no variants",
                 "add a row per variant, or remove 'variants' to build the leaflet once");
    return {};
  }
  return checked_rows(std::move(*rows), variables, reader.diags());
}

void check_placeholders(const document::Document& doc, bool variants_file, core::Diagnostics& diags) {
  if (doc.variables.empty()) return;
  const auto known = names_of(doc.variables);
  if (!variants_file) {
    for (const document::Variable& variable : doc.variables) {
      if (!variable.default_value) {
        diags.error(variable.loc, "variable " + in_quotes(variable.name) + " has no value",
                    "give it a default value here, or give every variant a value in a 'variants' file");
      }
    }
  }
  const auto source = doc.catalogs.find(doc.default_language);
  for (const auto& [language, catalog] : doc.catalogs) {
    for (const auto& [key, entry] : catalog.strings) {
      for (const document::Placeholder& placeholder : document::find_placeholders(entry.text)) {
        if (std::find(known.begin(), known.end(), placeholder.name) != known.end()) continue;
        diags.error(entry.loc, "unknown variable '{" + placeholder.name + "}' in string " + in_quotes(key),
                    did_you_mean(placeholder.name, known, "leaflet.yaml's variables are: " + listed(known)));
      }
      if (language == doc.default_language || source == doc.catalogs.end()) continue;
      const auto original = source->second.strings.find(key);
      if (original == source->second.strings.end()) continue;
      const auto wanted = document::placeholder_names(original->second.text);
      const auto found = document::placeholder_names(entry.text);
      if (wanted == found) continue;
      auto braces = [](const std::vector<std::string>& names) {
        std::string out;
        for (const auto& name : names) out += (out.empty() ? "{" : ", {") + name + "}";
        return out.empty() ? std::string("none") : out;
      };
      diags.error(entry.loc,
                  "the translation of " + in_quotes(key) + " has the placeholders " + braces(found) + " where the '" +
                      doc.default_language + "' text has " + braces(wanted),
                  "keep every {name} of the source as it is written; translate only the words around it");
    }
  }
}

}  // namespace leafpress::load
