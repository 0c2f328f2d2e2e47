#include "core/read_file.hpp"

#include <algorithm>
#include <fstream>

namespace leafpress::core {

std::optional<std::string> try_read_file(const std::filesystem::path& path, std::size_t max_bytes) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes;
  char buffer[65536];
  const std::size_t wanted = max_bytes + 1;
  while (bytes.size() < wanted && in) {
    const std::size_t chunk = std::min(sizeof buffer, wanted - bytes.size());
    in.read(buffer, static_cast<std::streamsize>(chunk));
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return std::nullopt;
  return bytes;
}

}  // namespace leafpress::core
