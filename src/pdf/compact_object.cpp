#include "pdf/compact_object.hpp"

#include <hpdf_utils.h>

#include <algorithm>
#include <charconv>
#include <cstring>

#include "pdf/string_sink.hpp"
#include "pdf/to_unicode.hpp"

namespace leafpress::pdf {
namespace {

bool is_white(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

bool is_delimiter(char c) { return CompactTokens::is_delimiter(c); }

/// HPDF_IToA's digits of `value` (clamped to libharu's smallest integer) at `at`; returns
/// their end.
char* write_integer(char* at, HPDF_INT32 value) {
  return std::to_chars(at, at + HPDF_INT_LEN + 1, std::max<HPDF_INT32>(value, HPDF_LIMIT_MIN_INT)).ptr;
}

/// Writes what HPDF_Obj_WriteValue writes of a libharu object, through CompactTokens.
class CompactWriter {
 public:
  CompactWriter(HpdfDocument& pdf, std::string& out) : pdf_(pdf), tokens_(out) {}

  /// What HPDF_Obj_WriteValue writes: the object itself, even an indirect one.
  void value(void* object) {
    const auto* header = static_cast<const HPDF_Obj_Header*>(object);
    switch (header->obj_class & HPDF_OCLASS_ANY) {
      case HPDF_OCLASS_NAME:
        return tokens_.name(static_cast<HPDF_Name>(object)->value);
      case HPDF_OCLASS_NUMBER:
        return tokens_.integer(static_cast<HPDF_Number>(object)->value);
      case HPDF_OCLASS_REAL:
        return tokens_.real(static_cast<HPDF_Real>(object)->value);
      case HPDF_OCLASS_BINARY: {
        const auto binary = static_cast<HPDF_Binary>(object);
        return tokens_.hex({reinterpret_cast<const char*>(binary->value), binary->len});
      }
      case HPDF_OCLASS_BOOLEAN:
        return tokens_.token(static_cast<HPDF_Boolean>(object)->value ? "true" : "false");
      case HPDF_OCLASS_NULL:
        return tokens_.token("null");
      case HPDF_OCLASS_ARRAY:
        return array(static_cast<HPDF_Array>(object));
      case HPDF_OCLASS_DICT:
        return dict(static_cast<HPDF_Dict>(object));
      default:
        return through_libharu(object);  // a literal string, or what libharu refuses
    }
  }

 private:
  /// What HPDF_Obj_Write writes of an entry: nothing for a hidden object, "n g R" for a
  /// reference (a proxy of an indirect object), else the value.
  void entry(void* object) {
    const auto* header = static_cast<const HPDF_Obj_Header*>(object);
    if (header->obj_id & HPDF_OTYPE_HIDDEN) return;
    if (header->obj_class != HPDF_OCLASS_PROXY) return value(object);
    tokens_.reference(static_cast<HPDF_Proxy>(object)->obj);
  }

  void dict(HPDF_Dict dict) {
    // Streams, pages and the like write themselves, with callbacks.
    if (dict->stream || dict->before_write_fn || dict->write_fn || dict->after_write_fn) return through_libharu(dict);
    tokens_.open_dict();
    for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
      const auto* element = static_cast<HPDF_DictElement>(dict->list->obj[i]);
      if (!element->value) throw PdfError("libharu holds a dictionary entry without a value");
      if (static_cast<const HPDF_Obj_Header*>(element->value)->obj_id & HPDF_OTYPE_HIDDEN) continue;
      tokens_.name(element->key);
      entry(element->value);
    }
    tokens_.close_dict();
  }

  void array(HPDF_Array array) {
    tokens_.open_array();
    for (HPDF_UINT i = 0; i < array->list->count; ++i) entry(array->list->obj[i]);
    tokens_.close_array();
  }

  void through_libharu(void* object) {
    std::string written;
    {
      StringSink sink(pdf_, written);
      pdf_.check(HPDF_Obj_WriteValue(object, sink.get(), nullptr), "write an object");
    }
    std::string compact;
    append_compact(compact, written);
    if (!compact.empty()) tokens_.token(compact);
  }

  HpdfDocument& pdf_;
  CompactTokens tokens_;
};

}  // namespace

void append_compact(std::string& out, std::string_view object) {
  const std::size_t start = out.size();
  for (std::size_t i = 0; i < object.size();) {
    const char c = object[i];
    if (is_white(c)) {
      while (i < object.size() && is_white(object[i])) ++i;
      const bool after_delimiter = out.size() == start || is_delimiter(out.back());
      if (!after_delimiter && i < object.size() && !is_delimiter(object[i])) out += ' ';
      continue;
    }
    if (c == '(') {
      int depth = 0;
      const std::size_t begin = i;
      for (; i < object.size(); ++i) {
        if (object[i] == '\\') {
          ++i;
        } else if (object[i] == '(') {
          ++depth;
        } else if (object[i] == ')' && --depth == 0) {
          ++i;
          break;
        }
      }
      out.append(object.substr(begin, i - begin));
      continue;
    }
    if (c == '<' && i + 1 < object.size() && object[i + 1] == '<') {
      out += "<<";
      i += 2;
      continue;
    }
    if (c == '<') {
      const std::size_t end = object.find('>', i);
      const std::size_t stop = end == std::string_view::npos ? object.size() : end + 1;
      out.append(object.substr(i, stop - i));
      i = stop;
      continue;
    }
    out += c;
    ++i;
  }
}

void CompactTokens::name(std::string_view value) {
  const std::string_view name = value.substr(0, std::min<std::size_t>(value.size(), HPDF_LIMIT_MAX_NAME_LEN));
  out_ += '/';
  if (std::none_of(name.begin(), name.end(), [](char c) { return HPDF_NEEDS_ESCAPE(static_cast<HPDF_BYTE>(c)); })) {
    out_.append(name);  // nearly every name
    return;
  }
  for (const char byte : name) {
    const auto c = static_cast<HPDF_BYTE>(byte);
    if (HPDF_NEEDS_ESCAPE(c)) {
      out_ += '#';
      append_hex(out_, {&byte, 1});
    } else {
      out_ += byte;
    }
  }
}

void CompactTokens::integer(HPDF_INT32 value) {
  char text[HPDF_INT_LEN + 1];
  const char* end = write_integer(text, value);
  token({text, static_cast<std::size_t>(end - text)});
}

void CompactTokens::real(HPDF_REAL value) {
  char text[HPDF_REAL_LEN + 1];
  const char* end = HPDF_FToA(text, value, text + HPDF_REAL_LEN);
  token({text, static_cast<std::size_t>(end - text)});
}

void CompactTokens::reference(const void* indirect) {
  const auto* header = static_cast<const HPDF_Obj_Header*>(indirect);
  char text[2 * HPDF_INT_LEN + 8];
  char* end = write_integer(text, static_cast<HPDF_INT32>(header->obj_id & 0x00FFFFFF));
  *end++ = ' ';
  end = write_integer(end, header->gen_no);
  *end++ = ' ';
  *end++ = 'R';
  token({text, static_cast<std::size_t>(end - text)});
}

void CompactTokens::hex(std::string_view bytes) {
  out_ += '<';
  append_hex(out_, bytes);
  out_ += '>';
}

void append_compact_object(HpdfDocument& pdf, void* object, std::string& out) { CompactWriter(pdf, out).value(object); }

}  // namespace leafpress::pdf
