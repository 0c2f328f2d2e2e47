#include "engines/pdf_text_model.hpp"

#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "support/process.hpp"

namespace leafpress::engines {
namespace {

using Json = nlohmann::json;

std::string base64_decode(const std::string& text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (const char c : text) {
    const int v = value(c);
    if (v < 0) continue;
    bits = (bits << 6) | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

/// qpdf's JSON objects, with references followed.
class Objects {
 public:
  explicit Objects(const Json& objects) : objects_(objects) {}

  /// The value `v` stands for: a reference's target (its dictionary for a stream).
  const Json& resolve(const Json& v) const {
    if (!is_reference(v)) return v;
    const Json& object = objects_.at("obj:" + v.get<std::string>());
    if (object.contains("stream")) return object.at("stream").at("dict");
    return object.at("value");
  }
  /// A stream's decoded bytes, or empty when `v` is not a stream.
  std::string stream_data(const Json& v) const {
    if (!is_reference(v)) return {};
    const Json& object = objects_.at("obj:" + v.get<std::string>());
    if (!object.contains("stream") || !object.at("stream").contains("data")) return {};
    return base64_decode(object.at("stream").at("data").get<std::string>());
  }
  static bool is_reference(const Json& v) {
    if (!v.is_string()) return false;
    const std::string& s = v.get_ref<const std::string&>();
    return s.size() > 4 && s.compare(s.size() - 2, 2, " R") == 0 && std::isdigit(static_cast<unsigned char>(s[0]));
  }
  const Json* get(const Json& dict, const std::string& key) const {
    const Json& d = resolve(dict);
    if (!d.is_object() || !d.contains(key)) return nullptr;
    return &d.at(key);
  }
  std::string name(const Json& dict, const std::string& key) const {
    const Json* v = get(dict, key);
    if (!v) return {};
    const Json& r = resolve(*v);
    if (!r.is_string()) return r.is_object() ? "(dict)" : "";
    const std::string s = r.get<std::string>();
    return s.empty() || s[0] != '/' ? s : s.substr(1);
  }

 private:
  const Json& objects_;
};

std::string hex_bytes(const std::string& hex) {
  std::string out;
  int high = -1;
  for (const char c : hex) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) continue;
    const int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10);
    if (high < 0) {
      high = v;
    } else {
      out += static_cast<char>(high * 16 + v);
      high = -1;
    }
  }
  if (high >= 0) out += static_cast<char>(high * 16);
  return out;
}

std::uint32_t code_value(const std::string& bytes) {
  std::uint32_t v = 0;
  for (const char c : bytes) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

std::u16string utf16be(const std::string& bytes) {
  std::u16string out;
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    out += static_cast<char16_t>((static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1]));
  }
  return out;
}

// --- content stream tokens (ISO 32000-1 §7.2, §7.3) ---

struct Token {
  enum Kind : unsigned char { kNumber, kString, kName, kOperator, kArrayStart, kArrayEnd, kDictStart, kDictEnd } kind;
  std::string text;  // a string's bytes, a name without '/', an operator, a number's text
};

bool is_delimiter(char c) { return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '/' || c == '%' || c == '{' || c == '}'; }
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

class Tokenizer {
 public:
  explicit Tokenizer(const std::string& data) : d_(data) {}

  std::optional<Token> next() {
    skip_space();
    if (at_ >= d_.size()) return std::nullopt;
    const char c = d_[at_];
    if (c == '(') return Token{Token::kString, literal_string()};
    if (c == '<' && peek(1) == '<') {
      at_ += 2;
      return Token{Token::kDictStart, "<<"};
    }
    if (c == '>' && peek(1) == '>') {
      at_ += 2;
      return Token{Token::kDictEnd, ">>"};
    }
    if (c == '<') {
      const auto end = d_.find('>', at_);
      if (end == std::string::npos) throw std::runtime_error("unterminated hex string in a content stream");
      std::string bytes = hex_bytes(d_.substr(at_ + 1, end - at_ - 1));
      at_ = end + 1;
      return Token{Token::kString, bytes};
    }
    if (c == '[') return ++at_, Token{Token::kArrayStart, "["};
    if (c == ']') return ++at_, Token{Token::kArrayEnd, "]"};
    if (c == '{' || c == '}') return ++at_, next();
    if (c == '/') {
      ++at_;
      return Token{Token::kName, regular()};
    }
    const std::string word = regular();
    if (word.empty()) throw std::runtime_error(std::string("unexpected '") + c + "' in a content stream");
    const bool number = word.find_first_not_of("+-.0123456789") == std::string::npos;
    return Token{number ? Token::kNumber : Token::kOperator, word};
  }

  /// After an inline image's ID operator: skips its data up to and including EI.
  void skip_inline_image() {
    for (std::size_t i = at_ + 1; i + 2 <= d_.size(); ++i) {
      if (d_[i] == 'E' && d_[i + 1] == 'I' && is_space(d_[i - 1]) && (i + 2 == d_.size() || is_space(d_[i + 2]))) {
        at_ = i + 2;
        return;
      }
    }
    at_ = d_.size();
  }

 private:
  char peek(std::size_t k) const { return at_ + k < d_.size() ? d_[at_ + k] : '\0'; }
  void skip_space() {
    while (at_ < d_.size()) {
      if (is_space(d_[at_])) {
        ++at_;
      } else if (d_[at_] == '%') {
        while (at_ < d_.size() && d_[at_] != '\n' && d_[at_] != '\r') ++at_;
      } else {
        break;
      }
    }
  }
  std::string regular() {
    const std::size_t start = at_;
    while (at_ < d_.size() && !is_space(d_[at_]) && !is_delimiter(d_[at_])) ++at_;
    return d_.substr(start, at_ - start);
  }
  std::string literal_string() {
    std::string out;
    int depth = 0;
    ++at_;
    while (at_ < d_.size()) {
      const char c = d_[at_++];
      if (c == '\\' && at_ < d_.size()) {
        const char e = d_[at_++];
        switch (e) {
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case '\r': if (at_ < d_.size() && d_[at_] == '\n') ++at_; break;
          case '\n': break;
          default:
            if (e >= '0' && e <= '7') {
              int v = e - '0';
              for (int k = 0; k < 2 && at_ < d_.size() && d_[at_] >= '0' && d_[at_] <= '7'; ++k) v = v * 8 + (d_[at_++] - '0');
              out += static_cast<char>(v & 0xFF);
            } else {
              out += e;
            }
        }
        continue;
      }
      if (c == '(') ++depth;
      if (c == ')' && depth-- == 0) return out;
      out += c;
    }
    throw std::runtime_error("unterminated string in a content stream");
  }

  const std::string& d_;
  std::size_t at_ = 0;
};

// --- the interpreter: only what decides which codes are shown in which font ---

struct State {
  std::string font;  // FontInfo::object
  int render_mode = 0;
};

struct Marked {
  int mcid = -1;
  bool artifact = false;
};

class Reader {
 public:
  Reader(const Objects& objects, PdfText& out) : objects_(objects), out_(out) {}

  void run(const std::string& content, const Json& resources, int page, int depth) {
    if (depth > 8) throw std::runtime_error("form XObjects nested too deeply");
    Tokenizer tokens(content);
    std::vector<Token> operands;
    std::vector<State> saved;
    State state;
    std::vector<Marked> marked;
    int nesting = 0;  // arrays and dictionaries being read as one operand
    while (auto token = tokens.next()) {
      if (token->kind != Token::kOperator || nesting > 0) {
        if (token->kind == Token::kArrayStart || token->kind == Token::kDictStart) ++nesting;
        if (token->kind == Token::kArrayEnd || token->kind == Token::kDictEnd) --nesting;
        operands.push_back(*token);
        continue;
      }
      const std::string& op = token->text;
      if (op == "q") {
        saved.push_back(state);
      } else if (op == "Q") {
        if (!saved.empty()) state = saved.back(), saved.pop_back();
      } else if (op == "Tf" && operands.size() >= 2) {
        state.font = font_object(resources, operands[operands.size() - 2].text);
      } else if (op == "Tr" && !operands.empty()) {
        state.render_mode = std::stoi(operands.back().text);
      } else if (op == "BMC" || op == "BDC") {
        marked.push_back(marked_content(operands, resources, marked));
      } else if (op == "EMC") {
        if (!marked.empty()) marked.pop_back();
      } else if (op == "Tj" || op == "'" || op == "\"" || op == "TJ") {
        show(operands, state, marked.empty() ? Marked{} : marked.back(), page);
      } else if (op == "Do" && !operands.empty()) {
        draw_form(resources, operands.back().text, page, depth);
      } else if (op == "ID") {
        tokens.skip_inline_image();
      }
      operands.clear();
    }
  }

 private:
  std::string font_object(const Json& resources, const std::string& name) {
    const Json* fonts = objects_.get(resources, "/Font");
    if (!fonts || !objects_.resolve(*fonts).contains("/" + name)) throw std::runtime_error("content uses font /" + name + " absent from its resources");
    const Json& ref = objects_.resolve(*fonts).at("/" + name);
    const std::string key = Objects::is_reference(ref) ? ref.get<std::string>() : "inline /" + name;
    if (!out_.fonts.count(key)) out_.fonts.emplace(key, font_info(ref, key));
    return key;
  }

  /// A CIDFont's /DW and /W (ISO 32000-1 §9.7.4.3): "c [w1 w2 ...]" gives codes from c on,
  /// "c_first c_last w" one width to a range.
  void read_widths(const Json& cid_font, FontInfo& f) const {
    if (const Json* dw = objects_.get(cid_font, "/DW")) f.default_width = objects_.resolve(*dw).get<double>();
    const Json* w = objects_.get(cid_font, "/W");
    if (!w) return;
    const Json& items = objects_.resolve(*w);
    for (std::size_t i = 0; i + 1 < items.size();) {
      const auto first = objects_.resolve(items[i]).get<std::uint32_t>();
      const Json& next = objects_.resolve(items[i + 1]);
      if (next.is_array()) {
        for (std::size_t k = 0; k < next.size(); ++k) f.widths[first + static_cast<std::uint32_t>(k)] = objects_.resolve(next[k]).get<double>();
        i += 2;
        continue;
      }
      if (i + 2 >= items.size()) throw std::runtime_error("a /W range without its width");
      const auto last = next.get<std::uint32_t>();
      const double width = objects_.resolve(items[i + 2]).get<double>();
      if (last < first || last - first > 0xFFFF) throw std::runtime_error("a /W range out of bounds");
      for (std::uint32_t code = first; code <= last; ++code) f.widths[code] = width;
      i += 3;
    }
  }

  FontInfo font_info(const Json& ref, const std::string& key) {
    FontInfo f;
    f.object = key;
    f.base_font = objects_.name(ref, "/BaseFont");
    f.subtype = objects_.name(ref, "/Subtype");
    f.encoding = objects_.name(ref, "/Encoding");
    if (const Json* tu = objects_.get(ref, "/ToUnicode")) {
      f.has_to_unicode = true;
      f.to_unicode = parse_to_unicode(objects_.stream_data(*tu));
    }
    Json descriptor_owner = ref;
    if (f.subtype == "Type0") {
      f.bytes_per_code = f.encoding == "Identity-H" || f.encoding == "Identity-V" ? 2 : 0;
      const Json* kids = objects_.get(ref, "/DescendantFonts");
      if (!kids) throw std::runtime_error("Type0 font " + key + " has no /DescendantFonts");
      descriptor_owner = objects_.resolve(*kids).at(0);
      f.descendant = objects_.name(descriptor_owner, "/Subtype");
      read_widths(descriptor_owner, f);
      if (const Json* map = objects_.get(descriptor_owner, "/CIDToGIDMap"); map && Objects::is_reference(*map)) {
        f.cid_to_gid_identity = false;
        const std::string bytes = objects_.stream_data(*map);
        for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
          f.cid_to_gid.push_back(static_cast<std::uint16_t>((static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1])));
        }
      }
    }
    if (const Json* descriptor = objects_.get(descriptor_owner, "/FontDescriptor")) {
      for (const char* file : {"/FontFile2", "/FontFile3", "/FontFile"}) {
        if (const Json* program = objects_.get(*descriptor, file)) {
          f.font_program = objects_.stream_data(*program);
          f.font_program_subtype = objects_.name(*program, "/Subtype");
        }
      }
    }
    return f;
  }

  Marked marked_content(const std::vector<Token>& operands, const Json& resources, const std::vector<Marked>& open) {
    Marked m = open.empty() ? Marked{} : open.back();
    if (operands.empty() || operands.front().kind != Token::kName) return m;
    if (operands.front().text == "Artifact") m.artifact = true;
    for (std::size_t i = 1; i + 1 < operands.size(); ++i) {
      if (operands[i].kind == Token::kName && operands[i].text == "MCID") m.mcid = std::stoi(operands[i + 1].text);
    }
    if (operands.size() == 2 && operands[1].kind == Token::kName) {
      // Properties named in the resources' /Properties dictionary.
      if (const Json* props = objects_.get(resources, "/Properties")) {
        if (const Json* p = objects_.get(*props, "/" + operands[1].text)) {
          if (const Json* id = objects_.get(*p, "/MCID")) m.mcid = objects_.resolve(*id).get<int>();
        }
      }
    }
    return m;
  }

  void show(const std::vector<Token>& operands, const State& state, const Marked& marked, int page) {
    if (state.font.empty()) throw std::runtime_error("text shown before any Tf");
    const FontInfo& font = out_.fonts.at(state.font);
    if (font.bytes_per_code == 0) throw std::runtime_error("font " + font.base_font + " has an encoding the checker cannot split: " + font.encoding);
    const std::size_t show_index = show_count_++;
    for (const Token& t : operands) {
      if (t.kind != Token::kString) continue;
      for (std::size_t i = 0; i + static_cast<std::size_t>(font.bytes_per_code) <= t.text.size(); i += static_cast<std::size_t>(font.bytes_per_code)) {
        out_.shown.push_back({page, state.font, code_value(t.text.substr(i, static_cast<std::size_t>(font.bytes_per_code))), state.render_mode,
                              marked.mcid, marked.artifact, show_index});
      }
    }
  }

  void draw_form(const Json& resources, const std::string& name, int page, int depth) {
    const Json* xobjects = objects_.get(resources, "/XObject");
    if (!xobjects) return;
    const Json* ref = objects_.get(*xobjects, "/" + name);
    if (!ref || objects_.name(*ref, "/Subtype") != "Form") return;
    const Json* own = objects_.get(*ref, "/Resources");
    run(objects_.stream_data(*ref), own ? *own : resources, page, depth + 1);
  }

  const Objects& objects_;
  PdfText& out_;
  std::size_t show_count_ = 0;
};

std::string content_of(const Objects& objects, const Json& page) {
  const Json* contents = objects.get(page, "/Contents");
  if (!contents) return {};
  if (contents->is_array()) {
    std::string all;
    for (const Json& part : *contents) all += objects.stream_data(part) + "\n";
    return all;
  }
  return objects.stream_data(*contents);
}

// Pages in order, with their inherited /Resources (ISO 32000-1 §7.7.3.4).
void collect_pages(const Objects& objects, const Json& node, const Json* inherited, std::vector<std::pair<Json, Json>>& pages, int depth) {
  if (depth > 32) throw std::runtime_error("page tree too deep");
  const Json* resources = objects.get(node, "/Resources");
  if (!resources) resources = inherited;
  if (objects.name(node, "/Type") == "Page" || !objects.get(node, "/Kids")) {
    pages.emplace_back(node, resources ? *resources : Json::object());
    return;
  }
  for (const Json& kid : objects.resolve(*objects.get(node, "/Kids"))) collect_pages(objects, kid, resources, pages, depth + 1);
}

}  // namespace

std::map<std::uint32_t, std::u16string> parse_to_unicode(const std::string& cmap) {
  std::map<std::uint32_t, std::u16string> map;
  Tokenizer tokens(cmap);
  std::vector<Token> pending;
  enum { kNone, kChar, kRange } section = kNone;
  while (auto t = tokens.next()) {
    if (t->kind == Token::kOperator) {
      if (t->text == "beginbfchar") section = kChar;
      else if (t->text == "beginbfrange") section = kRange;
      else if (t->text == "endbfchar" || t->text == "endbfrange") section = kNone;
      pending.clear();
      continue;
    }
    if (section == kNone) continue;
    pending.push_back(*t);
    if (section == kChar && pending.size() == 2) {
      map[code_value(pending[0].text)] = utf16be(pending[1].text);
      pending.clear();
    } else if (section == kRange && pending.size() >= 3) {
      if (pending[2].kind == Token::kArrayStart) {
        if (pending.back().kind != Token::kArrayEnd) continue;
        std::uint32_t code = code_value(pending[0].text);
        for (std::size_t k = 3; k + 1 < pending.size(); ++k) map[code++] = utf16be(pending[k].text);
      } else {
        const std::uint32_t low = code_value(pending[0].text), high = code_value(pending[1].text);
        std::u16string text = utf16be(pending[2].text);
        for (std::uint32_t code = low; code <= high && code - low < 0x10000; ++code) {
          map[code] = text;
          if (!text.empty()) ++text.back();  // §9.10.3: the last byte is incremented
        }
      }
      pending.clear();
    }
  }
  return map;
}

PdfText read_pdf_text(const std::filesystem::path& pdf) {
  const auto result = testing::run_process(
      {"qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", pdf.string()});
  // Exit code 3: warnings (a file qpdf had to repair); the JSON is still complete.
  if (result.exit_code != 0 && result.exit_code != 3) throw std::runtime_error("qpdf --json failed: " + result.err);
  const Json document = Json::parse(result.out);
  const Json& objects_json = document.at("qpdf").at(1);
  const Objects objects(objects_json);
  const Json& trailer = objects_json.at("trailer").at("value");
  const Json* root = objects.get(trailer, "/Root");
  if (!root) throw std::runtime_error("no /Root");
  std::vector<std::pair<Json, Json>> pages;
  collect_pages(objects, *objects.get(*root, "/Pages"), nullptr, pages, 0);
  PdfText text;
  Reader reader(objects, text);
  for (std::size_t i = 0; i < pages.size(); ++i) reader.run(content_of(objects, pages[i].first), pages[i].second, static_cast<int>(i + 1), 0);
  return text;
}

}  // namespace leafpress::engines
