#include "core/source_loc.hpp"

namespace leafpress::core {

std::string to_string(const SourceLoc& loc) {
  std::string out = loc.file;
  if (loc.line > 0) {
    out += ':' + std::to_string(loc.line);
    if (loc.column > 0) out += ':' + std::to_string(loc.column);
  }
  return out;
}

}  // namespace leafpress::core
