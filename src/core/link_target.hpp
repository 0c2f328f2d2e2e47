#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leafpress::core {

/// What a link target or QR code may be: schemes from an allow-list, and a length.
struct LinkPolicy {
  /// The schemes a leaflet may link to, lowercase (--link-schemes).
  std::vector<std::string> schemes = {"http", "https", "mailto", "tel"};
  /// Bytes of one target: more than any real address needs, well under PDF's string limit.
  std::size_t max_bytes = 2048;
};

/// A refused target: what is wrong ("link target 'x' ...") and what to do.
struct LinkProblem {
  std::string message;
  std::string hint;
};

/// nullopt when `target` is a link `policy` allows: an absolute URI (RFC 3986 §4.3) whose
/// scheme is allowed, of printable ASCII (PDF's /URI is 7-bit ASCII, ISO 32000-1 §12.6.4.7)
/// with no space, no control character and no backslash, at most `policy.max_bytes` long,
/// and for http and https with a host. Relative paths, UNC paths, file:, data: and
/// javascript: targets are refused unless their scheme is allowed.
std::optional<LinkProblem> link_problem(std::string_view target, const LinkPolicy& policy);

/// The policy's schemes as "http, https, mailto or tel".
std::string list_schemes(const LinkPolicy& policy);

/// The UTF-16 code units `utf8` takes as a PDF text string, its byte order mark included;
/// over kMaxPdfStringUnits libharu refuses it (HPDF_LIMIT_MAX_STRING_LEN, 65,535 bytes).
std::size_t pdf_string_units(std::string_view utf8);
inline constexpr std::size_t kMaxPdfStringUnits = 65535 / 2;

}  // namespace leafpress::core
