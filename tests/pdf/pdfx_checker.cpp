#include "pdf/pdfx_checker.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <sstream>

#include "pdf/content_operations.hpp"
#include "pdf/pdf_probe.hpp"
#include "pdf/tag_checker.hpp"

namespace leafpress::testing {
namespace {

using nlohmann::json;

std::string text_of(const json& value) {
  if (!value.is_string()) return {};
  std::string text = value.get<std::string>();
  if (text.rfind("u:", 0) == 0 || text.rfind("b:", 0) == 0) text = text.substr(2);
  return text;
}

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// "D:20231114221320Z" → "2023-11-14T22:13:20"; empty when it is not such a date.
std::string iso_of_pdf_date(const std::string& date) {
  if (date.size() < 16 || date.rfind("D:", 0) != 0 || !all_digits(date.substr(2, 14))) return {};
  return date.substr(2, 4) + "-" + date.substr(6, 2) + "-" + date.substr(8, 2) + "T" + date.substr(10, 2) + ":" +
         date.substr(12, 2) + ":" + date.substr(14, 2);
}

std::string xmp_value(const std::string& xmp, const std::string& element) {
  const std::string open = "<" + element + ">";
  const auto at = xmp.find(open);
  if (at == std::string::npos) return {};
  const auto end = xmp.find("</" + element + ">", at);
  return end == std::string::npos ? std::string() : xmp.substr(at + open.size(), end - at - open.size());
}

std::vector<double> numbers(const json& array) {
  std::vector<double> out;
  if (array.is_array()) {
    for (const json& n : array) out.push_back(n.is_number() ? n.get<double>() : 0);
  }
  return out;
}

bool inside(const std::vector<double>& inner, const std::vector<double>& outer) {
  constexpr double kSlack = 1e-4;
  return inner.size() == 4 && outer.size() == 4 && inner[0] >= outer[0] - kSlack && inner[1] >= outer[1] - kSlack &&
         inner[2] <= outer[2] + kSlack && inner[3] <= outer[3] + kSlack;
}

/// Printing conditions of the ICC's registry that press files name (FOGRA…, CGATS…).
bool is_registered_name(const std::string& name) {
  for (const std::string prefix : {"FOGRA", "IFRA", "JCN", "JC"}) {
    if (name.rfind(prefix, 0) == 0 && all_digits(name.substr(prefix.size()))) return true;
  }
  return name.rfind("CGATS", 0) == 0;
}

class Checker {
 public:
  Checker(const std::filesystem::path& pdf, bool expect) : objects_(pdf), expect_(expect) {
    const std::string bytes = file_bytes(pdf);
    if (bytes.rfind("%PDF-", 0) == 0) report_.header_version = bytes.substr(5, 3);
  }

  PdfxReport run() {
    check_identification();
    check_pages();
    check_whole_file();
    return report_;
  }

 private:
  void problem(const std::string& text) { report_.problems.push_back(text); }

  void check_identification() {
    const json info = objects_.resolve(objects_.trailer().value("/Info", json()));
    const json catalog = objects_.catalog();
    const std::string xmp = catalog.contains("/Metadata") ? objects_.stream_data(catalog["/Metadata"].get<std::string>()) : "";
    const std::string info_version = text_of(info.value("/GTS_PDFXVersion", json()));
    const std::string xmp_version = xmp_value(xmp, "pdfxid:GTS_PDFXVersion");
    report_.claims_pdfx4 = !info_version.empty() || !xmp_version.empty();
    report_.creation_date = text_of(info.value("/CreationDate", json()));
    report_.trapped = info.contains("/Trapped") ? info["/Trapped"].get<std::string>() : "";
    if (!expect_) {
      if (report_.claims_pdfx4) problem("identification: a press file without a profile claims PDF/X");
      if (catalog.contains("/OutputIntents")) problem("output intent: a press file without a profile has one");
      return;
    }
    // PDF/X-4 identification: Info and XMP both say PDF/X-4.
    if (info_version != "PDF/X-4") problem("identification: Info /GTS_PDFXVersion is '" + info_version + "'");
    if (xmp_version != "PDF/X-4") problem("identification: XMP pdfxid:GTS_PDFXVersion is '" + xmp_version + "'");
    // PDF/X-4 is PDF 1.6 at most.
    if (report_.header_version.empty() || report_.header_version > "1.6") {
      problem("version: the header says PDF " + report_.header_version + "; PDF/X-4 allows 1.6 at most");
    }
    if (!objects_.trailer().contains("/ID")) problem("file identifier: the trailer has no /ID");
    // Dates: CreationDate and ModDate in Info, xmp:CreateDate and xmp:ModifyDate alike.
    const std::string mod_date = text_of(info.value("/ModDate", json()));
    if (report_.creation_date.empty()) problem("dates: Info has no /CreationDate");
    if (mod_date.empty()) problem("dates: Info has no /ModDate");
    const std::string create = xmp_value(xmp, "xmp:CreateDate");
    const std::string modify = xmp_value(xmp, "xmp:ModifyDate");
    report_.xmp_dates = !create.empty() && !modify.empty() &&
                        create.rfind(iso_of_pdf_date(report_.creation_date), 0) == 0 &&
                        modify.rfind(iso_of_pdf_date(mod_date), 0) == 0 && !iso_of_pdf_date(mod_date).empty();
    if (!report_.xmp_dates) problem("dates: XMP CreateDate/ModifyDate missing or unlike Info's");
    // Trapping state known: /True or /False, the same in the XMP.
    if (report_.trapped != "/True" && report_.trapped != "/False") problem("trapping: Info /Trapped is '" + report_.trapped + "'");
    if (xmp_value(xmp, "pdf:Trapped") != report_.trapped.substr(report_.trapped.empty() ? 0 : 1)) {
      problem("trapping: XMP pdf:Trapped differs from Info");
    }
    if (text_of(info.value("/Title", json())).empty() && xmp.find("<dc:title>") == std::string::npos) {
      problem("metadata: no title");
    }
    for (const std::string element : {"xmpMM:DocumentID", "xmpMM:VersionID", "xmpMM:RenditionClass"}) {
      if (xmp_value(xmp, element).empty()) problem("metadata: no " + element + " in the XMP");
    }
    check_output_intent(catalog);
  }

  void check_output_intent(const json& catalog) {
    const json intents = objects_.resolve(catalog.value("/OutputIntents", json()));
    std::size_t pdfx = 0;
    for (const json& reference : intents) {
      const json intent = objects_.resolve(reference);
      if (intent.value("/S", "") != "/GTS_PDFX") continue;
      ++pdfx;
      report_.output_condition = text_of(intent.value("/OutputConditionIdentifier", json()));
      report_.registry = text_of(intent.value("/RegistryName", json()));
      if (report_.output_condition.empty()) problem("output intent: no /OutputConditionIdentifier");
      if (is_registered_name(report_.output_condition) && report_.registry.empty()) {
        problem("output intent: '" + report_.output_condition + "' is a registered condition but has no /RegistryName");
      }
      if (!is_registered_name(report_.output_condition) && text_of(intent.value("/Info", json())).empty()) {
        problem("output intent: an unregistered condition without /Info");
      }
      const std::string profile_ref = intent.value("/DestOutputProfile", "");
      const std::string profile = objects_.stream_data(profile_ref);
      if (profile.size() < 128 || profile.substr(36, 4) != "acsp") {
        problem("output intent: /DestOutputProfile is not an ICC profile");
        continue;
      }
      if (profile.substr(12, 4) != "prtr" || profile.substr(16, 4) != "CMYK") {
        problem("output intent: the profile is '" + profile.substr(12, 4) + "' for '" + profile.substr(16, 4) +
                "', not an output profile for CMYK");
      }
      if (objects_.resolve(profile_ref).value("/N", 0) != 4) problem("output intent: the profile's /N is not 4");
      const int major = static_cast<unsigned char>(profile[8]);
      const int minor = static_cast<unsigned char>(profile[9]) >> 4;
      report_.profile_version = std::to_string(major) + "." + std::to_string(minor);
      // ISO 32000-1 Table 67: PDF 1.6 embeds ICC profiles up to 4.1.
      if (report_.header_version <= "1.6" && (major > 4 || (major == 4 && minor > 1))) {
        problem("output intent: an ICC " + report_.profile_version + " profile in a PDF " + report_.header_version + " file");
      }
    }
    if (pdfx != 1) problem("output intent: " + std::to_string(pdfx) + " GTS_PDFX output intents, PDF/X-4 needs one");
  }

  void check_pages() {
    const auto pages = objects_.pages();
    report_.pages = pages.size();
    for (std::size_t i = 0; i < pages.size(); ++i) {
      const std::string where = "page " + std::to_string(i + 1);
      const json page = objects_.resolve(pages[i]);
      // Page boxes: a TrimBox, inside the BleedBox, inside the MediaBox.
      const auto media = numbers(page.value("/MediaBox", json()));
      const auto bleed = numbers(page.value("/BleedBox", json()));
      const auto trim = numbers(page.value("/TrimBox", json()));
      if (trim.size() != 4) problem("boxes: " + where + " has no TrimBox");
      if (!inside(trim, bleed.empty() ? media : bleed)) problem("boxes: " + where + ": the TrimBox is not inside the BleedBox");
      if (!bleed.empty() && !inside(bleed, media)) problem("boxes: " + where + ": the BleedBox is not inside the MediaBox");
      if (page.contains("/Annots")) {
        report_.annotations += objects_.resolve(page["/Annots"]).size();
        problem("annotations: " + where + " has /Annots");
      }
      if (page.contains("/Group")) check_group(objects_.resolve(page["/Group"]), where);
      check_content(objects_.page_content(pages[i]), objects_.resolve(page.value("/Resources", json())), where, 0);
    }
  }

  void check_group(const json& group, const std::string& where) {
    if (group.value("/S", "") == "/Transparency") problem("transparency: " + where + " has a transparency group");
  }

  /// A colour space as written in a resource or an image: its family, and for DeviceRGB a problem.
  std::string color_space(const json& value, const std::string& where) {
    const json space = objects_.resolve(value);
    if (space.is_string()) {
      const std::string name = space.get<std::string>();
      if (name == "/DeviceRGB" || name == "/CalRGB") problem("colour: " + where + " uses " + name);
      return name;
    }
    if (space.is_array() && !space.empty()) {
      const std::string family = space[0].get<std::string>();
      if (family == "/ICCBased") {
        const json stream = objects_.resolve(space[1]);
        return "ICCBased(N=" + std::to_string(stream.value("/N", 0)) + ")";
      }
      if (family == "/Indexed" || family == "/Separation" || family == "/DeviceN") {
        color_space(space[family == "/Indexed" ? 1 : 2], where);
        return family;
      }
      if (family == "/CalRGB") problem("colour: " + where + " uses /CalRGB");
      return family;
    }
    problem("colour: " + where + " has an unreadable colour space");
    return "?";
  }

  void check_content(const std::string& content, const json& resources, const std::string& where, int depth) {
    if (depth > 8) return;
    const json spaces = objects_.resolve(resources.value("/ColorSpace", json::object()));
    const json states = objects_.resolve(resources.value("/ExtGState", json::object()));
    const json xobjects = objects_.resolve(resources.value("/XObject", json::object()));
    const json fonts = objects_.resolve(resources.value("/Font", json::object()));
    const json shadings = objects_.resolve(resources.value("/Shading", json::object()));
    for (const auto& [name, font] : fonts.items()) check_font(objects_.resolve(font), where + " font " + name);
    for (const auto& [name, shading] : shadings.items()) {
      color_space(objects_.resolve(shading).value("/ColorSpace", json()), where + " shading " + name);
    }
    for (const ContentOperation& operation : content_operations(content)) {
      const std::string& op = operation.op;
      if (op == "rg" || op == "RG") problem("colour: " + where + " sets DeviceRGB with '" + op + "'");
      if (op == "k" || op == "K" || op == "g" || op == "G" || op == "rg" || op == "RG") {
        report_.content_colors.insert(op);
      } else if ((op == "cs" || op == "CS") && !operation.operands.empty()) {
        const std::string name = operation.operands.back();
        const bool device = name == "/DeviceCMYK" || name == "/DeviceGray" || name == "/DeviceRGB" || name == "/Pattern";
        const json space = device ? json(name) : spaces.value(name, json());
        report_.content_colors.insert(op + ":" + color_space(space, where + " " + op + " " + name));
      } else if (op == "gs" && !operation.operands.empty()) {
        check_state(objects_.resolve(states.value(operation.operands.back(), json())), where + " " + operation.operands.back());
      } else if (op == "BI" || op == "ID") {
        for (const std::string& operand : operation.operands) {
          if (operand == "/RGB" || operand == "/DeviceRGB") problem("colour: " + where + " has an RGB inline image");
        }
      } else if (op == "Do" && !operation.operands.empty()) {
        const std::string name = operation.operands.back();
        const json reference = xobjects.value(name, json());
        check_xobject(reference, where + " XObject " + name, depth);
      }
    }
  }

  void check_state(const json& state, const std::string& where) {
    if (!state.is_object()) {
      problem("graphics state: " + where + " is not in the page's resources");
      return;
    }
    if (state.contains("/SMask") && state["/SMask"] != "/None") problem("transparency: " + where + " has a soft mask");
    for (const std::string alpha : {"/CA", "/ca"}) {
      if (state.contains(alpha) && state[alpha].get<double>() != 1.0) problem("transparency: " + where + " sets " + alpha);
    }
    if (state.contains("/BM") && state["/BM"] != "/Normal" && state["/BM"] != "/Compatible") {
      problem("transparency: " + where + " sets a blend mode");
    }
    // PDF/X forbids transfer functions and halftones in the file: the RIP sets them.
    for (const std::string key : {"/TR", "/TR2", "/HT"}) {
      if (state.contains(key) && state[key] != "/Default") problem("graphics state: " + where + " sets " + key);
    }
    if (state.value("/OP", false) || state.value("/op", false)) ++report_.overprint_uses;
  }

  void check_xobject(const json& reference, const std::string& where, int depth) {
    const json xobject = objects_.resolve(reference);
    const std::string subtype = xobject.value("/Subtype", "");
    if (subtype == "/PS") problem("content: " + where + " is a PostScript XObject");
    if (xobject.contains("/OPI")) problem("content: " + where + " has OPI comments");
    if (subtype == "/Image") {
      ++report_.images;
      report_.image_spaces.insert(color_space(xobject.value("/ColorSpace", json("/DeviceGray")), where));
      if (xobject.contains("/SMask")) problem("transparency: " + where + " has a soft mask");
      if (xobject.contains("/Alternates")) problem("content: " + where + " has alternate images");
    } else if (subtype == "/Form") {
      if (xobject.contains("/Group")) check_group(objects_.resolve(xobject["/Group"]), where);
      check_content(objects_.stream_data(reference.get<std::string>()),
                    objects_.resolve(xobject.value("/Resources", json::object())), where, depth + 1);
    }
  }

  void check_font(const json& font, const std::string& where) {
    ++report_.fonts;
    if (font.value("/Subtype", "") == "/Type3") {
      ++report_.fonts_embedded;
      return;
    }
    json described = font;
    if (font.value("/Subtype", "") == "/Type0") {
      const json descendants = objects_.resolve(font.value("/DescendantFonts", json::array()));
      described = descendants.empty() ? json() : objects_.resolve(descendants[0]);
    }
    const json descriptor = objects_.resolve(described.value("/FontDescriptor", json()));
    const bool embedded = descriptor.is_object() &&
                          (descriptor.contains("/FontFile") || descriptor.contains("/FontFile2") ||
                           descriptor.contains("/FontFile3"));
    if (embedded) {
      ++report_.fonts_embedded;
    } else {
      problem("fonts: " + where + " is not embedded");
    }
  }

  void check_whole_file() {
    if (objects_.trailer().contains("/Encrypt")) problem("security: the file is encrypted");
    // The shop's rule, stricter than PDF/X-4's: no annotations or actions at all.
    const auto keys = objects_.dictionary_keys();
    for (const std::string key : {"/Annots", "/URI", "/JS", "/AA", "/OpenAction", "/JavaScript"}) {
      if (keys.count(key)) problem("annotations and actions: the file has " + key);
    }
  }

  PdfObjects objects_;
  bool expect_;
  PdfxReport report_;
};

std::string joined(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : " ") + item;
  return out.empty() ? "-" : out;
}

}  // namespace

PdfxReport check_press_file(const std::filesystem::path& pdf, bool expect_pdfx4) {
  return Checker(pdf, expect_pdfx4).run();
}

std::string PdfxReport::table_header() {
  return "file | PDF | claim | pages | annots | content colours | images | fonts emb. | OP uses | condition "
         "(registry) | ICC | dates | trapped | result";
}

std::string PdfxReport::table_row(const std::string& name) const {
  std::ostringstream row;
  row << name << " | " << header_version << " | " << (claims_pdfx4 ? "PDF/X-4" : "none") << " | " << pages << " | "
      << annotations << " | " << joined(content_colors) << " | " << images << " " << joined(image_spaces) << " | "
      << fonts_embedded << "/" << fonts << " | " << overprint_uses << " | "
      << (output_condition.empty() ? "-" : output_condition + (registry.empty() ? "" : " (" + registry + ")")) << " | "
      << (profile_version.empty() ? "-" : profile_version) << " | "
      << (creation_date.empty() ? "-" : creation_date + (xmp_dates ? " =XMP" : "")) << " | "
      << (trapped.empty() ? "-" : trapped) << " | "
      << (problems.empty() ? "ok" : std::to_string(problems.size()) + " problems");
  return row.str();
}

}  // namespace leafpress::testing
