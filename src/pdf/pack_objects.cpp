#include "pdf/pack_objects.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "core/deflate.hpp"
#include "pdf/compact_object.hpp"
#include "pdf/string_sink.hpp"
#include "pdf/to_unicode.hpp"

namespace leafpress::pdf {
namespace {

// Objects per object stream: a reader inflates a whole stream for any object in it.
constexpr std::size_t kObjectsPerStream = 200;

std::uint32_t object_number(void* object) {
  return static_cast<HPDF_Obj_Header*>(object)->obj_id & 0x00FFFFFF;
}

bool is_stream(void* object) {
  const auto* header = static_cast<HPDF_Obj_Header*>(object);
  return (header->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT && static_cast<HPDF_Dict>(object)->stream;
}

/// The names of the filters libharu applies or passes through, in the order HPDF_Dict_Write
/// names them.
std::vector<const char*> filter_names(HPDF_UINT filter) {
  std::vector<const char*> names;
  if (filter & HPDF_STREAM_FILTER_FLATE_DECODE) names.push_back("/FlateDecode");
  if (filter & HPDF_STREAM_FILTER_DCT_DECODE) names.push_back("/DCTDecode");
  if (filter & HPDF_STREAM_FILTER_CCITT_DECODE) names.push_back("/CCITTFaxDecode");
  return names;
}

/// A stream object's dictionary and data, as HPDF_Dict_Write writes them but with the
/// dictionary on one line and its /Length a number rather than an object of its own (§7.3.8.2
/// allows both): libharu's layout costs about 50 bytes a stream, and an object a stream.
/// A stream libharu would only deflate is deflated by `deflater` instead (libdeflate: smaller
/// and faster than libharu's zlib).
void write_stream(HpdfDocument& pdf, HPDF_Dict dict, std::string& out, HPDF_Stream sink, core::Deflater& deflater) {
  if (dict->before_write_fn) pdf.check(dict->before_write_fn(dict), "prepare a stream object");
  out += "<<";
  for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
    const auto* element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i));
    const std::string_view key = element->key;
    // libharu names the filters itself from dict->filter, and drops a /Filter entry of a
    // stream it does not filter (a picture's write_fn names the filter of its stored data).
    if (key == "Length" || key == "Filter" || (key == "DecodeParms" && dict->filterParams)) continue;
    pdf.check(HPDF_Stream_WriteEscapeName(sink, element->key), "write a key");
    out += ' ';
    pdf.check(HPDF_Obj_Write(element->value, sink, nullptr), "write a value");
  }
  if (dict->write_fn) pdf.check(dict->write_fn(dict, sink), "write a stream's own entries");
  const std::vector<const char*> filters = filter_names(dict->filter);
  if (filters.size() == 1) out += std::string("/Filter ") + filters.front();
  if (filters.size() > 1) {
    out += "/Filter [";
    for (const char* name : filters) out += name;
    out += ']';
  }
  if (!filters.empty() && dict->filterParams) {
    out += "/DecodeParms ";
    pdf.check(HPDF_Obj_Write(dict->filterParams, sink, nullptr), "write a stream's filter parameters");
  }
  std::string data;
  const bool deflate_here = dict->filter == HPDF_STREAM_FILTER_FLATE_DECODE && !pdf.keeps_deflated(dict);
  const std::string* bytes = pdf.kept_stream_data(dict);  // unfiltered, to deflate here, or deflated already
  if (!bytes) {
    StringSink data_sink(pdf, data);
    pdf.check(HPDF_Stream_WriteToStream(dict->stream, data_sink.get(),
                                        deflate_here ? HPDF_STREAM_FILTER_NONE : dict->filter, nullptr),
              "write a stream");
    bytes = &data;
  }
  if (deflate_here) {
    data = deflater.compressed(*bytes);
    bytes = &data;
  }
  out += "/Length " + std::to_string(bytes->size()) + ">>\nstream\n";
  out += *bytes;
  out += "\nendstream";
  if (dict->after_write_fn) pdf.check(dict->after_write_fn(dict), "finish a stream object");
}

/// The object number of `dict`'s /Length when it is an object of its own, else 0.
std::uint32_t length_object(HPDF_Dict dict) {
  void* length = HPDF_Dict_GetItem(dict, "Length", HPDF_OCLASS_NUMBER);
  if (!length) return 0;
  const auto* header = static_cast<HPDF_Obj_Header*>(length);
  return (header->obj_id & HPDF_OTYPE_INDIRECT) ? header->obj_id & 0x00FFFFFF : 0;
}

/// Where the cross-reference stream says an object is (§7.5.8.3, Table 18): type 1 at a byte
/// offset, type 2 as the index-th object of an object stream.
struct Entry {
  std::uint8_t type = 0;  // 0: free
  std::uint32_t field2 = 0;
  std::uint16_t field3 = 0;
};

void put_big_endian(std::string& out, std::uint64_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

std::string hex(const std::array<std::uint8_t, 16>& bytes) {
  return pdf::hex({reinterpret_cast<const char*>(bytes.data()), bytes.size()});
}

}  // namespace

std::string save_packed(HpdfDocument& pdf, const std::array<std::uint8_t, 16>& id) {
  HPDF_Doc doc = pdf.get();
  std::string out = doc->pdf_version == HPDF_VER_16 ? "%PDF-1.6\n" : "%PDF-1.7\n";
  out += "%\xB7\xBE\xAD\xAA\n";  // high bytes: the file is binary (§7.5.2)
  StringSink sink(pdf, out);
  core::Deflater deflater;
  HPDF_List entries = doc->xref->entries;
  std::vector<Entry> where(entries->count + 1);

  // Streams first, each with its length in its dictionary; the /Length objects libharu made
  // for them are left out (free in the cross-reference stream).
  std::vector<void*> others;
  std::vector<std::uint32_t> lengths;  // object numbers of the streams' /Length objects
  for (HPDF_UINT i = 1; i < entries->count; ++i) {
    void* object = static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(entries, i))->obj;
    if (!is_stream(object)) {
      others.push_back(object);
      continue;
    }
    const std::uint32_t number = object_number(object);
    where.at(number) = {1, static_cast<std::uint32_t>(out.size()), 0};
    out += std::to_string(number) + " 0 obj\n";
    const auto dict = static_cast<HPDF_Dict>(object);
    if (const std::uint32_t length = length_object(dict)) lengths.push_back(length);
    write_stream(pdf, dict, out, sink.get(), deflater);
    out += "\nendobj\n";
  }
  std::sort(lengths.begin(), lengths.end());
  std::vector<void*> packed;
  for (void* object : others) {
    if (!std::binary_search(lengths.begin(), lengths.end(), object_number(object))) packed.push_back(object);
  }

  // §7.5.7: each object stream holds N pairs "number offset", then the objects themselves.
  std::uint32_t next_number = static_cast<std::uint32_t>(entries->count);
  for (std::size_t first = 0; first < packed.size(); first += kObjectsPerStream) {
    const std::size_t last = std::min(packed.size(), first + kObjectsPerStream);
    const std::uint32_t stream_number = next_number++;
    std::string bodies;
    std::string pairs;
    for (std::size_t k = first; k < last; ++k) {
      const std::uint32_t number = object_number(packed[k]);
      where.resize(std::max<std::size_t>(where.size(), number + 1));
      where.at(number) = {2, stream_number, static_cast<std::uint16_t>(k - first)};
      pairs += std::to_string(number) + ' ' + std::to_string(bodies.size()) + ' ';
      if (const std::string* written = pdf.written(packed[k])) {
        bodies += *written;
      } else {
        append_compact_object(pdf, packed[k], bodies);
      }
      bodies += '\n';
    }
    const std::string data = deflater.compressed(pairs + bodies);
    where.resize(std::max<std::size_t>(where.size(), stream_number + 1));
    where.at(stream_number) = {1, static_cast<std::uint32_t>(out.size()), 0};
    out += std::to_string(stream_number) + " 0 obj\n<< /Type /ObjStm /N " + std::to_string(last - first) +
           " /First " + std::to_string(pairs.size()) + " /Filter /FlateDecode /Length " + std::to_string(data.size()) +
           " >>\nstream\n" + data + "\nendstream\nendobj\n";
  }

  // §7.5.8: the cross-reference stream, which is also the trailer.
  const std::uint32_t xref_number = next_number++;
  where.resize(std::max<std::size_t>(where.size(), xref_number + 1));
  const std::size_t xref_offset = out.size();
  where.at(xref_number) = {1, static_cast<std::uint32_t>(xref_offset), 0};
  if (out.size() > UINT32_MAX) throw PdfError("the PDF is over 4 GB");
  std::string table;
  where.at(0) = {0, 0, 65535};
  // The second field as wide as its largest value needs (§7.5.8.2: /W gives each width).
  std::uint32_t largest = 0;
  for (const Entry& entry : where) largest = std::max(largest, entry.field2);
  int width = 1;
  while (width < 4 && (largest >> (8 * width)) != 0) ++width;
  const std::size_t columns = 1 + static_cast<std::size_t>(width) + 2;
  std::string row;
  std::string above(columns, '\0');
  for (const Entry& entry : where) {
    row.clear();
    put_big_endian(row, entry.type, 1);
    put_big_endian(row, entry.field2, width);
    put_big_endian(row, entry.field3, 2);
    // PNG's Up predictor (§7.4.4.4, /Predictor 12): each row as its difference from the one
    // above, a tag byte 2 first; neighbouring entries mostly differ in their low bytes, so the
    // table deflates to about half.
    table += '\x02';
    for (std::size_t i = 0; i < columns; ++i) table += static_cast<char>(row[i] - above[i]);
    above = row;
  }
  const std::string data = deflater.compressed(table);
  const std::string ids = "<" + hex(id) + ">";
  out += std::to_string(xref_number) + " 0 obj\n<< /Type /XRef /Size " + std::to_string(where.size()) +
         " /W [1 " + std::to_string(width) + " 2] /Root " + std::to_string(object_number(doc->catalog)) + " 0 R /Info " +
         std::to_string(object_number(doc->info)) + " 0 R /ID [" + ids + ids +
         "] /Filter /FlateDecode /DecodeParms << /Columns " + std::to_string(columns) + " /Predictor 12 >> /Length " +
         std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream\nendobj\nstartxref\n" +
         std::to_string(xref_offset) + "\n%%EOF\n";
  return out;
}

}  // namespace leafpress::pdf
