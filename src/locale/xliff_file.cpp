#include "locale/xliff_file.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <map>
#include <memory>
#include <vector>

#include "core/c_handle.hpp"
#include "locale/catalog_yaml.hpp"
#include "locale/libxml2_functions.hpp"
#include "locale/translation_checks.hpp"

namespace leafpress::locale {
namespace {

// XLIFF 2.1 keeps the 2.0 namespace and says its version in the version attribute.
constexpr const char* kXliffNamespace = "urn:oasis:names:tc:xliff:document:2.0";

using XmlDoc = core::CHandle<xmlDoc, [](xmlDoc* doc) { libxml2().xmlFreeDoc(doc); }>;
using XmlParser = core::CHandle<xmlParserCtxt, [](xmlParserCtxt* parser) { libxml2().xmlFreeParserCtxt(parser); }>;

const xmlChar* xml(const char* text) { return reinterpret_cast<const xmlChar*>(text); }
const xmlChar* xml(const std::string& text) { return xml(text.c_str()); }

// ------------------------------------------------------------------ markup → placeholders

/// A string's inline markup as a tree: text, and paired codes whose opening and closing
/// markup ("**", "[", "](https://…)") a placeholder stands for.
struct Piece {
  std::string text;  // for text; empty for a code
  std::string open, close;
  std::vector<Piece> children;
  bool code = false;
};

/// Reads markup up to `until` ("**", "*", "]"; empty: the end). False when the markup is not
/// the simple nesting a placeholder tree can show: the string then goes as plain text.
bool read_pieces(std::string_view text, std::size_t& at, std::string_view until, std::vector<Piece>& out) {
  const auto add_text = [&](std::string_view piece) {
    if (out.empty() || out.back().code) out.push_back(Piece{});
    out.back().text += piece;
  };
  while (at < text.size()) {
    if (!until.empty() && text.compare(at, until.size(), until) == 0 && (until != "*" || text.compare(at, 2, "**") != 0)) {
      at += until.size();
      return true;
    }
    const char c = text[at];
    if (c == '\\' && at + 1 < text.size()) {
      add_text(text.substr(at, 2));
      at += 2;
    } else if (c == '*') {
      const std::string_view marker = text.compare(at, 2, "**") == 0 ? "**" : "*";
      Piece code{{}, std::string(marker), std::string(marker), {}, true};
      at += marker.size();
      if (!read_pieces(text, at, marker, code.children)) return false;
      out.push_back(std::move(code));
    } else if (c == '[') {
      Piece code{{}, "[", {}, {}, true};
      ++at;
      if (!read_pieces(text, at, "]", code.children) || at >= text.size()) return false;
      const char kind = text[at];
      const char closer = kind == '(' ? ')' : kind == '{' ? '}' : '\0';
      const std::size_t end = closer ? text.find(closer, at) : std::string_view::npos;
      if (end == std::string_view::npos) return false;
      code.close = "]" + std::string(text.substr(at, end + 1 - at));
      at = end + 1;
      out.push_back(std::move(code));
    } else {
      add_text(text.substr(at, 1));
      ++at;
    }
  }
  return until.empty();
}

/// Writes `pieces` under `parent`, numbering codes from `next`; each code's markup goes into
/// `data` (id → markup) for the unit's <originalData>.
void write_pieces(const std::vector<Piece>& pieces, xmlNodePtr parent, xmlNsPtr ns, int& next,
                  std::vector<std::pair<std::string, std::string>>& data) {
  for (const Piece& piece : pieces) {
    if (!piece.code) {
      libxml2().xmlAddChild(parent, libxml2().xmlNewText(xml(piece.text)));
      continue;
    }
    const std::string id = std::to_string(next++);
    xmlNodePtr pc = libxml2().xmlNewChild(parent, ns, xml("pc"), nullptr);
    libxml2().xmlNewProp(pc, xml("id"), xml(id));
    libxml2().xmlNewProp(pc, xml("dataRefStart"), xml("d" + id + "s"));
    libxml2().xmlNewProp(pc, xml("dataRefEnd"), xml("d" + id + "e"));
    const bool link = piece.open == "[";
    libxml2().xmlNewProp(pc, xml("type"), xml(link ? "link" : "fmt"));
    if (!link) libxml2().xmlNewProp(pc, xml("subType"), xml(piece.open == "**" ? "xlf:b" : "xlf:i"));
    libxml2().xmlNewProp(pc, xml("canDelete"), xml("no"));
    data.emplace_back("d" + id + "s", piece.open);
    data.emplace_back("d" + id + "e", piece.close);
    write_pieces(piece.children, pc, ns, next, data);
  }
}

/// Writes `text` as the content of `element`: placeholders for its markup when it parses.
/// An empty text node first keeps libxml2's indenting out of content that opens with a code.
void write_content(std::string_view text, xmlNodePtr element, xmlNsPtr ns, int first_id,
                   std::vector<std::pair<std::string, std::string>>& data) {
  std::vector<Piece> pieces;
  std::size_t at = 0;
  if (!read_pieces(text, at, "", pieces)) pieces = {Piece{std::string(text), {}, {}, {}, false}};
  libxml2().xmlAddChild(element, libxml2().xmlNewText(xml("")));
  write_pieces(pieces, element, ns, first_id, data);
}

// ------------------------------------------------------------------ placeholders → markup

std::string attribute(xmlNodePtr node, const char* name) {
  xmlChar* value = libxml2().xmlGetProp(node, xml(name));
  if (!value) return {};
  std::string out(reinterpret_cast<const char*>(value));
  (*libxml2().xmlFree)(value);
  return out;
}

bool is_element(xmlNodePtr node, const char* name) {
  return node->type == XML_ELEMENT_NODE && libxml2().xmlStrcmp(node->name, xml(name)) == 0 && node->ns &&
         libxml2().xmlStrcmp(node->ns->href, xml(kXliffNamespace)) == 0;
}

std::vector<xmlNodePtr> children_named(xmlNodePtr parent, const char* name) {
  std::vector<xmlNodePtr> found;
  for (xmlNodePtr child = parent->children; child; child = child->next) {
    if (is_element(child, name)) found.push_back(child);
  }
  return found;
}

/// Content of <source> or <target>, each <pc>, <ph>, <sc>, <ec> given back the markup its
/// data stands for; other inline elements (<mrk> annotations) keep only their text.
bool read_content(xmlNodePtr element, const std::map<std::string, std::string>& data, const core::SourceLoc& loc,
                  std::string& out, core::Diagnostics& diags) {
  const auto markup = [&](xmlNodePtr node, const char* ref) -> std::optional<std::string> {
    const std::string id = attribute(node, ref);
    const auto it = data.find(id);
    if (it != data.end()) return it->second;
    diags.error({loc.file, static_cast<int>(libxml2().xmlGetLineNo(node)), 0},
                "placeholder <" + std::string(reinterpret_cast<const char*>(node->name)) + "> refers to no data '" +
                    comment_safe(id) + "' of its unit",
                "keep the placeholders as the exported file has them");
    return std::nullopt;
  };
  for (xmlNodePtr node = element->children; node; node = node->next) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      out += reinterpret_cast<const char*>(node->content);
    } else if (is_element(node, "pc")) {
      const auto open = markup(node, "dataRefStart");
      const auto close = markup(node, "dataRefEnd");
      if (!open || !close) return false;
      out += *open;
      if (!read_content(node, data, loc, out, diags)) return false;
      out += *close;
    } else if (is_element(node, "ph") || is_element(node, "sc") || is_element(node, "ec")) {
      const auto code = markup(node, "dataRef");
      if (!code) return false;
      out += *code;
    } else if (node->type == XML_ELEMENT_NODE) {
      if (!read_content(node, data, loc, out, diags)) return false;
    }
  }
  return true;
}

std::map<std::string, std::string> original_data(xmlNodePtr unit) {
  std::map<std::string, std::string> data;
  for (xmlNodePtr block : children_named(unit, "originalData")) {
    for (xmlNodePtr item : children_named(block, "data")) {
      xmlChar* text = libxml2().xmlNodeGetContent(item);
      data[attribute(item, "id")] = text ? reinterpret_cast<const char*>(text) : "";
      (*libxml2().xmlFree)(text);
    }
  }
  return data;
}

/// One <unit> as an entry; nullopt (reported) when it cannot be read.
std::optional<PoEntry> read_unit(xmlNodePtr unit, const std::string& file_name, core::Diagnostics& diags) {
  PoEntry entry;
  entry.loc = {file_name, static_cast<int>(libxml2().xmlGetLineNo(unit)), 0};
  entry.context = attribute(unit, "id");
  const auto segments = children_named(unit, "segment");
  if (segments.size() != 1) {
    diags.error(entry.loc, "unit '" + comment_safe(*entry.context) + "' has " + std::to_string(segments.size()) +
                               " segments; a leaflet's string is one",
                "join the segments (memoQ: Join; Trados: Merge Segments) before exporting");
    return std::nullopt;
  }
  const auto sources = children_named(segments.front(), "source");
  const auto targets = children_named(segments.front(), "target");
  if (sources.size() != 1 || targets.size() > 1) {
    diags.error(entry.loc, "unit '" + comment_safe(*entry.context) + "' needs one <source> and at most one <target>");
    return std::nullopt;
  }
  const auto data = original_data(unit);
  if (!read_content(sources.front(), data, entry.loc, entry.source, diags)) return std::nullopt;
  if (!targets.empty() && !read_content(targets.front(), data, entry.loc, entry.translation, diags)) return std::nullopt;
  const std::string state = attribute(segments.front(), "state");
  entry.fuzzy = !entry.translation.empty() && (state.empty() || state == "initial");
  return entry;
}

/// Where libxml2's structured error callback keeps the first error of one parse.
struct FirstError {
  std::optional<core::SourceLoc>* loc;
  std::string* message;
  std::string file_name;
};

void keep_first_error(void* context, xmlErrorPtr error) {
  auto* first = static_cast<FirstError*>(static_cast<xmlParserCtxtPtr>(context)->_private);
  if (!first || !error || *first->loc || error->level < XML_ERR_ERROR) return;
  *first->loc = core::SourceLoc{first->file_name, error->line, error->int2};
  *first->message = error->message ? error->message : "";
  while (!first->message->empty() && first->message->back() == '\n') first->message->pop_back();
}

}  // namespace

bool looks_like_xml(std::string_view bytes) {
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.remove_prefix(3);
  const auto first = bytes.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && bytes[first] == '<';
}

std::string format_xliff(const PoFile& strings, std::string_view source_language, std::string_view target_language,
                         std::string_view original) {
  const XmlDoc doc(libxml2().xmlNewDoc(xml("1.0")));
  xmlNodePtr root = libxml2().xmlNewNode(nullptr, xml("xliff"));
  libxml2().xmlDocSetRootElement(doc.get(), root);
  xmlNsPtr ns = libxml2().xmlNewNs(root, xml(kXliffNamespace), nullptr);
  libxml2().xmlSetNs(root, ns);
  libxml2().xmlNewProp(root, xml("version"), xml("2.1"));
  libxml2().xmlNewProp(root, xml("srcLang"), xml(std::string(source_language)));
  if (!target_language.empty()) libxml2().xmlNewProp(root, xml("trgLang"), xml(std::string(target_language)));
  xmlNodePtr file = libxml2().xmlNewChild(root, ns, xml("file"), nullptr);
  libxml2().xmlNewProp(file, xml("id"), xml("f1"));
  libxml2().xmlNewProp(file, xml("original"), xml(std::string(original)));
  for (const PoEntry& entry : strings.entries) {
    if (entry.obsolete || !entry.context) continue;
    xmlNodePtr unit = libxml2().xmlNewChild(file, ns, xml("unit"), nullptr);
    libxml2().xmlNewProp(unit, xml("id"), xml(*entry.context));
    xmlNodePtr notes = libxml2().xmlNewChild(unit, ns, xml("notes"), nullptr);
    for (const std::string& comment : entry.comments) {
      if (comment.rfind("keep the markup", 0) == 0) continue;  // the placeholders keep it here
      const auto colon = comment.find(": ");
      xmlNodePtr note = libxml2().xmlNewChild(notes, ns, xml("note"), nullptr);
      libxml2().xmlNewProp(note, xml("category"),
                           xml(colon == std::string::npos ? "comment" : comment.substr(0, colon)));
      libxml2().xmlNodeAddContent(note, xml(colon == std::string::npos ? comment : comment.substr(colon + 2)));
    }
    for (const PoReference& ref : entry.references) {
      xmlNodePtr note = libxml2().xmlNewChild(notes, ns, xml("note"), nullptr);
      libxml2().xmlNewProp(note, xml("category"), xml("location"));
      libxml2().xmlNodeAddContent(note, xml(ref.file + ":" + std::to_string(ref.line)));
    }
    if (!notes->children) {
      libxml2().xmlUnlinkNode(notes);
      libxml2().xmlFreeNode(notes);
    }
    std::vector<std::pair<std::string, std::string>> data;
    xmlNodePtr segment = libxml2().xmlNewNode(ns, xml("segment"));
    libxml2().xmlNewProp(segment, xml("state"),
                         xml(entry.translation.empty() || entry.fuzzy ? "initial" : "translated"));
    write_content(entry.source, libxml2().xmlNewChild(segment, ns, xml("source"), nullptr), ns, 1, data);
    if (!entry.translation.empty()) {
      // The target's codes share the source's ids when they carry the same markup in the
      // same order (the usual case); otherwise they are numbered after the source's.
      std::vector<std::pair<std::string, std::string>> target_data;
      xmlNodePtr target = libxml2().xmlNewChild(segment, ns, xml("target"), nullptr);
      write_content(entry.translation, target, ns, 1, target_data);
      const bool shared = std::all_of(target_data.begin(), target_data.end(), [&](const auto& item) {
        return std::find(data.begin(), data.end(), item) != data.end();
      });
      if (!shared) {
        libxml2().xmlUnlinkNode(target);
        libxml2().xmlFreeNode(target);
        target_data.clear();
        target = libxml2().xmlNewChild(segment, ns, xml("target"), nullptr);
        write_content(entry.translation, target, ns, static_cast<int>(data.size() / 2) + 1, target_data);
      }
      for (const auto& item : target_data) {
        if (std::find(data.begin(), data.end(), item) == data.end()) data.push_back(item);
      }
    }
    if (!data.empty()) {
      xmlNodePtr block = libxml2().xmlNewChild(unit, ns, xml("originalData"), nullptr);
      for (const auto& [id, markup] : data) {
        xmlNodePtr item = libxml2().xmlNewChild(block, ns, xml("data"), nullptr);
        libxml2().xmlNewProp(item, xml("id"), xml(id));
        libxml2().xmlNodeAddContent(item, xml(markup));
      }
    }
    libxml2().xmlAddChild(unit, segment);
  }
  xmlChar* buffer = nullptr;
  int size = 0;
  libxml2().xmlDocDumpFormatMemoryEnc(doc.get(), &buffer, &size, "UTF-8", 1);
  std::string out(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(size));
  (*libxml2().xmlFree)(buffer);
  return out;
}

std::optional<PoFile> try_parse_xliff(std::string_view bytes, const std::string& file_name, const core::Limits& limits,
                                      core::Diagnostics& diags) {
  if (!check_translation_bytes(bytes, file_name, limits, diags)) return std::nullopt;
  if (bytes.size() > INT_MAX) {
    diags.error({file_name, 0, 0}, "file larger than libxml2 reads (2 GiB)");
    return std::nullopt;
  }
  const XmlParser parser(libxml2().xmlNewParserCtxt());
  // The first error is the one to show: libxml2 goes on and reports its consequences too.
  std::optional<core::SourceLoc> first_error_loc;
  std::string first_error;
  FirstError first{&first_error_loc, &first_error, file_name};
  parser->_private = &first;
  parser->sax->serror = keep_first_error;
  // No DTD loading, no entity substitution, no network: the file is data, not instructions.
  const XmlDoc doc(libxml2().xmlCtxtReadMemory(parser.get(), bytes.data(), static_cast<int>(bytes.size()),
                                               file_name.c_str(), "UTF-8",
                                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc || first_error_loc) {
    diags.error(first_error_loc.value_or(core::SourceLoc{file_name, 0, 0}),
                "malformed XML: " + (first_error.empty() ? std::string("not well-formed") : first_error));
    return std::nullopt;
  }
  if (doc->intSubset || doc->extSubset) {
    diags.error({file_name, 0, 0}, "the XLIFF file has a DOCTYPE; XLIFF needs none and leafpress reads none",
                "remove the <!DOCTYPE …> declaration");
    return std::nullopt;
  }
  xmlNodePtr root = libxml2().xmlDocGetRootElement(doc.get());
  if (!root || !is_element(root, "xliff") || attribute(root, "version").rfind("2.", 0) != 0) {
    diags.error({file_name, root ? static_cast<int>(libxml2().xmlGetLineNo(root)) : 0, 0},
                "expected an XLIFF 2 document (<xliff xmlns=\"" + std::string(kXliffNamespace) + "\" version=\"2.1\">)",
                "export the file as XLIFF 2 from the translation tool, or use the PO file");
    return std::nullopt;
  }
  const std::size_t errors_before = diags.error_count();
  PoFile po;
  po.header = {{"Language", attribute(root, "trgLang")}, {"X-Leafpress-Source-Language", attribute(root, "srcLang")}};
  for (xmlNodePtr file : children_named(root, "file")) {
    if (po.header.size() == 2) po.header.emplace_back("X-Leafpress-Leaflet", attribute(file, "original"));
    for (xmlNodePtr unit : children_named(file, "unit")) {
      auto entry = read_unit(unit, file_name, diags);
      if (!entry) continue;
      const std::size_t longest = std::max({entry->context->size(), entry->source.size(), entry->translation.size()});
      if (longest > limits.max_string_bytes) {
        diags.error(entry->loc, "string longer than the limit of " + core::format_bytes(limits.max_string_bytes),
                    "split it into shorter strings, or raise the limit with --max-string-bytes");
        continue;
      }
      po.entries.push_back(std::move(*entry));
    }
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return po;
}

}  // namespace leafpress::locale
