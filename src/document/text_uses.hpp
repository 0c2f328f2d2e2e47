#pragma once

#include <string>
#include <vector>

#include "document/document.hpp"

namespace leafpress::document {

/// One place the leaflet uses a string: the reference, and the part it plays there
/// ("heading, level 2", "list item", "key figure"), which translators need as context.
struct TextUse {
  const TextRef* ref = nullptr;
  std::string role;
};

/// Every string reference of the leaflet in reading order: title, running header and
/// footer, then the blocks.
std::vector<TextUse> text_uses(const Document& doc);

}  // namespace leafpress::document
