#include "load/page_size.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/units.hpp"

namespace leafpress::load {
namespace {

/// Portrait width and height in millimetres of A<n> or B<n>: each size is the one before
/// cut in half across its long side, rounded down to the millimetre (ISO 216 §4).
std::pair<double, double> iso_216(double width0, double height0, int n) {
  double width = width0;
  double height = height0;
  for (int i = 0; i < n; ++i) {
    const double half = std::floor(height / 2);
    height = width;
    width = half;
  }
  return {width, height};
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

/// A named size in millimetres, portrait.
std::optional<std::pair<double, double>> named_size(const std::string& name) {
  if (name.size() >= 2 && (name[0] == 'a' || name[0] == 'b')) {
    int n = -1;
    const auto [end, ec] = std::from_chars(name.data() + 1, name.data() + name.size(), n);
    if (ec != std::errc{} || end != name.data() + name.size() || n < 0 || n > 10) return std::nullopt;
    return name[0] == 'a' ? iso_216(841, 1189, n) : iso_216(1000, 1414, n);
  }
  if (name == "letter") return std::pair{215.9, 279.4};
  if (name == "legal") return std::pair{215.9, 355.6};
  if (name == "tabloid") return std::pair{279.4, 431.8};
  if (name == "dl") return std::pair{99.0, 210.0};
  return std::nullopt;
}

/// "100", "100mm", "4in", "300pt" as millimetres; `unit` is the unit of a bare number.
std::optional<double> length_mm(std::string_view text, std::string_view unit) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || !(value > 0)) return std::nullopt;
  std::string_view rest(end, static_cast<std::size_t>(text.data() + text.size() - end));
  if (rest.empty()) rest = unit;
  if (rest == "mm") return value;
  if (rest == "cm") return value * 10;
  if (rest == "in") return value * 25.4;
  if (rest == "pt") return value / core::kPointsPerMm;
  return std::nullopt;
}

/// "100 x 210 mm", "100x210mm", "100mm x 210mm", "8.5 x 11 in".
std::optional<std::pair<double, double>> custom_size(const std::string& text) {
  const std::size_t x = text.find('x');
  if (x == std::string::npos) return std::nullopt;
  std::string first;
  std::string second;
  for (const char c : text.substr(0, x)) {
    if (c != ' ') first += c;
  }
  for (const char c : text.substr(x + 1)) {
    if (c != ' ') second += c;
  }
  // The unit written once, after the height, is the width's too.
  std::string unit = "mm";
  for (const char* u : {"mm", "cm", "in", "pt"}) {
    if (second.ends_with(u)) unit = u;
  }
  const auto width = length_mm(first, unit);
  const auto height = length_mm(second, unit);
  if (!width || !height) return std::nullopt;
  return std::pair{*width, *height};
}

std::string millimetres(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", std::round(value * 10) / 10);
  return text;
}

}  // namespace

std::optional<document::PageSize> try_parse_page_size(std::string_view text) {
  std::vector<std::string> words = words_of(lower(text));
  if (words.empty()) return std::nullopt;
  std::optional<bool> landscape;
  if (words.back() == "landscape" || words.back() == "portrait") {
    landscape = words.back() == "landscape";
    words.pop_back();
  }
  // "US Letter" is Letter.
  if (words.size() == 2 && words[0] == "us") words.erase(words.begin());
  if (words.empty()) return std::nullopt;
  std::string joined;
  for (const auto& word : words) joined += (joined.empty() ? "" : " ") + word;
  std::optional<std::pair<double, double>> size;
  bool custom = false;
  if (words.size() == 1) size = named_size(words[0]);
  if (!size) {
    size = custom_size(joined);
    custom = true;
  }
  if (!size) return std::nullopt;
  auto [width, height] = *size;
  if (std::min(width, height) < kSmallestSideMm - 1e-9 || std::max(width, height) > kLargestSideMm + 1e-9) {
    return std::nullopt;
  }
  if (landscape) {
    // Landscape puts the long side across; portrait the short one, whatever was written.
    if ((*landscape && width < height) || (!*landscape && width > height)) std::swap(width, height);
  }
  std::string name = custom ? millimetres(width) + " x " + millimetres(height) + " mm" : words[0];
  if (!custom) {
    // "A3", "B10", "DL"; "Letter".
    std::transform(name.begin(), name.end(), name.begin(),
                   [&](unsigned char c) { return static_cast<char>(name.size() <= 3 ? std::toupper(c) : c); });
    if (name.size() > 3) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    if (width > height) name += " landscape";
  }
  return document::PageSize{name, core::mm(width), core::mm(height)};
}

std::string page_size_names() {
  return "A0 to A10, B0 to B10, Letter, Legal, Tabloid, DL, or a size such as '100 x 210 mm', each optionally "
         "followed by 'landscape'";
}

}  // namespace leafpress::load
