#include "document/localized_document.hpp"

namespace leafpress::document {

std::string RichText::plain() const {
  std::string out;
  for (const Span& span : spans) out += span.text;
  return out;
}

}  // namespace leafpress::document
