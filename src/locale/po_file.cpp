#include "locale/po_file.hpp"

#include <gettext-po.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "core/c_handle.hpp"
#include "core/utf8.hpp"
#include "locale/gettextpo_functions.hpp"
#include "locale/translation_checks.hpp"

namespace leafpress::locale {
namespace {

using PoFileHandle =
    core::CHandle<std::remove_pointer_t<po_file_t>, [](po_file_t file) { libgettextpo().po_file_free(file); }>;
using PoIteratorHandle = core::CHandle<std::remove_pointer_t<po_message_iterator_t>,
                                       [](po_message_iterator_t it) { libgettextpo().po_message_iterator_free(it); }>;

/// An anonymous in-memory file: libgettextpo reads and writes only named files, and a
/// /proc/self/fd name lets it parse exactly the bytes we checked and write without touching
/// the disk (our own atomic write then puts the bytes in place).
class MemoryFile {
 public:
  MemoryFile() : fd_(memfd_create("leafpress-po", MFD_CLOEXEC)) {
    if (fd_ < 0) throw std::runtime_error(std::string("cannot create a memory file: ") + std::strerror(errno));
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  ~MemoryFile() { close(fd_); }

  std::string name() const { return "/proc/self/fd/" + std::to_string(fd_); }

  void write_all(std::string_view bytes) const {
    while (!bytes.empty()) {
      const ssize_t n = write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw std::runtime_error(std::string("cannot write a memory file: ") + std::strerror(errno));
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  std::string read_all() const {
    std::string out;
    char buffer[65536];
    for (off_t at = 0;;) {
      const ssize_t n = pread(fd_, buffer, sizeof buffer, at);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw std::runtime_error(std::string("cannot read a memory file: ") + std::strerror(errno));
      if (n == 0) return out;
      out.append(buffer, static_cast<std::size_t>(n));
      at += n;
    }
  }

 private:
  int fd_;
};

/// Where libgettextpo's error callbacks report. The callbacks carry no user data, so the
/// one parse or write under way on this thread is found through this pointer.
struct ErrorSink {
  core::Diagnostics* diags;
  std::string file_name;
};
thread_local ErrorSink* current_sink = nullptr;

void report(int severity, const char* filename, std::size_t line, std::size_t column, const char* text) {
  if (!current_sink) return;
  core::SourceLoc loc{current_sink->file_name, 0, 0};
  if (filename && line != static_cast<std::size_t>(-1)) {
    loc.line = static_cast<int>(line);
    if (column != static_cast<std::size_t>(-1)) loc.column = static_cast<int>(column) + 1;
  }
  std::string message = text ? text : "";
  while (!message.empty() && message.back() == '\n') message.pop_back();
  // Messages of several lines (warnings about the header) become one.
  for (auto at = message.find('\n'); at != std::string::npos; at = message.find('\n', at)) {
    const auto next = message.find_first_not_of(' ', at + 1);
    message.replace(at, (next == std::string::npos ? message.size() : next) - at, " ");
  }
  // libgettextpo ends a file with errors by a fatal "found N fatal errors": the errors
  // themselves are already reported at their lines.
  if (severity == PO_SEVERITY_FATAL_ERROR && message.rfind("found ", 0) == 0) return;
  if (severity == PO_SEVERITY_WARNING) {
    current_sink->diags->warning(loc, message);
  } else {
    current_sink->diags->error(loc, message, "is this a PO file? `msgfmt --check` shows what gettext makes of it");
  }
}

// gettext-po.c (0.21) reads the whole file and returns after a fatal error too (it raises the
// error limit to UINT_MAX and reports "found N fatal errors" last), so the callbacks return.
void on_error(int severity, po_message_t, const char* filename, std::size_t line, std::size_t column, int,
              const char* text) {
  report(severity, filename, line, column, text);
}

void on_error2(int severity, po_message_t, const char* filename1, std::size_t line1, std::size_t column1, int,
               const char* text1, po_message_t, const char*, std::size_t, std::size_t, int, const char* text2) {
  report(severity, filename1, line1, column1, (std::string(text1 ? text1 : "") + (text2 ? text2 : "")).c_str());
}

const po_xerror_handler kHandler{on_error, on_error2};

/// Sets current_sink for one call into libgettextpo.
class SinkScope {
 public:
  explicit SinkScope(ErrorSink& sink) { current_sink = &sink; }
  SinkScope(const SinkScope&) = delete;
  SinkScope& operator=(const SinkScope&) = delete;
  ~SinkScope() { current_sink = nullptr; }
};

/// The 1-based numbers of the lines that open a message ("msgid …"), and those that open
/// an obsolete one ("#~ msgid …"), in file order: libgettextpo keeps no line of a message,
/// and its messages come in file order, so the n-th message starts at the n-th such line.
struct MessageLines {
  std::vector<int> active;
  std::vector<int> obsolete;
};

MessageLines message_lines(std::string_view bytes) {
  MessageLines lines;
  int number = 0;
  for (std::size_t start = 0; start < bytes.size();) {
    const std::size_t end = std::min(bytes.find('\n', start), bytes.size());
    std::string_view line = bytes.substr(start, end - start);
    ++number;
    start = end + 1;
    line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
    if (line.rfind("msgid ", 0) == 0 || line.rfind("msgid\"", 0) == 0) {
      lines.active.push_back(number);
    } else if (line.rfind("#~", 0) == 0) {
      line.remove_prefix(2);
      line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
      if (line.rfind("msgid ", 0) == 0 || line.rfind("msgid\"", 0) == 0) lines.obsolete.push_back(number);
    }
  }
  return lines;
}

std::string text_or_empty(const char* text) { return text ? text : ""; }

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

/// "Name: value" lines of a header entry; a line without a colon is skipped.
std::vector<std::pair<std::string, std::string>> header_fields(std::string_view header) {
  std::vector<std::pair<std::string, std::string>> fields;
  for (std::size_t start = 0; start < header.size();) {
    const std::size_t end = std::min(header.find('\n', start), header.size());
    const std::string_view line = header.substr(start, end - start);
    start = end + 1;
    const auto colon = line.find(':');
    if (colon != std::string_view::npos) fields.emplace_back(trimmed(line.substr(0, colon)), trimmed(line.substr(colon + 1)));
  }
  return fields;
}

/// The charset a Content-Type header field names ("text/plain; charset=UTF-8" → "UTF-8").
std::string charset_of(std::string_view content_type) {
  const auto at = content_type.find("charset=");
  if (at == std::string_view::npos) return {};
  std::string_view rest = content_type.substr(at + 8);
  return trimmed(rest.substr(0, rest.find(';')));
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

PoEntry entry_of(po_message_t message) {
  PoEntry entry;
  entry.comments = lines_of(text_or_empty(libgettextpo().po_message_extracted_comments(message)));
  entry.translator_comments = text_or_empty(libgettextpo().po_message_comments(message));
  for (int i = 0; po_filepos_t pos = libgettextpo().po_message_filepos(message, i); ++i) {
    entry.references.push_back({text_or_empty(libgettextpo().po_filepos_file(pos)),
                                static_cast<int>(libgettextpo().po_filepos_start_line(pos))});
  }
  if (const char* context = libgettextpo().po_message_msgctxt(message)) entry.context = context;
  entry.source = text_or_empty(libgettextpo().po_message_msgid(message));
  entry.translation = text_or_empty(libgettextpo().po_message_msgstr(message));
  entry.previous_source = text_or_empty(libgettextpo().po_message_prev_msgid(message));
  entry.fuzzy = libgettextpo().po_message_is_fuzzy(message) != 0;
  entry.brace_format = libgettextpo().po_message_is_format(message, "python-brace-format") != 0;
  entry.obsolete = libgettextpo().po_message_is_obsolete(message) != 0;
  entry.plural = libgettextpo().po_message_msgid_plural(message) != nullptr;
  return entry;
}

/// Reports a message over the string limit, or whose text is not UTF-8 once its escapes
/// ("\\377", "\\xff") are read: the file's bytes were checked, its escapes were not.
void check_strings(const PoEntry& entry, const core::Limits& limits, core::Diagnostics& diags) {
  const std::string empty;
  const std::string* texts[] = {entry.context ? &*entry.context : &empty, &entry.source, &entry.translation,
                                &entry.previous_source, &entry.translator_comments};
  std::size_t longest = 0;
  bool utf8 = true;
  for (const std::string* text : texts) {
    longest = std::max(longest, text->size());
    utf8 = utf8 && !core::find_invalid_utf8(*text);
  }
  for (const std::string& comment : entry.comments) utf8 = utf8 && !core::find_invalid_utf8(comment);
  if (longest > limits.max_string_bytes) {
    diags.error(entry.loc, "string longer than the limit of " + core::format_bytes(limits.max_string_bytes),
                "split it into shorter strings, or raise the limit with --max-string-bytes");
  }
  if (!utf8) {
    diags.error(entry.loc, "the message is not UTF-8 once its escapes are read",
                "write the characters themselves, or escape only ASCII ('\\x41' is 'A')");
  }
}

/// Reports header fields that are not UTF-8 once their escapes are read.
void check_header(const PoFile& po, const std::string& file_name, core::Diagnostics& diags) {
  for (const auto& [key, value] : po.header) {
    if (!core::find_invalid_utf8(key) && !core::find_invalid_utf8(value)) continue;
    diags.error({file_name, 0, 0}, "the PO header is not UTF-8 once its escapes are read",
                "write the characters themselves, or escape only ASCII");
    return;
  }
}

/// Reports a header that declares another charset than UTF-8: libgettextpo does not
/// convert, and leaflets are UTF-8.
void check_charset(const PoFile& po, const std::string& file_name, core::Diagnostics& diags) {
  const std::string charset = charset_of(po.header_field("Content-Type"));
  if (charset.empty() || equals_ignoring_case(charset, "UTF-8") || charset == "CHARSET" ||
      equals_ignoring_case(charset, "ASCII")) {
    return;
  }
  diags.error({file_name, 0, 0}, "the PO file's charset is " + charset + "; leafpress reads UTF-8 only",
              "convert it with `msgconv --to-code=UTF-8`");
}

}  // namespace

std::string PoFile::header_field(std::string_view name) const {
  for (const auto& [key, value] : header) {
    if (key == name) return value;
  }
  return {};
}

std::string format_po(const PoFile& po, std::string_view title_comment) {
  const PoFileHandle file(libgettextpo().po_file_create());
  const PoIteratorHandle iterator(libgettextpo().po_message_iterator(file.get(), nullptr));
  const po_message_t header = libgettextpo().po_message_create();
  libgettextpo().po_message_set_msgid(header, "");
  // The text is UTF-8 whatever the header said: libgettextpo refuses to write non-ASCII
  // messages under a header that does not declare it.
  std::string header_text;
  bool has_content_type = false;
  for (const auto& [key, value] : po.header) {
    const bool content_type = key == "Content-Type";
    has_content_type = has_content_type || content_type;
    header_text += key + ": " + (content_type ? std::string("text/plain; charset=UTF-8") : value) + "\n";
  }
  if (!has_content_type) header_text += "Content-Type: text/plain; charset=UTF-8\n";
  libgettextpo().po_message_set_msgstr(header, header_text.c_str());
  libgettextpo().po_message_set_comments(header, (std::string(title_comment) + "\n").c_str());
  libgettextpo().po_message_insert(iterator.get(), header);
  for (const PoEntry& entry : po.entries) {
    const po_message_t message = libgettextpo().po_message_create();
    std::string extracted;
    for (const std::string& comment : entry.comments) extracted += comment + "\n";
    if (!extracted.empty()) libgettextpo().po_message_set_extracted_comments(message, extracted.c_str());
    if (!entry.translator_comments.empty())
      libgettextpo().po_message_set_comments(message, entry.translator_comments.c_str());
    for (const PoReference& ref : entry.references) {
      libgettextpo().po_message_add_filepos(message, ref.file.c_str(), static_cast<std::size_t>(ref.line));
    }
    if (entry.context) libgettextpo().po_message_set_msgctxt(message, entry.context->c_str());
    libgettextpo().po_message_set_msgid(message, entry.source.c_str());
    libgettextpo().po_message_set_msgstr(message, entry.translation.c_str());
    if (!entry.previous_source.empty())
      libgettextpo().po_message_set_prev_msgid(message, entry.previous_source.c_str());
    libgettextpo().po_message_set_fuzzy(message, entry.fuzzy ? 1 : 0);
    if (entry.brace_format) libgettextpo().po_message_set_format(message, "python-brace-format", 1);
    libgettextpo().po_message_set_obsolete(message, entry.obsolete ? 1 : 0);
    libgettextpo().po_message_insert(iterator.get(), message);
  }
  const MemoryFile out;
  core::Diagnostics diags;
  ErrorSink sink{&diags, "PO output"};
  {
    const SinkScope scope(sink);
    libgettextpo().po_file_write_v2(file.get(), out.name().c_str(), &kHandler);
  }
  if (diags.has_errors()) {
    throw std::runtime_error("libgettextpo could not write the PO file: " + in_reading_order(diags).front().message);
  }
  return out.read_all();
}

std::optional<PoFile> try_parse_po(std::string_view bytes, const std::string& file_name, const core::Limits& limits,
                                   core::Diagnostics& diags) {
  if (!check_translation_bytes(bytes, file_name, limits, diags)) return std::nullopt;
  const std::size_t errors_before = diags.error_count();
  const MemoryFile in;
  in.write_all(bytes);
  ErrorSink sink{&diags, file_name};
  PoFileHandle file;
  {
    const SinkScope scope(sink);
    file.reset(libgettextpo().po_file_read_v3(in.name().c_str(), &kHandler));
  }
  if (!file) {
    diags.error({file_name, 0, 0}, "libgettextpo cannot read the file");
    return std::nullopt;
  }
  const char* const* domains = libgettextpo().po_file_domains(file.get());
  if (domains && domains[0] && domains[1]) {
    diags.error({file_name, 0, 0}, "the PO file has several domains; a leaflet's strings are one",
                "remove the `domain` lines");
  }
  PoFile po;
  if (const char* header = libgettextpo().po_file_domain_header(file.get(), nullptr)) po.header = header_fields(header);
  check_charset(po, file_name, diags);
  check_header(po, file_name, diags);

  const MessageLines lines = message_lines(bytes);
  std::size_t active = 0;
  std::size_t obsolete = 0;
  const PoIteratorHandle iterator(libgettextpo().po_message_iterator(file.get(), nullptr));
  while (const po_message_t message = libgettextpo().po_next_message(iterator.get())) {
    PoEntry entry = entry_of(message);
    const auto& numbers = entry.obsolete ? lines.obsolete : lines.active;
    std::size_t& index = entry.obsolete ? obsolete : active;
    entry.loc = {file_name, index < numbers.size() ? numbers[index] : 0, index < numbers.size() ? 1 : 0};
    ++index;
    if (!entry.obsolete && !entry.context && entry.source.empty()) continue;  // the header entry
    check_strings(entry, limits, diags);
    po.entries.push_back(std::move(entry));
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return po;
}

}  // namespace leafpress::locale
