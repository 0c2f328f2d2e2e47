#include "pdf/page_boxes.hpp"

#include "pdf/pdf_number.hpp"

namespace leafpress::pdf {
namespace {

// The page dictionary's entry holding the boxes' text for the write hook: a string object
// marked hidden, so libharu keeps it with the page but never writes it.
constexpr const char* kBoxesEntry = "LeafpressPressBoxes";

std::string box_array(const layout::Box& box, double page_height) {
  return "[" + pdf_box_number(box.x) + " " + pdf_box_number(page_height - box.y - box.height) + " " +
         pdf_box_number(box.x + box.width) + " " + pdf_box_number(page_height - box.y) + "]";
}

/// libharu's write hook of a page dictionary (HPDF_Dict_OnWriteFunc), called after the
/// entries it writes itself. C code calls it: it must not throw, and reports by status.
HPDF_STATUS write_box_entries(HPDF_Dict page, HPDF_Stream stream) noexcept {
  const auto boxes = static_cast<HPDF_String>(HPDF_Dict_GetItem(page, kBoxesEntry, HPDF_OCLASS_STRING));
  if (!boxes) return HPDF_INVALID_OBJECT;
  return HPDF_Stream_Write(stream, boxes->value, boxes->len);
}

void hide(void* object) { static_cast<HPDF_Obj_Header*>(object)->obj_id |= HPDF_OTYPE_HIDDEN; }

}  // namespace

std::string press_box_entries(const layout::Page& page) {
  const layout::Box media{0, 0, page.width, page.height};
  std::string out = "/MediaBox " + box_array(media, page.height) + "\n";
  if (page.press) {
    out += "/BleedBox " + box_array(page.press->bleed, page.height) + "\n";
    out += "/TrimBox " + box_array(page.press->trim, page.height) + "\n";
  }
  return out;
}

void set_press_boxes(HpdfDocument& pdf, HPDF_Page page, const layout::Page& layout_page) {
  auto media = static_cast<HPDF_Array>(HPDF_Dict_GetItem(page, "MediaBox", HPDF_OCLASS_ARRAY));
  pdf.check(media, "find a page's MediaBox");
  hide(media);
  const std::string entries = press_box_entries(layout_page);
  HPDF_String text = pdf.check(HPDF_String_New(pdf.mmgr(), entries.c_str(), nullptr), "write page boxes");
  pdf.check(HPDF_Dict_Add(page, kBoxesEntry, text), "write page boxes");
  hide(text);
  page->write_fn = write_box_entries;
}

}  // namespace leafpress::pdf
