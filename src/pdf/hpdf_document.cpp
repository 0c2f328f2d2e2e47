#include "pdf/hpdf_document.hpp"

#include <cstdio>

namespace leafpress::pdf {

HpdfDocument::HpdfDocument() {
  doc_ = HPDF_NewEx(&HpdfDocument::on_error, &HpdfArena::allocate, &HpdfArena::release, 0, this);
  if (!doc_) throw PdfError("libharu could not create a document");
}

HpdfDocument::~HpdfDocument() {
  if (doc_) HPDF_Free(doc_);
}

void HpdfDocument::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
  auto* document = static_cast<HpdfDocument*>(self);
  if (document->error_ == HPDF_OK) {
    document->error_ = error;
    document->detail_ = detail;
  }
}

void HpdfDocument::fail(const char* step) const {
  char code[64];
  std::snprintf(code, sizeof code, "error 0x%04X, detail %u", static_cast<unsigned>(error_),
                static_cast<unsigned>(detail_));
  throw PdfError(std::string("libharu failed to ") + step + " (" + code + ")");
}

void HpdfDocument::check(HPDF_STATUS status, const char* step) const {
  if (status != HPDF_OK || error_ != HPDF_OK) fail(step);
}

HPDF_Dict HpdfDocument::indirect_dict() {
  HPDF_Dict dict = check(HPDF_Dict_New(mmgr()), "create a dictionary");
  check(HPDF_Xref_Add(xref(), dict), "register a dictionary");
  return dict;
}

HPDF_Dict HpdfDocument::stream(std::string_view bytes, bool compress) {
  HPDF_Dict dict = check(HPDF_DictStream_New(mmgr(), xref()), "create a stream");
  dict->filter = compress ? HPDF_STREAM_FILTER_FLATE_DECODE : HPDF_STREAM_FILTER_NONE;
  keep_stream_data(dict, std::string(bytes));
  return dict;
}

void HpdfDocument::keep_stream_data(HPDF_Dict dict, std::string bytes) {
  if (dict->filter != HPDF_STREAM_FILTER_NONE && dict->filter != HPDF_STREAM_FILTER_FLATE_DECODE) {
    throw PdfError("a stream filtered otherwise than by Flate cannot keep its data outside libharu");
  }
  kept_data_[dict] = std::move(bytes);
}

HPDF_Dict HpdfDocument::deflated_stream(std::string deflated) {
  HPDF_Dict dict = stream({}, true);
  keep_stream_data(dict, std::move(deflated));
  deflated_.insert(dict);
  return dict;
}

const std::string* HpdfDocument::kept_stream_data(HPDF_Dict dict) const {
  const auto found = kept_data_.find(dict);
  return found == kept_data_.end() ? nullptr : &found->second;
}

void* HpdfDocument::written_object() {
  HPDF_Null object = check(HPDF_Null_New(mmgr()), "create an object");
  check(HPDF_Xref_Add(xref(), object), "register an object");
  written_.emplace(object, std::string());
  return object;
}

void HpdfDocument::set_written(const void* object, std::string compact) {
  const auto found = written_.find(object);
  if (found == written_.end()) throw PdfError("an object libharu writes was given bytes of its own");
  found->second = std::move(compact);
}

const std::string* HpdfDocument::written(const void* object) const {
  const auto found = written_.find(object);
  return found == written_.end() ? nullptr : &found->second;
}

HPDF_Array HpdfDocument::array() { return check(HPDF_Array_New(mmgr()), "create an array"); }

HPDF_Binary HpdfDocument::binary(std::string_view bytes) {
  return check(HPDF_Binary_New(mmgr(), const_cast<HPDF_BYTE*>(reinterpret_cast<const HPDF_BYTE*>(bytes.data())),
                               static_cast<HPDF_UINT>(bytes.size())),
               "create a string");
}

}  // namespace leafpress::pdf
