#include "pdf/tag_checker.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <stdexcept>

#include "pdf/content_operations.hpp"
#include "support/process.hpp"

namespace leafpress::testing {
namespace {

using nlohmann::json;

std::string base64_decode(const std::string& text) {
  static const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const auto at = kAlphabet.find(c);
    if (at == std::string::npos) continue;  // padding and line breaks
    buffer = (buffer << 6) | static_cast<unsigned>(at);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

/// A content stream's marked content: which text and fill operators are tagged, which MCIDs.
struct ContentScan {
  std::vector<int> mcids;
  std::size_t artifacts = 0;
  std::size_t untagged = 0;
  double smallest_tagged_text = 1e9;
};

ContentScan scan_content(const std::string& content) {
  ContentScan scan;
  struct Marked {
    bool artifact = false;
    int mcid = -1;
  };
  std::vector<Marked> stack;
  double font_size = 0;
  auto in_content = [&] {
    for (const Marked& m : stack) {
      if (m.mcid >= 0) return true;
    }
    return false;
  };
  auto tagged = [&] {
    for (const Marked& m : stack) {
      if (m.artifact || m.mcid >= 0) return true;
    }
    return false;
  };
  for (const ContentOperation& operation : content_operations(content)) {
    const std::vector<std::string>& operands = operation.operands;
    const std::string& op = operation.op;
    if (op == "BDC" || op == "BMC") {
      Marked marked;
      const std::string tag = operands.empty() ? "" : operands.front();
      marked.artifact = tag == "/Artifact";
      if (op == "BDC" && operands.size() >= 2) {
        const auto at = operands[1].find("/MCID");
        if (at != std::string::npos) marked.mcid = std::stoi(operands[1].substr(at + 5));
      }
      if (marked.mcid >= 0) scan.mcids.push_back(marked.mcid);
      if (marked.artifact) ++scan.artifacts;
      stack.push_back(marked);
    } else if (op == "EMC") {
      if (!stack.empty()) stack.pop_back();
    } else if (op == "Tf" && operands.size() >= 2) {
      font_size = std::stod(operands[1]);
    } else if (op == "TJ" || op == "Tj" || op == "f" || op == "F" || op == "f*" || op == "S" || op == "B" ||
               op == "b" || op == "Do" || op == "sh") {
      if (!tagged()) ++scan.untagged;
      if ((op == "TJ" || op == "Tj") && in_content()) {
        scan.smallest_tagged_text = std::min(scan.smallest_tagged_text, font_size);
      }
    }
  }
  return scan;
}

/// The kids of a structure element as a list, whatever form /K takes.
std::vector<json> kids_of(const json& element) {
  if (!element.contains("/K")) return {};
  const json& k = element["/K"];
  if (k.is_array()) return k.get<std::vector<json>>();
  return {k};
}

/// PDF/UA-1 §7.3: a Figure says in words what it shows (/Alt). ISO 32000-1 §14.8.5.4.3: an
/// illustration on one page has a BBox. And it must hold what it stands for.
void check_figure(const std::string& reference, const json& element, const PdfObjects& objects, TagReport& report) {
  std::string alt;
  if (element.contains("/Alt") && element["/Alt"].is_string()) {
    alt = element["/Alt"].get<std::string>();
    if (alt.rfind("u:", 0) == 0) alt.erase(0, 2);  // qpdf's JSON: a text string, as UTF-8
  }
  if (alt.empty()) report.problems.push_back(reference + ": a Figure without /Alt");
  report.figure_alts.push_back(alt);
  const json attributes = element.contains("/A") ? objects.resolve(element["/A"]) : json();
  if (!attributes.is_object() || attributes.value("/O", "") != "/Layout" || !attributes.contains("/BBox") ||
      attributes["/BBox"].size() != 4) {
    report.problems.push_back(reference + ": a Figure without a Layout BBox");
  }
  bool content = false;
  for (const json& kid : kids_of(element)) {
    const json resolved = objects.resolve(kid);
    content = content || resolved.is_number_integer() || (resolved.is_object() && resolved.contains("/MCID"));
  }
  if (!content) report.problems.push_back(reference + ": a Figure with no content");
}

}  // namespace

PdfObjects::PdfObjects(const std::filesystem::path& pdf) {
  const auto result = run_process({"qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized",
                                   "--json-key=qpdf", pdf.string()});
  if (result.exit_code != 0) throw std::runtime_error("qpdf --json failed: " + result.err);
  const json document = json::parse(result.out);
  for (const auto& [key, value] : document["qpdf"][1].items()) {
    if (key == "trailer") {
      trailer_ = value["value"];
    } else if (key.rfind("obj:", 0) == 0) {
      objects_[key.substr(4)] = value;
    }
  }
}

json PdfObjects::resolve(const json& value) const {
  if (value.is_string() && is_reference(value.get<std::string>())) {
    const auto it = objects_.find(value.get<std::string>());
    if (it == objects_.end()) return json();
    return it->second.contains("value") ? it->second["value"] : it->second["stream"]["dict"];
  }
  return value;
}

std::string PdfObjects::stream_data(const std::string& reference) const {
  const auto it = objects_.find(reference);
  if (it == objects_.end() || !it->second.contains("stream")) return {};
  return base64_decode(it->second["stream"].value("data", ""));
}

bool PdfObjects::is_reference(const std::string& text) { return text.size() > 4 && text.substr(text.size() - 4) == " 0 R"; }

json PdfObjects::catalog() const { return resolve(trailer_.value("/Root", "")); }

std::vector<std::string> PdfObjects::pages() const {
  std::vector<std::string> pages;
  const json page_tree = resolve(catalog()["/Pages"]);
  for (const json& kid : page_tree["/Kids"]) pages.push_back(kid.get<std::string>());
  return pages;
}

std::string PdfObjects::page_content(const std::string& page_reference) const {
  const json page = resolve(page_reference);
  const json& contents = page["/Contents"];
  if (!contents.is_array()) return stream_data(contents.get<std::string>());
  std::string content;
  for (const json& part : contents) content += stream_data(part.get<std::string>());
  return content;
}

std::set<std::string> PdfObjects::dictionary_keys() const {
  std::set<std::string> keys;
  std::vector<json> pending;
  for (const auto& [reference, object] : objects_) {
    pending.push_back(object.contains("value") ? object["value"] : object["stream"]["dict"]);
  }
  pending.push_back(trailer_);
  while (!pending.empty()) {
    const json value = std::move(pending.back());
    pending.pop_back();
    if (value.is_object()) {
      for (const auto& [key, item] : value.items()) {
        keys.insert(key);
        pending.push_back(item);
      }
    } else if (value.is_array()) {
      for (const json& item : value) pending.push_back(item);
    }
  }
  return keys;
}

TagReport check_tagged_pdf(const std::filesystem::path& pdf) {
  TagReport report;
  const PdfObjects objects(pdf);
  auto problem = [&](std::string text) { report.problems.push_back(std::move(text)); };
  const json catalog = objects.catalog();
  if (!catalog.contains("/MarkInfo") || objects.resolve(catalog["/MarkInfo"]).value("/Marked", false) != true) {
    problem("catalog: no /MarkInfo <</Marked true>>");
  }
  if (!catalog.contains("/Lang")) problem("catalog: no /Lang");
  if (!catalog.contains("/ViewerPreferences") ||
      objects.resolve(catalog["/ViewerPreferences"]).value("/DisplayDocTitle", false) != true) {
    problem("catalog: the title is not shown in the window");
  }
  if (!catalog.contains("/StructTreeRoot")) {
    problem("catalog: no /StructTreeRoot");
    return report;
  }
  const json root = objects.resolve(catalog["/StructTreeRoot"]);

  // Every element reachable from the root, depth first in reading order.
  std::set<std::string> reachable;
  std::vector<std::string> pending;
  const auto kids = kids_of(root);
  for (auto kid = kids.rbegin(); kid != kids.rend(); ++kid) {
    if (kid->is_string()) pending.push_back(kid->get<std::string>());
  }
  while (!pending.empty()) {
    const std::string reference = pending.back();
    pending.pop_back();
    if (!reachable.insert(reference).second) continue;
    const json element = objects.resolve(reference);
    if (element.value("/S", "") == "/Figure") check_figure(reference, element, objects, report);
    std::vector<std::string> children;
    for (const json& kid : kids_of(element)) {
      if (kid.is_string() && PdfObjects::is_reference(kid.get<std::string>()) &&
          objects.resolve(kid).value("/Type", "") != "/OBJR") {
        const json resolved = objects.resolve(kid);
        if (resolved.contains("/S")) children.push_back(kid.get<std::string>());
      }
    }
    pending.insert(pending.end(), children.rbegin(), children.rend());
  }
  report.elements = reachable.size();

  // The ParentTree's number tree, flattened (leafpress writes one /Nums array).
  std::map<long, json> parent_tree;
  const json nums = objects.resolve(objects.resolve(root["/ParentTree"])["/Nums"]);
  for (std::size_t i = 0; i + 1 < nums.size(); i += 2) parent_tree[nums[i].get<long>()] = nums[i + 1];

  // Pages in order, their content and annotations.
  const std::vector<std::string> pages = objects.pages();
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const json page = objects.resolve(pages[p]);
    const std::string where = "page " + std::to_string(p + 1);
    const ContentScan scan = scan_content(objects.page_content(pages[p]));
    report.marked_contents += scan.mcids.size();
    report.artifacts += scan.artifacts;
    report.smallest_tagged_text = std::min(report.smallest_tagged_text, scan.smallest_tagged_text);
    if (scan.untagged > 0) problem(where + ": " + std::to_string(scan.untagged) + " operators outside tags and artifacts");
    if (!scan.mcids.empty()) {
      if (!page.contains("/StructParents")) {
        problem(where + ": marked content but no /StructParents");
        continue;
      }
      const json entries = objects.resolve(parent_tree[page["/StructParents"].get<long>()]);
      for (const int mcid : scan.mcids) {
        if (!entries.is_array() || static_cast<std::size_t>(mcid) >= entries.size()) {
          problem(where + ": MCID " + std::to_string(mcid) + " is not in the ParentTree");
          continue;
        }
        const std::string element_ref = entries[static_cast<std::size_t>(mcid)].get<std::string>();
        if (!reachable.count(element_ref)) problem(where + ": MCID " + std::to_string(mcid) + "'s element is unreachable");
        bool points_back = false;
        const json element = objects.resolve(element_ref);
        for (const json& kid : kids_of(element)) {
          const json mcr = objects.resolve(kid);
          if (mcr.is_object() && mcr.value("/MCID", -1) == mcid && mcr.value("/Pg", "") == pages[p]) points_back = true;
          // A bare number is an MCID on the element's own page (/Pg).
          if (mcr.is_number_integer() && mcr.get<int>() == mcid && element.value("/Pg", "") == pages[p]) points_back = true;
        }
        if (!points_back) problem(where + ": " + element_ref + " does not hold MCID " + std::to_string(mcid));
      }
    }
    if (!page.contains("/Annots")) continue;
    for (const json& annotation_ref : objects.resolve(page["/Annots"])) {
      const json annotation = objects.resolve(annotation_ref);
      if (annotation.value("/Subtype", "") != "/Link") continue;
      ++report.links;
      const std::string name = where + " link " + annotation_ref.get<std::string>();
      if (!annotation.contains("/Contents")) problem(name + ": no /Contents");
      if (!annotation.contains("/StructParent")) {
        problem(name + ": no /StructParent");
        continue;
      }
      const json element_ref = parent_tree[annotation["/StructParent"].get<long>()];
      const json element = objects.resolve(element_ref);
      if (element.value("/S", "") != "/Link") problem(name + ": its ParentTree entry is not a Link element");
      bool holds = false;
      for (const json& kid : kids_of(element)) {
        const json objr = objects.resolve(kid);
        if (objr.is_object() && objr.value("/Type", "") == "/OBJR" && objr.value("/Obj", "") == annotation_ref) holds = true;
      }
      if (!holds) problem(name + ": no OBJR in its Link element");
      if (element_ref.is_string() && !reachable.count(element_ref.get<std::string>())) {
        problem(name + ": its Link element is unreachable");
      }
    }
  }
  return report;
}

}  // namespace leafpress::testing
