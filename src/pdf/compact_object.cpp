#include "pdf/compact_object.hpp"

#include <hpdf_utils.h>

#include <algorithm>
#include <charconv>
#include <cstring>

#include "pdf/string_sink.hpp"

namespace leafpress::pdf {
namespace {

bool is_white(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

bool is_delimiter(char c) {
  return c == '[' || c == ']' || c == '<' || c == '>' || c == '(' || c == ')' || c == '/' || c == '{' || c == '}';
}

constexpr char kHexDigits[] = "0123456789ABCDEF";

/// HPDF_IToA's digits of `value` (clamped to libharu's smallest integer) at `at`; returns
/// their end.
char* integer(char* at, HPDF_INT32 value) {
  return std::to_chars(at, at + HPDF_INT_LEN + 1, std::max<HPDF_INT32>(value, HPDF_LIMIT_MIN_INT)).ptr;
}

/// Writes one object's tokens into `out` as append_compact leaves libharu's: libharu puts
/// white space between any two tokens, and a space stays only where neither side of it is a
/// delimiter (nor the object's start).
class CompactWriter {
 public:
  CompactWriter(HpdfDocument& pdf, std::string& out) : pdf_(pdf), out_(out), start_(out.size()) {}

  /// What HPDF_Obj_WriteValue writes: the object itself, even an indirect one.
  void value(void* object) {
    const auto* header = static_cast<const HPDF_Obj_Header*>(object);
    switch (header->obj_class & HPDF_OCLASS_ANY) {
      case HPDF_OCLASS_NAME:
        return name(static_cast<HPDF_Name>(object)->value);
      case HPDF_OCLASS_NUMBER: {
        char text[HPDF_INT_LEN + 1];
        const char* end = integer(text, static_cast<HPDF_Number>(object)->value);
        return token({text, static_cast<std::size_t>(end - text)});
      }
      case HPDF_OCLASS_REAL: {
        char text[HPDF_REAL_LEN + 1];
        const char* end = HPDF_FToA(text, static_cast<HPDF_Real>(object)->value, text + HPDF_REAL_LEN);
        return token({text, static_cast<std::size_t>(end - text)});
      }
      case HPDF_OCLASS_BINARY:
        return binary(static_cast<HPDF_Binary>(object));
      case HPDF_OCLASS_BOOLEAN:
        return token(static_cast<HPDF_Boolean>(object)->value ? "true" : "false");
      case HPDF_OCLASS_NULL:
        return token("null");
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
    const auto* target = static_cast<const HPDF_Obj_Header*>(static_cast<HPDF_Proxy>(object)->obj);
    char text[2 * HPDF_INT_LEN + 8];
    char* end = integer(text, static_cast<HPDF_INT32>(target->obj_id & 0x00FFFFFF));
    *end++ = ' ';
    end = integer(end, target->gen_no);
    *end++ = ' ';
    *end++ = 'R';
    token({text, static_cast<std::size_t>(end - text)});
  }

  void dict(HPDF_Dict dict) {
    // Streams, pages and the like write themselves, with callbacks.
    if (dict->stream || dict->before_write_fn || dict->write_fn || dict->after_write_fn) return through_libharu(dict);
    token("<<");
    for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
      const auto* element = static_cast<HPDF_DictElement>(dict->list->obj[i]);
      if (!element->value) throw PdfError("libharu holds a dictionary entry without a value");
      if (static_cast<const HPDF_Obj_Header*>(element->value)->obj_id & HPDF_OTYPE_HIDDEN) continue;
      name(element->key);
      entry(element->value);
    }
    token(">>");
  }

  void array(HPDF_Array array) {
    token("[");
    for (HPDF_UINT i = 0; i < array->list->count; ++i) entry(array->list->obj[i]);
    token("]");
  }

  /// HPDF_Stream_WriteEscapeName: '/' and at most HPDF_LIMIT_MAX_NAME_LEN bytes, each byte
  /// HPDF_NEEDS_ESCAPE names as #XX.
  void name(const char* value) {
    const std::size_t length = strnlen(value, HPDF_LIMIT_MAX_NAME_LEN);
    const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(value);
    out_ += '/';
    if (std::none_of(bytes, bytes + length, [](HPDF_BYTE c) { return HPDF_NEEDS_ESCAPE(c); })) {
      out_.append(value, length);  // nearly every name
      return;
    }
    for (std::size_t i = 0; i < length; ++i) {
      const HPDF_BYTE c = bytes[i];
      if (HPDF_NEEDS_ESCAPE(c)) {
        const char escaped[3] = {'#', kHexDigits[c >> 4], kHexDigits[c & 0x0F]};
        out_.append(escaped, 3);
      } else {
        out_ += static_cast<char>(c);
      }
    }
  }

  /// HPDF_Binary_Write: the bytes in upper-case hex between < and >.
  void binary(HPDF_Binary binary) {
    out_ += '<';
    const std::size_t at = out_.size();
    out_.resize(at + 2 * static_cast<std::size_t>(binary->len));
    char* digits = out_.data() + at;
    for (HPDF_UINT i = 0; i < binary->len; ++i) {
      *digits++ = kHexDigits[binary->value[i] >> 4];
      *digits++ = kHexDigits[binary->value[i] & 0x0F];
    }
    out_ += '>';
  }

  void through_libharu(void* object) {
    std::string written;
    {
      StringSink sink(pdf_, written);
      pdf_.check(HPDF_Obj_WriteValue(object, sink.get(), nullptr), "write an object");
    }
    std::string compact;
    append_compact(compact, written);
    if (!compact.empty()) token(compact);
  }

  /// `text`, a space before it when the token before and it would otherwise run together.
  void token(std::string_view text) {
    if (out_.size() > start_ && !is_delimiter(out_.back()) && !is_delimiter(text.front())) out_ += ' ';
    out_.append(text);
  }

  HpdfDocument& pdf_;
  std::string& out_;
  const std::size_t start_;
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

void append_compact_object(HpdfDocument& pdf, void* object, std::string& out) { CompactWriter(pdf, out).value(object); }

}  // namespace leafpress::pdf
