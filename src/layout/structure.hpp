#pragma once

#include <string>
#include <vector>

#include "layout/page.hpp"

namespace leafpress::layout {

/// Builds the structure tree while blocks are laid out, so its order is the reading order.
class Structure {
 public:
  Structure() { elements_.push_back({Role::document, -1, 0, {}, {}}); }
  /// Adds an element under `parent` (0: the document) and returns its index.
  int add(Role role, int parent = 0, int level = 0, std::string text = {}) {
    elements_.push_back({role, parent, level, std::move(text), {}});
    return static_cast<int>(elements_.size()) - 1;
  }
  /// Adds a Figure under `parent`, read aloud as `alt`.
  int add_figure(int parent, std::string alt) {
    elements_.push_back({Role::figure, parent, 0, {}, std::move(alt)});
    return static_cast<int>(elements_.size()) - 1;
  }
  /// Adds a TH under the row `parent`, heading the cells of `scope`.
  int add_header_cell(int parent, Scope scope) {
    elements_.push_back({Role::table_header, parent, 0, {}, {}, scope});
    return static_cast<int>(elements_.size()) - 1;
  }
  std::vector<StructureElement> take() { return std::move(elements_); }

 private:
  std::vector<StructureElement> elements_;
};

}  // namespace leafpress::layout
