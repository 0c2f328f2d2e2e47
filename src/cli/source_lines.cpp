#include "cli/source_lines.hpp"

#include "core/read_file.hpp"
#include "core/source_span.hpp"

namespace leafpress::cli {

std::optional<std::string_view> SourceLines::line(const std::string& file, int number) {
  auto it = files_.find(file);
  if (it == files_.end()) {
    std::vector<std::string> lines;
    if (const auto bytes = core::try_read_file(file, max_bytes_)) {
      std::size_t start = 0;
      while (start <= bytes->size()) {
        const std::size_t end = std::min(bytes->find('\n', start), bytes->size());
        std::string text = bytes->substr(start, end - start);
        if (!text.empty() && text.back() == '\r') text.pop_back();
        lines.push_back(std::move(text));
        start = end + 1;
      }
    }
    it = files_.emplace(file, std::move(lines)).first;
  }
  if (number < 1 || static_cast<std::size_t>(number) > it->second.size()) return std::nullopt;
  return it->second[static_cast<std::size_t>(number - 1)];
}

void fill_end_positions(std::vector<core::Diagnostic>& diagnostics, SourceLines& lines) {
  for (core::Diagnostic& d : diagnostics) {
    core::SourceLoc& loc = d.loc;
    if (loc.line < 1 || loc.end_line > 0) continue;
    loc.end_line = loc.line;
    if (loc.column < 1) continue;
    const auto text = lines.line(loc.file, loc.line);
    loc.end_column = text ? core::value_end_column(*text, loc.column) : loc.column + 1;
  }
}

}  // namespace leafpress::cli
