#include "document/localized_document.hpp"

namespace leafpress::document {

std::string RichText::plain() const {
  std::string out;
  for (const Span& span : spans) out += span.text;
  return out;
}

std::string LocalizedDocument::number(std::size_t value) const {
  std::string decimal = std::to_string(value);
  if (digits.size() != 10) return decimal;
  std::string out;
  for (const char c : decimal) out += digits[static_cast<std::size_t>(c - '0')];
  return out;
}

}  // namespace leafpress::document
