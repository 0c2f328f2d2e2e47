#pragma once

#include <span>
#include <string_view>

namespace leafpress::core {

/// A kind of problem leafpress reports: its stable id (SARIF's ruleId, never reused), a
/// short name, what it means, and the message patterns that belong to it ('*' stands for
/// any text, such as a quoted value).
struct DiagnosticRule {
  std::string_view id;
  std::string_view name;
  std::string_view summary;
  std::span<const std::string_view> patterns;
};

/// Every rule, in id order; the table in leaflets/README.md ("Diagnostics") lists the same.
std::span<const DiagnosticRule> diagnostic_rules();

/// The rule a message belongs to: the first whose pattern matches the whole message, else
/// the catch-all rule LP0000 ("other").
const DiagnosticRule& rule_for(std::string_view message);

/// The rule with `id`, or nullptr.
const DiagnosticRule* find_rule(std::string_view id);

/// Whether `text` matches `pattern`, where '*' matches any run of characters.
bool matches_pattern(std::string_view pattern, std::string_view text);

}  // namespace leafpress::core
