#pragma once

#include <cstring>
#include <string>
#include <string_view>

#include "pdf/hpdf_document.hpp"

namespace leafpress::pdf {

/// `object` (one object as libharu writes it: "<<\n/Type /Font\n/W [ 1 [ 724 ] ]\n>>")
/// appended to `out` with only the white space that separates two tokens (§7.2.2-§7.2.3):
/// "<</Type/Font/W[1[724]]>>". Strings are copied as they are: a literal string to its
/// balancing parenthesis, escapes included (§7.3.4.2), a hex string to its '>'.
void append_compact(std::string& out, std::string_view object);

/// Appends an object's tokens to a string in the compact syntax append_compact leaves of
/// libharu's writing: libharu puts white space between any two tokens, and a space stays only
/// where neither side of it is a delimiter (nor the object's start). Each token is written
/// as libharu writes it: a name escaped as HPDF_Stream_WriteEscapeName escapes it, an integer
/// as HPDF_IToA, a real as HPDF_FToA, a byte string in upper-case hex, a reference "n g R".
class CompactTokens {
 public:
  /// Tokens from here on, the object starting at `out`'s end.
  explicit CompactTokens(std::string& out) : out_(out), start_(out.size()) {}

  /// A name of `value`'s first HPDF_LIMIT_MAX_NAME_LEN bytes.
  void name(std::string_view value);
  void name(const char* value) { name(std::string_view(value, strnlen(value, HPDF_LIMIT_MAX_NAME_LEN))); }
  void integer(HPDF_INT32 value);
  void real(HPDF_REAL value);
  /// "n g R" for indirect object `indirect`.
  void reference(const void* indirect);
  /// A byte string, in hex.
  void hex(std::string_view bytes);
  void open_dict() { token("<<"); }
  void close_dict() { token(">>"); }
  void open_array() { token("["); }
  void close_array() { token("]"); }
  /// `text`, a space before it when the token before and it would otherwise run together.
  void token(std::string_view text) {
    if (out_.size() > start_ && !is_delimiter(out_.back()) && !is_delimiter(text.front())) out_ += ' ';
    out_.append(text);
  }

  /// ISO 32000-1 §7.2.2's delimiters.
  static bool is_delimiter(char c) {
    return c == '[' || c == ']' || c == '<' || c == '>' || c == '(' || c == ')' || c == '/' || c == '{' || c == '}';
  }

 private:
  std::string& out_;
  const std::size_t start_;
};

/// The value of libharu object `object` (not a stream) appended to `out` exactly as
/// append_compact would append what HPDF_Obj_WriteValue writes of it, but written here
/// rather than through libharu's stream a few bytes a call: names, numbers, reals, booleans,
/// nulls, hex strings, references, and the arrays and plain dictionaries made of them. What
/// libharu writes with its own code (a dictionary with write callbacks, a literal string)
/// libharu still writes, and append_compact compacts. Throws PdfError when libharu fails.
void append_compact_object(HpdfDocument& pdf, void* object, std::string& out);

}  // namespace leafpress::pdf
