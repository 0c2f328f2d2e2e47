#include "load/csv_rows.hpp"

namespace leafpress::load {

std::optional<std::vector<std::vector<CsvCell>>> parse_csv(std::string_view bytes, const std::string& file_name,
                                                           core::Diagnostics& diags) {
  std::vector<std::vector<CsvCell>> rows;
  std::vector<CsvCell> row;
  int line = 1;
  std::size_t line_start = 0;
  std::size_t at = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") at = line_start = 3;  // a spreadsheet's byte order mark
  auto column = [&](std::size_t offset) { return static_cast<int>(offset - line_start + 1); };
  auto end_row = [&] {
    const bool blank = row.size() == 1 && row.front().text.empty();
    if (!blank) rows.push_back(std::move(row));
    row.clear();
  };
  while (at <= bytes.size()) {
    CsvCell cell{{}, line, column(at)};
    if (at < bytes.size() && bytes[at] == '"') {
      const std::size_t open = at++;
      const int open_line = line;
      const int open_column = column(open);
      bool closed = false;
      while (at < bytes.size()) {
        const char c = bytes[at];
        if (c == '"' && at + 1 < bytes.size() && bytes[at + 1] == '"') {
          cell.text += '"';
          at += 2;
        } else if (c == '"') {
          ++at;
          closed = true;
          break;
        } else {
          if (c == '\n') {
            ++line;
            line_start = at + 1;
          }
          cell.text += c;
          ++at;
        }
      }
      if (!closed) {
        diags.error({file_name, open_line, open_column}, "the '\"' of this field is never closed",
                    "end the field with '\"'; a '\"' inside a quoted field is written twice (\"\")");
        return std::nullopt;
      }
      if (at < bytes.size() && bytes[at] != ',' && bytes[at] != '\n' && bytes[at] != '\r') {
        diags.error({file_name, line, column(at)}, "text after the closing '\"' of a field",
                    "a '\"' inside a quoted field is written twice (\"\"); quote the whole field");
        return std::nullopt;
      }
    } else {
      while (at < bytes.size() && bytes[at] != ',' && bytes[at] != '\n' && bytes[at] != '\r') cell.text += bytes[at++];
    }
    cell.end_column = column(at);
    row.push_back(std::move(cell));
    if (at < bytes.size() && bytes[at] == ',') {
      ++at;
      continue;
    }
    if (at < bytes.size() && bytes[at] == '\r') ++at;
    if (at < bytes.size() && bytes[at] == '\n') ++at;
    ++line;
    line_start = at;
    end_row();
    if (at >= bytes.size()) break;
  }
  return rows;
}

}  // namespace leafpress::load
