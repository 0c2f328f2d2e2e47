#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"

namespace leafpress::load {

/// One field of a CSV file, unquoted, with the 1-based place where it starts.
struct CsvCell {
  std::string text;
  int line = 0;
  int column = 0;
  int end_column = 0;  // just past the field, on the line where it ends
};

/// The records of a CSV file (RFC 4180: fields separated by commas, records by CRLF or LF,
/// fields in double quotes may hold commas, line breaks and "" for a quote). Blank lines are
/// skipped. Reports a quote left open or text after a closing quote at its place in
/// `file_name` and returns nullopt.
std::optional<std::vector<std::vector<CsvCell>>> parse_csv(std::string_view bytes, const std::string& file_name,
                                                           core::Diagnostics& diags);

}  // namespace leafpress::load
