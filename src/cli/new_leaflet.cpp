#include "cli/new_leaflet.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "cli/run.hpp"
#include "core/atomic_file.hpp"
#include "core/printable.hpp"
#include "load/load_leaflet.hpp"

namespace leafpress::cli {
namespace fs = std::filesystem;
namespace {

/// The starter text in one language: the same keys in every language.
struct StarterText {
  std::string_view kicker, title, subtitle, heading, paragraph, item1, item2, contact_title, contact_line, footer;
};

// Written for this tool; a language without its own gets the English text to translate.
const std::map<std::string_view, StarterText> kStarters = {
    {"en", {"A guide for patients and their families", "Title of the leaflet", "What the leaflet is about, in a line",
            "A first heading", "A first paragraph. Write **strong** words, *emphasis* and [links](https://example.org).",
            "A first point", "A second point", "Contact", "Your care team: the number is on your appointment letter",
            "This leaflet does not replace your care team's advice."}},
    {"fr", {"Guide pour les patients et leurs proches", "Titre du dépliant", "Le sujet du dépliant, en une ligne",
            "Un premier intertitre",
            "Un premier paragraphe. Écrivez des mots **forts**, de l'*emphase* et des [liens](https://example.org).",
            "Un premier point", "Un deuxième point", "Contact",
            "Votre équipe soignante : le numéro figure sur votre lettre de rendez-vous",
            "Ce document ne remplace pas l'avis de votre équipe soignante."}},
    {"es", {"Guía para pacientes y familiares", "Título del folleto", "El tema del folleto, en una línea",
            "Un primer subtítulo",
            "Un primer párrafo. Escriba palabras **fuertes**, *énfasis* y [enlaces](https://example.org).",
            "Un primer punto", "Un segundo punto", "Contacto",
            "Su equipo de atención: el número figura en su carta de cita",
            "Este folleto no sustituye el consejo de su equipo de atención."}},
    {"ar", {"دليل للمرضى وعائلاتهم", "عنوان المطوية", "موضوع المطوية في سطر واحد", "عنوان فرعي أول",
            "فقرة أولى. اكتب كلمات **بارزة** و*مائلة* و[روابط](https://example.org).", "نقطة أولى", "نقطة ثانية",
            "للتواصل", "فريقك الطبي: الرقم موجود في رسالة موعدك", "هذه المطوية لا تغني عن نصيحة فريقك الطبي."}},
};

/// A YAML double-quoted scalar: leaflet strings hold ':' and '#', which plain scalars cannot.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string strings_file(const std::string& language, const std::string& default_language) {
  const auto found = kStarters.find(language);
  const StarterText& text = found != kStarters.end() ? found->second : kStarters.at("en");
  std::string out = "# " + language + ".yaml: the leaflet's words in " + language + ", by key.\n";
  if (found == kStarters.end()) out += "# Translate these English words (leafpress strings export makes a PO file of them).\n";
  if (language != default_language) out += "# Keys missing here fall back to " + default_language + ".yaml.\n";
  out += "cover:\n  kicker: " + quoted(text.kicker) + "\n  title: " + quoted(text.title) + "\n  subtitle: " +
         quoted(text.subtitle) + "\n";
  out += "intro:\n  heading: " + quoted(text.heading) + "\n  p1: " + quoted(text.paragraph) + "\n";
  out += "points:\n  one: " + quoted(text.item1) + "\n  two: " + quoted(text.item2) + "\n";
  out += "contact:\n  title: " + quoted(text.contact_title) + "\n  team: " + quoted(text.contact_line) + "\n";
  out += "footer:\n  note: " + quoted(text.footer) + "\n";
  return out;
}

std::string leaflet_file(const std::vector<std::string>& languages, const std::vector<document::Format>& formats) {
  std::string language_list;
  for (const auto& language : languages) language_list += (language_list.empty() ? "" : ", ") + language;
  std::string format_list;
  for (const auto format : formats) format_list += (format_list.empty() ? "" : ", ") + std::string(document::format_name(format));
  return "# The leaflet's structure; every string value under content is a key into the <lang>.yaml files.\n"
         "# The whole schema: leaflets/README.md.\n"
         "default_language: " + languages.front() + "\n"
         "languages: [" + language_list + "]\n"
         "title: cover.title\n"
         "format: [" + format_list + "]\n"
         "\n"
         "page:\n"
         "  footer: footer.note\n"
         "\n"
         "theme:\n"
         "  colors:\n"
         "    accent: \"#0B6E75\"\n"
         "\n"
         "content:\n"
         "  - title: cover.title\n"
         "    kicker: cover.kicker\n"
         "    subtitle: cover.subtitle\n"
         "  - heading: intro.heading\n"
         "  - paragraph: intro.p1\n"
         "  - list: [points.one, points.two]\n"
         "  - contact: [contact.team]\n"
         "    title: contact.title\n";
}

}  // namespace

int new_leaflet(const Options& options, std::ostream& out, std::ostream& err) {
  const fs::path folder = fs::path(options.leaflets.front()).lexically_normal();
  const std::string name = (folder.has_filename() ? folder.filename() : folder.parent_path().filename()).string();
  const bool good_name = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
  if (!good_name) {
    err << "leafpress: new: '" << core::printable(name)
        << "' is not a leaflet name: use letters, digits, '_' and '-' (PDFs are named after it)\n";
    return kUsageError;
  }
  std::error_code ec;
  if (fs::exists(fs::symlink_status(folder, ec))) {
    err << "leafpress: new: '" << core::printable(folder.string()) << "' exists already; nothing was written\n";
    return kUsageError;
  }
  const std::vector<std::string> languages = options.languages.empty() ? std::vector<std::string>{"fr"} : options.languages;
  for (const auto& language : languages) {
    if (!load::is_language_tag(language) ||
        std::count(languages.begin(), languages.end(), language) > 1) {
      err << "leafpress: new: --lang takes language tags such as fr,en,ar, each once; got '"
          << core::printable(language) << "'\n";
      return kUsageError;
    }
  }
  const std::vector<document::Format> formats =
      options.formats.empty() ? std::vector<document::Format>{document::Format::brochure} : options.formats;
  std::vector<std::pair<fs::path, std::string>> files{{folder / "leaflet.yaml", leaflet_file(languages, formats)}};
  for (const auto& language : languages) files.emplace_back(folder / (language + ".yaml"), strings_file(language, languages.front()));
  fs::create_directories(folder, ec);
  if (ec) {
    err << "leafpress: new: cannot create '" << core::printable(folder.string()) << "': " << ec.message() << '\n';
    return kOutputError;
  }
  std::vector<std::pair<fs::path, std::string_view>> views;
  for (const auto& [path, text] : files) views.emplace_back(path, text);
  core::write_files_atomically(views);
  for (const auto& [path, text] : files) out << "wrote " << core::printable(path.string()) << '\n';
  out << "build it with: leafpress build " << core::printable(folder.string()) << '\n';
  return kOk;
}

}  // namespace leafpress::cli
