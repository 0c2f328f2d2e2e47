#pragma once

#include <string>
#include <vector>

namespace leafpress::testing {

/// One operator of a content stream with its operands as written: `(…)` and `<…>` strings,
/// `<<…>>` dictionaries whole, `[` and `]` as operands of their own, names with their slash.
struct ContentOperation {
  std::vector<std::string> operands;
  std::string op;
};

/// The operations of a decoded content stream (ISO 32000-1 §7.8.2), comments skipped; any
/// alphabetic token (and `'`, `"`) is an operator.
std::vector<ContentOperation> content_operations(const std::string& content);

}  // namespace leafpress::testing
