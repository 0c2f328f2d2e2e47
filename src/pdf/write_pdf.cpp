#include "pdf/write_pdf.hpp"

#include <malloc.h>

#include <algorithm>
#include <ctime>
#include <optional>
#include <string_view>
#include <tuple>

#include "core/cache_folder.hpp"
#include "core/hash.hpp"
#include "core/utf8.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/embedded_images.hpp"
#include "pdf/font_encoder.hpp"
#include "pdf/hpdf_document.hpp"
#include "pdf/pack_objects.hpp"
#include "pdf/page_boxes.hpp"
#include "pdf/structure_tree.hpp"
#include "pdf/type0_font.hpp"

namespace leafpress::pdf {
namespace {

std::string pdf_text_string(std::string_view utf8) {
  std::string out = "\xFE\xFF";
  core::append_utf16be(out, utf8);
  return out;
}

std::string xml_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\t': case '\n': case '\r': out += ' '; break;
      default:
        // XML 1.0 §2.2 allows no other C0 control, not even as a reference: it is left out.
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
  return out;
}

/// ISO 15930-7 §6.7.2 needs CreationDate and ModDate: without a date nothing is claimed.
bool claims_pdfx(const PdfOptions& options) { return options.output_intent && options.date; }

std::string iso_date(std::int64_t seconds) {
  const auto time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

/// "uuid:…" made of a content fingerprint, for XMP's document and instance IDs.
std::string uuid_of(const core::Fingerprint& fingerprint) {
  const auto digest = fingerprint.digest();
  std::string out = "uuid:";
  static constexpr char kDigits[] = "0123456789abcdef";
  for (std::size_t i = 0; i < digest.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kDigits[digest[i] >> 4];
    out += kDigits[digest[i] & 0x0F];
  }
  return out;
}

/// The catalog's /Metadata stream, made first so that it keeps its place among the objects;
/// its text is written by write_xmp once the content is known.
HPDF_Dict start_xmp(HpdfDocument& pdf) {
  HPDF_Dict metadata = pdf.stream({}, false);
  pdf.check(HPDF_Dict_AddName(metadata, "Type", "Metadata"), "write XMP metadata");
  pdf.check(HPDF_Dict_AddName(metadata, "Subtype", "XML"), "write XMP metadata");
  pdf.check(HPDF_Dict_Add(pdf.get()->catalog, "Metadata", metadata), "write XMP metadata");
  return metadata;
}

/// XMP metadata (ISO 16684-1) with the title and language, and the PDF/UA-1 identification
/// (ISO 14289-1 §5); with an output intent, the PDF/X-4 identification and the xmpMM
/// entries it asks for (ISO 15930-7 §6.7.2). Uncompressed, so any tool finds it.
void write_xmp(HpdfDocument& pdf, HPDF_Dict metadata, const layout::Pages& pages, const PdfOptions& options,
               const core::Fingerprint& fingerprint) {
  const bool pdfx = claims_pdfx(options);
  // One element a line, without indentation: the packet is stored uncompressed.
  std::string xmp =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
      " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
      " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"" +
      std::string(pdfx ? " xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\""
                         " xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\""
                       : "") +
      ">\n"
      "<dc:format>application/pdf</dc:format>\n"
      "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(pages.title) +
      "</rdf:li></rdf:Alt></dc:title>\n"
      "<dc:language><rdf:Bag><rdf:li>" + xml_escaped(pages.language) + "</rdf:li></rdf:Bag></dc:language>\n"
      "<pdf:Producer>" + xml_escaped(options.producer) + "</pdf:Producer>\n"
      "<xmp:CreatorTool>" + xml_escaped(options.producer) + "</xmp:CreatorTool>\n";
  if (options.date) {
    xmp += "<xmp:CreateDate>" + iso_date(*options.date) + "</xmp:CreateDate>\n";
    xmp += "<xmp:ModifyDate>" + iso_date(*options.date) + "</xmp:ModifyDate>\n";
  }
  if (pdfx) {
    const std::string id = uuid_of(fingerprint);
    xmp += "<pdf:Trapped>False</pdf:Trapped>\n"
           "<xmpMM:DocumentID>" + id + "</xmpMM:DocumentID>\n"
           "<xmpMM:InstanceID>" + id + "</xmpMM:InstanceID>\n"
           "<xmpMM:VersionID>1</xmpMM:VersionID>\n"
           "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n"
           "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n";
  }
  xmp += "<pdfuaid:part>1</pdfuaid:part>\n"
         "</rdf:Description>\n"
         "</rdf:RDF>\n"
         "</x:xmpmeta>\n"
         "<?xpacket end=\"w\"?>";
  pdf.keep_stream_data(metadata, std::move(xmp));
}

/// A PDF string for `utf8`: plain when it is printable ASCII (as RIPs compare a printing
/// condition's name), else UTF-16BE text (§7.9.2.2).
void* text_object(HpdfDocument& pdf, const std::string& utf8) {
  const bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  if (ascii) return pdf.check(HPDF_String_New(pdf.mmgr(), utf8.c_str(), nullptr), "write a string");
  return pdf.binary(pdf_text_string(utf8));
}

/// ISO 15930-7 §6.2.4 (after ISO 32000-1 §14.11.5): the output intent, with the press's
/// ICC profile as /DestOutputProfile.
void write_output_intent(HpdfDocument& pdf, const OutputIntent& intent) {
  HPDF_Dict profile = pdf.stream(*intent.profile.bytes);
  pdf.check(HPDF_Dict_AddNumber(profile, "N", intent.profile.components), "write the output profile");
  HPDF_Dict dict = pdf.check(HPDF_Dict_New(pdf.mmgr()), "write the output intent");
  pdf.check(HPDF_Dict_AddName(dict, "Type", "OutputIntent"), "write the output intent");
  pdf.check(HPDF_Dict_AddName(dict, "S", "GTS_PDFX"), "write the output intent");
  pdf.check(HPDF_Dict_Add(dict, "OutputConditionIdentifier", text_object(pdf, intent.identifier)),
            "write the output intent");
  if (!intent.info.empty()) pdf.check(HPDF_Dict_Add(dict, "Info", text_object(pdf, intent.info)), "write the output intent");
  if (!intent.registry.empty()) {
    pdf.check(HPDF_Dict_Add(dict, "RegistryName", text_object(pdf, intent.registry)), "write the output intent");
  }
  pdf.check(HPDF_Dict_Add(dict, "DestOutputProfile", profile), "write the output intent");
  HPDF_Array intents = pdf.array();
  pdf.check(HPDF_Array_Add(intents, dict), "write the output intent");
  pdf.check(HPDF_Dict_Add(pdf.get()->catalog, "OutputIntents", intents), "write the output intent");
  HPDF_Dict info = pdf.get()->info;
  pdf.check(HPDF_Dict_Add(info, "GTS_PDFXVersion", text_object(pdf, "PDF/X-4")), "write the PDF/X version");
  pdf.check(HPDF_Dict_AddName(info, "Trapped", "False"), "write the trapping state");
}

void write_metadata(HpdfDocument& pdf, const layout::Pages& pages, const PdfOptions& options) {
  HPDF_Doc doc = pdf.get();
  pdf.check(HPDF_SetInfoAttr(doc, HPDF_INFO_PRODUCER, options.producer.c_str()), "write the producer");
  pdf.check(HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, options.producer.c_str()), "write the creator");
  pdf.check(HPDF_Dict_Add(doc->info, "Title", pdf.binary(pdf_text_string(pages.title))), "write the title");
  if (options.date) {
    const std::time_t seconds = static_cast<std::time_t>(*options.date);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    HPDF_Date date{utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, 'Z', 0, 0};
    pdf.check(HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date), "write the creation date");
    pdf.check(HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, date), "write the modification date");
  }
  pdf.check(HPDF_Dict_Add(doc->catalog, "Lang", HPDF_String_New(pdf.mmgr(), pages.language.c_str(), nullptr)),
            "write the language");
  HPDF_Dict preferences = pdf.check(HPDF_Dict_New(pdf.mmgr()), "write viewer preferences");
  pdf.check(HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE), "write viewer preferences");
  pdf.check(HPDF_Dict_Add(doc->catalog, "ViewerPreferences", preferences), "write viewer preferences");
}

/// ISO 32000-1 §12.4.2: page labels. Plain 1, 2, 3 is one decimal range; other labels
/// (Arabic-Indic digits, an imposed sheet's "8·1") are given page by page as prefixes.
void write_page_labels(HpdfDocument& pdf, const std::vector<std::string>& labels) {
  if (labels.empty()) return;
  bool decimal = true;
  for (std::size_t i = 0; i < labels.size(); ++i) decimal = decimal && labels[i] == std::to_string(i + 1);
  HPDF_Array nums = pdf.array();
  for (std::size_t i = 0; i < (decimal ? 1 : labels.size()); ++i) {
    HPDF_Dict label = pdf.check(HPDF_Dict_New(pdf.mmgr()), "write page labels");
    if (decimal) {
      pdf.check(HPDF_Dict_AddName(label, "S", "D"), "write page labels");
    } else {
      pdf.check(HPDF_Dict_Add(label, "P", pdf.binary(pdf_text_string(labels[i]))), "write page labels");
    }
    pdf.check(HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(i)), "write page labels");
    pdf.check(HPDF_Array_Add(nums, label), "write page labels");
  }
  HPDF_Dict tree = pdf.check(HPDF_Dict_New(pdf.mmgr()), "write page labels");
  pdf.check(HPDF_Dict_Add(tree, "Nums", nums), "write page labels");
  pdf.check(HPDF_Dict_Add(pdf.get()->catalog, "PageLabels", tree), "write page labels");
}

/// A face's Type0 font: the dictionary pages name from the first page that shows the face
/// on, filled in once every page is written, and the encoder that hands out its codes.
struct PageFont {
  HPDF_Dict dict = nullptr;
  FontEncoder encoder;
};
using PageFonts = std::map<const fonts::Face*, PageFont>;

PageFont& font_of(HpdfDocument& pdf, PageFonts& fonts, const fonts::Face& face) {
  const auto found = fonts.find(&face);
  if (found != fonts.end()) return found->second;
  return fonts.emplace(&face, PageFont{pdf.indirect_dict(), FontEncoder(face)}).first->second;
}

/// Fills in every font, sorted by file, not by pointer, so objects come out in the same
/// order every run.
void embed_fonts(HpdfDocument& pdf, const PageFonts& fonts, core::Fingerprint& fingerprint) {
  const FontProgramCache cache(core::cache_folder());
  std::vector<const PageFont*> sorted;
  for (const auto& [face, font] : fonts) sorted.push_back(&font);
  std::sort(sorted.begin(), sorted.end(), [](const PageFont* a, const PageFont* b) {
    const fonts::Face& x = a->encoder.face();
    const fonts::Face& y = b->encoder.face();
    return std::make_pair(x.path(), x.index()) < std::make_pair(y.path(), y.index());
  });
  for (const PageFont* font : sorted) {
    embed_type0_font(pdf, font->dict, font->encoder, &cache);
    fingerprint.add(font->encoder.face().postscript_name());
  }
}

/// ISO 32000-1 §8.4.5: the press page's two graphics states, overprinting for solid black
/// text (with /OPM 1, so that its zero C, M and Y leave those plates alone, §8.6.7) and
/// knocking out for everything else.
void add_overprint_states(HpdfDocument& pdf, HPDF_Page page) {
  auto resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
  pdf.check(resources, "find a page's resources");
  HPDF_Dict states = pdf.check(HPDF_Dict_New(pdf.mmgr()), "write overprint states");
  for (const bool overprint : {true, false}) {
    HPDF_Dict state = pdf.check(HPDF_Dict_New(pdf.mmgr()), "write overprint states");
    pdf.check(HPDF_Dict_AddName(state, "Type", "ExtGState"), "write overprint states");
    pdf.check(HPDF_Dict_AddBoolean(state, "OP", overprint), "write overprint states");
    pdf.check(HPDF_Dict_AddBoolean(state, "op", overprint), "write overprint states");
    pdf.check(HPDF_Dict_AddNumber(state, "OPM", overprint ? 1 : 0), "write overprint states");
    pdf.check(HPDF_Dict_Add(states, overprint ? kOverprintState : kKnockoutState, state), "write overprint states");
  }
  pdf.check(HPDF_Dict_Add(resources, "ExtGState", states), "write overprint states");
}

void write_page(HpdfDocument& pdf, const layout::Page& layout_page, PageFonts& fonts, const EmbeddedImages& images,
                StructureTree& tree, core::Fingerprint& fingerprint) {
  HPDF_Page page = pdf.check(HPDF_AddPage(pdf.get()), "add a page");
  pdf.check(HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(layout_page.width)), "set the page width");
  pdf.check(HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(layout_page.height)), "set the page height");
  // libharu names the procedure sets in every page's resources; ISO 32000-1 §14.2 calls them
  // obsolete since PDF 1.4, and no reader asks for them.
  if (auto* resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT))) {
    HPDF_Dict_RemoveElement(resources, "ProcSet");
  }
  if (layout_page.press) {
    set_press_boxes(pdf, page, layout_page);
    fingerprint.add(press_box_entries(layout_page));
    add_overprint_states(pdf, page);
  }
  tree.start_page(page, layout_page.height, layout_page.halves);

  ContentStream content(layout_page.height, layout_page.press.has_value());
  // Consecutive runs of one element on one line share a marked-content sequence. Lines get
  // their own: the space a line break swallowed is not in the content, and extractors that
  // follow the tags tell words apart at line ends only between sequences.
  // On an imposed sheet each half is a page of its own, read in its turn.
  // The key's strings are views of the page's items, which outlive the loop.
  using MarkKey = std::tuple<int, std::string_view, double, std::string_view, std::size_t>;
  auto key_of = [&](int element, std::string_view link, double baseline, std::string_view language, double x) {
    const auto half = layout::half_at(layout_page.halves, x);
    return MarkKey(element, link, element < 0 ? 0.0 : baseline, language, half ? half->page : 0);
  };
  auto glyph_key = [&](const layout::GlyphItem& glyphs) {
    return key_of(glyphs.element, glyphs.run.link, glyphs.baseline, glyphs.run.language, glyphs.x + glyphs.run.x);
  };
  std::optional<MarkKey> open;
  const std::string none;
  auto mark = [&](int element, const std::string& link, double baseline, const std::string& language, double x) {
    const MarkKey wanted = key_of(element, link, baseline, language, x);
    if (open && *open == wanted) return;
    if (open) content.close_marked();
    content.open_marked(tree.begin_content(element, link, baseline, language, x));
    open = wanted;
  };
  const auto& items = layout_page.items;
  std::vector<RunToShow> runs;  // reused from one line to the next
  for (std::size_t i = 0; i < items.size(); ++i) {
    const layout::Item& item = items[i];
    if (const auto* rect = std::get_if<layout::RectItem>(&item)) {
      mark(rect->element, none, 0, none, rect->x);
      content.fill_rect(*rect);
    } else if (const auto* line = std::get_if<layout::LineItem>(&item)) {
      mark(line->element, none, 0, none, std::min(line->x1, line->x2));
      content.stroke_line(*line);
    } else if (const auto* glyphs = std::get_if<layout::GlyphItem>(&item)) {
      mark(glyphs->element, glyphs->run.link, glyphs->baseline, glyphs->run.language, glyphs->x + glyphs->run.x);
      // The runs of one marked-content sequence on one line are shown together.
      runs.clear();
      for (; i < items.size(); ++i) {
        const auto* next = std::get_if<layout::GlyphItem>(&items[i]);
        if (!next || glyph_key(*next) != *open || next->baseline != glyphs->baseline) break;
        PageFont& font = font_of(pdf, fonts, *next->run.face);
        runs.push_back({next, pdf.check(HPDF_Page_GetLocalFontName(page, font.dict), "name a font resource"),
                        &font.encoder});
      }
      --i;
      content.show_runs(runs);
    } else if (const auto* link = std::get_if<layout::LinkItem>(&item)) {
      const double bottom = layout_page.height - link->y - link->height;
      const HPDF_Rect area{static_cast<HPDF_REAL>(link->x), static_cast<HPDF_REAL>(bottom),
                           static_cast<HPDF_REAL>(link->x + link->width), static_cast<HPDF_REAL>(bottom + link->height)};
      HPDF_Annotation annotation = pdf.check(HPDF_Page_CreateURILinkAnnot(page, area, link->url.c_str()), "add a link");
      pdf.check(HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0), "style a link");
      tree.add_link(annotation, link->element, link->url);
    } else if (const auto* image = std::get_if<layout::ImageItem>(&item)) {
      const char* name = pdf.check(HPDF_Page_GetXObjectName(page, images.at(image->image.get())), "name a picture");
      mark(image->element, none, 0, none, image->x);
      content.draw_image(*image, name);
      tree.add_box(image->element, image->x, image->y, image->width, image->height);
    } else if (const auto* group = std::get_if<layout::RectGroupItem>(&item)) {
      mark(group->element, none, 0, none, group->x);
      content.fill_rects(*group);
      tree.add_box(group->element, group->x, group->y, group->width, group->height);
    }
  }
  if (open) content.close_marked();
  // A blank page (a booklet's last pages) still gets one byte of content: libharu deflates
  // nothing into no bytes at all, which is not a zlib stream (MuPDF: "premature end of data").
  std::string bytes = content.take_bytes();
  if (bytes.empty()) bytes = "\n";
  fingerprint.add(bytes);
  pdf.keep_stream_data(static_cast<HPDF_PageAttr>(page->attr)->contents, std::move(bytes));
}

/// A PDF being written page by page: what comes before the pages (metadata, pictures, the
/// structure tree) when it is made, each page in turn, then what comes after them.
class PdfWriter {
 public:
  PdfWriter(const layout::Pages& pages, const PdfOptions& options)
      : options_(options), images_(start(pages)), tree_(pdf_, pages) {}

  void write(const layout::Page& page) { write_page(pdf_, page, fonts_, images_, tree_, fingerprint_); }

  /// The finished file; `pages`' title, language and labels go in with the fonts.
  std::string finish(const layout::Pages& pages) {
    embed_fonts(pdf_, fonts_, fingerprint_);
    tree_.finish();
    write_page_labels(pdf_, pages.page_labels);
    for (const std::string& label : pages.page_labels) fingerprint_.add(label);
    write_xmp(pdf_, metadata_, pages, options_, fingerprint_);
    // ISO 32000-1 §14.4: the file identifier is a fingerprint of the content, so the same
    // input always gives the same /ID.
    return save_packed(pdf_, fingerprint_.digest());
  }

 private:
  /// Writes the document's metadata, its output intent and its pictures.
  EmbeddedImages start(const layout::Pages& pages) {
    // PDF/X-4 is built on PDF 1.6 (ISO 15930-7 §4), which embeds ICC profiles up to version
    // 4.1 (ISO 32000-1 Table 67); the loader refuses newer output profiles. Nothing else
    // leafpress writes is newer than 1.6.
    pdf_.get()->pdf_version = claims_pdfx(options_) ? HPDF_VER_16 : HPDF_VER_17;
    pdf_.check(HPDF_SetCompressionMode(pdf_.get(), HPDF_COMP_ALL), "enable compression");
    write_metadata(pdf_, pages, options_);
    metadata_ = start_xmp(pdf_);
    fingerprint_.add(pages.title);
    fingerprint_.add(pages.language);
    if (claims_pdfx(options_)) {
      write_output_intent(pdf_, *options_.output_intent);
      fingerprint_.add(options_.output_intent->identifier);
      fingerprint_.add(options_.output_intent->info);
      fingerprint_.add(options_.output_intent->registry);
      fingerprint_.add(*options_.output_intent->profile.bytes);
    }
    return embed_images(pdf_, pages, fingerprint_);
  }

  const PdfOptions& options_;
  HpdfDocument pdf_;
  HPDF_Dict metadata_ = nullptr;
  core::Fingerprint fingerprint_;
  EmbeddedImages images_;
  StructureTree tree_;
  PageFonts fonts_;
};

}  // namespace

std::string write_pdf(const layout::Pages& pages, const PdfOptions& options) {
  PdfWriter writer(pages, options);
  for (const layout::Page& page : pages.pages) writer.write(page);
  return writer.finish(pages);
}

std::string write_pdf(layout::Pages&& pages, const PdfOptions& options) {
  PdfWriter writer(pages, options);
  for (layout::Page& page : pages.pages) {
    writer.write(page);
    page.items = std::vector<layout::Item>();
  }
  // The pages' memory, free now but resident, goes back to the system (glibc's malloc keeps
  // freed pages below the top of its heap) before the fonts are subset and the file is put
  // together: else the peak is the layout's memory and the file's at once. Another document
  // about to be laid out would only take it back, page fault by page fault.
  if (options.return_pages_memory) malloc_trim(0);
  return writer.finish(pages);
}

}  // namespace leafpress::pdf
