#include "document/theme.hpp"

namespace leafpress::document {

std::string_view format_name(Format format) {
  switch (format) {
    case Format::brochure: return "brochure";
    case Format::trifold: return "trifold";
    case Format::booklet: return "booklet";
    case Format::poster: return "poster";
    case Format::flyer: return "flyer";
  }
  return "brochure";
}

std::optional<Format> format_named(std::string_view name) {
  for (const Format format : kFormats) {
    if (format_name(format) == name) return format;
  }
  return std::nullopt;
}

}  // namespace leafpress::document
