#include "core/link_target.hpp"

#include <algorithm>

#include "core/printable.hpp"

namespace leafpress::core {
namespace {

/// The target as a message quotes it: printable, and cut after 80 bytes.
std::string quoted(std::string_view target) {
  constexpr std::size_t kShown = 80;
  std::string shown = printable(target.substr(0, kShown));
  if (target.size() > kShown) shown += "...";
  return "'" + shown + "'";
}

LinkProblem problem(std::string_view target, const std::string& what, std::string hint) {
  return {"link target " + quoted(target) + " " + what, std::move(hint)};
}

/// RFC 3986 §3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), lowercased; empty when none.
std::string scheme_of(std::string_view target) {
  const auto colon = target.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  std::string scheme;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = target[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!letter && (i == 0 || !other)) return {};
    scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return scheme;
}

}  // namespace

std::string list_schemes(const LinkPolicy& policy) {
  std::string out;
  for (std::size_t i = 0; i < policy.schemes.size(); ++i) {
    if (i > 0) out += i + 1 == policy.schemes.size() ? " or " : ", ";
    out += policy.schemes[i];
  }
  return out;
}

std::optional<LinkProblem> link_problem(std::string_view target, const LinkPolicy& policy) {
  const std::string allowed = "links may use " + list_schemes(policy) + " (--link-schemes sets the list)";
  if (target.size() > policy.max_bytes) {
    return problem(target, "is " + std::to_string(target.size()) + " bytes, over the limit of " +
                               std::to_string(policy.max_bytes),
                   "use a shorter address, such as the page's short link");
  }
  for (const char c : target) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      return problem(target, "holds a control character", "remove it; a link is one line of printable text");
    }
  }
  if (std::any_of(target.begin(), target.end(), [](char c) { return c == ' ' || c == '\\'; }) ||
      std::any_of(target.begin(), target.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    return problem(target, "holds a space, a backslash or a character outside ASCII",
                   "percent-encode it as browsers do (a space is %20, 'é' is %C3%A9)");
  }
  const std::string scheme = scheme_of(target);
  if (scheme.empty()) {
    return problem(target, "is not a full address with a scheme such as 'https:'",
                   "write the whole address, such as https://example.org/page; " + allowed);
  }
  if (std::find(policy.schemes.begin(), policy.schemes.end(), scheme) == policy.schemes.end()) {
    return problem(target, "uses the scheme '" + scheme + "', which is not allowed", allowed);
  }
  const std::string_view rest = target.substr(scheme.size() + 1);
  if (scheme == "http" || scheme == "https") {
    const bool has_host = rest.starts_with("//") && rest.size() > 2 && rest[2] != '/' && rest[2] != '?' &&
                          rest[2] != '#';
    if (!has_host) return problem(target, "has no host", "write it as " + scheme + "://example.org/page");
  } else if (rest.empty()) {
    return problem(target, "is empty after '" + scheme + ":'", "write the address after the scheme");
  }
  return std::nullopt;
}

std::size_t pdf_string_units(std::string_view utf8) {
  std::size_t units = 1;  // the byte order mark
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte
    units += byte >= 0xF0 ? 2 : 1;        // beyond the BMP: a surrogate pair
  }
  return units;
}

}  // namespace leafpress::core
